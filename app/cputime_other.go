//go:build !unix

package app

// cpuTime is unavailable here; benchmarks and start-up timing then report 0.
func cpuTime() int64 { return 0 }
