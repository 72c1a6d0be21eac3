package orgchart_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/people"
)

// smallInputAlloc bounds what reading one small hostile file may allocate.
const smallInputAlloc = 64 << 20

func defaultCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestHostileCorpusIsDescribed keeps testdata/hostile/EXPECT and the files in step.
func TestHostileCorpusIsDescribed(t *testing.T) {
	var files []string
	for _, kind := range []string{"plans", "catalogs", "csv"} {
		entries, err := os.ReadDir(filepath.Join(hostileDir, kind))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			files = append(files, kind+"/"+e.Name())
		}
	}
	described := map[string]bool{}
	for _, e := range readExpectations(t) {
		if described[e.file] {
			t.Errorf("EXPECT describes %s twice", e.file)
		}
		described[e.file] = true
	}
	for _, f := range files {
		if !described[f] {
			t.Errorf("%s has no row in testdata/hostile/EXPECT", f)
		}
		delete(described, f)
	}
	for f := range described {
		t.Errorf("EXPECT describes %s, which does not exist", f)
	}
	if len(files) < 30 {
		t.Errorf("the corpus has %d files; issue 7 asks for at least 30", len(files))
	}
}

// TestHostileCorpus reads every hostile file the way the app and the command
// line do and checks the outcome EXPECT gives: a located problem (or a clean
// load for the benign ones), no panic, bounded time and memory, and whatever
// loads saves and loads back.
func TestHostileCorpus(t *testing.T) {
	cat := defaultCatalog(t)
	for _, e := range readExpectations(t) {
		t.Run(e.file, func(t *testing.T) {
			path := filepath.Join(hostileDir, e.file)
			switch {
			case strings.HasPrefix(e.file, "plans/"):
				hostilePlan(t, e, path, cat)
			case strings.HasPrefix(e.file, "catalogs/"):
				hostileCatalog(t, e, path, cat)
			case strings.HasPrefix(e.file, "csv/"):
				hostileCSV(t, e, path, cat)
			default:
				t.Fatalf("%s: no reader for this folder", e.file)
			}
		})
	}
}

func hostilePlan(t *testing.T, e expectation, path string, cat *catalog.Catalog) {
	var p *orgchart.Plan
	var err error
	bounded(t, e.file, smallInputAlloc, hostileDeadline, func() { p, _, err = orgchart.ReadFile(path, cat) })
	judge(t, e, path, err)
	if err == nil {
		reloads(t, e.file, p, cat)
	}
}

func hostileCatalog(t *testing.T, e expectation, path string, cat *catalog.Catalog) {
	var err error
	bounded(t, e.file, smallInputAlloc, hostileDeadline, func() { _, err = cat.ExtendFile(path) })
	judge(t, e, path, err)
	data, _ := os.ReadFile(path)
	var perr error
	bounded(t, e.file+" (Parse)", smallInputAlloc, hostileDeadline, func() { _, perr = catalog.Parse(data, path) })
	if perr != nil {
		problemsOf(t, e.file+" (Parse)", perr) // must be catalog.Problems too
	}
}

func hostileCSV(t *testing.T, e expectation, path string, cat *catalog.Catalog) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var p *orgchart.Plan
	var rep *people.Report
	bounded(t, e.file, smallInputAlloc, hostileDeadline, func() {
		p, rep, err = people.Import(bytes.NewReader(data), path, cat, nil)
	})
	if e.outcome == "note" {
		if err != nil {
			t.Fatalf("%s: want an import with notes, got %v", e.file, err)
		}
		var notes []located
		for _, n := range rep.Notes {
			notes = append(notes, located{file: path, line: n.Line, text: string(n.Kind) + ": " + n.Message})
		}
		checkLocated(t, e, notes)
	} else {
		judge(t, e, path, err)
	}
	if err == nil {
		reloads(t, e.file, p, cat)
	}
}

// judge checks err against the expected outcome, lines, words and file.
func judge(t *testing.T, e expectation, path string, err error) {
	t.Helper()
	switch {
	case e.outcome == "ok" && err != nil:
		t.Fatalf("%s: want a clean load, got:\n%v", e.file, err)
	case e.outcome == "error" && err == nil:
		t.Fatalf("%s: loaded without a problem; want it refused", e.file)
	case err == nil:
		return
	}
	got := problemsOf(t, e.file, err)
	checkLocated(t, e, got)
	want := filepath.Join(hostileDir, e.names)
	named := false
	for _, g := range got {
		if g.file != "" && filepath.Clean(g.file) == filepath.Clean(want) {
			named = true
		}
		if g.file == "" {
			t.Errorf("%s: a problem names no file: %q", e.file, g.text)
		}
	}
	if !named {
		t.Errorf("%s: no problem names %s; got:\n%s", e.file, want, listLocated(got))
	}
}

// reloads asserts a plan that loaded also saves and loads back: a plan the
// app accepted must never become a file it refuses.
func reloads(t *testing.T, name string, p *orgchart.Plan, cat *catalog.Catalog) {
	t.Helper()
	data := p.Encode()
	q, _, err := orgchart.Read(data, name+" (saved)", cat)
	if err != nil {
		t.Fatalf("%s loaded, but its saved form is refused:\n%v\n--- saved:\n%s", name, err, firstLines(data, 30))
	}
	if again := q.Encode(); !bytes.Equal(again, data) {
		t.Errorf("%s: saving the reloaded plan changes its bytes", name)
	}
}

func firstLines(data []byte, n int) string {
	lines := strings.SplitN(string(data), "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
