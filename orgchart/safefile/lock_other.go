//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package safefile

import (
	"io/fs"
	"os"
)

const (
	noFollow = 0
	nonBlock = 0
)

// lock is a no-op where there is no flock: on Windows an open file cannot be
// removed, which protects a save in progress from another save's clean-up.
func lock(f *os.File, wait bool) error { return nil }

func copyOwner(f *os.File, old fs.FileInfo) {}

func dirSyncUnsupported(err error) bool { return true }
