package orgchart

import (
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
)

func TestClosest(t *testing.T) {
	fields := []string{"id", "role", "title", "holder", "reportsTo", "count", "dottedTo", "cost", "notes"}
	for typo, want := range map[string]string{"cnt": "count", "reportTo": "reportsTo", "reports_to": "reportsTo", "holdr": "holder", "dotedTo": "dottedTo"} {
		if got := closest(typo, fields, 1); !slices.Equal(got, []string{want}) {
			t.Errorf("closest(%q) = %v, want %s", typo, got, want)
		}
	}
	if got := closeTo("zzzzzz", fields); got != "" {
		t.Errorf("a far word got a hint: %q", got)
	}
	if got := closest("sre-manger", []string{"ml-engineer", "sre-manager", "sre-director", "product-manager"}, 3); !slices.Equal(got, []string{"sre-manager", "ml-engineer", "product-manager"}) {
		t.Errorf("roles: %v", got)
	}
	if catalog.Distance("kitten", "sitting", 10) != 3 || catalog.Distance("", "abc", 10) != 3 || catalog.Distance("same", "same", 10) != 0 || catalog.Distance("kitten", "sitting", 2) != 2 {
		t.Errorf("Distance is wrong")
	}
}

// A plan's unknown role written as a title or abbreviation is answered with
// the role the people import would give it, before the nearest spellings.
func TestUnknownRoleSuggestsTheRoleAnAbbreviationStandsFor(t *testing.T) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	plan := "version: 1\nname: T\npositions:\n  - id: a\n    role: cto\n  - id: b\n    role: head-of-sre\n    reportsTo: a\n  - id: c\n    role: CISO\n    reportsTo: a\n  - id: d\n    role: sre-manger\n    reportsTo: b\n"
	_, _, err = Read([]byte(plan), "t.yaml", cat)
	if err == nil {
		t.Fatal("a plan with unknown roles was read")
	}
	for _, want := range []string{
		`"cto", which is not in the catalog: use a catalog role id (closest: chief-technology-officer, `,
		`"head-of-sre", which is not in the catalog: use a catalog role id (closest: sre-director, `,
		`"CISO", which is not in the catalog: use a catalog role id (closest: chief-information-security-officer, `,
		`"sre-manger", which is not in the catalog: use a catalog role id (closest: sre-manager, `,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the problems lack %q:\n%v", want, err)
		}
	}
	// Readings the candidates lack are not offered, and n still bounds the list.
	if got := closest("cdo", []string{"chief-digital-officer", "cfo"}, 1); !slices.Equal(got, []string{"chief-digital-officer"}) {
		t.Errorf("closest(cdo) = %v", got)
	}
	if got := closest("cto", []string{"cfo", "coo"}, 3); slices.Contains(got, "chief-technology-officer") || len(got) != 2 {
		t.Errorf("closest(cto) offered a role not in the candidates: %v", got)
	}
}
