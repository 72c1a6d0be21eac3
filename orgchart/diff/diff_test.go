package diff

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// testCatalog owns a few capabilities so coverage effects can be asserted.
func testCatalog() *catalog.Catalog {
	role := func(id, title string, owns ...string) *catalog.Role {
		return &catalog.Role{ID: id, Title: title, Domains: []catalog.Domain{catalog.ENG}, Owns: owns}
	}
	capab := func(id, name string, d catalog.Domain) *catalog.Capability {
		return &catalog.Capability{ID: id, Name: name, Domain: d, Required: catalog.Requirement{Default: true}}
	}
	return catalog.New([]*catalog.Role{
		role("chief-technology-officer", "Chief Technology Officer", "architecture"),
		role("vp-of-engineering", "VP of Engineering", "delivery"),
		role("software-engineering-manager", "Software Engineering Manager"),
		role("software-engineer", "Software Engineer"),
		role("platform-engineer", "Platform Engineer"),
		role("chief-information-security-officer", "Chief Information Security Officer", "incident-response", "vulnerabilities"),
		role("security-engineer", "Security Engineer"),
		role("qa-engineer", "QA Engineer", "testing"),
		role("sre-manager", "SRE Manager", "on-call", "incident-response"),
	}, []*catalog.Capability{
		capab("architecture", "Architecture", catalog.ENG),
		capab("delivery", "Delivery", catalog.ENG),
		capab("incident-response", "Incident response", catalog.SEC),
		capab("vulnerabilities", "Vulnerability management", catalog.SEC),
		capab("testing", "Test automation", catalog.ENG),
		capab("on-call", "On-call", catalog.SRE),
	}, nil)
}

func plan(name string, ps ...*orgchart.Position) *orgchart.Plan {
	return &orgchart.Plan{Version: 1, Name: name, Positions: ps}
}

func beforePlan() *orgchart.Plan {
	return plan("today",
		&orgchart.Position{ID: "cto", Role: "chief-technology-officer", Holder: "Grace Hopper", Cost: 280000},
		&orgchart.Position{ID: "vpe", Role: "vp-of-engineering", Holder: "Margaret Hamilton", ReportsTo: "cto", Cost: 240000},
		&orgchart.Position{ID: "em", Role: "software-engineering-manager", Holder: "Linus Torvalds", ReportsTo: "vpe", Cost: 185000},
		&orgchart.Position{ID: "se1", Role: "software-engineer", Holder: "Ken Thompson", ReportsTo: "em", Cost: 170000},
		&orgchart.Position{ID: "se2", Role: "software-engineer", Holder: "Dennis Ritchie", ReportsTo: "em", Cost: 150000},
		&orgchart.Position{ID: "se3", Role: "software-engineer", ReportsTo: "em", Cost: 150000},
		&orgchart.Position{ID: "team", Role: "software-engineer", ReportsTo: "em", Count: 4, Cost: 150000},
		&orgchart.Position{ID: "ciso", Role: "chief-information-security-officer", Holder: "Radia Perlman", ReportsTo: "cto"},
		&orgchart.Position{ID: "sec", Role: "security-engineer", Holder: "Whitfield Diffie", ReportsTo: "ciso"},
		&orgchart.Position{ID: "qa", Role: "qa-engineer", Holder: "Tom Berg", ReportsTo: "cto"},
	)
}

func afterPlan() *orgchart.Plan {
	return plan("proposal",
		&orgchart.Position{ID: "cto", Role: "chief-technology-officer", Holder: "Grace Hopper", Cost: 300000},
		&orgchart.Position{ID: "vpe", Role: "vp-of-engineering", Holder: "Margaret Hamilton", ReportsTo: "cto", Cost: 240000},
		&orgchart.Position{ID: "em", Role: "software-engineering-manager", ReportsTo: "vpe", Cost: 185000, Notes: "Hiring"},
		&orgchart.Position{ID: "se1", Role: "platform-engineer", Title: "Build Engineer", Holder: "Ken Thompson", ReportsTo: "em", Cost: 170000},
		&orgchart.Position{ID: "se3-new", Role: "software-engineer", ReportsTo: "em", Cost: 150000},
		&orgchart.Position{ID: "team", Role: "software-engineer", ReportsTo: "em", Count: 6, Cost: 150000},
		&orgchart.Position{ID: "dennis", Role: "software-engineer", Holder: "dennis  ritchie", ReportsTo: "vpe", Cost: 150000},
		&orgchart.Position{ID: "ciso2", Role: "chief-information-security-officer", ReportsTo: "cto"},
		&orgchart.Position{ID: "sec", Role: "security-engineer", Holder: "Whitfield Diffie", ReportsTo: "ciso2", DottedTo: []string{"em"}},
		&orgchart.Position{ID: "srem", Role: "sre-manager", Holder: "Barbara Liskov", ReportsTo: "cto"},
	)
}

