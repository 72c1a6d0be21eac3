package catalogpanel

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
)

func TestSearchFiltersTheRolesOnly(t *testing.T) {
	test.NewTempApp(t)
	st := state.New(apptest.Catalog(t))
	p := New(st, nil)
	w := test.NewTempWindow(t, p.Root())
	w.Resize(fyne.NewSize(320, 900))
	all := p.roleCount()
	if all < 20 {
		t.Fatalf("the catalog lists %d roles", all)
	}
	test.Type(p.Search(), "security")
	n := p.roleCount()
	if n == 0 || n >= all {
		t.Fatalf("searching security lists %d of %d roles", n, all)
	}
	for _, it := range p.items {
		if it.role != nil && !strings.Contains(strings.ToLower(it.role.Title), "security") && !strings.Contains(it.role.ID, "security") {
			t.Errorf("%s (%s) listed for security", it.role.ID, it.role.Title)
		}
	}
	p.Search().SetText("")
	if p.roleCount() != all {
		t.Error("clearing the search does not list every role again")
	}
}

func (p *Panel) roleCount() int {
	n := 0
	for _, it := range p.items {
		if it.role != nil {
			n++
		}
	}
	return n
}

// In the narrow panel of a 1280 x 720 window the hint is whole, on two lines.
func TestTheDragHintIsWholeInANarrowPanel(t *testing.T) {
	test.NewTempApp(t)
	p := New(state.New(apptest.Catalog(t)), nil)
	w := test.NewTempWindow(t, p.Root())
	w.Resize(fyne.NewSize(218, 700))
	one := fyne.MeasureText(p.hint.Text, theme.TextSize(), p.hint.TextStyle)
	if p.hint.Size().Width >= one.Width {
		t.Skipf("the panel is %v wide: the hint fits on one line", p.hint.Size().Width)
	}
	if p.hint.Size().Height < one.Height*2 {
		t.Errorf("the hint %q is %v high in a %v wide panel: cut, not wrapped", p.hint.Text, p.hint.Size().Height, p.hint.Size().Width)
	}
}
