package people

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
)

// cycleCSV is issue 14's file: row i reports to row i+1 and the last to the first.
func cycleCSV(n int) string {
	var b strings.Builder
	b.WriteString("id,manager,name,title\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d,%d,P%d,Software Engineer\n", i, (i+1)%n, i)
	}
	return b.String()
}

func TestImportLongCycleIsOneBoundedNote(t *testing.T) {
	// 10,000 rows in one cycle took 3.3 GB: a note per row, each holding the
	// whole cycle. Now one note, naming a few rows.
	p, rep, err := Import(strings.NewReader(cycleCSV(10000)), "cycle.csv", defaultCatalog(t), nil)
	if err == nil {
		// The cycle is cut at line 2; the chain below it is 10,000 deep, past the limit.
		t.Fatalf("a 10,000-deep chain was imported: %d positions", len(p.Positions))
	}
	if n := rep.Count(NoteCycle); n != 1 {
		t.Fatalf("%d cycle notes, want 1", n)
	}
	// The refusal names the cycle (its first rows and its length) as a short
	// cycle's note does, not only "too deep" at a row deep inside it.
	if len(rep.Problems) != 1 {
		t.Fatalf("%d problems, want 1: %v", len(rep.Problems), rep.Problems)
	}
	pr := rep.Problems[0]
	for _, want := range []string{"lines 2, 3, 4,", "and 9990 more", "reporting cycle of 10000", "P0 (id 0) -> P1 (id 1) ->", "a chain of 10000 rows, deeper than the 1000 levels"} {
		if !strings.Contains(pr.Message, want) || pr.Line != 2 || len(pr.Message) > 2000 {
			t.Errorf("problem at line %d lacks %q (%d bytes): %.400s", pr.Line, want, len(pr.Message), pr.Message)
		}
	}
	for _, n := range rep.Notes {
		if n.Kind == NoteCycle && (len(n.Message) > 2000 || !strings.Contains(n.Message, "cycle of 10000") || n.Line != 2) {
			t.Errorf("cycle note on line %d, %d bytes: %.300s", n.Line, len(n.Message), n.Message)
		}
	}
	// At the limit: a cycle of 1,001 cut is a chain 1,000 deep and imports;
	// 1,002 is refused, naming its cycle.
	if _, rep, err := Import(strings.NewReader(cycleCSV(1001)), "cycle.csv", defaultCatalog(t), nil); err != nil || rep.Count(NoteCycle) != 1 {
		t.Errorf("a cycle of 1001: %v", err)
	}
	if _, _, err := Import(strings.NewReader(cycleCSV(1002)), "cycle.csv", defaultCatalog(t), nil); err == nil || !strings.Contains(err.Error(), "cycle.csv:2: lines 2, 3,") || !strings.Contains(err.Error(), "reporting cycle of 1002") {
		t.Errorf("a cycle of 1002: %v", err)
	}
	// Forty cycles of 999 import (each cut cycle is a chain under the limit), one note each.
	var b strings.Builder
	b.WriteString("id,manager,name,title\n")
	for c := 0; c < 40; c++ {
		for i := 0; i < 999; i++ {
			fmt.Fprintf(&b, "%d-%d,%d-%d,P,Software Engineer\n", c, i, c, (i+1)%999)
		}
	}
	p, rep, err = Import(strings.NewReader(b.String()), "cycles.csv", defaultCatalog(t), nil)
	if err != nil || len(p.Positions) != 39960 || rep.Count(NoteCycle) != 40 || len(rep.Notes) != 40 {
		t.Fatalf("40 cycles of 999: %v, %d notes", err, len(rep.Notes))
	}
}

// BenchmarkImportCycle10k is issue 14's 10,000-row cycle: 3.3 GB before;
// memory now grows with the file, not with the square of the cycle.
func BenchmarkImportCycle10k(b *testing.B) {
	in := cycleCSV(10000)
	cat := defaultCatalog(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_, rep, _ := Import(strings.NewReader(in), "cycle.csv", cat, nil)
		if rep.Count(NoteCycle) != 1 {
			b.Fatal("cycle not reported")
		}
	}
}