func ids[T any](xs []T, id func(T) string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return strings.Join(out, ",")
}

func TestCompareEveryKindOfChange(t *testing.T) {
	d := Compare(beforePlan(), afterPlan(), testCatalog())

	if d.Matched != (MatchCounts{ByID: 6, ByRoleHolder: 1, ByRoleManager: 1}) {
		t.Errorf("matched %+v", d.Matched)
	}
	if got := ids(d.Added, func(p Placed) string { return p.ID + "<" + p.Manager.ID }); got != "ciso2<cto,srem<cto" {
		t.Errorf("added %s", got)
	}
	if got := ids(d.Removed, func(p Placed) string { return p.ID + "<" + p.Manager.ID }); got != "ciso<cto,qa<cto" {
		t.Errorf("removed %s", got)
	}
	if got := ids(d.Moved, func(m Move) string { return m.ID + ":" + m.From.ID + ">" + m.To.ID }); got != "dennis:em>vpe,sec:ciso>ciso2" {
		t.Errorf("moved %s", got)
	}
	changed := map[string]string{}
	for _, c := range d.Changed {
		var fs []string
		for _, f := range c.Fields {
			fs = append(fs, string(f.Field)+"="+f.Before+">"+f.After)
		}
		changed[c.ID] = strings.Join(fs, ";")
	}
	want := map[string]string{
		"cto":  "cost=280000>300000",
		"em":   "holder=Linus Torvalds>;notes=>Hiring",
		"se1":  "role=software-engineer>platform-engineer;title=>Build Engineer",
		"team": "count=4>6",
		"sec":  "dottedTo=>Software Engineering Manager (vacant)",
		// Matched by role and holder: the holder's spelling changed.
		"dennis": "holder=Dennis Ritchie>dennis  ritchie",
	}
	for id, w := range want {
		if changed[id] != w {
			t.Errorf("changes of %s = %q, want %q", id, changed[id], w)
		}
	}
	if len(changed) != len(want) {
		t.Errorf("changed %v", changed)
	}
	for _, c := range d.Changed {
		if c.ID == "dennis" && c.BeforeID != "se2" {
			t.Errorf("dennis matched to %q, want se2", c.BeforeID)
		}
	}

	e := d.Effects
	if e.Headcount != (IntPair{13, 15}) || e.Positions != (IntPair{10, 10}) || e.Vacancies != (IntPair{1, 3}) {
		t.Errorf("headcount %+v positions %+v vacancies %+v", e.Headcount, e.Positions, e.Vacancies)
	}
	if e.Cost.Before == nil || *e.Cost.Before != 1775000 || e.Cost.After == nil || *e.Cost.After != 2095000 {
		t.Errorf("cost %v %v", *e.Cost.Before, *e.Cost.After)
	}
	capIDs := func(cs []CapRef) string { return ids(cs, func(c CapRef) string { return c.ID }) }
	if got := capIDs(e.GapsOpened); got != "testing" {
		t.Errorf("gaps opened %q", got)
	}
	if got := capIDs(e.GapsClosed); got != "on-call" {
		t.Errorf("gaps closed %q", got)
	}
	if got := capIDs(e.OverlapsOpened); got != "incident-response" {
		t.Errorf("overlaps opened %q", got)
	}
	if got := capIDs(e.OverlapsClosed); got != "" {
		t.Errorf("overlaps closed %q", got)
	}
	owners := ids(e.OwnerChanges, func(o OwnerChange) string {
		return o.ID + ":" + ids(o.Before, func(r Ref) string { return r.ID }) + ">" + ids(o.After, func(r Ref) string { return r.ID })
	})
	if owners != "incident-response:ciso>ciso2,srem,vulnerabilities:ciso>ciso2,testing:qa>,on-call:>srem" {
		t.Errorf("owner changes %s", owners)
	}
	spans := ids(e.Spans, func(s SpanChange) string { return s.ID + ":" + s.BandBefore + ">" + s.BandAfter })
	if spans != "vpe:1>2-3,em:4-7>8-12" {
		t.Errorf("span changes %s", spans)
	}
	rolls := ids(e.Rollups, func(r RollupChange) string { return r.ID })
	if rolls != "cto,vpe,em" {
		t.Errorf("rollup changes %s", rolls)
	}
	for _, r := range e.Rollups {
		if r.ID == "em" && (r.Before.Headcount != 7 || r.After.Headcount != 8 || r.After.Vacancies != 1) {
			t.Errorf("em rollup %+v", r)
		}
	}
}

