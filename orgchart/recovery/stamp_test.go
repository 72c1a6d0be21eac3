package recovery

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestStampDetectsChangesOnDisk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.yaml")
	if err := os.WriteFile(path, []byte("version: 1\nname: A\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Stamp(path)
	if err != nil {
		t.Fatal(err)
	}
	changed := func(want bool, what string) {
		t.Helper()
		got, err := s.Changed(path)
		if err != nil || got != want {
			t.Errorf("%s: Changed = %v, %v; want %v", what, got, err, want)
		}
	}
	changed(false, "untouched")

	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	changed(false, "touched, same bytes")

	// Same size, different bytes, mtime moved: hashed and found changed.
	if err := os.WriteFile(path, []byte("version: 1\nname: B\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	changed(true, "same size, new content")

	if err := os.WriteFile(path, []byte("version: 1\nname: Longer\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	changed(true, "new size")

	os.Remove(path)
	changed(true, "deleted")
}

func TestStampOfMissingFileAndStampBytes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.yaml")
	s, err := Stamp(path)
	if err != nil || s.Exists {
		t.Fatalf("Stamp of a missing file = %+v, %v; want Exists false, no error", s, err)
	}
	if c, _ := s.Changed(path); c {
		t.Error("a still-missing file counts as changed")
	}
	data := []byte("version: 1\n")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Changed(path); !c {
		t.Error("a file created since the stamp does not count as changed")
	}
	sb, err := StampBytes(path, data)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := Stamp(path)
	if sb != full {
		t.Errorf("StampBytes = %+v; Stamp = %+v; want equal", sb, full)
	}
}
