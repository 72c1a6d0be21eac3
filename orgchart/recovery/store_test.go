package recovery

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const planA = "# yaml-language-server: $schema=plan.schema.json\nversion: 1\nname: Platform 2027\npositions:\n  - id: a\n    role: vp-of-it\n"

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "recovery"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSaveListLoadRemove(t *testing.T) {
	s := openTemp(t)
	plan := filepath.Join(t.TempDir(), "platform.yaml")
	if err := s.Save(plan, []byte(planA)); err != nil {
		t.Fatal(err)
	}
	copies, problems := s.List()
	if len(problems) != 0 || len(copies) != 1 {
		t.Fatalf("List = %v, %v; want one copy, no problems", copies, problems)
	}
	c := copies[0]
	if c.PlanPath != plan || c.Untitled() || c.Size != len(planA) {
		t.Errorf("copy = %+v; want PlanPath %s and size %d", c, plan, len(planA))
	}
	if time.Since(c.Saved) > time.Minute || time.Since(c.Saved) < 0 {
		t.Errorf("Saved = %v, not just now", c.Saved)
	}
	data, err := s.Load(c)
	if err != nil || string(data) != planA {
		t.Fatalf("Load = %q, %v; want the saved bytes", data, err)
	}
	if err := s.Remove(plan); err != nil {
		t.Fatal(err)
	}
	if copies, problems := s.List(); len(copies)+len(problems) != 0 {
		t.Fatalf("after Remove, List = %v, %v; want nothing", copies, problems)
	}
	if err := s.Remove(plan); err != nil {
		t.Errorf("removing a missing copy: %v; want no error", err)
	}
}

func TestSaveReplacesTheCopyOfTheSamePlan(t *testing.T) {
	s := openTemp(t)
	plan := filepath.Join(t.TempDir(), "p.yaml")
	for _, v := range []string{"one", "two", "three"} {
		if err := s.Save(plan, []byte(v)); err != nil {
			t.Fatal(err)
		}
	}
	copies, _ := s.List()
	if len(copies) != 1 {
		t.Fatalf("%d copies; want 1 per plan", len(copies))
	}
	if data, _ := s.Load(copies[0]); string(data) != "three" {
		t.Errorf("copy holds %q; want the last save", data)
	}
	// A relative path names the same plan as its absolute form.
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, plan)
	if err == nil {
		c, ok, err := s.Find(rel)
		if err != nil || !ok || c.PlanPath != plan {
			t.Errorf("Find(%s) = %+v, %v, %v; want the copy of %s", rel, c, ok, err, plan)
		}
	}
}

func TestTwoPlansAndAnUntitledOne(t *testing.T) {
	s := openTemp(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	if err := s.Save(a, []byte("plan a")); err != nil {
		t.Fatal(err)
	}
	if err := s.Save("", []byte("new plan")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Millisecond)
	if err := s.Save(b, []byte("plan b")); err != nil {
		t.Fatal(err)
	}
	copies, problems := s.List()
	if len(problems) != 0 || len(copies) != 3 {
		t.Fatalf("List = %v, %v; want 3 copies", copies, problems)
	}
	if copies[0].PlanPath != b {
		t.Errorf("newest first: got %s first; want %s", copies[0].PlanPath, b)
	}
	got := map[string]string{}
	for _, c := range copies {
		data, err := s.Load(c)
		if err != nil {
			t.Fatal(err)
		}
		got[c.PlanPath] = string(data)
	}
	want := map[string]string{a: "plan a", b: "plan b", "": "new plan"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("copy of %q = %q; want %q", k, got[k], v)
		}
	}
	c, ok, err := s.Find("")
	if err != nil || !ok || !c.Untitled() {
		t.Errorf("Find(\"\") = %+v, %v, %v; want the untitled copy", c, ok, err)
	}
	if err := s.Remove(a); err != nil {
		t.Fatal(err)
	}
	if copies, _ := s.List(); len(copies) != 2 {
		t.Errorf("removing a's copy left %d copies; want 2 (b and untitled untouched)", len(copies))
	}
}

