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
	line                                              int
	id, manager, name, title, role, dept, cost, count string
	dotted, notes                                     string
}

// Import reads a people CSV and builds a plan from it. file names the input in
// messages; mapping ("column" -> "field", see Fields) names columns the
// recognised headers miss. It returns the plan, the report of what was done,
// and, when the file is unusable (no header, required columns missing, empty
// or duplicate ids, rows with the wrong number of fields), catalog.Problems
// with a line each and no plan. Rows with unknown managers, cycles, unmatched
// titles or bad costs are kept and listed in the report's notes.
func Import(r io.Reader, file string, cat *catalog.Catalog, mapping map[string]string) (*orgchart.Plan, *Report, error) {
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
	rows, err := readRows(data, file, mapping, rep, fail)
	if err != nil {
		return nil, rep, err
	}
	if len(rep.Problems) > 0 {
		return nil, rep, rep.Problems
	}
	p := build(rows, cat, rep)
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
func readRows(data []byte, file string, mapping map[string]string, rep *Report, fail func(int, string, ...any)) ([]row, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8, ok := toUTF8(data); !ok {
		data, rep.Encoding = utf8, "windows-1252"
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
	cols, ignored, probs := resolveColumns(header, mapping)
	rep.Columns, rep.Ignored = cols, ignored
	for _, msg := range probs {
		fail(1, "%s", msg)
	}
	if len(probs) > 0 {
		return nil, nil
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
			fail(line, "%d fields where the header has %d: look for an unquoted comma in a name or a missing field (quote fields that contain %q)", len(rec), len(header), string(cr.Comma))
			continue
		}
		rw := row{line: line}
		var first, last string
		for _, c := range cols {
			v := strings.TrimSpace(rec[c.Index])
			switch c.Field {
			case FieldID:
				rw.id = v
			case FieldManager:
				rw.manager = v
			case FieldName:
				rw.name = v
			case FieldFirstName:
				first = v
			case FieldLastName:
				last = v
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
				rw.notes = rec[c.Index] // notes keep their spacing
			}
		}
		if rw.name == "" {
			rw.name = strings.TrimSpace(first + " " + last)
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
		fail(0, "no people: the file has a header but no rows")
	}
	return rows, nil
}

// csvProblem turns a CSV syntax error into a located problem.
func csvProblem(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return catalog.Problems{{File: file, Line: pe.Line, Message: fmt.Sprintf("not valid CSV: %v", pe.Err)}}
	}
	return fmt.Errorf("reading %s: %w", file, err)
}

// delimiter guesses the separator from the header line: spreadsheets in many
// European locales write semicolons, some HR tools tabs.
func delimiter(data []byte) rune {
	line := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		line = data[:i]
	}
	best, n := ',', bytes.Count(line, []byte{','})
	for _, d := range []rune{';', '\t'} {
		if c := bytes.Count(line, []byte{byte(d)}); c > n {
			best, n = d, c
		}
	}
	return best
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
