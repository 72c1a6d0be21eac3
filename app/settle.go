package app

import "time"

// settleDelay is how long after a change the window routes again the
// dotted lines a relayout left on the plain route for want of budget:
// a frame or two, so that the edit itself shows first.
const settleDelay = 30 * time.Millisecond

// scheduleSettle routes those lines again soon, and looks along the
// others, a frame's budget at a time, until the chart is settled (a move
// of a big team can leave dozens).
func (u *ui) scheduleSettle() {
	if u.settling || u.st.Settled() {
		return
	}
	u.settling = true
	time.AfterFunc(settleDelay, func() { u.do(u.settle) })
}

// settle routes a frame's worth of those lines and shows them.
func (u *ui) settle() {
	u.settling = false
	if u.quitting {
		return
	}
	changed, more := u.st.Settle()
	if changed {
		u.chart.Refresh()
	}
	if more {
		u.scheduleSettle()
	}
}
