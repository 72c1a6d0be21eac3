package people

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
)

// The HR-system fixtures in testdata/people have each system's real default
// header row and give managers the way that system does. The same 38-person,
// five-layer organisation is in each (with other names): a CEO with a COO,
// CFO, CPO in People, CTO, CISO and an assistant; under the CTO a VP of
// Engineering, VP of IT and Head of Product; managers and their teams.
type hrFixture struct {
	file     string
	encoding string
	managers string // how the file gives managers: "id", "name" or "email"
	// people: holder and manager ("" for the top) of the CEO, the CPO, an
	// engineering manager, one of its engineers, the help desk technician
	// and the Director of Network Engineering.
	people [6][2]string
}

var hrFixtures = []hrFixture{
	{"bamboohr.csv", "", "name", [6][2]string{ // "Reporting to" as "Last, First"
		{"Henrik Ali", ""}, {"Oliver Nguyen", "Henrik Ali"}, {"Emil Tanaka", "Fatima Yilmaz"},
		{"Lena Rossi", "Emil Tanaka"}, {"Arjun Bianchi", "Diego Murphy"}, {"Hannah Santos", "Aisha Mensah"}}},
	{"workday.csv", "", "id", [6][2]string{ // "Manager ID" and "Manager"
		{"Ines Schmidt", ""}, {"Ravi García", "Ines Schmidt"}, {"Pedro Lindqvist", "Emil Kowalski"},
		{"Lukas Kaur", "Pedro Lindqvist"}, {"Oscar Mensah", "Ibrahim Horvat"}, {"Rosa Ali", "Aisha Santos"}}},
	{"rippling.csv", "", "name", [6][2]string{ // "Manager" as the name shown, preferred when set
		{"Fatima Okafor", ""}, {"Mateo Hernández", "Fatima Okafor"}, {"Alex Dias", "Kate Fernandes"},
		{"Jonas Müller", "Alex Dias"}, {"Nadia Patel", "Jo Novak"}, {"Emil Weber", "Felix Nguyen"}}},
	{"hibob.csv", "", "name", [6][2]string{ // "Work - " prefixes, "Work - Reports to" as display name
		{"Grace Müller", ""}, {"Marco Schmidt", "Grace Müller"}, {"Chloe Wagner", "Leila O'Brien"},
		{"Felix Tanaka", "Chloe Wagner"}, {"Marta Novak", "Elena Fischer"}, {"Sofia Nguyen", "Diego Mensah"}}},
	{"hibob.txt", "utf-16le", "name", [6][2]string{ // the same saved by Excel as "Unicode Text"
		{"Grace Müller", ""}, {"Marco Schmidt", "Grace Müller"}, {"Chloe Wagner", "Leila O'Brien"},
		{"Felix Tanaka", "Chloe Wagner"}, {"Marta Novak", "Elena Fischer"}, {"Sofia Nguyen", "Diego Mensah"}}},
	{"personio.csv", "windows-1252", "name", [6][2]string{ // German Excel: semicolons, Windows-1252
		{"Henrik García", ""}, {"Arjun Silva", "Henrik García"}, {"Aisha Novak", "Anika Jensen"},
		{"Kofi Ng", "Aisha Novak"}, {"Zara Schmidt", "Ines Murphy"}, {"Ibrahim O'Brien", "Pedro Kaur"}}},
	{"google-workspace.csv", "", "email", [6][2]string{ // "Manager Email"; some Employee IDs empty
		{"Marco Kowalski", ""}, {"Ines Becker", "Marco Kowalski"}, {"Diego Horvat", "Mei Tanaka"},
		{"Lena Ng", "Diego Horvat"}, {"Kofi Schmidt", "Ibrahim Costa"}, {"Lukas García", "Sofia Nakamura"}}},
	{"entra.csv", "utf-8 with byte-order mark", "email", [6][2]string{ // manager as UPN, some as display name
		{"Fatima Schmidt", ""}, {"Arjun Kaur", "Fatima Schmidt"}, {"Elena Novak", "Zara Murphy"},
		{"Grace Yilmaz", "Elena Novak"}, {"Ines Müller", "Mei Kim"}, {"Kofi Ali", "Tomás Nguyen"}}},
}

