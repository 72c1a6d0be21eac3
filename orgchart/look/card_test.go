package look

import (
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

func TestTitleRule(t *testing.T) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	role := cat.Roles[0]
	for _, c := range []struct {
		pos  orgchart.Position
		cat  *catalog.Catalog
		want string
	}{
		{orgchart.Position{Title: "Own", Role: role.ID}, cat, "Own"},
		{orgchart.Position{Role: role.ID}, cat, role.Title},
		{orgchart.Position{Role: role.ID}, nil, role.ID},
		{orgchart.Position{Role: "no-such-role"}, cat, "no-such-role"},
		{orgchart.Position{ID: "p1"}, cat, "Untitled position"},
	} {
		if got := Title(&c.pos, c.cat); got != c.want {
			t.Errorf("Title(%+v) = %q, want %q", c.pos, got, c.want)
		}
	}
}

func TestContentAndFit(t *testing.T) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	role := cat.Roles[0]
	m := layout.Metrics()
	team := orgchart.Position{ID: "t", Role: role.ID, Holder: "Maximilian Alexander von Habsburg-Lothringen", Count: 12}
	c := Content(&team, cat, [3]int{1, 0, 150}, 7)
	if c.Team != "× 12" || c.Below != "+7 below" || c.Domain != role.Domains[0] || c.Vacant {
		t.Errorf("content %+v", c)
	}
	s := NewShaperWith(Options{NoSystemFonts: true})
	ft := Fit(c, m, layout.CardW, s.Measure)
	fs := Faces(m)
	room := m.TextWidth(layout.CardW) - s.Measure(c.Team, fs.Small) - TeamGap
	if !strings.HasSuffix(ft.Holder, Ellipsis) || s.Measure(ft.Holder, fs.Holder) > room {
		t.Errorf("holder %q (%.1f px) does not fit the %.1f px the team size leaves", ft.Holder, s.Measure(ft.Holder, fs.Holder), room)
	}
	if len(ft.Badges) != 2 || ft.Badges[0].Severity != 2 || ft.Badges[0].Label != "99+" || ft.Badges[1].Label != "1" || ft.Badges[1].Rect != m.BadgeRect(1) {
		t.Errorf("badges %+v: want errors (99+) then info (1)", ft.Badges)
	}
	vacant := Content(&orgchart.Position{ID: "v", Role: "nobody-knows"}, cat, [3]int{}, 0)
	fv := Fit(vacant, m, layout.CardW, s.Measure)
	if !vacant.Vacant || fv.Holder != VacantLabel || fv.HolderFace != fs.Vacant || vacant.Domain != "" || len(fv.Badges) != 0 {
		t.Errorf("vacant card %+v fitted %+v", vacant, fv)
	}
	// A team with no holder named is its people, not a vacancy (the checks
	// count it as filled; the card once said "Vacant × 7" with a dashed border).
	crew := Content(&orgchart.Position{ID: "c", Role: role.ID, Count: 7}, cat, [3]int{}, 0)
	if crew.Vacant || crew.Holder != "Team of 7" || crew.Team != "" {
		t.Errorf("team card %+v: want a team of 7, not a vacancy", crew)
	}
	one := Content(&orgchart.Position{ID: "o", Role: role.ID, Count: 1}, cat, [3]int{}, 0)
	if !one.Vacant || one.Holder != VacantLabel {
		t.Errorf("a count of 1 with no holder is a vacancy: %+v", one)
	}
}

// One grey for a role without a domain, in every theme: the screen and the
// PNG once disagreed on it.
func TestPaletteIdentity(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		p := PaletteFor(th)
		if RoleColor(nil, th) != p.NoDomain || DomainColor("", th) != p.NoDomain || DomainColor("nope", th) != p.NoDomain {
			t.Errorf("%s: no-domain colours differ", th)
		}
		if RoleColor(&catalog.Role{}, th) != p.NoDomain {
			t.Errorf("%s: a role without domains is not grey", th)
		}
		seen := map[any]catalog.Domain{}
		for _, d := range catalog.Domains {
			c := DomainColor(d, th)
			if c == p.NoDomain || c.A != 0xFF {
				t.Errorf("%s: domain %s has colour %v", th, d, c)
			}
			if o, dup := seen[c]; dup {
				t.Errorf("%s: domains %s and %s share %v", th, d, o, c)
			}
			seen[c] = d
		}
	}
	if PaletteFor(Light) == PaletteFor(Dark) {
		t.Error("light and dark palettes are the same")
	}
	if th, err := ParseTheme(""); err != nil || th != Light {
		t.Error(`"" is not light`)
	}
	if _, err := ParseTheme("sepia"); err == nil || !strings.Contains(err.Error(), "light or dark") {
		t.Errorf("sepia: %v", err)
	}
}