func TestCompareIdenticalPlans(t *testing.T) {
	d := Compare(beforePlan(), beforePlan(), testCatalog())
	if !d.Empty() || d.Matched.ByID != 10 {
		t.Fatalf("identical plans differ: %+v", d)
	}
	e := d.Effects
	if len(e.OwnerChanges)+len(e.GapsOpened)+len(e.GapsClosed)+len(e.Spans)+len(e.Rollups) != 0 {
		t.Errorf("effects of no change: %+v", e)
	}
	var b strings.Builder
	d.WriteText(&b)
	if !strings.Contains(b.String(), "No changes to positions.") {
		t.Errorf("text:\n%s", b.String())
	}
}

// A changed scope opens gaps with no position changing: the diff must say why.
func TestComparePlanSettings(t *testing.T) {
	before, after := beforePlan(), beforePlan()
	before.Scope = []catalog.Domain{catalog.ENG}
	after.Name = "today, all domains"
	d := Compare(before, after, testCatalog())
	want := []SettingChange{
		{Setting: "name", Before: "today", After: "today, all domains"},
		{Setting: "scope", Before: "ENG", After: "all domains"},
	}
	if !reflect.DeepEqual(d.Settings, want) {
		t.Errorf("settings = %+v, want %+v", d.Settings, want)
	}
	var b strings.Builder
	d.WriteText(&b)
	if !strings.Contains(b.String(), "~ scope: ENG -> all domains") {
		t.Errorf("text lacks the scope change:\n%s", b.String())
	}
	if len(Compare(before, before, testCatalog()).Settings) != 0 {
		t.Error("a plan compared with itself has setting changes")
	}
}

func TestCompareSeparateImportsMatchByRoleAndHolder(t *testing.T) {
	// Every id differs; the same people in the same roles still match, and
	// only the real change (a move) is reported.
	b := beforePlan()
	a := beforePlan()
	for _, p := range a.Positions {
		p.ID = "new-" + p.ID
		if p.ReportsTo != "" {
			p.ReportsTo = "new-" + p.ReportsTo
		}
	}
	a.Position("new-sec").ReportsTo = "new-cto"
	a.Reindex()
	d := Compare(b, a, testCatalog())
	// The team has no holder but matches as vacant-by-manager, like se3.
	if d.Matched.ByRoleHolder != 8 || d.Matched.ByRoleManager != 2 || len(d.Added)+len(d.Removed) != 0 {
		t.Fatalf("matched %+v added %d removed %d", d.Matched, len(d.Added), len(d.Removed))
	}
	if len(d.Moved) != 1 || d.Moved[0].ID != "new-sec" || len(d.Changed) != 0 {
		t.Errorf("moved %+v changed %+v", d.Moved, d.Changed)
	}
}

func TestCompareAmbiguousHoldersAreNotGuessed(t *testing.T) {
	b := plan("b",
		&orgchart.Position{ID: "1", Role: "software-engineer", Holder: "Sam Lee"},
		&orgchart.Position{ID: "2", Role: "software-engineer", Holder: "Sam Lee"})
	a := plan("a",
		&orgchart.Position{ID: "x", Role: "software-engineer", Holder: "Sam Lee"},
		&orgchart.Position{ID: "y", Role: "software-engineer", Holder: "Sam Lee"})
	d := Compare(b, a, testCatalog())
	if d.Matched.ByRoleHolder != 0 || len(d.Added) != 2 || len(d.Removed) != 2 {
		t.Errorf("two Sam Lees matched: %+v", d.Matched)
	}
}

