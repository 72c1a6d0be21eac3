package recovery

import (
	"fmt"
	"os"
	"path/filepath"
)

// tempPrefix starts the names of files being written; they never end in ext,
// so List never sees a half-written copy.
const tempPrefix = ".tmp-"

// writeAtomic replaces path with data so that a crash at any moment leaves
// either the old file or the new one: write a temporary file in the same
// folder, fsync it, rename it over path, fsync the folder.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("syncing: %w", err)
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	// The rename is durable only once the folder entry is on disk.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
