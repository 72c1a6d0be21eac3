package state

import (
	"testing"
	"time"
)

func TestElapsedSaysSomethingTrue(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                        "under 0.1 ms",
		40 * time.Microsecond:    "under 0.1 ms",
		100 * time.Microsecond:   "0.1 ms",
		437 * time.Microsecond:   "0.4 ms",
		9940 * time.Microsecond:  "9.9 ms",
		10 * time.Millisecond:    "10 ms",
		1234 * time.Millisecond:  "1234 ms",
		12345 * time.Millisecond: "12.3 s",
	} {
		if got := Elapsed(d); got != want {
			t.Errorf("Elapsed(%v) = %q, want %q", d, got, want)
		}
	}
}
