package state

import (
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// TestTidyGivesBackTheRoomEditsKept: a team moved away leaves its slot,
// so that the rest of the chart stays where it was; Tidy lays the chart
// out afresh, as a plan just opened is, and the slot is gone.
func TestTidyGivesBackTheRoomEditsKept(t *testing.T) {
	cat := apptest.Catalog(t)
	s := New(cat)
	s.Load(generate.Shaped(generate.RealSize, 1), cat, "")
	s.ExpandAll()
	fresh := s.Layout()
	w, h := fresh.Width, fresh.Height
	// The biggest team under the top moved under the smallest one's manager.
	top := s.Plan().Tops()[0].ID
	var big, small string
	for _, r := range s.Plan().Reports(top) {
		n := s.SubtreeSize(r.ID)
		if big == "" || n > s.SubtreeSize(big) {
			big = r.ID
		}
		if small == "" || n < s.SubtreeSize(small) {
			small = r.ID
		}
	}
	var to string
	for _, r := range s.Plan().Reports(big) {
		if len(s.Plan().Reports(r.ID)) > 0 {
			to = r.ID
			break
		}
	}
	if err := s.Move(small, to); err != nil {
		t.Fatal(err)
	}
	if err := s.Move(small, top); err != nil { // and back: the chart as before, its slots kept
		t.Fatal(err)
	}
	kept := s.Layout()
	if kept.Width*kept.Height <= w*h {
		t.Fatalf("the move and back kept no room: %v x %v, fresh %v x %v", kept.Width, kept.Height, w, h)
	}
	s.Tidy()
	l := s.Layout()
	c := layout.Compute(s.Plan(), layout.Options{})
	if l.Width != c.Width || l.Height != c.Height || len(l.Cards) != len(c.Cards) {
		t.Fatalf("tidied: %v x %v, %d cards; a fresh layout %v x %v, %d", l.Width, l.Height, len(l.Cards), c.Width, c.Height, len(c.Cards))
	}
	for i := range l.Cards {
		if l.Cards[i] != c.Cards[i] {
			t.Fatalf("tidied: card %d differs from a fresh layout's", i)
		}
	}
}