func TestCorruptCopyIsReportedNotOffered(t *testing.T) {
	s := openTemp(t)
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.yaml"), filepath.Join(dir, "bad.yaml")
	if err := s.Save(good, []byte(planA)); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(bad, []byte(planA)); err != nil {
		t.Fatal(err)
	}
	badCopy, _, _ := s.Find(bad)
	raw, _ := os.ReadFile(badCopy.File)
	// Truncate it, as a full disk or a crash in a non-atomic copy would.
	if err := os.WriteFile(badCopy.File, raw[:len(raw)-10], 0o600); err != nil {
		t.Fatal(err)
	}
	// And a file that is not a copy at all.
	junk := filepath.Join(s.Dir(), "junk"+ext)
	if err := os.WriteFile(junk, []byte("\x00\xffnot yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	copies, problems := s.List()
	if len(copies) != 1 || copies[0].PlanPath != good {
		t.Errorf("copies = %v; want only the good one", copies)
	}
	if len(problems) != 2 {
		t.Fatalf("problems = %v; want 2 (truncated and junk)", problems)
	}
	for _, p := range problems {
		if !strings.Contains(p.Error(), "damaged") {
			t.Errorf("problem %q does not say the copy is damaged", p)
		}
	}
	if _, err := s.Load(badCopy); err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Errorf("Load of a truncated copy: %v; want a checksum error", err)
	}
	if _, ok, err := s.Find(bad); ok || err == nil {
		t.Errorf("Find of a damaged copy = %v, %v; want an error", ok, err)
	}
	if err := s.RemoveFile(junk); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFile(filepath.Join(dir, "good.yaml")); err == nil {
		t.Error("RemoveFile outside the store succeeded; it must refuse")
	}
}

func TestCopyFileIsReadableTextWithThePlanBytesUnchanged(t *testing.T) {
	s := openTemp(t)
	plan := filepath.Join(t.TempDir(), "weird name\n\"quoted\".yaml")
	data := []byte("version: 1\r\nname: \xef\xbb\xbfBOM and CRLF\r\n")
	if err := s.Save(plan, data); err != nil {
		t.Fatal(err)
	}
	c, ok, err := s.Find(plan)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if c.PlanPath != plan {
		t.Errorf("PlanPath = %q; want %q (odd characters survive)", c.PlanPath, plan)
	}
	raw, _ := os.ReadFile(c.File)
	if !bytes.HasSuffix(raw, data) || !bytes.HasPrefix(raw, []byte(magic)) {
		t.Errorf("copy file = %q; want the header then the plan bytes", raw)
	}
	info, _ := os.Stat(c.File)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("copy mode = %v; want 0600 (plans are confidential)", info.Mode().Perm())
	}
}

// TestSaveRemovesAbandonedTemporaryFiles: a Save killed before its rename
// leaves a temporary file; the next Save of the same plan removes it at once
// (nobody holds it), and List never shows it as a copy.
func TestSaveRemovesAbandonedTemporaryFiles(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "recovery"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save("/plans/a.yaml", []byte("version: 1\n")); err != nil {
		t.Fatal(err)
	}
	copies, _ := s.List()
	if len(copies) != 1 {
		t.Fatalf("copies %v", copies)
	}
	left := filepath.Join(s.Dir(), "."+filepath.Base(copies[0].File)+".saving-killed")
	if err := os.WriteFile(left, []byte("partial"), 0o600); err != nil {
		t.Fatal(err)
	}
	if copies, problems := s.List(); len(copies) != 1 || len(problems) != 0 {
		t.Errorf("a temporary file listed as a copy: %v %v", copies, problems)
	}
	if err := s.Save("/plans/a.yaml", []byte("version: 1\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Error("the abandoned temporary file survived the next Save")
	}
}

func TestDefaultDirIsUnderTheUserConfigDir(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	dir, err := DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	base, _ := os.UserConfigDir()
	if !strings.HasPrefix(dir, base) || filepath.Base(dir) != "recovery" {
		t.Errorf("DefaultDir = %s; want orgplanner/recovery under %s", dir, base)
	}
	s, err := Open("")
	if err != nil || s.Dir() != dir {
		t.Errorf("Open(\"\") = %v, %v; want the default dir", s, err)
	}
}

func TestConcurrentSavesLeaveOneWholeCopy(t *testing.T) {
	s := openTemp(t)
	plan := filepath.Join(t.TempDir(), "p.yaml")
	want := map[string]bool{}
	done := make(chan error)
	for i := 0; i < 8; i++ {
		data := strings.Repeat(string(rune('a'+i)), 100_000)
		want[data] = true
		go func() { done <- s.Save(plan, []byte(data)) }()
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	copies, problems := s.List()
	if len(copies) != 1 || len(problems) != 0 {
		t.Fatalf("List = %v, %v; want one good copy", copies, problems)
	}
	data, err := s.Load(copies[0])
	if err != nil || !want[string(data)] {
		t.Fatalf("the copy is not one of the saved versions whole (%d bytes, %v)", len(data), err)
	}
	entries, _ := os.ReadDir(s.Dir())
	if len(entries) != 1 {
		t.Errorf("%d files in the store; want only the copy (no temporary files left)", len(entries))
	}
}
