package people

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
)

// The fixtures here have the real header rows of public formats nobody on
// this project wrote, with invented people: the UK government's organograms
// (data.gov.uk's senior and junior staff files, and an older senior variant),
// Oracle's HR sample schema and Microsoft's Northwind Employees table.

func importFiles(t *testing.T, names ...string) (*orgchart.Plan, *Report, error) {
	t.Helper()
	var ins []Input
	for _, name := range names {
		f, err := os.Open(filepath.Join("..", "..", "testdata", "people", name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		ins = append(ins, Input{File: name, R: f})
	}
	return ImportFiles(ins, defaultCatalog(t), Options{})
}

// wantManager checks that holder reports to manager ("" for a top position).
func wantManager(t *testing.T, p *orgchart.Plan, holder, manager string) *orgchart.Position {
	t.Helper()
	pos := byHolder(t, p, holder)
	switch m := p.Manager(pos); {
	case manager == "" && m != nil:
		t.Errorf("%s reports to %s, want a top position", holder, m.Holder)
	case manager != "" && (m == nil || m.Holder != manager):
		t.Errorf("%s: manager %v, want %s", holder, m, manager)
	}
	return pos
}

// byTitle finds the positions with a title (their own, or none for the role's).
func byTitle(p *orgchart.Plan, title string) []*orgchart.Position {
	var out []*orgchart.Position
	for _, pos := range p.Positions {
		if pos.Title == title {
			out = append(out, pos)
		}
	}
	return out
}

func tops(p *orgchart.Plan) []*orgchart.Position {
	var out []*orgchart.Position
	for _, pos := range p.Positions {
		if pos.ReportsTo == "" {
			out = append(out, pos)
		}
	}
	return out
}

func TestImportUKOrganogramSeniorAndJunior(t *testing.T) {
	// Either order: the junior file is told by its header.
	for _, order := range [][]string{{"uk-organogram-senior.csv", "uk-organogram-junior.csv"}, {"uk-organogram-junior.csv", "uk-organogram-senior.csv"}} {
		p, rep, err := importFiles(t, order...)
		if err != nil {
			t.Fatalf("%v: %v", order, err)
		}
		// 13 senior rows: one eliminated, one not in post, a job share on two
		// rows: 10 posts. 19 junior rows, one of 0 FTE: 18 teams.
		if len(p.Positions) != 28 || rep.Rows != 13 || len(rep.Teams) != 1 || rep.Teams[0].Rows != 19 {
			t.Fatalf("%v: %d positions from %d rows and teams %+v", order, len(p.Positions), rep.Rows, rep.Teams)
		}
		if ts := tops(p); len(ts) != 1 || ts[0].Holder != "Harriet Okoye" || ts[0].Role != "chief-executive-officer" {
			t.Errorf("tops %+v, want the Chief Executive alone (XX is no manager)", ts)
		}
		cdio := wantManager(t, p, "Tomasz Wierzbicki", "Harriet Okoye")
		if cdio.Role != "chief-information-officer" {
			t.Errorf("the Chief Digital and Information Officer is %s", cdio.Role)
		}
		// N/D: the post is held, the name withheld.
		ciso := byTitle(p, "")
		found := false
		for _, pos := range ciso {
			if pos.Role == "chief-information-security-officer" {
				found = true
				if pos.Holder != NotDisclosed || p.Manager(pos) != cdio {
					t.Errorf("CISO %+v", pos)
				}
			}
		}
		if !found {
			t.Error("no CISO")
		}
		// Vacant: no holder.
		if hd := byTitle(p, "Head of Data"); len(hd) != 1 || !hd[0].Vacant() || p.Manager(hd[0]) != cdio ||
			!strings.Contains(hd[0].Notes, "vacant on 14/02/2025") {
			t.Errorf("Head of Data %+v", hd)
		}
		// The job share is one position held by both, of one FTE.
		share := wantManager(t, p, "Amelia Brooks / Daniel Mensah", "Priya Raman")
		if share.Title != "Deputy Director, Standards Policy" || strings.Contains(share.Notes, "FTE") || share.Cost != 74999 {
			t.Errorf("job share %+v", share)
		}
		// A part-time post keeps its FTE in the notes; the pay band's middle is the cost.
		if dd := wantManager(t, p, "Rhiannon Price", "Gareth Llewellyn"); dd.Notes != "Grade SCS1; 0.6 FTE. Works Tuesday to Thursday" || dd.Cost != 47500 {
			t.Errorf("part-time post %+v", dd)
		}
		if len(byTitle(p, "Deputy Director, Transformation")) != 0 || len(byTitle(p, "Not in post")) != 0 {
			t.Error("an eliminated post or a row not in post was imported")
		}
		if n := rep.Count(NoteLeftOut); n != 3 {
			t.Errorf("%d rows left out, want 3 (eliminated, not in post, 0 FTE)", n)
		}
		if n := rep.Count(NoteJobShare); n != 1 {
			t.Errorf("%d job shares", n)
		}
		// Junior rows are teams of their FTE rounded up, under the senior post
		// they name, costed at the payscale's middle times the FTE.
		kwame := byHolder(t, p, "Kwame Asante")
		var devs []*orgchart.Position
		for _, pos := range byTitle(p, "Software Developer") {
			if p.Manager(pos) != kwame {
				t.Errorf("Software Developer under %v", p.Manager(pos))
			}
			devs = append(devs, pos)
		}
		if len(devs) != 2 || devs[0].Count != 7 || devs[0].Role != "software-engineer" || devs[0].Notes != "Grade SEO; 6.5 FTE" ||
			devs[0].Cost != 39929 || devs[1].Count != 4 || devs[1].Notes != "Grade HEO" {
			t.Errorf("developer teams %+v %+v", devs[0], devs[1])
		}
		// One junior post: held (nobody is named), not a vacancy.
		if ps := byTitle(p, "Private Secretary"); len(ps) != 1 || ps[0].Holder != NotDisclosed || ps[0].Count != 0 || p.Manager(ps[0]).Holder != "Harriet Okoye" {
			t.Errorf("Private Secretary %+v", ps)
		}
		if _, _, err := orgchart.Read(p.Encode(), "p.yaml", defaultCatalog(t)); err != nil {
			t.Errorf("imported plan does not load: %v", err)
		}
	}
}

func TestImportUKOrganogramIdsAreStable(t *testing.T) {
	// The next release's files give the same ids: teams are named by their
	// senior post, title and grade, not by their line.
	a, _, err := importFiles(t, "uk-organogram-senior.csv", "uk-organogram-junior.csv")
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := importFiles(t, "uk-organogram-junior.csv", "uk-organogram-senior.csv")
	if err != nil {
		t.Fatal(err)
	}
	if d := sameOrganisation(a, b); d != "" {
		t.Error(d)
	}
}

func TestImportUKOrganogramOlderVariant(t *testing.T) {
	// "Grade" rather than "Grade (or equivalent)", no Job/Team Function, no
	// Total Pay, saved from Excel on Windows (Windows-1252: the £ signs).
	p, rep, err := importFile(t, "uk-organogram-senior-2011.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Encoding != "windows-1252" || len(p.Positions) != 6 || rep.Count(NoteLeftOut) != 1 {
		t.Fatalf("%s, %d positions, %d left out", rep.Encoding, len(p.Positions), rep.Count(NoteLeftOut))
	}
	wantManager(t, p, "Malcolm Ferguson", "")
	wantManager(t, p, "Aoife Ní Bhriain", "Malcolm Ferguson")
	if b := wantManager(t, p, "Bartholomew Quist", NotDisclosed); !strings.Contains(b.Notes, "0.8 FTE") {
		t.Errorf("part-time notes %q", b.Notes)
	}
	if h := byTitle(p, "Head of Information Security"); len(h) != 1 || !h[0].Vacant() {
		t.Errorf("vacant post %+v", h)
	}
	if rep.CostColumn != "Actual Pay Floor (£)" || rep.CostMaxColumn != "Actual Pay Ceiling (£)" {
		t.Errorf("cost columns %q %q", rep.CostColumn, rep.CostMaxColumn)
	}
}

func TestImportTeamFileAloneIsRefused(t *testing.T) {
	_, _, err := importFiles(t, "uk-organogram-junior.csv")
	if err == nil || !strings.Contains(err.Error(), "uk-organogram-junior.csv:1:") || !strings.Contains(err.Error(), "orgplanner import senior.csv uk-organogram-junior.csv") {
		t.Fatalf("a junior file alone: %v", err)
	}
	_, _, err = importFiles(t, "uk-organogram-senior.csv", "oracle-hr-employees.csv")
	if err == nil || !strings.Contains(err.Error(), "oracle-hr-employees.csv:1: a second people file") {
		t.Fatalf("two people files: %v", err)
	}
}

func TestImportTeamUnderUnknownPost(t *testing.T) {
	senior := "Post Unique Reference,Name,Job Title,Reports to Senior Post\nA,Ada Lovelace,Chief Executive,XX\n"
	junior := "Reporting Senior Post,Generic Job Title,Number of Posts in FTE\nA,Analyst,2\nMADEUP,Clerk,1\n"
	p, rep, err := ImportFiles([]Input{{"s.csv", strings.NewReader(senior)}, {"j.csv", strings.NewReader(junior)}}, defaultCatalog(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 3 || len(tops(p)) != 2 {
		t.Fatalf("%d positions, %d tops", len(p.Positions), len(tops(p)))
	}
	var unknown []Note
	for _, n := range rep.Notes {
		if n.Kind == NoteUnknownManager {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) != 1 || unknown[0].File != "j.csv" || unknown[0].Line != 3 || !strings.Contains(unknown[0].Message, `"MADEUP"`) {
		t.Errorf("unknown post: %+v", unknown)
	}
	var text strings.Builder
	rep.WriteText(&text)
	if !strings.Contains(text.String(), "j.csv:3: the team \"Clerk\" on line 3 of j.csv reports to \"MADEUP\"") {
		t.Errorf("report:\n%s", text.String())
	}
}

func TestImportEliminatedPostsReportsMoveUp(t *testing.T) {
	in := "Post Unique Reference,Name,Job Title,Reports to Senior Post\nA,Ada Lovelace,Chief Executive,XX\nB,Eliminated,Director,A\nC,Grace Hopper,Deputy Director,B\n"
	p, rep, err := Import(strings.NewReader(in), "e.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 2 {
		t.Fatalf("%d positions", len(p.Positions))
	}
	wantManager(t, p, "Grace Hopper", "Ada Lovelace")
	if rep.Count(NoteLeftOut) != 1 || !strings.Contains(rep.Notes[1].Message, "post B (Director) is eliminated; left out: its one report now reports to Ada Lovelace (id A)") {
		t.Errorf("notes %+v", rep.Notes)
	}
}

func TestImportOracleHRSchema(t *testing.T) {
	// No title column: JOB_ID gives the titles. An empty MANAGER_ID at the top.
	p, rep, err := importFile(t, "oracle-hr-employees.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 28 || rep.ManagersBy.ID != 27 {
		t.Fatalf("%d positions, managers %+v", len(p.Positions), rep.ManagersBy)
	}
	top := wantManager(t, p, "Ingrid Halvorsen", "")
	if len(tops(p)) != 1 || top.Role != "chief-executive-officer" || top.Title != "President" || top.Notes != "Job code AD_PRES" {
		t.Errorf("the president %+v", top)
	}
	for holder, want := range map[string][2]string{
		"Lucia Ferraz":     {"Ingrid Halvorsen", "Administration Vice President"},
		"Andrei Popescu":   {"Lucia Ferraz", "Programmer"},
		"Chiara Benedetti": {"Andrei Popescu", "Programmer"},
		"Nora Lindqvist":   {"Marcus Oyelaran", "Finance Manager"},
		"Grace Adeyemi":    {"Rafael Ortega", "Sales Representative"},
		"Maeve Quinn":      {"Pieter de Vries", "Shipping Clerk"},
	} {
		if pos := wantManager(t, p, holder, want[0]); pos.Title != want[1] {
			t.Errorf("%s: title %q, want %q", holder, pos.Title, want[1])
		}
	}
	if r := byHolder(t, p, "Andrei Popescu").Role; r != "software-engineer" {
		t.Errorf("IT_PROG is %s", r)
	}
	// The vacancy: a row with no names.
	vacant := 0
	for _, pos := range p.Positions {
		if pos.Vacant() {
			vacant++
			if p.Manager(pos).Holder != "Andrei Popescu" {
				t.Errorf("vacancy under %v", p.Manager(pos))
			}
		}
	}
	if vacant != 1 || rep.Count(NoteJobCode) != 28 || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "job codes") {
		t.Errorf("%d vacant, %d job-code notes, warnings %v", vacant, rep.Count(NoteJobCode), rep.Warnings)
	}
}

func TestImportWithoutTitlesIsNotRefused(t *testing.T) {
	in := "id,name,manager id\n1,Ada Lovelace,\n2,Grace Hopper,1\n"
	p, rep, err := Import(strings.NewReader(in), "t.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatalf("ids, names and managers, no titles: %v", err)
	}
	if len(p.Positions) != 2 || p.Positions[1].Role != GenericRole || len(rep.Warnings) != 2 || !strings.Contains(rep.Warnings[0], "--map COLUMN=title") {
		t.Errorf("positions %+v, warnings %v", p.Positions, rep.Warnings)
	}
}

func TestImportNorthwindEmployees(t *testing.T) {
	// Notes hold long text with commas, quotes and line breaks; Address too.
	p, rep, err := importFile(t, "northwind-employees.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 11 || rep.ManagersBy.ID != 10 {
		t.Fatalf("%d positions, managers %+v", len(p.Positions), rep.ManagersBy)
	}
	vp := wantManager(t, p, "Corinne Whitfield", "")
	if len(tops(p)) != 1 || vp.Title != "Vice President, Sales" || !strings.Contains(vp.Notes, "Pacific Rim Importers Association.") {
		t.Errorf("the top %+v", vp)
	}
	wantManager(t, p, "Emeka Okafor", "Corinne Whitfield")
	wantManager(t, p, "Ines Castro", "Emeka Okafor")
	if n := wantManager(t, p, "Nadia Rahman", "Ines Castro"); n.Title != "Sales Representative" {
		t.Errorf("title %q", n.Title)
	}
	if e := byHolder(t, p, "Emeka Okafor"); !strings.Contains(e.Notes, `"Successful Telemarketing" and "International Sales Management."`) {
		t.Errorf("notes with quotes: %q", e.Notes)
	}
	if open := byHolder(t, p, ""); open.Title != "Sales Representative" || p.Manager(open).Holder != "Emeka Okafor" {
		t.Errorf("vacancy %+v", open)
	}
	// A sales team is not judged on SRE, security or product gaps: no role
	// found works in any domain, so the plan switches coverage gaps off.
	if p.Scope != nil || p.Policy.Rules["coverage.gap"] != "off" || len(rep.Warnings) != 1 {
		t.Errorf("scope %v, rules %v, warnings %v", p.Scope, p.Policy.Rules, rep.Warnings)
	}
	for _, f := range check.Run(p, defaultCatalog(t)).Findings {
		if f.Rule == "coverage.gap" {
			t.Errorf("coverage finding on a sales team: %s", f.Message)
		}
	}
}

func TestRepeatedIDIsAJobShareOnlyWithFTEs(t *testing.T) {
	// Without an FTE column a repeated id stays a mistake to fix.
	in := "id,manager id,name,title\n1,,A,CTO\n1,,B,CTO\n"
	if _, _, err := Import(strings.NewReader(in), "d.csv", defaultCatalog(t), nil); err == nil || !strings.Contains(err.Error(), "d.csv:3: id \"1\" is also on line 2") {
		t.Errorf("repeated id without FTEs: %v", err)
	}
	// With one, two rows differing in the name only are one post.
	in = "id,manager id,name,title,fte\n1,,Ada Lovelace,CTO,0.5\n1,,Grace Hopper,CTO,0.5\n"
	p, rep, err := Import(strings.NewReader(in), "d.csv", defaultCatalog(t), nil)
	if err != nil || len(p.Positions) != 1 || p.Positions[0].Holder != "Ada Lovelace / Grace Hopper" || p.Positions[0].Notes != "" || rep.Count(NoteJobShare) != 1 {
		t.Errorf("job share: %v %+v", err, p)
	}
	// Rows that differ in more than the person are not.
	in = "id,manager id,name,title,fte\n1,,Ada Lovelace,CTO,0.5\n1,,Grace Hopper,CISO,0.5\n"
	if _, _, err := Import(strings.NewReader(in), "d.csv", defaultCatalog(t), nil); err == nil {
		t.Error("two different posts with one id imported")
	}
}

func TestImportSuccessFactorsUserDataFile(t *testing.T) {
	// Row 1 the system keys, row 2 the labels (skipped); MANAGER holds the
	// manager's USERID, NO_MANAGER at the top; HR is no manager; inactive
	// users are left out and their reports move up.
	p, rep, err := importFile(t, "successfactors-udf.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 16 || len(p.Positions) != 15 || rep.ManagersBy.ID != 15 {
		t.Fatalf("%d rows, %d positions, managers %+v", rep.Rows, len(p.Positions), rep.ManagersBy)
	}
	if ts := tops(p); len(ts) != 1 || ts[0].Holder != "Katarina Voss" || ts[0].Role != "chief-executive-officer" {
		t.Errorf("tops %+v", ts)
	}
	wantManager(t, p, "Aylin Kaya", "Daniel Achterberg")
	wantManager(t, p, "Pavel Dvořák", "Daniel Achterberg") // his manager, the Head of IT, is inactive
	if e := wantManager(t, p, "Priyanka Iyer", "Joost van Dijk"); e.Role != "software-engineering-manager" {
		t.Errorf("engineering manager %+v", e)
	}
	if l := wantManager(t, p, "Leonie Hartmann", "Priyanka Iyer"); len(l.DottedTo) != 1 || l.DottedTo[0] != PositionID("10024") {
		t.Errorf("matrix manager %+v", l)
	}
	if len(byTitle(p, "Head of IT")) != 0 || rep.Count(NoteLeftOut) != 1 {
		t.Errorf("the inactive Head of IT: %d left out", rep.Count(NoteLeftOut))
	}
	vacant := 0
	for _, pos := range p.Positions {
		if pos.Vacant() {
			vacant++
			if p.Manager(pos).Holder != "Priyanka Iyer" || pos.Role != "software-engineer" {
				t.Errorf("vacancy %+v", pos)
			}
		}
	}
	if vacant != 1 {
		t.Errorf("%d vacant", vacant)
	}
}

func TestImportADPWorkforceNowReport(t *testing.T) {
	// "Employee Last Name, First Name" (a quoted header with a comma), both
	// "Reports To Name" ("Last, First") and "Reports To Associate ID";
	// Position Status Active, Leave (kept) and Terminated (left out); a
	// vacant position has a Position ID and no Associate ID.
	p, rep, err := importFile(t, "adp-workforce-now.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 14 || rep.ManagersBy.ID+rep.ManagersBy.Name != 14 {
		t.Fatalf("%d positions, managers %+v", len(p.Positions), rep.ManagersBy)
	}
	if ts := tops(p); len(ts) != 1 || ts[0].Holder != "Eleanor Whitaker" {
		t.Errorf("tops %+v", ts)
	}
	if b := wantManager(t, p, "Beatriz Ferreira", "Chidi Okonkwo"); b.Role != "security-engineering-manager" {
		t.Errorf("on leave, still in post: %+v", b)
	}
	wantManager(t, p, "Ingrid Haugen", "Oskar Lindqvist") // her manager was terminated
	wantManager(t, p, "Dec O'Sullivan", "Kenji Nakamura") // the preferred first name
	if d := byHolder(t, p, "Dec O'Sullivan"); d.Role != "network-engineer" {
		t.Errorf("Senior Network Engineer is %s", d.Role)
	}
	if open := byHolder(t, p, ""); open.ID != PositionID("VSX000198") || p.Manager(open).Holder != "Kenji Nakamura" {
		t.Errorf("vacant position %+v", open)
	}
	if len(byTitle(p, "Service Desk Manager")) != 0 {
		t.Error("a terminated manager was imported")
	}
}

func TestHeaderRemarksInParentheses(t *testing.T) {
	// ADP's report fields carry their section in parentheses.
	in := "Associate ID,First Name,Last Name,Job Title Description (Employment Profile),Reports To Associate ID (Employment Profile),Annual Salary (Employment Profile - Pay Rates)\n" +
		"A1,Ada,Lovelace,CTO,,250000\nA2,Grace,Hopper,Software Engineer,A1,150000\n"
	p, _, err := Import(strings.NewReader(in), "adp.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if g := wantManager(t, p, "Grace Hopper", "Ada Lovelace"); g.Role != "software-engineer" || g.Cost != 150000 {
		t.Errorf("%+v", g)
	}
}

func TestImportZohoPeopleExport(t *testing.T) {
	// "Reporting To" as the manager's name and Employee ID ("Arvind Menon
	// ZP-002"), or the name alone; "Email ID"; "Nick Name" is the name
	// shown; Employee Status Resigned is left out, OnLeave kept.
	p, rep, err := importFile(t, "zoho-people.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 13 || rep.ManagersBy.ID != 12 || rep.ManagersBy.Name != 1 || rep.Count(NoteUnknownManager) != 0 {
		t.Fatalf("%d positions, managers %+v, notes %+v", len(p.Positions), rep.ManagersBy, rep.Notes)
	}
	if ts := tops(p); len(ts) != 1 || ts[0].Holder != "Lakshmi Narayanan" {
		t.Errorf("tops %+v", ts)
	}
	wantManager(t, p, "Arvind Menon", "Lakshmi Narayanan")
	wantManager(t, p, "Anu Iyer", "Suresh Pillai")            // her manager resigned
	wantManager(t, p, "Karthik Subramanian", "Suresh Pillai") // on leave: still in post
	wantManager(t, p, "Imran Shaikh", "Farah Qureshi")        // by name alone
	if d := wantManager(t, p, "Deepa Krishnan", "Suresh Pillai"); d.Role != "qa-engineering-manager" {
		t.Errorf("QA Manager is %s", d.Role)
	}
	if open := byHolder(t, p, ""); open.Role != "qa-engineer" || p.Manager(open).Holder != "Deepa Krishnan" {
		t.Errorf("open position %+v", open)
	}
}

func TestImportGraphPowerShellExport(t *testing.T) {
	// Get-MgUser with each user's manager, through Windows PowerShell's
	// Export-Csv: a "#TYPE ..." first line, every field quoted, a BOM, the
	// manager as its object id.
	p, rep, err := importFile(t, "graph-powershell.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	// A leaver's account, disabled, is left out.
	if len(p.Positions) != 12 || rep.ManagersBy.ID != 12 || rep.Count(NoteLeftOut) != 1 {
		t.Fatalf("%d positions, managers %+v, %d left out", len(p.Positions), rep.ManagersBy, rep.Count(NoteLeftOut))
	}
	top := wantManager(t, p, "Hannah Beaumont", "")
	if top.Line != 3 || len(tops(p)) != 1 {
		t.Errorf("the top on line %d (the header is line 2, after #TYPE)", top.Line)
	}
	wantManager(t, p, "Mikkel Thomsen", "Colm Gallagher")
	if j := wantManager(t, p, "Jada Okafor", "Mikkel Thomsen"); j.Role != "systems-engineer" {
		t.Errorf("Systems Engineer is %s", j.Role)
	}
	if open := byHolder(t, p, ""); open.Title != "" || open.Role != "security-analyst" || p.Manager(open).Holder != "Emre Yilmaz" {
		t.Errorf("vacancy %+v", open)
	}
}

// endless is an endless file of one byte.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

func TestImportFilesShareOneSizeLimit(t *testing.T) {
	// Two files of 20 MB each are refused together, naming the second, and
	// neither is read past the limit.
	twenty := func() io.Reader { return io.LimitReader(endless('a'), 20<<20) }
	_, _, err := ImportFiles([]Input{{"a.csv", twenty()}, {"b.csv", twenty()}}, defaultCatalog(t), Options{})
	if err == nil || !strings.Contains(err.Error(), "b.csv: the files are more than 32 MB together") {
		t.Fatalf("40 MB in two files: %v", err)
	}
}

func TestImportUKGSupervisorEmployeeNumber(t *testing.T) {
	// UKG Pro sends the manager as "Supervisor Employee Number".
	in := "Employee Number,First Name,Last Name,Job Title,Supervisor Employee Number\n100,Ada,Lovelace,CTO,\n101,Grace,Hopper,Engineering Manager,100\n102,Ken,Thompson,Software Engineer,101\n"
	p, _, err := Import(strings.NewReader(in), "ukg.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	wantManager(t, p, "Ken Thompson", "Grace Hopper")
	wantManager(t, p, "Grace Hopper", "Ada Lovelace")
}

func TestImportLongChainOfEliminatedPostsIsLinear(t *testing.T) {
	// 20,000 eliminated posts in a chain, each reporting to the next one
	// down the file, above one post that stays: reparenting walks each link
	// once (it took quadratic time).
	const n = 20000
	var b strings.Builder
	b.WriteString("Post Unique Reference,Name,Job Title,Reports to Senior Post\nTOP,Ada Lovelace,Chief Executive,XX\n")
	for i := 0; i < n; i++ {
		up := fmt.Sprintf("P%d", i+1)
		if i == n-1 {
			up = "TOP"
		}
		fmt.Fprintf(&b, "P%d,Eliminated,Director,%s\n", i, up)
	}
	b.WriteString("LAST,Grace Hopper,Deputy Director,P0\n")
	start := time.Now()
	p, rep, err := Import(strings.NewReader(b.String()), "chain.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Positions) != 2 || rep.Count(NoteLeftOut) != n {
		t.Fatalf("%d positions, %d left out", len(p.Positions), rep.Count(NoteLeftOut))
	}
	wantManager(t, p, "Grace Hopper", "Ada Lovelace")
	t.Logf("%d eliminated posts in a chain: %v", n, time.Since(start))
}

func TestJobSharesHaveALimit(t *testing.T) {
	// Four people may share a post; a fifth row with the same id is a
	// mistake, refused, and a file of thousands of them stays cheap.
	var b strings.Builder
	b.WriteString("id,manager id,name,title,fte\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "1,,Person %d,CTO,0.2\n", i)
	}
	_, _, err := Import(strings.NewReader(b.String()), "share.csv", defaultCatalog(t), nil)
	if err == nil || !strings.Contains(err.Error(), "share.csv:6: id \"1\" is also on line 2") {
		t.Fatalf("5,000 rows of one post: %.300v", err)
	}
}

func TestImportOrganogramAsDataGovUKWritesIt(t *testing.T) {
	// data.gov.uk's own converter quotes every field and leaves the Total
	// Pay header blank; its first row is the Chief Executive reporting to XX.
	in := `"Post Unique Reference","Name","Grade (or equivalent)","Job Title","Job/Team Function","Parent Department","Organisation","Unit","Contact Phone","Contact E-mail","Reports to Senior Post","Salary Cost of Reports (£)","FTE","Actual Pay Floor (£)","Actual Pay Ceiling (£)","","Professional/Occupational Group","Notes","Valid?"` + "\n" +
		`"CEO","Iris Achebe","SCS2","Chief Executive","Chief executive","Department for Public Services","Culture Agency","Culture Agency Unit","0300 123 1234","iris.achebe@example.gov.uk","XX","1000345","1.00","120000","124999","","","","1"` + "\n" +
		`"DIR1","N/D","SCS1","Director of Technology","Technology","Department for Public Services","Culture Agency","Technology","N/A","tech@example.gov.uk","CEO","0","1.00","N/D","N/D","","","","1"` + "\n"
	p, rep, err := Import(strings.NewReader(in), "2016-09-30-organogram-senior.csv", defaultCatalog(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	ceo := wantManager(t, p, "Iris Achebe", "")
	if ceo.Cost != 122500 || rep.Count(NoteBadCost) != 0 {
		t.Errorf("CEO %+v, %d bad costs", ceo, rep.Count(NoteBadCost))
	}
	if d := wantManager(t, p, NotDisclosed, "Iris Achebe"); d.Title != "Director of Technology" || d.Cost != 0 {
		t.Errorf("N/D director %+v", d)
	}
}