func TestImportHRSystemExports(t *testing.T) {
	cat := defaultCatalog(t)
	for _, fx := range hrFixtures {
		t.Run(fx.file, func(t *testing.T) {
			p, rep, err := importFile(t, fx.file, nil)
			if err != nil {
				t.Fatalf("Import without --map: %v", err)
			}
			if len(p.Positions) != 38 || rep.Rows != 38 {
				t.Fatalf("%d positions from %d rows, want 38", len(p.Positions), rep.Rows)
			}
			if rep.Encoding != fx.encoding {
				t.Errorf("read as %q, want %q", rep.Encoding, fx.encoding)
			}
			tops, vacant := 0, 0
			for _, pos := range p.Positions {
				if pos.ReportsTo == "" {
					tops++
				}
				if pos.Holder == "" {
					vacant++
				}
			}
			if tops != 1 || vacant != 0 {
				t.Errorf("%d top positions and %d vacant, want one top (the CEO) and nobody vacant", tops, vacant)
			}
			mb := rep.ManagersBy
			byHow := map[string]int{"id": mb.ID, "name": mb.Name, "email": mb.Email}
			if byHow[fx.managers] < 28 || mb.ID+mb.Name+mb.Email != 37 {
				t.Errorf("managers found %+v, want all 37 and most by %s", mb, fx.managers)
			}
			if n := rep.Count(NoteUnknownManager); n != 0 {
				t.Errorf("%d unknown managers: %+v", n, rep.Notes)
			}
			for _, w := range fx.people {
				pos := byHolder(t, p, w[0])
				switch m := p.Manager(pos); {
				case w[1] == "" && m != nil:
					t.Errorf("%s reports to %s, want a top position", w[0], m.Holder)
				case w[1] != "" && (m == nil || m.Holder != w[1]):
					t.Errorf("%s: manager %v, want %s", w[0], m, w[1])
				}
			}
			// Titles: the C-level titles that are not in the catalog stay
			// team members; the CPO in People is not the Chief Product Officer.
			role := func(holder string) string { return byHolder(t, p, holder).Role }
			if r := role(fx.people[0][0]); r != "chief-executive-officer" {
				t.Errorf("the CEO is %s", r)
			}
			if r := role(fx.people[1][0]); r != GenericRole {
				t.Errorf("the CPO in People is %s, want %s (Chief People Officer)", r, GenericRole)
			}
			if r := role(fx.people[5][0]); r == "director-of-engineering" {
				t.Error("Director of Network Engineering read as Director of Engineering")
			}
			if r := role(fx.people[2][0]); r != "software-engineering-manager" {
				t.Errorf("the engineering manager is %s", r)
			}
			ceos := 0
			for _, pos := range p.Positions {
				if pos.Role == "chief-executive-officer" {
					ceos++
				}
			}
			if ceos != 1 {
				t.Errorf("%d CEOs: the COO and CFO must not become CEOs", ceos)
			}
			// Executive and VP readings are listed for review: CEO, CTO, CISO, two VPs.
			if n := rep.Count(NoteExecutive); n != 5 {
				t.Errorf("%d executive matches listed, want 5", n)
			}
			if n := rep.Count(NoteOtherChief); n != 3 {
				t.Errorf("%d C-level titles without a role, want 3 (COO, CFO, CPO)", n)
			}
			want := []catalog.Domain{catalog.IT, catalog.SEC, catalog.SRE, catalog.PLAT, catalog.ENG, catalog.PROD}
			if !slices.Equal(p.Scope, want) {
				t.Errorf("scope %v, want %v", p.Scope, want)
			}
			if _, _, err := orgchart.Read(p.Encode(), "p.yaml", cat); err != nil {
				t.Errorf("imported plan does not load: %v", err)
			}
		})
	}
}

func TestImportWithoutNameColumnIsRefused(t *testing.T) {
	in := "Employee ID,Manager ID,Job Title\n1,,CTO\n2,1,Software Engineer\n"
	p, _, err := Import(strings.NewReader(in), "n.csv", defaultCatalog(t), nil)
	if p != nil || err == nil || !strings.Contains(err.Error(), "no name column") || !strings.Contains(err.Error(), "--map") {
		t.Fatalf("no name column: plan %v, error %v", p != nil, err)
	}
}

func TestImportManagersThatResolveForNobodyAreRefused(t *testing.T) {
	// The manager column holds codes of another system: every row would be a top position.
	in := "id,name,title,manager\n1,Ada Lovelace,CTO,X-77\n2,Grace Hopper,VP of Engineering,X-12\n3,Ken Thompson,Software Engineer,X-31\n"
	p, _, err := Import(strings.NewReader(in), "m.csv", defaultCatalog(t), nil)
	if p != nil || err == nil || !strings.Contains(err.Error(), `"X-77"`) || !strings.Contains(err.Error(), "m.csv:2:") {
		t.Fatalf("unresolvable managers: plan %v, error %v", p != nil, err)
	}
}

