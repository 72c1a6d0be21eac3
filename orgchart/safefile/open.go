package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Open opens path, a regular file, for reading. FIFOs, devices, sockets and
// folders are refused before they are opened (opening a FIFO would block
// until a writer comes); the file is opened without blocking and checked
// again, so one swapped in between is refused too.
func Open(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file", path, Kind(st.Mode()))
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	st, err = f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s is %s, not a regular file", path, Kind(st.Mode()))
	}
	return f, nil
}

// ReadFile reads path, a regular file of at most limit bytes; a bigger file
// is refused, naming the limit, before its content is read.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, tooBig(path, st.Size(), limit)
	}
	// The file may grow while it is read: never read more than limit+1.
	// The buffer is the file's size (and grows only if the file does): a
	// 32 MB plan read by io.ReadAll's doubling allocated and copied 70 MB.
	data, err := readAll(io.LimitReader(f, limit+1), min(st.Size(), limit)+1)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, tooBig(path, int64(len(data)), limit)
	}
	return data, nil
}

// ErrTooBig is wrapped by the error ReadFile returns for a file over its limit.
var ErrTooBig = errors.New("the file is too large")

func tooBig(path string, size, limit int64) error {
	return fmt.Errorf("%s is larger than the limit of %s (%d bytes): %w", path, humanSize(limit), size, ErrTooBig)
}

// humanSize writes n bytes as a person would read it: "32 MB", "512 KB".
func humanSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Kind names what a non-regular file is, for messages: "a folder", "a FIFO
// (named pipe)", "a device", "a socket".
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsRegular():
		return "a regular file"
	}
	return "not a regular file"
}

// readAll reads r to its end into a buffer of size bytes first, as
// os.ReadFile does.
func readAll(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}
