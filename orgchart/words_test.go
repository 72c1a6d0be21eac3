package orgchart

import "testing"

func TestCountAndThousands(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 positions"}, {1, "1 position"}, {2, "2 positions"}, {3086, "3,086 positions"}, {1234567, "1,234,567 positions"}, {-1500, "-1,500 positions"}} {
		if got := Count(c.n, "position", "positions"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	if got := Thousands(999); got != "999" {
		t.Errorf("Thousands(999) = %q", got)
	}
}