func TestImportManagerNameForms(t *testing.T) {
	in := "id,first name,last name,title,manager\n" +
		"1,Ada,Lovelace,CTO,\n" +
		"2,Grace,Hopper,VP of Engineering,\"Lovelace, Ada\"\n" +
		"3,Ken,Thompson,Software Engineer,grace hopper\n" +
		"4,Dennis,Ritchie,Software Engineer,2\n"
	p, rep, err := Import(strings.NewReader(in), "n.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	for holder, manager := range map[string]string{"Grace Hopper": "Ada Lovelace", "Ken Thompson": "Grace Hopper", "Dennis Ritchie": "Grace Hopper"} {
		if m := p.Manager(byHolder(t, p, holder)); m == nil || m.Holder != manager {
			t.Errorf("%s: manager %v, want %s", holder, m, manager)
		}
	}
	if rep.ManagersBy.ID != 1 || rep.ManagersBy.Name != 2 {
		t.Errorf("managers by %+v", rep.ManagersBy)
	}
}

func TestImportCostPeriod(t *testing.T) {
	cat := defaultCatalog(t)
	// Personio's "Fixed salary" is monthly in this file: 4.330,00 EUR a month.
	path := "personio.csv"
	for _, c := range []struct {
		period string
		want   float64
	}{{"", 4330}, {"year", 4330}, {"month", 4330 * 12}} {
		p, rep, err := importWith(t, path, cat, Options{CostPeriod: c.period})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Positions[0].Cost; got != c.want {
			t.Errorf("--cost-period %q: cost %v, want %v", c.period, got, c.want)
		}
		wantPeriod := c.period
		if wantPeriod == "" {
			wantPeriod = "year"
		}
		var text strings.Builder
		rep.WriteText(&text)
		if rep.CostColumn != "Fixed salary" || rep.CostPeriod != wantPeriod || !strings.Contains(text.String(), `Costs from column "Fixed salary"`) {
			t.Errorf("report: column %q period %q\n%s", rep.CostColumn, rep.CostPeriod, text.String())
		}
	}
	// A header that says monthly is read so without the flag.
	in := "id,manager,name,title,Monthly Salary\n1,,Ada Lovelace,CTO,\"10,000\"\n"
	p, _, err := Import(strings.NewReader(in), "m.csv", cat, nil)
	if err != nil || p.Positions[0].Cost != 120000 {
		t.Errorf("Monthly Salary: %v %v", err, p)
	}
	if _, _, err := ImportWith(strings.NewReader(in), "m.csv", cat, Options{CostPeriod: "week"}); err == nil {
		t.Error("--cost-period week accepted")
	}
}

func TestImportRetailCompanyOf1500(t *testing.T) {
	// A Workday report of a 1,500-person retailer shaped like real ones: nine
	// layers below the CEO, 84 stores (a store manager, an assistant with a
	// span of one, department leads, sometimes a key holder, wide groups of
	// associates), distribution centres, a chain of single reports in asset
	// protection, and an IT department of about 70 that is the only part the
	// catalog knows.
	p, rep, err := importFile(t, "workday-retail-1500.csv", nil)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if len(p.Positions) != 1500 || rep.ManagersBy.ID != 1499 || rep.Count(NoteUnknownManager) != 0 {
		t.Fatalf("%d positions, managers %+v, %d unknown", len(p.Positions), rep.ManagersBy, rep.Count(NoteUnknownManager))
	}
	depth := 0
	p.Walk(func(_ *orgchart.Position, d int) bool {
		depth = max(depth, d)
		return true
	})
	if depth != 9 {
		t.Errorf("depth %d, want 9 below the CEO", depth)
	}
	// Judged on what it has: no SRE, product or privacy roles, and two
	// database administrators are no platform organisation, so no gaps there.
	want := []catalog.Domain{catalog.IT, catalog.SEC, catalog.ENG, catalog.DATA}
	if !slices.Equal(p.Scope, want) {
		t.Errorf("scope %v, want %v", p.Scope, want)
	}
	cat := defaultCatalog(t)
	gaps := map[catalog.Domain]int{}
	for _, f := range check.Run(p, cat).Findings {
		for _, id := range f.Capabilities {
			if c := cat.Capability(id); c != nil {
				gaps[c.Domain]++
			}
		}
	}
	for _, d := range []catalog.Domain{catalog.SRE, catalog.PROD, catalog.PRIV, catalog.PLAT} {
		if gaps[d] > 0 {
			t.Errorf("%d coverage findings about %s, a domain the retailer does not work in", gaps[d], d)
		}
	}
	if gaps[catalog.IT] == 0 && gaps[catalog.SEC] == 0 {
		t.Log("no coverage findings about IT or security at all")
	}
	// CEO, CIO and VP of IT for review; the other chiefs are not CEOs.
	if rep.Count(NoteExecutive) != 3 || rep.Count(NoteOtherChief) != 5 {
		t.Errorf("%d executive matches, %d other chiefs", rep.Count(NoteExecutive), rep.Count(NoteOtherChief))
	}
	if got := byHolder(t, p, p.Positions[0].Holder); got.Role != "chief-executive-officer" || got.Cost != 1450000 {
		t.Errorf("CEO %+v", got)
	}
	for title, role := range map[string]string{"Information Security Manager": "security-engineering-manager",
		"E-commerce Engineering Manager": "software-engineering-manager", "Network Engineering Manager": "network-engineering-manager",
		"Service Desk Analyst": "it-service-desk-analyst", "Systems Administrator": "systems-engineer"} {
		found := false
		for _, pos := range p.Positions {
			if pos.Title == title || (pos.Title == "" && pos.Role == role) {
				found = found || pos.Role == role
			}
		}
		if !found {
			t.Errorf("%q is not %s", title, role)
		}
	}
}

