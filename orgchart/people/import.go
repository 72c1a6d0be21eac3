// Package people imports organisations from the people spreadsheets HR
// systems export (a row per person: id, manager id, name, title, ...) and
// exports plans back to that shape.
package people

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// maxProblems caps the problems listed for an unusable file; past it the
// file is probably not a people CSV at all.
const maxProblems = 50

// row is one person as read from the file.
type row struct {
	line                                     int
	id, name, title, role, dept, cost, count string
	first, last, preferred                   string
	dotted, notes                            string
	owns, supports, notOwns                  string
	managers                                 []string // one value per manager column, in header order
	emails                                   []string // one value per email column
}

// Options are the choices an import takes besides the file.
type Options struct {
	// Mapping names columns the recognised headers miss ("column" -> "field", see Fields).
	Mapping map[string]string
	// CostPeriod says what the cost column holds: "year" or "month" (multiplied by 12).
	// Empty means yearly unless the column's header says monthly ("Monthly Salary").
	CostPeriod string
}

// Import reads a people CSV and builds a plan from it. file names the input in
// messages; mapping ("column" -> "field", see Fields) names columns the
// recognised headers miss. It returns the plan, the report of what was done,
// and, when the file is unusable (no header, required columns missing, empty
// or duplicate ids, rows with the wrong number of fields, no manager that
// resolves), catalog.Problems with a line each and no plan. Rows with unknown
// managers, cycles, unmatched titles or bad costs are kept and listed in the
// report's notes.
func Import(r io.Reader, file string, cat *catalog.Catalog, mapping map[string]string) (*orgchart.Plan, *Report, error) {
	return ImportWith(r, file, cat, Options{Mapping: mapping})
}

