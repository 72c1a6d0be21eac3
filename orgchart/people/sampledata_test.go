package people

import (
	"strings"
	"testing"
)

// Fixtures in the shapes of public sample data sets that people load into
// org-chart tools, with their real header rows and invented people: draw.io's
// CSV import (its "## ... # key: value" configuration lines above the
// header), the Kaggle "Human Resources Data Set" (HRDataset_v14),
// Microsoft's AdventureWorksDW DimEmployee table and d3-org-chart's sample
// data (bumbeishvili/sample-data org.csv).

func TestImportDrawioOrgChartCSV(t *testing.T) {
	p, rep, err := importFiles(t, "drawio-orgchart.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 10 || rep.Rows != 10 {
		t.Fatalf("%d positions from %d rows, want 10", len(p.Positions), rep.Rows)
	}
	// Line numbers stay the file's: the header is line 16.
	if pos := byHolder(t, p, "Priya Raman"); pos.Line != 17 || pos.Role != "chief-technology-officer" {
		t.Errorf("Priya Raman: line %d role %s", pos.Line, pos.Role)
	}
	wantManager(t, p, "Priya Raman", "")
	wantManager(t, p, "Tomas Novak", "Priya Raman")
	wantManager(t, p, "Mei Chen", "Jun Park")
	// draw.io's "refs" column holds the ids of other cards a card links to.
	if got := byHolder(t, p, "Mei Chen").DottedTo; len(got) != 1 || byHolder(t, p, "Amara Okafor").ID != got[0] {
		t.Errorf("Mei Chen's refs: dotted %v", got)
	}
	// A header that starts with "#" is still a header.
	for _, header := range []string{"#,Name,Title,Manager", "# Reports,id,Name,Title,Manager"} {
		in := header + "\n" + strings.Repeat("x,", strings.Count(header, ",")-3) + "1,Ada,CTO,\n" + strings.Repeat("x,", strings.Count(header, ",")-3) + "2,Bo,Engineer,1\n"
		p, _, err = Import(strings.NewReader(in), "hash.csv", defaultCatalog(t), nil)
		if err != nil || len(p.Positions) != 2 {
			t.Errorf("a header %q: %v", header, err)
		}
	}
}

func TestImportKaggleHRDataset(t *testing.T) {
	// HRDataset_v14's header: names "Last, First  M", ManagerName "First
	// Last", a ManagerID from another numbering (blank on some rows), the
	// CEO's manager "Board of Directors", people who left still in the file
	// ("Voluntarily Terminated", "Terminated for Cause").
	p, rep, err := importFiles(t, "hrdataset-v14.csv")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 42 || len(p.Positions) != 39 {
		t.Errorf("%d positions from %d rows, want 39 of 42 (three have left)", len(p.Positions), rep.Rows)
	}
	for _, n := range rep.Notes {
		if n.Kind == NoteUnknownManager {
			t.Errorf("unknown manager: %s", n.Message)
		}
	}
	wantManager(t, p, "Kingsley, Janet", "") // "Board of Directors", ManagerID 9
	wantManager(t, p, "Lopez, Maria", "Butlers, Webb")
	wantManager(t, p, "Quinn, Dana", "LeBlanc, Brandon R") // "LeBlanc, Brandon  R" in the file: padding dropped
	wantManager(t, p, "Okoro, Chidi M", "Monro, Peter")
	for _, name := range []string{"Vasquez, Lucia R", "Adeyemi, Tunde", "Dubois, Luc A"} {
		for _, pos := range p.Positions {
			if pos.Holder == name {
				t.Errorf("%s has left but is in the plan", name)
			}
		}
	}
	for title, role := range map[string]string{"BI Director": "vp-of-data-and-ai", "BI Developer": "data-engineer",
		"Senior BI Developer": "data-engineer", "Principal Data Architect": "data-engineer", "Sr. DBA": "database-administrator"} {
		if ps := byTitle(p, title); len(ps) != 1 || ps[0].Role != role {
			t.Errorf("%q: %d positions, want one %s", title, len(ps), role)
		}
	}
}

func TestGoneStatuses(t *testing.T) {
	for status, want := range map[string]bool{"Terminated": true, "Voluntarily Terminated": true, "Terminated for Cause": true,
		"Terminated - Involuntary": true, "INACTIVE": true, "Active": false, "Leave of Absence": false, "": false,
		"Pending Termination": false, "Resigned - Notice Period": false, "Future Start": false, "On Leave": false} {
		if gone(status) != want {
			t.Errorf("gone(%q) = %v, want %v", status, !want, want)
		}
	}
}

