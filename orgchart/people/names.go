package people

import (
	"slices"
	"strconv"
	"strings"
)

// nameStatus says what a name cell holds when it is not a person's name.
type nameStatus int

const (
	named       nameStatus = iota
	vacant                 // "Vacant": the post is open
	undisclosed            // "N/D": the post is held, the name withheld
	eliminated             // "Eliminated": the post no longer exists
	departed               // a status column says the person has left (Terminated, Inactive)
)

// goneStatuses are the employment statuses of people no longer in their
// post (lower case): their rows are left out, their reports moved up. On
// leave, suspended or on notice, a person still holds the post.
var goneStatuses = map[string]bool{"terminated": true, "inactive": true, "former": true, "retired": true,
	"deceased": true, "separated": true, "withdrawn": true, "left": true, "termed": true, "resigned": true}

// gone reports whether an employment status says the person has left:
// one of goneStatuses, or a status made of words that hold one
// ("Voluntarily Terminated", "Terminated for Cause", "Terminated -
// Involuntary"), unless it says the leaving is still to come ("Pending
// Termination", "Resigned - Notice Period").
func gone(status string) bool {
	e := strings.ToLower(strings.TrimSpace(status))
	if e == "" || len(e) > 64 {
		return false
	}
	if goneStatuses[e] || e == "account disabled" {
		return true
	}
	left := false
	for _, w := range strings.FieldsFunc(e, func(r rune) bool { return !('a' <= r && r <= 'z') }) {
		switch {
		case stillToCome[w]:
			return false
		case goneStatuses[w]:
			left = true
		}
	}
	return left
}

// stillToCome are the words of a status whose leaving has not happened yet.
var stillToCome = map[string]bool{"pending": true, "notice": true, "future": true, "scheduled": true, "upcoming": true}

// disabled are the values of an account-enabled column that say no.
var disabled = map[string]bool{"false": true, "no": true, "0": true, "disabled": true, "n": true}

// leftOut reports whether a row is read but becomes no position.
func (st nameStatus) leftOut() bool { return st == eliminated || st == departed }

// NotDisclosed is the holder of a post whose holder's name is withheld (the
// UK organograms' "N/D"): the post is filled, so it is not vacant.
const NotDisclosed = "Not disclosed"

// namePlaceholders are the name cells that stand for no name, as the UK
// government's organograms and HR exports write them (lower case).
var namePlaceholders = map[string]nameStatus{
	"vacant": vacant, "vacancy": vacant, "vacant post": vacant, "(vacant)": vacant,
	"open": vacant, "open position": vacant, "to be hired": vacant, "tbh": vacant,
	"n/d": undisclosed, "nd": undisclosed, "n/a": undisclosed, "not disclosed": undisclosed,
	"undisclosed": undisclosed, "withheld": undisclosed, "name withheld": undisclosed,
	"redacted": undisclosed, strings.ToLower(NotDisclosed): undisclosed,
	"eliminated": eliminated, "post eliminated": eliminated, "abolished": eliminated,
}

// readName reads a name cell: a placeholder gives its status and the
// holder to show ("" for vacant and eliminated posts).
func readName(name string) (nameStatus, string) {
	t := strings.TrimSpace(name)
	if len(t) > 16 || t == "" {
		return named, name // longer than any placeholder
	}
	// EqualFold against each placeholder: no allocation for the names of
	// every row of a large file.
	for k, st := range namePlaceholders {
		if strings.EqualFold(t, k) {
			if st == undisclosed {
				return st, NotDisclosed
			}
			return st, ""
		}
	}
	return named, name
}

// oneSpaced turns each run of spaces in a name into one: HR exports pad
// names ("Adinolfi, Wilson  K", a fixed-width middle initial), and a card,
// a finding or a diff should not show the padding. Other characters (a
// holder's leading tab a spreadsheet formula guard restored) stay.
func oneSpaced(s string) string {
	if !strings.Contains(s, "  ") {
		return s // most names: no allocation
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i > 0 && s[i-1] == ' ' {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// notInPost reports whether a title says the row holds no post (the
// organograms' post reference 0, "individuals paid but not in post").
func notInPost(title string) bool {
	return strings.EqualFold(strings.TrimSpace(title), "not in post")
}

// jobShare reports whether b repeats a's post with only the person changed:
// the organograms' way of writing a job share (the same post reference on
// two rows that differ in name, contacts and notes alone). Only files with
// an FTE column are read so.
func jobShare(a, b *row) bool {
	return a.title == b.title && a.role == b.role && a.dept == b.dept && a.jobCode == b.jobCode &&
		a.grade == b.grade && a.count == b.count && slices.Equal(a.managers, b.managers) &&
		(a.name != b.name || a.status != b.status)
}

// maxShares is the most rows merged into one as a job share (four people in
// one post): past it a repeated id is a mistake, and the merged holder and
// notes stay short however many rows repeat it.
const maxShares = 3

// shareHolder adds b's holder to a's post: "Ada Lovelace / Grace Hopper".
// A vacant or withheld half adds nothing to a named one; costs and FTEs add
// up (two 0.5 FTE halves are one post).
func shareHolder(a, b *row) {
	switch {
	case b.status == named && a.status == named:
		a.name = holderOf(a) + " / " + holderOf(b)
		a.preferred = ""
	case b.status == named:
		a.name, a.preferred, a.status = holderOf(b), "", named
	}
	a.emails = append(a.emails, b.emails...)
	a.fte = addNumbers(a.fte, b.fte, parseFTE)
	a.cost = addNumbers(a.cost, b.cost, parseCost)
	a.costMin = addNumbers(a.costMin, b.costMin, parseCost)
	a.costMax = addNumbers(a.costMax, b.costMax, parseCost)
	if a.notes == "" {
		a.notes = b.notes
	} else if b.notes != "" && b.notes != a.notes {
		a.notes += "\n" + b.notes
	}
}

// addNumbers is the sum of two cells when both are numbers, else the first.
func addNumbers(a, b string, parse func(string) (float64, bool)) string {
	x, ok1 := parse(a)
	y, ok2 := parse(b)
	if !ok1 || !ok2 || a == "" || b == "" || noValue(a) || noValue(b) {
		return a
	}
	return strconv.FormatFloat(x+y, 'f', -1, 64)
}

// nameOr is the name, or what to say when there is none.
func nameOr(name, none string) string {
	if name == "" {
		return none
	}
	return name
}