func TestExportNeutralisesFormulasAndImportRestoresThem(t *testing.T) {
	cat := defaultCatalog(t)
	holders := []string{"=HYPERLINK(\"http://evil.example\",\"click\")", "@SUM(A1:A9)", "+1+1", "-2+3",
		"=cmd|' /C calc'!A0", "\tTabbed", "'=already quoted", "''two quotes", "'t Hooft", "Plain Name"}
	p := &orgchart.Plan{Version: orgchart.FormatVersion}
	for i, h := range holders {
		pos := &orgchart.Position{ID: fmt.Sprintf("p%d", i), Role: "software-engineer", Holder: h, Notes: "=1+2"}
		if i > 0 {
			pos.ReportsTo = "p0"
		}
		p.Positions = append(p.Positions, pos)
	}
	p.Reindex()
	var out bytes.Buffer
	if err := Export(&out, p, cat); err != nil {
		t.Fatal(err)
	}
	// No cell of the file starts with a formula character.
	for _, line := range strings.Split(out.String(), "\n") {
		for _, cell := range strings.Split(line, ",") {
			cell = strings.TrimPrefix(cell, `"`)
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q of line %q starts a formula", cell, line)
			}
		}
	}
	q, _, err := Import(bytes.NewReader(out.Bytes()), "people.csv", cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range holders {
		want := h
		if got := q.Positions[i].Holder; got != want || q.Positions[i].Notes != "=1+2" {
			t.Errorf("holder %q came back as %q (notes %q)", want, got, q.Positions[i].Notes)
		}
	}
}

func TestImportCROnlyLineEnds(t *testing.T) {
	// Classic Mac line ends: was "no people" with no line.
	in := "id,manager,name,title\r1,,Ada Lovelace,CTO\r2,1,Grace Hopper,VP of Engineering\r3,2,Ken Thompson,Sofware Engineer,extra\r"
	_, _, err := Import(strings.NewReader(in), "cr.csv", defaultCatalog(t), nil)
	if err == nil || !strings.Contains(err.Error(), "cr.csv:4:") {
		t.Fatalf("a bad row of a CR-only file is not located on line 4: %v", err)
	}
	in = strings.Replace(in, ",extra", "", 1)
	p, rep, err := Import(strings.NewReader(in), "cr.csv", defaultCatalog(t), nil)
	if err != nil || len(p.Positions) != 3 || p.Manager(byHolder(t, p, "Ken Thompson")).Holder != "Grace Hopper" || rep.Notes[len(rep.Notes)-1].Line != 4 {
		t.Fatalf("CR-only file: %v %+v", err, rep)
	}
	// A header alone still says why, with a line.
	_, _, err = Import(strings.NewReader("id,manager,name,title\r"), "h.csv", defaultCatalog(t), nil)
	if err == nil || !strings.Contains(err.Error(), "h.csv:2: no people") {
		t.Fatalf("header only: %v", err)
	}
}

func TestImportDelimitersAndEncodings(t *testing.T) {
	cat := defaultCatalog(t)
	rows := [][]string{{"id", "manager", "name", "title"}, {"1", "", "José Müller", "CTO"}, {"2", "1", "Zoë Smith", "VP of Engineering"}}
	for _, d := range []string{",", ";", "\t", "|"} {
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(strings.Join(r, d) + "\r\n")
		}
		text := b.String()
		utf16 := func(le bool) []byte {
			out := []byte{0xfe, 0xff}
			if le {
				out = []byte{0xff, 0xfe}
			}
			for _, r := range text {
				hi, lo := byte(r>>8), byte(r)
				if le {
					out = append(out, lo, hi)
				} else {
					out = append(out, hi, lo)
				}
			}
			return out
		}
		cp1252 := []byte(strings.NewReplacer("é", "\xe9", "ü", "\xfc", "ë", "\xeb").Replace(text))
		for enc, data := range map[string][]byte{"": []byte(text), "utf-8 with byte-order mark": append([]byte("\xef\xbb\xbf"), text...),
			"utf-16le": utf16(true), "utf-16be": utf16(false), "windows-1252": cp1252} {
			p, rep, err := Import(bytes.NewReader(data), "d.csv", cat, nil)
			if err != nil {
				t.Errorf("delimiter %q, %s: %v", d, enc, err)
				continue
			}
			if rep.Encoding != enc || p.Positions[0].Holder != "José Müller" || p.Manager(p.Positions[1]).Holder != "José Müller" {
				t.Errorf("delimiter %q, %s: read as %q, holders %q", d, enc, rep.Encoding, p.Positions[0].Holder)
			}
		}
	}
}
