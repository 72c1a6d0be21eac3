package state

// Settle routes again, within one frame's bounds, the dotted lines the
// last relayouts left on the plain route for want of budget (a move of a
// big team routes many lines again) or did not look at, and says whether
// the chart changed and whether more is left: a window calls it while
// idle until it is settled.
func (s *State) Settle() (changed, more bool) {
	if s.eng == nil || s.eng.Layout() != s.lay {
		return false, false
	}
	changed = s.eng.Settle()
	return changed, !s.eng.Settled()
}

// Settled says whether Settle has nothing left to do.
func (s *State) Settled() bool { return s.eng == nil || s.eng.Layout() != s.lay || s.eng.Settled() }
