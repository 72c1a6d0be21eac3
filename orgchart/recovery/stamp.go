package recovery

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"time"
)

// FileStamp records what a plan file on disk looked like when the app read or
// wrote it, so that before saving the app can tell whether someone else (an
// editor, a sync tool, another Org Planner) changed it in between.
type FileStamp struct {
	Size    int64
	ModTime time.Time
	Sum     [sha256.Size]byte
	Exists  bool
}

// Stamp reads the file at path and records its size, modification time and
// content hash. A missing file gives a stamp with Exists false and no error.
func Stamp(path string) (FileStamp, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return FileStamp{}, nil
	}
	if err != nil {
		return FileStamp{}, fmt.Errorf("recovery: reading %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return FileStamp{}, fmt.Errorf("recovery: reading %s: %w", path, err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return FileStamp{}, fmt.Errorf("recovery: reading %s: %w", path, err)
	}
	s := FileStamp{Size: info.Size(), ModTime: info.ModTime(), Exists: true}
	h.Sum(s.Sum[:0])
	return s, nil
}

// StampBytes is Stamp for a file the caller has just read or written as data,
// without reading it again: size and time from the file, hash from data.
func StampBytes(path string, data []byte) (FileStamp, error) {
	info, err := os.Stat(path)
	if err != nil {
		return FileStamp{}, fmt.Errorf("recovery: reading %s: %w", path, err)
	}
	return FileStamp{Size: info.Size(), ModTime: info.ModTime(), Sum: sha256.Sum256(data), Exists: true}, nil
}

// Changed reports whether the file at path differs from the stamp: it was
// created, deleted or its content changed. A file only touched (new
// modification time, same bytes) has not changed. Size and time are
// compared first, so an unchanged file is not hashed.
func (s FileStamp) Changed(path string) (bool, error) {
	info, err := os.Stat(path)
	if os.IsNotExist(err) {
		return s.Exists, nil
	}
	if err != nil {
		return false, fmt.Errorf("recovery: checking %s: %w", path, err)
	}
	if !s.Exists || info.Size() != s.Size {
		return true, nil
	}
	if info.ModTime().Equal(s.ModTime) {
		return false, nil
	}
	now, err := Stamp(path)
	if err != nil {
		return false, err
	}
	return now.Sum != s.Sum, nil
}
