package people

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

func defaultCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Default()
	if err != nil {
		t.Fatalf("catalog.Default: %v", err)
	}
	return cat
}

func importFile(t *testing.T, name string, mapping map[string]string) (*orgchart.Plan, *Report, error) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "people", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Import(f, name, defaultCatalog(t), mapping)
}

func importWith(t *testing.T, name string, cat *catalog.Catalog, opt Options) (*orgchart.Plan, *Report, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "people", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ImportWith(f, name, cat, opt)
}

// byHolder finds the position a person holds.
func byHolder(t *testing.T, p *orgchart.Plan, holder string) *orgchart.Position {
	t.Helper()
	for _, pos := range p.Positions {
		if pos.Holder == holder {
			return pos
		}
	}
	t.Fatalf("no position held by %q", holder)
	return nil
}

func TestImportHRISExport(t *testing.T) {
	// BOM, CRLF, quoted fields with commas, "$320,000" costs, header variants.
	p, rep, err := importFile(t, "hris.csv", nil)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if rep.Rows != 14 || len(p.Positions) != 14 || rep.Headcount != 14 {
		t.Fatalf("rows %d positions %d headcount %d, want 14 each", rep.Rows, len(p.Positions), rep.Headcount)
	}
	if p.Name != "hris" {
		t.Errorf("plan name %q, want hris", p.Name)
	}
	want := []struct {
		holder, role, title string
		cost                float64
		manager             string
	}{
		{"Ada Lovelace", "chief-executive-officer", "CEO", 320000, ""},
		{"Grace Hopper", "chief-technology-officer", "CTO", 280000, "Ada Lovelace"},
		{"Hamilton, Margaret", "vp-of-engineering", "VP, Engineering", 240000, "Grace Hopper"},
		{"Linus Torvalds", "software-engineering-manager", "Eng Manager", 185000, "Hamilton, Margaret"},
		{"Ken Thompson", "software-engineer", "Sr. Software Engineer", 170000, "Linus Torvalds"},
		{"Dennis Ritchie", "software-engineer", "Software Engineer II", 150000, "Linus Torvalds"},
		{"Barbara Liskov", "sre-director", "Head of SRE", 210000, "Grace Hopper"},
		{"Leslie Lamport", "site-reliability-engineer", "Staff SRE", 195000, "Barbara Liskov"},
		{"Radia Perlman", "chief-information-security-officer", "CISO", 260000, "Ada Lovelace"},
		{"Whitfield Diffie", "security-engineer", "", 175000, "Radia Perlman"},
		{"Frances Allen", GenericRole, "Chief Happiness Wizard", 120000, "Ada Lovelace"},
		{"John McCarthy", "chief-data-officer", "CDO", 250000, "Ada Lovelace"},
		{"Edsger Dijkstra", "it-operations-manager", "Manager, IT Operations", 160000, "Ada Lovelace"},
	}
	for _, w := range want {
		pos := byHolder(t, p, w.holder)
		if pos.Role != w.role || pos.Title != w.title || pos.Cost != w.cost {
			t.Errorf("%s: role %q title %q cost %v, want %q %q %v", w.holder, pos.Role, pos.Title, pos.Cost, w.role, w.title, w.cost)
		}
		if w.manager == "" {
			if pos.ReportsTo != "" {
				t.Errorf("%s reports to %q, want a top position", w.holder, pos.ReportsTo)
			}
		} else if m := p.Manager(pos); m == nil || m.Holder != w.manager {
			t.Errorf("%s: manager %v, want %s", w.holder, m, w.manager)
		}
	}
	// The vacant row: no holder, role title equal to the CSV title, so no title.
	vac := p.Position(PositionID("1007"))
	if vac == nil || !vac.Vacant() || vac.Role != "software-engineer" || vac.Title != "" {
		t.Errorf("line 9 (vacant engineer) = %+v", vac)
	}
	var unmatched []Note
	for _, n := range rep.Notes {
		if n.Kind == NoteUnmatchedTitle {
			unmatched = append(unmatched, n)
		}
	}
	if len(unmatched) != 1 || unmatched[0].Line != 13 || unmatched[0].Title != "Chief Happiness Wizard" {
		t.Errorf("unmatched notes: %+v", rep.Notes)
	}
	// Every executive and VP reading is listed for review: CEO, CTO, VP, CISO, CDO.
	var execLines []int
	for _, n := range rep.Notes {
		if n.Kind == NoteExecutive {
			execLines = append(execLines, n.Line)
		}
	}
	if !slices.Equal(execLines, []int{2, 3, 4, 11, 14}) {
		t.Errorf("executive matches on lines %v, want 2, 3, 4, 11, 14", execLines)
	}
	if rep.Matches[MatchUnmatched] != 1 || rep.Matches[MatchAlias] < 5 {
		t.Errorf("matches %v", rep.Matches)
	}
}