func TestImportAdventureWorksDimEmployee(t *testing.T) {
	// A warehouse's employee dimension as SQL Server Management Studio saves
	// it: EmployeeKey and ParentEmployeeKey, NULL written out, and history
	// rows (type 2): a past version of a person has CurrentFlag 0 and a
	// Status of NULL, the current one Status "Current".
	p, rep, err := importFiles(t, "adventureworksdw-dimemployee.csv")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 27 || len(p.Positions) != 25 {
		t.Fatalf("%d positions from %d rows, want 25 of 27 (two past versions)", len(p.Positions), rep.Rows)
	}
	wantManager(t, p, "Karl Sandoval", "")
	wantManager(t, p, "Linda Mitchel", "Stephen Yang")
	wantManager(t, p, "Stuart Macrae", "Sandra Salavaria")
	if n := len(byTitle(p, "North American Sales Manager")); n != 1 {
		t.Errorf("%d North American Sales Managers, want 1 (the current version)", n)
	}
	for title, role := range map[string]string{"Information Services Manager": "it-operations-manager", "Network Manager": "network-engineering-manager",
		"Application Specialist": "business-systems-analyst"} {
		if ps := byTitle(p, title); len(ps) == 0 || ps[0].Role != role {
			t.Errorf("%q: %d positions, want role %s", title, len(ps), role)
		}
	}
	left := 0
	for _, n := range rep.Notes {
		if strings.Contains(n.Message, "is a past version of a row (CurrentFlag 0); left out") {
			left++
		}
		if n.Kind == NoteUnknownManager {
			t.Errorf("unknown manager: %s", n.Message)
		}
	}
	if left != 2 {
		t.Errorf("%d past versions noted, want 2", left)
	}
}

func TestImportD3OrgChartSampleData(t *testing.T) {
	// d3-org-chart's demos load name,imageUrl,area,profileUrl,office,tags,
	// isLoggedUser,positionName,id,parentId,size: the title is positionName.
	p, rep, err := importFiles(t, "d3-org-chart.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 6 || rep.Matches[MatchUnmatched] != 0 {
		t.Fatalf("%d positions, %d titles unmatched", len(p.Positions), rep.Matches[MatchUnmatched])
	}
	if pos := wantManager(t, p, "Ian Devling", ""); pos.Role != "chief-technology-officer" {
		t.Errorf("Ian Devling is %s", pos.Role)
	}
	if pos := wantManager(t, p, "Suyama Michael", "Leverling Janet"); pos.Role != "security-engineer" {
		t.Errorf("Suyama Michael is %s", pos.Role)
	}
}

func TestImportSheetsOfNamesAndManagersNames(t *testing.T) {
	// The simplest org chart sheet has no id: Visio's Organization Chart
	// Wizard (Name, Reports_To, Title, Department, Telephone) and Google
	// Charts' org chart data (Name, Manager, ToolTip). The name is the id.
	p, rep, err := importFiles(t, "visio-orgchart-wizard.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 7 || rep.ManagersBy.Name != 6 || rep.ManagersBy.ID != 0 {
		t.Fatalf("%d positions, managers by name %d, by id %d", len(p.Positions), rep.ManagersBy.Name, rep.ManagersBy.ID)
	}
	wantManager(t, p, "Joe Sampletest", "")
	wantManager(t, p, "Tom Baker", "Bill Jones")
	if pos := wantManager(t, p, "Lin Chen", "Rahul Iyer"); pos.Role != "security-analyst" {
		t.Errorf("Lin Chen is %s", pos.Role)
	}
	p, _, err = importFiles(t, "google-charts-orgchart.csv")
	if err != nil {
		t.Fatal(err)
	}
	wantManager(t, p, "Carol", "Bob")
	wantManager(t, p, "Mike", "")
	// Names are the ids: two people of one name are a problem naming both lines.
	_, _, err = Import(strings.NewReader("Name,Manager\nAda,\nBo,Ada\nBo,Ada\n"), "twice.csv", defaultCatalog(t), nil)
	if err == nil || !strings.Contains(err.Error(), `twice.csv:4: "Bo" is also the name on line 3`) {
		t.Errorf("a name twice: %v", err)
	}
}

func TestImportLeavesOutTotalsAndRemarks(t *testing.T) {
	// A spreadsheet saved as CSV: empty trailing columns, blank rows and a
	// total under the table, a section heading above a group. Each was a
	// vacant post with no title. A lone id someone reports to stays, and so
	// does a lone name in a file of names.
	in := "Employee ID,Name,Job Title,Manager ID,,,\r\n" +
		"Engineering,,,,,,\r\n" +
		"1,Ada Lovelace,CTO,,,,\r\n" +
		"2,Grace Hopper,VP Engineering,1,,,\r\n" +
		"9,,,,,,\r\n" +
		"3,Alan Turing,Software Engineer,9,,,\r\n" +
		",,,,,,\r\n" +
		"Total: 4 employees,,,,,,\r\n"
	p, rep, err := Import(strings.NewReader(in), "excel.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 4 || p.Position(PositionID("9")) == nil {
		t.Fatalf("%d positions (want Ada, Grace, the post 9 Alan reports to, Alan)", len(p.Positions))
	}
	var left []string
	for _, n := range rep.Notes {
		if n.Kind == NoteLeftOut {
			left = append(left, n.ID)
		}
	}
	if len(left) != 2 || left[0] != "Engineering" || left[1] != "Total: 4 employees" {
		t.Errorf("left out %q, want the heading and the total", left)
	}
	p, _, err = Import(strings.NewReader("Name,Manager\nAda,\nBo,Ada\nCy,\n"), "names.csv", defaultCatalog(t), nil)
	if err != nil || len(p.Positions) != 3 {
		t.Errorf("a lone name was left out: %v", err)
	}
}