func TestImportFlagsRepeatedChiefs(t *testing.T) {
	// A bank whose "Technology Officer" is a rank: never a CTO by
	// similarity; two rows titled CTO are flagged together.
	in := "id,manager,name,title,department\n1,,Ada Lovelace,CTO,Technology\n2,1,Grace Hopper,Technology Officer,Technology\n" +
		"3,1,Ken Thompson,Technology Officer,Technology\n4,1,Dennis Ritchie,CTO,Technology\n5,1,Barbara Liskov,Chief Executive Officer,Executive\n"
	p, rep, err := Import(strings.NewReader(in), "bank.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := byHolder(t, p, "Grace Hopper").Role; r == "chief-technology-officer" {
		t.Error(`"Technology Officer" read as CTO`)
	}
	var many []Note
	for _, n := range rep.Notes {
		if n.Kind == NoteManyChiefs {
			many = append(many, n)
		}
	}
	if len(many) != 1 || many[0].Line != 2 || !strings.Contains(many[0].Message, "2 rows read as Chief Technology Officer (lines 2, 5)") {
		t.Errorf("repeated chiefs: %+v", many)
	}
}

func TestImportManagerNamesAgainstLastFirstNames(t *testing.T) {
	// A public HR data set's shape: names as "Last, First  M", managers as
	// "First Last" (or with a middle initial), manager ids from another
	// numbering.
	in := "Employee_Name,EmpID,Position,Department,ManagerName,ManagerID\n" +
		"\"LeBlanc, Brandon  R\",1,CIO,IT/IS,,\n" +
		"\"Roup, Simon\",2,IT Manager - DB,IT/IS,Brandon R. LeBlanc,3\n" +
		"\"Carr, Claudia  N\",3,Sr. DBA,IT/IS,Simon Roup,4\n" +
		"\"Becker, Renee\",4,Database Administrator,IT/IS,Simon Roup,4\n"
	p, _, err := Import(strings.NewReader(in), "hr.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	for holder, manager := range map[string]string{"Roup, Simon": "LeBlanc, Brandon R", "Carr, Claudia N": "Roup, Simon", "Becker, Renee": "Roup, Simon"} {
		if m := p.Manager(byHolder(t, p, holder)); m == nil || m.Holder != manager {
			t.Errorf("%s: manager %v, want %s", holder, m, manager)
		}
	}
}

func TestImportMappedManagerColumnIsTheOnlyOne(t *testing.T) {
	// --map names the manager column: the recognised "Manager ID" (another
	// system's numbering) is ignored, not tried.
	in := "id,name,title,Manager ID,Boss\n1,Ada Lovelace,CTO,,\n2,Grace Hopper,VP of Engineering,3,1\n3,Ken Thompson,Software Engineer,1,2\n"
	p, rep, err := Import(strings.NewReader(in), "m.csv", defaultCatalog(t), map[string]string{"Boss": "manager"})
	if err != nil {
		t.Fatal(err)
	}
	if m := p.Manager(byHolder(t, p, "Grace Hopper")); m == nil || m.Holder != "Ada Lovelace" {
		t.Errorf("Grace Hopper's manager %v, want Ada Lovelace (from Boss)", m)
	}
	if len(rep.Ignored) != 1 || rep.Ignored[0] != "Manager ID" {
		t.Errorf("ignored %v, want Manager ID", rep.Ignored)
	}
}

func TestReportListsEveryExecutiveLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,manager,name,title\n1,,Ada Lovelace,CEO\n")
	for i := 2; i <= 41; i++ {
		fmt.Fprintf(&b, "%d,1,P%d,CTO\n", i, i)
	}
	_, rep, err := Import(strings.NewReader(b.String()), "ctos.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	rep.WriteText(&text)
	if !strings.Contains(text.String(), "lines 3, 4, 5, 6, 7, 8, 9, 10, 11") || !strings.Contains(text.String(), ", 41, 42: read as Chief Technology Officer") ||
		!strings.Contains(text.String(), "40 rows read as Chief Technology Officer") {
		t.Errorf("report:\n%s", text.String())
	}
}
