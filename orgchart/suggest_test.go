package orgchart

import (
	"slices"
	"testing"
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
	if editDistance("kitten", "sitting") != 3 || editDistance("", "abc") != 3 || editDistance("same", "same") != 0 {
		t.Errorf("editDistance is wrong")
	}
}
