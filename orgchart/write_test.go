package orgchart_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// TestRoundTripFixtures: a canonical file reads and encodes to the same bytes.
func TestRoundTripFixtures(t *testing.T) {
	files, _ := filepath.Glob("../testdata/plans/*.yaml")
	samples, _ := filepath.Glob("../assets/samples/*.yaml")
	files = append(files, samples...)
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "bom.yaml") || strings.HasSuffix(f, "crlf.yaml") {
			continue // accepted, but not canonical
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, _, err := orgchart.Read(data, f, builtin(t))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if got := p.Encode(); !bytes.Equal(got, data) {
			t.Errorf("%s: Encode differs from the file at byte %d:\n%s", f, firstDiff(got, data), got)
		}
		checked++
	}
	if checked < 2 {
		t.Fatalf("only %d canonical fixtures checked", checked)
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func TestRoundTripFullFixtureValues(t *testing.T) {
	p, _, err := orgchart.ReadFile("../testdata/plans/full.yaml", builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p.Header, "# yaml-language-server: $schema=../../docs/plan.schema.json\n") || !strings.HasSuffix(p.Header, "header too.") {
		t.Errorf("header = %q", p.Header)
	}
	if p.Name != "Platform organisation: 2027" || len(p.Scope) != 5 {
		t.Errorf("name %q scope %v", p.Name, p.Scope)
	}
	vp := p.Position("9a7e21c4-8b3d-4f6a-a1c2-7d8e9f0a1b2c")
	if vp.Holder != "José Ñúñez" || vp.Cost != 265000.5 || vp.Title != "VP Engineering, Platform" {
		t.Errorf("vp = %+v", vp)
	}
	m := p.Position("11111111-2222-4333-8444-555555555555")
	if m.Holder != "yes" || m.Notes != "Two lines:\nhire first, then train" || !slices.Equal(m.DottedTo, []string{"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"}) {
		t.Errorf("manager = %+v", m)
	}
	if q := p.Position("12345678-1234-1234-1234-123456789012"); q.Holder != "null" || q.Notes != " leading and trailing spaces " {
		t.Errorf("qa = %+v", q)
	}
}

// TestEncodeCanonicalOrder: managers come before their reports and siblings
// keep plan order, whatever the order in the file.
func TestEncodeCanonicalOrder(t *testing.T) {
	src := "version: 1\npositions:\n" +
		"  - {id: c2, role: r, reportsTo: b}\n" +
		"  - {id: b, role: r, reportsTo: a}\n" +
		"  - {id: t2, role: r}\n" +
		"  - {id: c1, role: r, reportsTo: b}\n" +
		"  - {id: a, role: r}\n" +
		"  - {id: d, role: r, reportsTo: a}\n"
	p, _, err := orgchart.Read([]byte(src), "order.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, pos := range p.CanonicalOrder() {
		ids = append(ids, pos.ID)
	}
	if want := []string{"t2", "a", "b", "c2", "c1", "d"}; !slices.Equal(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
	out := string(p.Encode())
	if strings.Index(out, "id: a\n") > strings.Index(out, "id: b\n") || strings.Index(out, "id: c2\n") > strings.Index(out, "id: c1\n") {
		t.Errorf("encoded order wrong:\n%s", out)
	}
}

// TestRoundTripGenerated: generated plans survive Encode -> Read unchanged,
// and the second Encode gives the same bytes.
func TestRoundTripGenerated(t *testing.T) {
	for _, n := range []int{1, 7, 40, 400, 3000} {
		p := generate.Generate(n, int64(n))
		data := p.Encode()
		q, _, err := orgchart.Read(data, "gen.yaml", builtin(t))
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if again := q.Encode(); !bytes.Equal(again, data) {
			t.Fatalf("n=%d: second Encode differs at byte %d", n, firstDiff(again, data))
		}
		if len(q.Positions) != n {
			t.Fatalf("n=%d: read %d positions", n, len(q.Positions))
		}
		for i, pos := range p.Positions {
			got := *q.Positions[i]
			got.Line = 0
			if !samePosition(&got, pos) {
				t.Fatalf("n=%d position %d: got %+v, want %+v", n, i, got, *pos)
			}
		}
	}
}

func samePosition(a, b *orgchart.Position) bool {
	return a.ID == b.ID && a.Role == b.Role && a.Title == b.Title && a.Holder == b.Holder &&
		a.ReportsTo == b.ReportsTo && a.Count == b.Count && slices.Equal(a.DottedTo, b.DottedTo) &&
		a.Cost == b.Cost && a.Notes == b.Notes
}

// quotingCases are strings YAML would misread without quotes.
var quotingCases = []string{
	"", " ", "yes", "No", "ON", "off", "y", "N", "true", "False", "null", "NULL", "~",
	"0", "12", "-3", "+4", "1.5", ".5", "1e3", "0x1F", "0o17", "0b101", "1_000", "12:30", "2027-01-15",
	"2027-01-15T10:00:00Z", ".inf", "-.Inf", ".nan", "a: b", "a #b", "a#b", "a:b", "ends:", "- item", "-", "?",
	"? x", ": x", "[x]", "{x}", "x, y", "&anchor", "*alias", "!tag", "|", ">", "'q'", `"q"`, "%x", "@x", "`x",
	"# comment", "line\nbreak", "tab\there", "cr\rhere", "back\\slash", "nul\x00byte", "bell\x07", "del\x7f",
	"nel\u0085x", "ls\u2028x", "ps\u2029x", "bom\ufeffx", "nbsp\u00a0x", "emoji 😀", "José Ñúñez", "日本語",
	"trailing ", " leading", "  both  ", "<<", "=", "a\u200bb", "\U0001F600", "x\ty", "multi\n\nline\n",
	"12345678-1234-1234-1234-123456789012", "3f1c7b0e-5d2a-4c1e-9b7a-1e2f3a4b5c6d",
}

// TestQuotingRoundTrips: every edge case and 20,000 random strings survive
// Encode -> Read in every text field.
func TestQuotingRoundTrips(t *testing.T) {
	alphabet := []rune("ab yYnN01-.:#,[]{}&*!|>'\"%@`?~=<\\\t\n\r\x00\x07é😀\u0085\u2028\ufeff\u00a0eE+_x")
	rng := rand.New(rand.NewPCG(7, 11))
	cases := slices.Clone(quotingCases)
	for range 20000 {
		n := rng.IntN(8)
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(r))
	}
	for start := 0; start < len(cases); start += 500 {
		p := orgchart.NewPlan("plan")
		batch := cases[start:min(start+500, len(cases))]
		for i, s := range batch {
			p.Positions = append(p.Positions, &orgchart.Position{ID: "p" + itoa(start+i), Role: "r", Title: s, Holder: s, Notes: s})
		}
		p.Name = batch[0]
		p.Reindex()
		data := p.Encode()
		q, _, err := orgchart.Read(data, "quote.yaml", nil)
		if err != nil {
			t.Fatalf("batch at %d does not read back: %v\n%s", start, err, data)
		}
		if q.Name != p.Name {
			t.Errorf("name %q read back as %q", p.Name, q.Name)
		}
		for i, s := range batch {
			got := q.Positions[i]
			if got.Title != s || got.Holder != s || got.Notes != s {
				t.Errorf("%q read back as %q / %q / %q", s, got.Title, got.Holder, got.Notes)
			}
		}
		if again := q.Encode(); !bytes.Equal(again, data) {
			t.Errorf("batch at %d: second Encode differs", start)
		}
	}
}

func TestWriteFileKeepsPermissionsAndReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	os.WriteFile(path, []byte("old content\n"), 0o600)
	p := generate.Generate(50, 1)
	if err := orgchart.WriteFile(path, p, safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.Equal(data, p.Encode()) {
		t.Errorf("file does not hold the plan")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", st.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// A new file gets 0644; a symbolic link keeps pointing at the real file.
	fresh := filepath.Join(dir, "new.yaml")
	if err := orgchart.WriteFile(fresh, p, safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v", st.Mode().Perm())
	}
	link := filepath.Join(dir, "link.yaml")
	os.Symlink(fresh, link)
	if err := orgchart.WriteFile(link, orgchart.NewPlan("via link"), safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if data, _ := os.ReadFile(fresh); !strings.Contains(string(data), "name: via link") {
		t.Errorf("the link's target was not written")
	}
}

func TestWriteFileFailureLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	os.WriteFile(path, []byte("old content\n"), 0o644)
	// Saving over a folder fails and leaves it alone.
	if err := orgchart.WriteFile(dir, orgchart.NewPlan("x"), safefile.Options{}); err == nil {
		t.Errorf("writing over a folder succeeded")
	}
	// A missing folder fails cleanly.
	if err := orgchart.WriteFile(filepath.Join(dir, "no", "such", "plan.yaml"), orgchart.NewPlan("x"), safefile.Options{}); err == nil || !strings.Contains(err.Error(), "save ") {
		t.Errorf("err = %v", err)
	}
	if os.Geteuid() != 0 { // root may write into read-only folders
		os.Chmod(dir, 0o555)
		defer os.Chmod(dir, 0o755)
		if err := orgchart.WriteFile(path, generate.Generate(10, 1), safefile.Options{}); err == nil {
			t.Errorf("writing into a read-only folder succeeded")
		}
	}
	if data, _ := os.ReadFile(path); string(data) != "old content\n" {
		t.Errorf("old file changed: %q", data)
	}
}

// TestEncodeHeaderIsStable: a header set in code (without # marks, with a
// trailing newline) is written as comment lines and reads back unchanged
// after the first save.
func TestEncodeHeaderIsStable(t *testing.T) {
	p := orgchart.NewPlan("h")
	p.Header = "# yaml-language-server: $schema=plan.schema.json\nDraft for review\n\n"
	first := p.Encode()
	if !strings.HasPrefix(string(first), "# yaml-language-server: $schema=plan.schema.json\n# Draft for review\nversion: 1\n") {
		t.Fatalf("encoded:\n%s", first)
	}
	q, _, err := orgchart.Read(first, "h.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if q.Header != "# yaml-language-server: $schema=plan.schema.json\n# Draft for review" || !bytes.Equal(q.Encode(), first) {
		t.Errorf("header read back as %q", q.Header)
	}
}
