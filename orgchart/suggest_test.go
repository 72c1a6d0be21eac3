package orgchart

import (
	"slices"
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