func TestCompareWithoutCatalog(t *testing.T) {
	d := Compare(beforePlan(), afterPlan(), nil)
	if len(d.Added) != 2 || d.Added[0].Title != "chief-information-security-officer" {
		t.Errorf("added %+v", d.Added)
	}
}

func TestDiffJSONShape(t *testing.T) {
	d := Compare(beforePlan(), afterPlan(), testCatalog())
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"before", "after", "matched", "added", "removed", "moved", "changed", "settings", "effects"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	eff := m["effects"].(map[string]any)
	for _, k := range []string{"positions", "headcount", "vacancies", "managers", "layers", "spanMean", "cost", "findings",
		"rules", "ownerChanges", "gapsOpened", "gapsClosed", "overlapsOpened", "overlapsClosed", "spans", "rollups"} {
		if _, ok := eff[k]; !ok {
			t.Errorf("JSON effects lack %q", k)
		}
	}
	mv := m["moved"].([]any)[0].(map[string]any)
	if mv["from"].(map[string]any)["title"] != "Software Engineering Manager" || mv["holder"] != "dennis  ritchie" {
		t.Errorf("moved[0] = %v", mv)
	}
	// Empty lists are [] rather than null, so consumers can iterate.
	e := Compare(beforePlan(), beforePlan(), testCatalog())
	data, _ = json.Marshal(e)
	if strings.Contains(string(data), "null") {
		t.Errorf("JSON of an empty diff has null: %s", data)
	}
}

func TestWriteTextReadsWell(t *testing.T) {
	var b strings.Builder
	Compare(beforePlan(), afterPlan(), testCatalog()).WriteText(&b)
	out := b.String()
	for _, s := range []string{
		"Matched 8 positions (6 by id, 1 by role and holder, 1 vacant by role and manager): 2 added, 2 removed, 2 moved, 6 changed.",
		"+ SRE Manager (Barbara Liskov), under Chief Technology Officer (Grace Hopper)",
		"- QA Engineer (Tom Berg), was under Chief Technology Officer (Grace Hopper)",
		"> Security Engineer (Whitfield Diffie): from Chief Information Security Officer (Radia Perlman) to Chief Information Security Officer (vacant)",
		"~ Software Engineering Manager (vacant): holder Linus Torvalds -> vacant; notes none -> \"Hiring\"",
		"~ Chief Technology Officer (Grace Hopper): cost 280,000 -> 300,000",
		"~ Software Engineer (vacant): count 4 -> 6",
		"Headcount                            13           15         +2",
		"Incident response (SEC): Chief Information Security Officer (Radia Perlman) -> Chief Information Security Officer (vacant) and SRE Manager (Barbara Liskov)",
		"Yearly cost                   1,775,000    2,095,000   +320,000",
		"Gaps opened (required capabilities nobody owns now): 1\n  Test automation (ENG)",
		"Vulnerability management (SEC): Chief Information Security Officer (Radia Perlman) -> Chief Information Security Officer (vacant)\n",
		"Software Engineering Manager (vacant): 7 reports (band 4-7) -> 8 (band 8-12)",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q", s)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

func TestVacantChainsMatchAtAnyDepth(t *testing.T) {
	// Two imports of a skeleton of vacancies: 30 vacant managers in a chain
	// under a held top, every id different. The whole chain matches (the
	// matching once stopped after 8 levels).
	build := func(prefix string) *orgchart.Plan {
		p := &orgchart.Plan{Version: orgchart.FormatVersion}
		p.Positions = append(p.Positions, &orgchart.Position{ID: prefix + "top", Role: "chief-technology-officer", Holder: "Ada Lovelace"})
		for i := 0; i < 30; i++ {
			mgr := prefix + "top"
			if i > 0 {
				mgr = fmt.Sprintf("%sv%d", prefix, i-1)
			}
			p.Positions = append(p.Positions, &orgchart.Position{ID: fmt.Sprintf("%sv%d", prefix, i), Role: "software-engineering-manager", ReportsTo: mgr})
		}
		p.Reindex()
		return p
	}
	d := Compare(build("a-"), build("b-"), nil)
	if d.Matched.ByRoleHolder != 1 || d.Matched.ByRoleManager != 30 || len(d.Added) != 0 || len(d.Removed) != 0 || len(d.Moved) != 0 {
		t.Errorf("matched %+v, %d added, %d removed, %d moved", d.Matched, len(d.Added), len(d.Removed), len(d.Moved))
	}
}
