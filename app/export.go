package app

import "errors"

// exportDialog is a stand-in until orgchart/render is committed: the PNG
// export then uses it with the command line's options.
func (u *ui) exportDialog() {
	u.showError(errors.New("PNG export is not in this build yet: use 'orgplanner export PLAN -o chart.png'"))
}
