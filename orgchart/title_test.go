package orgchart

import "testing"

func TestTitleAndLabel(t *testing.T) {
	cases := []struct {
		pos          Position
		title, label string
	}{
		{Position{ID: "p17"}, "position p17", "position p17 (vacant)"},
		{Position{ID: "a", Title: "CTO", Holder: "Ada"}, "CTO", "CTO (Ada)"},
		{Position{ID: "b", Role: "sre"}, "sre", "sre (vacant)"},
		{Position{ID: "c", Role: "sre", Count: 1}, "sre", "sre (vacant)"},
		{Position{ID: "d", Role: "sre", Count: 6}, "sre", "sre (team of 6)"},
		{Position{ID: "e", Role: "sre", Count: 6, Holder: "Lead"}, "sre", "sre (team of 6)"},
	}
	for _, c := range cases {
		if got := TitleOr(&c.pos, nil, "position p17"); got != c.title {
			t.Errorf("TitleOr(%+v) = %q, want %q", c.pos, got, c.title)
		}
		if got := Label(&c.pos, nil, "position p17"); got != c.label {
			t.Errorf("Label(%+v) = %q, want %q", c.pos, got, c.label)
		}
	}
}
