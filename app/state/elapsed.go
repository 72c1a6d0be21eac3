package state

import (
	"fmt"
	"time"
)

// Elapsed says how long something took for the status line: tenths of a
// millisecond below 10 ms (a small plan opens in well under one, and "0 ms"
// reads as nothing done), whole milliseconds below 10 s, then seconds.
func Elapsed(d time.Duration) string {
	switch {
	case d < 100*time.Microsecond:
		return "under 0.1 ms"
	case d < 10*time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	case d < 10*time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	default:
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
}
