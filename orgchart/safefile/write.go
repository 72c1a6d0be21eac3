// Package safefile is the one way the project writes files and opens files
// it did not write. Write replaces a file atomically (a reader, or a crash,
// sees the old content or the new, never a mix) and behaves as a careful
// editor would with the file it replaces; Open and ReadFile refuse anything
// that is not a regular file before opening it, so a FIFO never blocks.
package safefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Options change how Write creates and replaces files.
type Options struct {
	// Private makes a new file readable by its owner only (0600), for
	// recovery copies; otherwise a new file gets 0666 less the umask.
	Private bool
	// Force allows replacing a target nobody may write (mode without the
	// owner's write bit), as `--force` on the command line.
	Force bool
}

// ErrReadOnly is wrapped by the error Write returns for a read-only target
// when Options.Force is not set.
var ErrReadOnly = errors.New("the file is read-only")

// tempInfix sits between the target's name and a random suffix in the names
// of temporary files: ".NAME.saving-RANDOM" next to NAME.
const tempInfix = ".saving-"

// maxLinks bounds how many symbolic links Write follows to find the target.
const maxLinks = 40

// Write writes path atomically with what fill puts into w: a temporary file
// in the target's folder is filled, synced, given the target's mode, owner
// and group, and renamed over the target; then the folder is synced. A
// symbolic link is written through to the file it names (created when the
// link dangles); the link itself stays. A read-only target is refused unless
// opt.Force. On every error the temporary file is removed and the target is
// untouched. Leftover temporary files of the same target from saves that
// were killed (no process holds their lock) are removed first.
//
// Hard links: the rename gives path a new inode, so other names of the old
// file keep the old content. Only writing in place would keep them, and that
// cannot be atomic: a crash mid-write would tear the plan.
func Write(path string, opt Options, fill func(w io.Writer) error) error {
	target, err := resolve(path)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	var existing fs.FileInfo
	switch st, err := os.Stat(target); {
	case err == nil:
		if !st.Mode().IsRegular() {
			return fmt.Errorf("save %s: %s is %s, not a regular file", path, target, Kind(st.Mode()))
		}
		if st.Mode().Perm()&0o200 == 0 && !opt.Force {
			return fmt.Errorf("save %s: %w (mode %04o): make it writable first (or, on the command line, use --force)", path, ErrReadOnly, st.Mode().Perm())
		}
		existing = st
	case errors.Is(err, fs.ErrNotExist):
	default:
		return fmt.Errorf("save %s: %w", path, err)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	prefix := "." + base + tempInfix
	removeAbandoned(dir, prefix)

	perm := os.FileMode(0o666) // the umask applies
	if opt.Private || existing != nil {
		perm = 0o600 // until the existing file's mode is copied
	}
	tmp, err := createLocked(dir, prefix, perm)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if existing != nil {
		copyOwner(tmp, existing) // before chmod: chown may clear set-id bits
		if err := tmp.Chmod(existing.Mode().Perm()); err != nil {
			return fmt.Errorf("save %s: %w", path, err)
		}
	}
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := fill(bw); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("save %s: sync: %w", path, err)
	}
	if err := os.Rename(name, target); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	ok = true
	// Closing releases the lock; after the rename nobody can mistake the
	// file for a leftover.
	closeErr := tmp.Close()
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("save %s: sync folder: %w", path, err)
	}
	if closeErr != nil {
		return fmt.Errorf("save %s: %w", path, closeErr)
	}
	return nil
}

// WriteFile writes data to path as Write does.
func WriteFile(path string, data []byte, opt Options) error {
	return Write(path, opt, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// resolve follows symbolic links from path to the file they finally name,
// which need not exist (a dangling link is written through, as a shell's
// `>` does).
func resolve(path string) (string, error) {
	target := path
	for i := 0; ; i++ {
		st, err := os.Lstat(target)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return target, nil
		}
		if i == maxLinks {
			return "", fmt.Errorf("more than %d symbolic links", maxLinks)
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
}

// syncDir makes a rename in dir durable. File systems that cannot sync a
// folder say so with EINVAL; that is not a failed save.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil // nothing to sync through (no read permission on the folder)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !dirSyncUnsupported(err) {
		return err
	}
	return nil
}
