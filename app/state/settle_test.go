package state

import (
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestSettleRoutesTheLinesAMoveLeft: a move of a big team in a chart of
// 10,000 leaves some dotted lines on the plain route for want of one
// relayout's budget; Settle routes them, a frame's budget a call, on the
// layout the window shows, and says when none is left.
func TestSettleRoutesTheLinesAMoveLeft(t *testing.T) {
	cat := apptest.Catalog(t)
	s := New(cat)
	s.Load(generate.Shaped(10_000, 1), cat, "")
	s.ExpandAll()
	if changed, more := s.Settle(); changed || more || !s.Settled() {
		t.Fatalf("a fresh layout: Settle says changed %v, more %v", changed, more)
	}
	var big []string
	for _, i := range s.Layout().DepthFirst() {
		if c := &s.Layout().Cards[i]; c.Below >= 50 && c.Below <= 800 {
			big = append(big, c.Position.ID)
		}
	}
	tried := 0
	for k := 0; k < len(big)/2 && s.eng.Unsettled() == 0; k += 5 {
		x, m := big[k], big[len(big)-1-k]
		if s.CanMove(x, m) != nil {
			continue
		}
		if err := s.Move(x, m); err != nil {
			t.Fatal(err)
		}
		tried++
	}
	left := s.eng.Unsettled()
	if left == 0 {
		t.Fatalf("%d moves of big teams left no line to settle: the test wants one", tried)
	}
	lay := s.Layout()
	for n := 0; ; n++ {
		changed, more := s.Settle()
		if n == 0 && !changed {
			t.Fatalf("%d lines to settle, and Settle changed nothing", left)
		}
		if !more {
			break
		}
		if n > 20 {
			t.Fatalf("Settle is not done after 20 calls (%d lines to route)", s.eng.Unsettled())
		}
	}
	if !s.Settled() || s.Layout() != lay {
		t.Fatalf("after Settle: settled %v, layout replaced %v", s.Settled(), s.Layout() != lay)
	}
}
