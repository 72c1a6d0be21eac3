package people

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/google/uuid"
)

// idSpace is the namespace of position ids derived from CSV ids.
var idSpace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://orgplanner.invalid/people-csv-id"))

// PositionID is the plan id of the person with the given CSV id. A CSV id that
// is already a UUID (as in a people CSV exported by Org Planner) is kept;
// any other id gives a UUID derived from it (SHA-1, RFC 4122 version 5), so
// importing the same spreadsheet twice gives the same ids and the two plans
// compare position by position.
func PositionID(csvID string) string {
	if len(csvID) == 36 {
		if u, err := uuid.Parse(csvID); err == nil {
			return u.String()
		}
	}
	return uuid.NewSHA1(idSpace, []byte(csvID)).String()
}

// noManager are the values HR exports put in the manager column of the top
// person; they mean "reports to nobody" unless a person has that id.
var noManager = map[string]bool{"0": true, "-": true, "none": true, "null": true, "n/a": true, "na": true, "nil": true,
	"board": true, "board of directors": true, "the board": true,
	"xx":         true,                 // the UK organograms' most senior post
	"no_manager": true, "no_mgr": true} // SAP SuccessFactors

// parseCost reads a yearly cost as HR exports write it: "150000",
// "$150,000", "150 000 €", "1.234.567,89", "150k". Ok is false when it is not
// a non-negative number.
func parseCost(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || noValue(s) {
		return 0, true
	}
	mult := 1.0
	// A k or m right after the number multiplies ("150k", "1.2m"); letters
	// elsewhere are currency codes ("DKK 900 000").
	if t := strings.TrimRightFunc(s, unicode.IsSpace); len(t) >= 2 && unicode.IsDigit(rune(t[len(t)-2])) {
		switch t[len(t)-1] {
		case 'k', 'K':
			mult, s = 1e3, t[:len(t)-1]
		case 'm', 'M':
			mult, s = 1e6, t[:len(t)-1]
		}
	}
	// A currency code before or after the number ("USD 150000", "72.000 EUR").
	s = strings.TrimFunc(s, unicode.IsLetter)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsDigit(r) || r == '.' || r == ',' || r == '-':
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '\'' || r == '’' || unicode.Is(unicode.Sc, r):
			// currency signs and codes, group separators
		default:
			return 0, false
		}
	}
	n := b.String()
	commas, dots := strings.Count(n, ","), strings.Count(n, ".")
	switch {
	case commas > 0 && dots > 0: // the later one is the decimal mark
		if strings.LastIndex(n, ",") > strings.LastIndex(n, ".") {
			n = strings.ReplaceAll(strings.ReplaceAll(n, ".", ""), ",", ".")
		} else {
			n = strings.ReplaceAll(n, ",", "")
		}
	case commas > 1 || (commas == 1 && len(n)-strings.LastIndex(n, ",") == 4):
		n = strings.ReplaceAll(n, ",", "") // 150,000
	case commas == 1:
		n = strings.ReplaceAll(n, ",", ".") // 1234,50
	case dots > 1:
		n = strings.ReplaceAll(n, ".", "") // 1.234.567
	}
	v, err := strconv.ParseFloat(n, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v * mult, true
}

// noValue reports whether a cell says "no value" rather than giving one:
// the organograms write N/A and N/D (not disclosed) for pay.
func noValue(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "n/a", "n/d", "na", "nd", "-", "--", "not disclosed", "not applicable":
		return true
	}
	return false
}

// parseFTE reads a full-time equivalent: "1", "0.60", "0,6", "6.5" (a
// team's posts). Empty and "N/A" are no value (ok, 0).
func parseFTE(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || noValue(s) {
		return 0, true
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// formatFTE writes an FTE with at most two decimals: 0.6, 6.5, 2.
func formatFTE(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// postsOf is the number of people an FTE needs: 6.5 FTE is 7 posts (one
// part-time), 0.4 is one. Rounded to two decimals first, as published, so
// 2.0000001 is 2.
func postsOf(fte float64) int {
	return max(1, int(math.Ceil(math.Round(fte*100)/100)))
}

// parseCount reads a team size: empty, 0 and 1 mean one person (Count 0).
func parseCount(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, false
	}
	if n == 1 {
		n = 0
	}
	return n, true
}

// splitList splits a list of ids written in one cell: "a; b", "a|b", "a,b".
func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' || r == ',' })
	out := f[:0]
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
