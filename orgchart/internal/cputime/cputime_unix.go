//go:build unix

// Package cputime measures the CPU time of the process, for benchmarks on a
// shared machine: wall time there measures the other jobs as much as the
// code, CPU time (all threads, GC included) what the code costs.
package cputime

import (
	"syscall"
	"time"
)

// Process is the CPU time, user and system, the process has used so far;
// 0 when it cannot be read.
func Process() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
