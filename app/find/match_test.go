package find

import (
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

func ids(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestSearchFindsPeopleTitlesRolesIdsAndCapabilities(t *testing.T) {
	cat := apptest.Catalog(t)
	st := state.New(cat)
	st.Load(apptest.Plan(), cat, "")
	ix := NewIndex(st.Plan(), cat, st.Title)
	// a capability the CISO's role owns, by its name
	var capName string
	owns, _ := st.Plan().Position("ciso").Capabilities(cat)
	for _, id := range owns {
		if c := cat.Capability(id); c != nil {
			capName = c.Name
			break
		}
	}
	if capName == "" {
		t.Fatal("the CISO's role owns no capability of the catalog")
	}
	for _, tc := range []struct {
		query, first, why string
	}{
		{"grace", "em", "holder"},
		{"HOPPER", "em", "holder"},
		{"Ada Lovelace", "cto", "holder"},
		{"vp of eng", "vpe", "title"},
		{"qa-engineer", "qa", "role"},
		{"ciso", "ciso", "id"},
		{capName, "ciso", "capability " + capName},
	} {
		rs := ix.Search(tc.query)
		if len(rs) == 0 || rs[0].ID != tc.first || rs[0].Why != tc.why {
			t.Errorf("search %q = %+v, want %s first, matched on %q", tc.query, rs, tc.first, tc.why)
		}
	}
	if rs := ix.Search("grace lovelace"); len(rs) != 0 {
		t.Errorf("every word must match one position: got %v", ids(rs))
	}
	if rs := ix.Search("   "); rs != nil {
		t.Errorf("an empty query matched %v", ids(rs))
	}
	if rs := ix.Search("zebra"); len(rs) != 0 {
		t.Errorf("zebra matched %v", ids(rs))
	}
	// results come in chart order: managers before their reports
	at := map[string]int{}
	for i, id := range ids(ix.Search("engineer")) {
		at[id] = i + 1
	}
	if at["vpe"] == 0 || !(at["vpe"] < at["em"] && at["em"] < at["se"] && at["se"] < at["qa"]) {
		t.Errorf("engineer found in the order %v, want vpe, em, se, qa in chart order", at)
	}
}

// Names are found as people type them, without the accents the HR system
// keeps ("jose nunez" found nobody called José Núñez).
func TestSearchIgnoresAccents(t *testing.T) {
	p := &orgchart.Plan{Version: orgchart.FormatVersion, Positions: []*orgchart.Position{
		{ID: "a", Role: "chief-technology-officer", Holder: "José Núñez"},
		{ID: "b", Role: "software-engineer", Holder: "Zoë Ångström", ReportsTo: "a"},
		{ID: "c", Role: "software-engineer", Holder: "Søren Łukasz Straße", ReportsTo: "a"},
	}}
	p.Reindex()
	ix := NewIndex(p, apptest.Catalog(t), func(pos *orgchart.Position) string { return pos.Role })
	for q, want := range map[string]string{"jose nunez": "a", "NÚÑEZ": "a", "zoe angstrom": "b", "Ångström": "b", "soren lukasz strasse": "c", "王": ""} {
		rs := ix.Search(q)
		switch {
		case want == "" && len(rs) != 0:
			t.Errorf("%q found %v", q, rs)
		case want != "" && (len(rs) != 1 || rs[0].ID != want || rs[0].Why != "holder"):
			t.Errorf("%q found %v, want %s by holder", q, rs, want)
		}
	}
}

// BenchmarkIndexAndSearch20k indexes a 20,000-position plan (done after each
// edit) and runs one query, as typing a letter does.
func BenchmarkIndexAndSearch20k(b *testing.B) {
	cat := apptest.Catalog(b)
	p := generate.Shaped(20000, 1)
	title := func(pos *orgchart.Position) string { return pos.Role }
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		ix := NewIndex(p, cat, title)
		if len(ix.Search("engineer")) == 0 {
			b.Fatal("nothing found")
		}
	}
}
