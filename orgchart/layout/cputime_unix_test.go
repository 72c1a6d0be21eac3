//go:build unix

package layout

import (
	"syscall"
	"time"
)

// cpuTime is the user plus system time this process has used: on a shared
// machine it moves less than wall time when other work competes for cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
