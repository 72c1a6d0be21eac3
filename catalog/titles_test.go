package catalog

import (
	"slices"
	"testing"
)

func TestTitleAliasesNameDefaultRoles(t *testing.T) {
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	TitleAliases(func(title string, ids []string) {
		n++
		if len(ids) == 0 {
			t.Errorf("title %q stands for no role", title)
		}
		for _, id := range ids {
			if cat.Role(id) == nil {
				t.Errorf("title %q names role %q, which the default catalog lacks", title, id)
			}
		}
		if NormalTitle(title) != title {
			t.Errorf("title %q is not normalised (%q): it can never match", title, NormalTitle(title))
		}
	})
	if n < 100 {
		t.Errorf("the table has %d titles, want the import's full table", n)
	}
}

func TestTitleRolesNormalises(t *testing.T) {
	cases := map[string][]string{
		"cto":                      {"chief-technology-officer"},
		"CTO":                      {"chief-technology-officer"},
		"C.T.O.":                   {"chief-technology-officer"},
		"ciso":                     {"chief-information-security-officer"},
		"head-of-sre":              {"sre-director"},
		"Head of SRE":              {"sre-director"},
		"vp_sre":                   {"vp-of-site-reliability-engineering"},
		"Vice President, IT":       {"vp-of-it"},
		"cdo":                      {"chief-data-officer", "chief-digital-officer"},
		"chief-technology-officer": nil, // a role's own id is no alias
		"":                         nil,
	}
	for title, want := range cases {
		if got := TitleRoles(title); !slices.Equal(got, want) {
			t.Errorf("TitleRoles(%q) = %v, want %v", title, got, want)
		}
	}
}