// ImportWith is Import with every option.
func ImportWith(r io.Reader, file string, cat *catalog.Catalog, opt Options) (*orgchart.Plan, *Report, error) {
	rep := &Report{File: file, Matches: map[MatchKind]int{}}
	fail := func(line int, format string, args ...any) {
		if len(rep.Problems) == maxProblems {
			rep.Problems = append(rep.Problems, catalog.Problem{File: file, Message: "too many problems; fix these first"})
		}
		if len(rep.Problems) > maxProblems {
			return
		}
		rep.Problems = append(rep.Problems, catalog.Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	switch opt.CostPeriod {
	case "", "year", "month":
	default:
		return nil, rep, fmt.Errorf("cost period %q: use year or month", opt.CostPeriod)
	}
	// Read at most one byte past the limit: a bigger file is refused before
	// it is parsed, so a huge export costs bounded memory.
	data, err := io.ReadAll(io.LimitReader(r, orgchart.MaxFileSize+1))
	if err != nil {
		return nil, rep, fmt.Errorf("reading %s: %w", file, err)
	}
	if len(data) > orgchart.MaxFileSize {
		fail(0, "the file is more than %d MB, the most an import may have: split it by department and import the parts", orgchart.MaxFileSize>>20)
		return nil, rep, rep.Problems
	}
	rows, err := readRows(data, file, opt, rep, fail)
	if err != nil {
		return nil, rep, err
	}
	if len(rep.Problems) > 0 {
		return nil, rep, rep.Problems
	}
	p := build(rows, cat, rep, fail)
	if len(rep.Problems) > 0 {
		return nil, rep, rep.Problems
	}
	p.Walk(func(pos *orgchart.Position, depth int) bool {
		if depth > orgchart.MaxDepth {
			fail(pos.Line, "reporting chain more than %d levels deep: check the manager ids", orgchart.MaxDepth)
			return false
		}
		return true
	})
	if len(rep.Problems) > 0 {
		return nil, rep, rep.Problems
	}
	p.Name = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	return p, rep, nil
}

// readRows parses the CSV into rows, checking the shape and the ids.
func readRows(data []byte, file string, opt Options, rep *Report, fail func(int, string, ...any)) ([]row, error) {
	data, enc, err := decode(data)
	if err != nil {
		return nil, catalog.Problems{{File: file, Message: fmt.Sprintf("cannot be read as %s: %v", enc, err)}}
	}
	rep.Encoding = enc
	// Old Mac spreadsheets end lines with a lone CR, which encoding/csv keeps
	// inside the field: read such a file's CRs as line ends.
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = delimiter(data)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		fail(0, "the file is empty: it needs a header row (id, manager id, name, title, ...) and a row per person")
		return nil, nil
	}
	if err != nil {
		return nil, csvProblem(file, err)
	}
	header = append([]string(nil), header...)
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	cols, ignored, probs := resolveColumns(header, opt.Mapping)
	rep.Columns, rep.Ignored = cols, ignored
	for _, msg := range probs {
		fail(1, "%s", msg)
	}
	if len(probs) > 0 {
		return nil, nil
	}
	period := opt.CostPeriod
	for _, c := range cols {
		if c.Field == FieldCost {
			rep.CostColumn = c.Header
			if period == "" && strings.Contains(strings.ToLower(c.Header), "month") {
				period = "month"
			}
			if period == "" {
				period = "year"
			}
			rep.CostPeriod = period
		}
	}
	var rows []row
	firstLine := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvProblem(file, err)
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		rep.Rows++
		if len(rec) != len(header) {
			fail(line, "%d fields where the header has %d: look for an unquoted %s in a name or a missing field (quote fields that contain one)", len(rec), len(header), delimiterName(cr.Comma))
			continue
		}
		rw := row{line: line}
		for _, c := range cols {
			v := unneutralise(strings.TrimSpace(rec[c.Index]))
			switch c.Field {
			case FieldID:
				rw.id = v
			case FieldManager:
				rw.managers = append(rw.managers, v)
			case FieldName:
				rw.name = v
			case FieldFirstName:
				rw.first = v
			case FieldLastName:
				rw.last = v
			case FieldPreferred:
				rw.preferred = v
			case FieldEmail:
				rw.emails = append(rw.emails, v)
			case FieldTitle:
				rw.title = v
			case FieldRole:
				rw.role = v
			case FieldDepartment:
				rw.dept = v
			case FieldCost:
				rw.cost = v
			case FieldCount:
				rw.count = v
			case FieldDotted:
				rw.dotted = v
			case FieldNotes:
				rw.notes = unneutralise(rec[c.Index]) // notes keep their spacing
			case FieldOwns:
				rw.owns = v
			case FieldSupports:
				rw.supports = v
			case FieldNotOwns:
				rw.notOwns = v
			}
		}
		if rw.name == "" {
			rw.name = strings.TrimSpace(rw.first + " " + rw.last)
		}
		if rw.id == "" {
			for _, e := range rw.emails {
				if e != "" {
					rw.id = e // no id column (Entra) or an empty one (Google Workspace): the email is unique
					break
				}
			}
		}
		switch prev, dup := firstLine[rw.id]; {
		case rw.id == "":
			fail(line, "empty id: every person needs an id that others can name as their manager")
			continue
		case dup:
			fail(line, "id %q is also on line %d: ids must be unique", rw.id, prev)
			continue
		}
		firstLine[rw.id] = line
		rows = append(rows, rw)
		if len(rows) > orgchart.MaxPositions {
			fail(line, "more than %d people, the most a plan holds: split the file by department", orgchart.MaxPositions)
			return nil, nil
		}
	}
	if rep.Rows == 0 && len(rep.Problems) == 0 {
		line := 1 // the header, when nothing follows it
		if bytes.IndexByte(data, '\n') >= 0 {
			line = 2
		}
		fail(line, "no people: the file has a header but no rows (lines end with %s)", lineEnds(data))
	}
	return rows, nil
}

// lineEnds names the line ends of data, for the message about a file whose
// rows were not found.
func lineEnds(data []byte) string {
	switch n := bytes.Count(data, []byte{'\n'}); {
	case n == 0:
		return "no line break after the header"
	case bytes.Count(data, []byte("\r\n")) == n:
		return "CR LF"
	default:
		return "LF"
	}
}

// csvProblem turns a CSV syntax error into a located problem.
func csvProblem(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return catalog.Problems{{File: file, Line: pe.Line, Message: fmt.Sprintf("not valid CSV: %v", pe.Err)}}
	}
	return fmt.Errorf("reading %s: %w", file, err)
}

// delimiter guesses the separator from the header line (outside quotes):
// spreadsheets in many European locales write semicolons, Excel's "Unicode
// Text" tabs, some HR tools pipes. A tie keeps the comma.
func delimiter(data []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, b := range data {
		if b == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if b == '\n' || b == '\r' {
			break
		}
		counts[b]++
	}
	best := byte(',')
	for _, d := range []byte{';', '\t', '|'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return rune(best)
}

// delimiterName writes the separator for messages.
func delimiterName(r rune) string {
	switch r {
	case '\t':
		return "tab"
	case ';':
		return "semicolon"
	case '|':
		return "pipe (|)"
	}
	return "comma"
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
