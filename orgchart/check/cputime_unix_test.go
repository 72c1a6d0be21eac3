//go:build unix

package check_test

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the test process has used (all threads, GC
// included). Benchmarks report it per operation because the build machine is
// shared: wall time there measures the other jobs as much as this code.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
