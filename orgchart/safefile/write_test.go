//go:build linux

package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func write(t *testing.T, path, content string, opt Options) {
	t.Helper()
	if err := WriteFile(path, []byte(content), opt); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func perm(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// onlyFiles fails unless dir holds exactly the names given (no temporary
// file left behind).
func onlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("folder holds %q, want %q", got, want)
	}
}

func TestNewFileModeFollowsUmask(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	write(t, filepath.Join(dir, "a.yaml"), "a", Options{})
	if got := perm(t, filepath.Join(dir, "a.yaml")); got != 0o640 {
		t.Errorf("umask 027: new file mode %04o, want 0640", got)
	}
	syscall.Umask(0o002)
	write(t, filepath.Join(dir, "b.yaml"), "b", Options{})
	if got := perm(t, filepath.Join(dir, "b.yaml")); got != 0o664 {
		t.Errorf("umask 002: new file mode %04o, want 0664", got)
	}
	write(t, filepath.Join(dir, "c.yaml"), "c", Options{Private: true})
	if got := perm(t, filepath.Join(dir, "c.yaml")); got != 0o600 {
		t.Errorf("private: new file mode %04o, want 0600", got)
	}
}

func TestExistingFileKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "people.csv")
	for _, m := range []os.FileMode{0o600, 0o640, 0o604} {
		if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, m); err != nil {
			t.Fatal(err)
		}
		write(t, p, "new", Options{})
		if got := perm(t, p); got != m {
			t.Errorf("existing %04o became %04o", m, got)
		}
		if got := mustRead(t, p); got != "new" {
			t.Errorf("content %q", got)
		}
	}
	onlyFiles(t, dir, "people.csv")
}

func TestExistingFileKeepsOwnerAndGroup(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("changing a file's owner needs root")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.yaml")
	write(t, p, "old", Options{})
	if err := os.Chown(p, 4321, 4322); err != nil {
		t.Fatal(err)
	}
	write(t, p, "new", Options{})
	st, _ := os.Stat(p)
	sys := st.Sys().(*syscall.Stat_t)
	if sys.Uid != 4321 || sys.Gid != 4322 {
		t.Errorf("owner %d:%d, want 4321:4322", sys.Uid, sys.Gid)
	}
}

func TestReadOnlyTargetNeedsForce(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.yaml")
	write(t, p, "old", Options{})
	if err := os.Chmod(p, 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, []byte("new"), Options{})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "--force") || !strings.Contains(err.Error(), p) {
		t.Fatalf("read-only target: err %v", err)
	}
	if got := mustRead(t, p); got != "old" {
		t.Fatalf("refused save changed the file: %q", got)
	}
	write(t, p, "new", Options{Force: true})
	if got := mustRead(t, p); got != "new" {
		t.Fatalf("forced save: %q", got)
	}
	if got := perm(t, p); got != 0o444 {
		t.Errorf("forced save changed mode to %04o", got)
	}
	onlyFiles(t, dir, "plan.yaml")
}

func TestSymlinkWrittenThrough(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "real", "plan.yaml")
	write(t, target, "old", Options{})
	if err := os.Chmod(target, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("real/plan.yaml", link); err != nil {
		t.Fatal(err)
	}
	write(t, link, "new", Options{})
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st.Mode(), err)
	}
	if got := mustRead(t, target); got != "new" {
		t.Fatalf("target holds %q", got)
	}
	if got := perm(t, target); got != 0o600 {
		t.Errorf("target mode %04o, want 0600 kept", got)
	}
	onlyFiles(t, filepath.Join(dir, "real"), "plan.yaml")

	// A dangling link is written through too: its target is created.
	dangling := filepath.Join(dir, "dangling.png")
	if err := os.Symlink("real/chart.png", dangling); err != nil {
		t.Fatal(err)
	}
	write(t, dangling, "png", Options{})
	if got := mustRead(t, filepath.Join(dir, "real", "chart.png")); got != "png" {
		t.Fatalf("dangling link target holds %q", got)
	}
	if st, _ := os.Lstat(dangling); st.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the dangling link was replaced by a file")
	}
	// A loop of links is an error, not a hang.
	loop := filepath.Join(dir, "loop")
	os.Symlink("loop", loop)
	if err := WriteFile(loop, []byte("x"), Options{}); err == nil {
		t.Fatal("a link loop was written")
	}
}

func TestFailedFillLeavesTargetAndNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.yaml")
	write(t, p, "old", Options{})
	boom := errors.New("boom")
	err := Write(p, Options{}, func(w io.Writer) error {
		w.Write([]byte(strings.Repeat("partial", 100000)))
		return boom
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), p) {
		t.Fatalf("err %v", err)
	}
	if got := mustRead(t, p); got != "old" {
		t.Fatalf("target changed: %q", got)
	}
	onlyFiles(t, dir, "plan.yaml")
}

func TestTargetThatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(dir, []byte("x"), Options{Force: true}); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Fatalf("folder target: %v", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(fifo, []byte("x"), Options{}); err == nil || !strings.Contains(err.Error(), "FIFO") {
		t.Fatalf("FIFO target: %v", err)
	}
	onlyFiles(t, dir, "fifo")
}

func TestAbandonedTempsRemovedAtNextSave(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.yaml")
	write(t, p, "old", Options{})
	// Two leftovers of killed saves (nobody holds them), one save in
	// progress in another process (it holds the lock), and a file of
	// another plan.
	dead1 := filepath.Join(dir, ".plan.yaml"+tempInfix+"aaaa")
	dead2 := filepath.Join(dir, ".plan.yaml"+tempInfix+"bbbb")
	live := filepath.Join(dir, ".plan.yaml"+tempInfix+"cccc")
	other := filepath.Join(dir, ".other.yaml"+tempInfix+"dddd")
	for _, n := range []string{dead1, dead2, live, other} {
		if err := os.WriteFile(n, []byte("leftover"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	held, err := os.Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := lock(held, true); err != nil {
		t.Fatal(err)
	}
	write(t, p, "new", Options{})
	onlyFiles(t, dir, ".other.yaml.saving-dddd", ".plan.yaml.saving-cccc", "plan.yaml")
	held.Close()
	write(t, p, "newer", Options{})
	onlyFiles(t, dir, ".other.yaml.saving-dddd", "plan.yaml")
}

// TestHardLinkKeepsOldContent pins the documented choice: the saved name
// gets a new file, other names of the old one keep the old content.
func TestHardLinkKeepsOldContent(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.yaml")
	write(t, p, "old", Options{})
	other := filepath.Join(dir, "copy.yaml")
	if err := os.Link(p, other); err != nil {
		t.Fatal(err)
	}
	write(t, p, "new", Options{})
	if mustRead(t, p) != "new" || mustRead(t, other) != "old" {
		t.Fatalf("after save: %q, other name %q", mustRead(t, p), mustRead(t, other))
	}
}

func TestWriteToFullDisk(t *testing.T) {
	// /dev/full is not a folder; a save into a folder with no room is the
	// same path through Flush/Sync. Without a small file system at hand,
	// simulate a failing writer.
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.yaml")
	err := Write(p, Options{}, func(w io.Writer) error {
		_, err := w.Write(make([]byte, 10))
		if err != nil {
			return err
		}
		return syscall.ENOSPC
	})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err %v", err)
	}
	onlyFiles(t, dir)
}