func TestImportIDsAreDeterministic(t *testing.T) {
	p1, _, err := importFile(t, "orgchartjs.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	p2, _, _ := importFile(t, "orgchartjs.csv", nil)
	for i := range p1.Positions {
		if p1.Positions[i].ID != p2.Positions[i].ID {
			t.Fatalf("position %d: ids %s and %s differ between imports", i, p1.Positions[i].ID, p2.Positions[i].ID)
		}
	}
	if id := p1.Positions[0].ID; len(id) != 36 || id == "1" {
		t.Errorf("position id %q is not a UUID", id)
	}
	if PositionID("1") == PositionID("2") {
		t.Error("distinct CSV ids give the same position id")
	}
	const u = "0b6c1f0e-6f0e-4a51-9b8e-5f2d6c3a9e11"
	if PositionID(u) != u || PositionID(strings.ToUpper(u)) != u {
		t.Errorf("a UUID CSV id is not kept: %s", PositionID(u))
	}
}

func TestImportSemicolonsFirstLastNamesAndTeams(t *testing.T) {
	p, rep, err := importFile(t, "semicolon.csv", nil)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	eva := byHolder(t, p, "Eva Lind")
	if eva.Role != "chief-information-officer" || eva.Cost != 180000 {
		t.Errorf("Eva: %+v", eva)
	}
	team := p.Position(PositionID("A3"))
	if team.Count != 4 || team.Holder != "" || team.Vacant() || team.Cost != 55000 || team.Role != "it-support-specialist" {
		t.Errorf("support team: %+v", team)
	}
	if rep.Headcount != 7 {
		t.Errorf("headcount %d, want 7", rep.Headcount)
	}
}

func TestImportMapping(t *testing.T) {
	_, _, err := importFile(t, "mapped.csv", nil)
	var ps catalog.Problems
	// No manager column (a title column is not required: Worker is the name,
	// and with no id column the name would be the id).
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Line != 1 || !strings.Contains(ps[0].Message, "no manager column") || !strings.Contains(ps[0].Message, "--map") {
		t.Fatalf("without --map: %v", err)
	}
	m, err := ParseMapping("worker=id, Boss=manager,who=name,JOB=title,cost centre=ignore")
	if err != nil {
		t.Fatal(err)
	}
	p, rep, err := importFile(t, "mapped.csv", m)
	if err != nil {
		t.Fatalf("with --map: %v", err)
	}
	if got := byHolder(t, p, "Alex Roe"); got.Role != "systems-engineer" || p.Manager(got).Holder != "Chris Doe" {
		t.Errorf("Alex Roe: %+v", got)
	}
	if len(rep.Columns) != 4 || !rep.Columns[0].Mapped || len(rep.Ignored) != 0 {
		t.Errorf("columns %+v ignored %v", rep.Columns, rep.Ignored)
	}
	for _, bad := range []map[string]string{{"nosuch": "id"}, {"worker": "salary-ish"}} {
		if _, _, err := importFile(t, "mapped.csv", bad); err == nil {
			t.Errorf("--map %v accepted", bad)
		}
	}
	if _, err := ParseMapping("worker"); err == nil {
		t.Error("ParseMapping accepted an entry without =")
	}
}

func TestImportUnusableFileListsEveryRow(t *testing.T) {
	p, rep, err := importFile(t, "unusable.csv", nil)
	if p != nil {
		t.Error("a plan was returned for an unusable file")
	}
	var ps catalog.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v is not catalog.Problems", err)
	}
	want := []struct {
		line int
		text string
	}{
		{4, "empty id"},
		{5, `id "2" is also on line 3`},
		{6, "5 fields where the header has 4"},
		{7, "2 fields where the header has 4"},
	}
	if len(ps) != len(want) {
		t.Fatalf("problems:\n%v", err)
	}
	for i, w := range want {
		if ps[i].Line != w.line || !strings.Contains(ps[i].Message, w.text) || ps[i].File != "unusable.csv" {
			t.Errorf("problem %d = %v, want line %d with %q", i, ps[i], w.line, w.text)
		}
	}
	if len(rep.Problems) != len(want) {
		t.Errorf("report problems %v", rep.Problems)
	}
}

