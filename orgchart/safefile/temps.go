package safefile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// createLocked creates a new temporary file dir/prefixRANDOM and takes an
// exclusive lock on it for as long as it stays open, so that another save's
// clean-up knows it is in use.
func createLocked(dir, prefix string, perm os.FileMode) (*os.File, error) {
	for try := 0; try < 100; try++ {
		var r [6]byte
		if _, err := rand.Read(r[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, prefix+hex.EncodeToString(r[:]))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if err := lock(f, true); err != nil {
			f.Close()
			os.Remove(name)
			return nil, err
		}
		// Another save's clean-up may have removed the file between its
		// creation and the lock; then start again with a new name.
		if same(f, name) {
			return f, nil
		}
		f.Close()
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// same reports whether name still names the open file f.
func same(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(name)
	return err == nil && os.SameFile(a, b)
}

// removeAbandoned deletes the temporary files of earlier saves of the same
// target that nobody holds any more (their save was killed): they hold plan
// data and would otherwise pile up, hidden, next to the plan. A file whose
// lock another process holds is a save in progress and is left alone.
// Errors are ignored: this is tidying, not saving.
func removeAbandoned(dir, prefix string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, n := range names {
		if !strings.HasPrefix(n, prefix) {
			continue
		}
		p := filepath.Join(dir, n)
		if st, err := os.Lstat(p); err != nil || !st.Mode().IsRegular() {
			continue
		}
		f, err := os.OpenFile(p, os.O_RDONLY|noFollow|nonBlock, 0)
		if err != nil {
			continue
		}
		if lock(f, false) == nil && same(f, p) {
			os.Remove(p)
		}
		f.Close()
	}
}
