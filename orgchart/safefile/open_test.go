//go:build linux

package safefile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestOpenRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "plan.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	os.Symlink("plan.yaml", link)
	for path, kind := range map[string]string{fifo: "FIFO", link: "FIFO", dir: "folder", "/dev/null": "device", "/dev/zero": "device"} {
		done := make(chan error, 1)
		go func() {
			_, err := ReadFile(path, 1<<20)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), kind) || !strings.Contains(err.Error(), path) {
				t.Errorf("%s: err %v, want one naming the path and %q", path, err, kind)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: ReadFile blocked", path)
		}
	}
}

func TestReadFileLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(p, make([]byte, 3<<10+1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(p, 3<<10); err == nil || !strings.Contains(err.Error(), "3 KB") {
		t.Fatalf("over the limit: %v", err)
	}
	data, err := ReadFile(p, 4<<10)
	if err != nil || len(data) != 3<<10+1 {
		t.Fatalf("within the limit: %d bytes, %v", len(data), err)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing"), 10); !os.IsNotExist(err) {
		t.Fatalf("missing file: %v", err)
	}
}