func TestImportKeepsAndReportsMessyRows(t *testing.T) {
	p, rep, err := importFile(t, "messy.csv", nil)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if len(p.Positions) != 8 {
		t.Fatalf("%d positions, want all 8 rows kept", len(p.Positions))
	}
	notes := map[NoteKind][]int{}
	for _, n := range rep.Notes {
		notes[n.Kind] = append(notes[n.Kind], n.Line)
	}
	want := map[NoteKind][]int{
		NoteSelfManager:    {2},
		NoteBadCost:        {3},
		NoteUnknownManager: {4},
		NoteManagerByName:  {5},
		NoteCycle:          {6}, // one note per cycle, on the row where it is cut
		NoteUnmatchedTitle: {9},
		NoteExecutive:      {2, 3},
	}
	for k, lines := range want {
		if got := notes[k]; len(got) != len(lines) || !slices.Equal(got, lines) {
			t.Errorf("%s notes on lines %v, want %v", k, got, lines)
		}
	}
	if len(notes) != len(want) {
		t.Errorf("note kinds %v, want %v", notes, want)
	}
	// The cycle is broken at its first row (id 5, line 6), the others keep their managers.
	if pos := p.Position(PositionID("5")); pos.ReportsTo != "" {
		t.Errorf("id 5 still reports to %s", pos.ReportsTo)
	}
	if pos := p.Position(PositionID("7")); pos.ReportsTo != PositionID("6") {
		t.Errorf("id 7 lost its manager")
	}
	if pos := p.Position(PositionID("4")); pos.ReportsTo != PositionID("2") {
		t.Errorf("manager by name not resolved: %+v", pos)
	}
	if pos := p.Position(PositionID("1")); pos.ReportsTo != "" {
		t.Errorf("self-managed row still reports to %s", pos.ReportsTo)
	}
	// Walking the plan reaches every position: no cycle is left.
	n := 0
	p.Walk(func(*orgchart.Position, int) bool { n++; return true })
	if n != 8 {
		t.Errorf("walk reaches %d positions, want 8", n)
	}
	var text strings.Builder
	rep.WriteText(&text)
	for _, s := range []string{"messy.csv:6: lines 6, 8, 7 form a reporting cycle of 3", "Cy Cle (id 5) -> Eve Cle (id 7) -> Dee Cle (id 6) -> Cy Cle (id 5)",
		"messy.csv:4: Orphan Annie (id 3) reports to \"99\"", `"Chief Wizard" on line 9`} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, text.String())
		}
	}
}

func TestImportEmptyAndHeaderOnly(t *testing.T) {
	cat := defaultCatalog(t)
	for _, in := range []string{"", "\xef\xbb\xbf", "id,manager,name,title\n", "id,manager,name,title\n,,,\n"} {
		_, _, err := Import(strings.NewReader(in), "x.csv", cat, nil)
		var ps catalog.Problems
		if !errors.As(err, &ps) || len(ps) != 1 {
			t.Errorf("Import(%q) error %v, want one problem", in, err)
		}
	}
}

func TestImportBadQuotesIsLocated(t *testing.T) {
	in := "id,manager,name,title\n1,,Ada,CTO\n2,1,\"Grace,VP of Engineering\n"
	_, _, err := Import(strings.NewReader(in), "q.csv", defaultCatalog(t), nil)
	var ps catalog.Problems
	if !errors.As(err, &ps) || ps[0].Line == 0 {
		t.Fatalf("error %v, want a located problem", err)
	}
}

func TestHeaderVariants(t *testing.T) {
	cases := map[string]Field{
		"id": FieldID, "Employee ID": FieldID, "employee_id": FieldID, "Emp ID": FieldID, "EMPID": FieldID,
		"parentId": FieldManager, "Manager ID": FieldManager, "Reports To": FieldManager, "manager": FieldManager,
		"Name": FieldName, "Full Name": FieldName, "employee-name": FieldName,
		"title": FieldTitle, "Job Title": FieldTitle, "Position": FieldTitle,
		"Department": FieldDepartment, "dept.": FieldDepartment, "Team": FieldDepartment,
		"Cost": FieldCost, "Salary": FieldCost, "Annual Cost": FieldCost,
	}
	for h, want := range cases {
		if got := headerNames[normHeader(h)]; got != want {
			t.Errorf("header %q -> %q, want %q", h, got, want)
		}
	}
}

