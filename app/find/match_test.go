package find

import (
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
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
