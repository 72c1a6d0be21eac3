package people

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// sameOrganisation reports the first difference between two plans'
// positions (by id: every field) and reporting order, or "".
func sameOrganisation(a, b *orgchart.Plan) string {
	if len(a.Positions) != len(b.Positions) {
		return fmt.Sprintf("%d positions against %d", len(a.Positions), len(b.Positions))
	}
	for _, pa := range a.Positions {
		pb := b.Position(pa.ID)
		if pb == nil {
			return fmt.Sprintf("position %s (%s) missing", pa.ID, pa.Holder)
		}
		x, y := *pa, *pb
		x.Line, y.Line = 0, 0
		if fmt.Sprint(x) != fmt.Sprint(y) {
			return fmt.Sprintf("position %s differs:\n %+v\n %+v", pa.ID, x, y)
		}
		ra, rb := a.Reports(pa.ID), b.Reports(pa.ID)
		for i := range ra {
			if ra[i].ID != rb[i].ID {
				return fmt.Sprintf("reports of %s in another order", pa.ID)
			}
		}
	}
	return ""
}

func roundTrip(t *testing.T, p *orgchart.Plan, cat *catalog.Catalog) *orgchart.Plan {
	t.Helper()
	var csv bytes.Buffer
	if err := Export(&csv, p, cat); err != nil {
		t.Fatalf("Export: %v", err)
	}
	q, rep, err := Import(bytes.NewReader(csv.Bytes()), "export.csv", cat, nil)
	if err != nil {
		t.Fatalf("re-import: %v\n%s", err, csv.String())
	}
	if len(rep.Notes) != 0 {
		t.Errorf("re-import notes: %+v", rep.Notes)
	}
	return q
}

func TestRoundTripImportSaveExportImport(t *testing.T) {
	cat := defaultCatalog(t)
	names := []string{"hris.csv", "orgchartjs.csv", "semicolon.csv", "messy.csv", "workday-retail-1500.csv",
		"uk-organogram-senior.csv", "uk-organogram-senior-2011.csv", "uk-organogram-senior.csv+uk-organogram-junior.csv",
		"oracle-hr-employees.csv", "northwind-employees.csv", "successfactors-udf.csv", "adp-workforce-now.csv", "zoho-people.csv", "graph-powershell.csv"}
	for _, fx := range hrFixtures {
		names = append(names, fx.file)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			first, _, err := importFiles(t, strings.Split(name, "+")...)
			if err != nil {
				t.Fatal(err)
			}
			// Save and load as the command line does.
			saved, _, err := orgchart.Read(first.Encode(), "plan.yaml", cat)
			if err != nil {
				t.Fatalf("reading the imported plan back: %v\n%s", err, first.Encode())
			}
			again := roundTrip(t, saved, cat)
			if d := sameOrganisation(first, again); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestRoundTripKeepsEveryField(t *testing.T) {
	cat := defaultCatalog(t)
	p := &orgchart.Plan{Version: 1, Name: "fields", Positions: []*orgchart.Position{
		{ID: "6b0e0c5e-1d6a-4a8e-9a59-0d8f3e2b7c01", Role: "chief-technology-officer", Holder: "Ada, \"The\" Countess", Cost: 312500.5},
		{ID: "6b0e0c5e-1d6a-4a8e-9a59-0d8f3e2b7c02", Role: "software-engineering-manager", Title: "Payments Lead", ReportsTo: "6b0e0c5e-1d6a-4a8e-9a59-0d8f3e2b7c01",
			DottedTo: []string{"6b0e0c5e-1d6a-4a8e-9a59-0d8f3e2b7c04"}, Notes: "Hiring in Q3;\nsee the plan"},
		{ID: "6b0e0c5e-1d6a-4a8e-9a59-0d8f3e2b7c03", Role: "software-engineer", ReportsTo: "6b0e0c5e-1d6a-4a8e-9a59-0d8f3e2b7c02", Count: 6, Cost: 150000},
		{ID: "6b0e0c5e-1d6a-4a8e-9a59-0d8f3e2b7c04", Role: GenericRole, Title: "Chief Happiness Wizard", ReportsTo: "6b0e0c5e-1d6a-4a8e-9a59-0d8f3e2b7c01", Holder: "Fran"},
	}}
	if d := sameOrganisation(p, roundTrip(t, p, cat)); d != "" {
		t.Error(d)
	}
}

// peopleCSV writes a realistic HR export of n people: a CEO, a few layers of
// managers with spans of 4-9, titles in the variants HR systems use.
func peopleCSV(n int, seed int64) []byte {
	rng := rand.New(rand.NewSource(seed))
	managers := []string{"CTO", "VP, Engineering", "Head of SRE", "Director of Engineering", "Eng Manager",
		"SRE Manager", "Security Engineering Manager", "Manager, IT Operations", "Data Engineering Manager"}
	ics := []string{"Software Engineer", "Sr. Software Engineer", "Staff SRE", "Software Engineer II", "QA Engineer",
		"Data Engineer", "Security Analyst", "Platform Engineer", "Product Designer", "Growth Hacker", "Senior Data Scientist"}
	var b bytes.Buffer
	b.WriteString("Employee ID,Full Name,Job Title,Manager ID,Department,Annual Salary\n")
	fmt.Fprintf(&b, "E0,Chief Person,CEO,,Exec,\"$400,000\"\n")
	open := []int{0} // managers that can take reports
	for i := 1; i < n; i++ {
		mi := rng.Intn(len(open))
		m := open[mi]
		title := ics[rng.Intn(len(ics))]
		if i < n/6 {
			title = managers[rng.Intn(len(managers))]
			open = append(open, i)
		}
		if rng.Intn(9) == 0 {
			open = append(open[:mi], open[mi+1:]...)
			if len(open) == 0 {
				open = []int{i}
			}
		}
		fmt.Fprintf(&b, "E%d,Person %d,%s,E%d,Engineering,%d\n", i, i, quoteIf(title), m, 90000+rng.Intn(120000))
	}
	return b.Bytes()
}

func quoteIf(s string) string {
	if strings.ContainsRune(s, ',') {
		return `"` + s + `"`
	}
	return s
}

func TestGeneratedCSVImportsCompletely(t *testing.T) {
	p, rep, err := Import(bytes.NewReader(peopleCSV(2000, 1)), "gen.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	p.Walk(func(*orgchart.Position, int) bool { n++; return true })
	if n != 2000 || len(p.Tops()) != 1 {
		t.Fatalf("walk reaches %d of 2000, %d tops", n, len(p.Tops()))
	}
	if rep.Matches[MatchUnmatched] == 0 || rep.Matches[MatchUnmatched] > 400 {
		t.Errorf("matches %v", rep.Matches)
	}
}

func BenchmarkImport10k(b *testing.B) {
	data := peopleCSV(10000, 1)
	cat := defaultCatalog(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Import(bytes.NewReader(data), "bench.csv", cat, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExport10k(b *testing.B) {
	cat := defaultCatalog(b)
	p, _, err := Import(bytes.NewReader(peopleCSV(10000, 1)), "bench.csv", cat, nil)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := Export(&buf, p, cat); err != nil {
			b.Fatal(err)
		}
	}
}
