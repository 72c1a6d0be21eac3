package state

// Settle routes again, within one frame's bounds, the dotted lines the
// last relayouts left on the plain route for want of budget (a move of a
// big team routes many lines again), and says whether the chart changed
// and whether any is left: a window calls it while idle until none is.
func (s *State) Settle() (changed, more bool) {
	if s.eng == nil || s.eng.Layout() != s.lay {
		return false, false
	}
	changed = s.eng.Settle()
	return changed, s.eng.Unsettled() > 0
}

// Unsettled is how many dotted lines Settle has left to route.
func (s *State) Unsettled() int {
	if s.eng == nil || s.eng.Layout() != s.lay {
		return 0
	}
	return s.eng.Unsettled()
}
