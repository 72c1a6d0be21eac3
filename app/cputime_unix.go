//go:build unix

package app

import "syscall"

// cpuTime is the process's CPU time so far (user and system) in nanoseconds.
// Benchmarks report it per operation, and start-up timing beside each step,
// because on a shared machine wall time includes waiting for the CPU.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