func TestParseCost(t *testing.T) {
	cases := map[string]float64{
		"": 0, "150000": 150000, "$150,000": 150000, "150 000 €": 150000, "1.234.567,89": 1234567.89,
		"1,234,567.89": 1234567.89, "150k": 150000, "1.5M": 1500000, "DKK 900000": 900000, "1234,50": 1234.5,
		"EUR 72.000,00": 72000,
	}
	for in, want := range cases {
		if got, ok := parseCost(in); !ok || got != want {
			t.Errorf("parseCost(%q) = %v %v, want %v", in, got, ok, want)
		}
	}
	for _, bad := range []string{"lots", "-5", "1e999", "12#"} {
		if _, ok := parseCost(bad); ok {
			t.Errorf("parseCost(%q) accepted", bad)
		}
	}
}

func TestImportWindows1252(t *testing.T) {
	in := []byte("id,manager,name,title\n1,,Jos\xe9 Mu\xf1oz,CTO\n2,1,Zo\xeb \x93Z\x94 Smith,VP of Engineering\n")
	p, rep, err := Import(strings.NewReader(string(in)), "latin.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Encoding != "windows-1252" || p.Positions[0].Holder != "José Muñoz" || p.Positions[1].Holder != "Zoë “Z” Smith" {
		t.Errorf("encoding %q holders %q, %q", rep.Encoding, p.Positions[0].Holder, p.Positions[1].Holder)
	}
}

func TestImportNeverPanicsOnMangledInput(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "people", "hris.csv"))
	if err != nil {
		t.Fatal(err)
	}
	cat := defaultCatalog(t)
	rng := rand.New(rand.NewSource(7))
	junk := []byte{',', ';', '"', '\n', '\r', 0, 0xff, 'x', ' ', '\t'}
	for i := 0; i < 3000; i++ {
		b := append([]byte(nil), data...)
		for k := 0; k < 1+rng.Intn(8); k++ {
			pos := rng.Intn(len(b))
			switch rng.Intn(3) {
			case 0:
				b[pos] = junk[rng.Intn(len(junk))]
			case 1:
				b = append(b[:pos], b[pos+1:]...)
			default:
				b = append(b[:pos], append([]byte{junk[rng.Intn(len(junk))]}, b[pos:]...)...)
			}
		}
		p, rep, err := Import(bytes.NewReader(b), "m.csv", cat, nil)
		switch {
		case rep == nil:
			t.Fatalf("mutation %d: no report", i)
		case err == nil && p == nil:
			t.Fatalf("mutation %d: no plan and no error", i)
		case err != nil && p != nil:
			t.Fatalf("mutation %d: a plan and an error", i)
		}
		if p != nil { // whatever was imported must save and load
			if _, _, err := orgchart.Read(p.Encode(), "m.yaml", cat); err != nil {
				t.Fatalf("mutation %d: imported plan does not load: %v\n%q", i, err, b)
			}
		}
	}
}

func TestImportLimits(t *testing.T) {
	cat := defaultCatalog(t)
	in := "id,manager,name,title,cost,count\n1,,A,CTO,999999999999,20000\n"
	p, rep, err := Import(strings.NewReader(in), "l.csv", cat, nil)
	if err != nil || p.Positions[0].Cost != 0 || p.Positions[0].Count != 0 || rep.Count(NoteBadCost) != 1 || rep.Count(NoteBadCount) != 1 {
		t.Errorf("limits: %v %+v %+v", err, p.Positions[0], rep.Notes)
	}
	var b strings.Builder
	b.WriteString("id,manager,name,title\n0,,Top,CTO\n")
	for i := 1; i <= orgchart.MaxDepth+1; i++ {
		fmt.Fprintf(&b, "%d,%d,P%d,Software Engineer\n", i, i-1, i)
	}
	_, _, err = Import(strings.NewReader(b.String()), "deep.csv", cat, nil)
	var ps catalog.Problems
	if !errors.As(err, &ps) || ps[0].Line != orgchart.MaxDepth+3 {
		t.Errorf("a chain deeper than the limit: %v", err)
	}
}
