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

// row is one person (or, in a team file, one team) as read from a file.
type row struct {
	line                                     int
	file                                     string // set for the rows of a team file
	id, name, title, role, dept, cost, count string
	first, last, preferred                   string
	dotted, notes                            string
	owns, supports, notOwns                  string
	jobCode, fte, grade, costMin, costMax    string
	employment                               string   // the status column
	disabled                                 string   // "accountEnabled FALSE": an enabled column said no
	nameIsID                                 bool     // no id or email column: the id is the name
	managers                                 []string // one value per manager column, in header order
	emails                                   []string // one value per email column
	status                                   nameStatus
	team                                     bool // a row of posts under a manager (a team file's)
	codeTitle                                bool // the title was read from the job code
	shares                                   int  // rows merged into this one as a job share
	lone                                     bool // the id is the row's only cell: a total or a remark, unless someone reports to it
}

// Options are the choices an import takes besides the file.
type Options struct {
	// Mapping names columns the recognised headers miss ("column" -> "field", see Fields).
	Mapping map[string]string
	// CostPeriod says what the cost column holds: "year" or "month" (multiplied by 12).
	// Empty means yearly unless the column's header says monthly ("Monthly Salary").
	CostPeriod string
}

// Input is one file of an import: its name (for messages) and its content.
type Input struct {
	File string
	R    io.Reader
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
	return ImportFiles([]Input{{File: file, R: r}}, cat, opt)
}

// ImportFiles imports one people file together with team files: files of
// posts under a manager with a count or FTE and no id or name, as the UK
// government's organograms publish junior staff next to senior staff. Each
// file's kind is told by its header, in any order; each team row becomes a
// team position under the person its manager column names. --map applies to
// every file.
func ImportFiles(ins []Input, cat *catalog.Catalog, opt Options) (*orgchart.Plan, *Report, error) {
	rep := &Report{Matches: map[MatchKind]int{}}
	if len(ins) > 0 {
		rep.File = ins[0].File
	}
	failIn := func(file string) func(int, string, ...any) {
		return func(line int, format string, args ...any) {
			if len(rep.Problems) == maxProblems {
				rep.Problems = append(rep.Problems, catalog.Problem{File: file, Message: "too many problems; fix these first"})
			}
			if len(rep.Problems) > maxProblems {
				return
			}
			rep.Problems = append(rep.Problems, catalog.Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
		}
	}
	switch opt.CostPeriod {
	case "", "year", "month":
	default:
		return nil, rep, fmt.Errorf("cost period %q: use year or month", opt.CostPeriod)
	}
	if len(ins) == 0 {
		return nil, rep, errors.New("no file to import")
	}
	var people *sheet
	var teams []*sheet
	total, rowsTotal := 0, 0 // over every file: the limits hold for the import, not per file
	for _, in := range ins {
		fail := failIn(in.File)
		// Read at most one byte past the limit: a bigger file is refused before
		// it is parsed, so a huge export costs bounded memory.
		data, err := io.ReadAll(io.LimitReader(in.R, int64(orgchart.MaxFileSize-total)+1))
		if err != nil {
			return nil, rep, fmt.Errorf("reading %s: %w", in.File, err)
		}
		if total += len(data); total > orgchart.MaxFileSize {
			if len(ins) > 1 {
				fail(0, "the files are more than %d MB together, the most an import may have: split them by department and import the parts", orgchart.MaxFileSize>>20)
			} else {
				fail(0, "the file is more than %d MB, the most an import may have: split it by department and import the parts", orgchart.MaxFileSize>>20)
			}
			return nil, rep, rep.Problems
		}
		sh, err := readRows(data, in.File, opt, fail)
		if err != nil {
			return nil, rep, err
		}
		if sh == nil {
			continue
		}
		if rowsTotal += len(sh.rows); rowsTotal > orgchart.MaxPositions {
			fail(0, "more than %d people and teams in the files together, the most a plan holds: split them by department", orgchart.MaxPositions)
			return nil, rep, rep.Problems
		}
		switch {
		case sh.team:
			teams = append(teams, sh)
		case people != nil:
			fail(1, "a second people file (%s is the first): import one people file, with the team files that go with it", people.file)
		default:
			people = sh
		}
	}
	if len(rep.Problems) > 0 {
		return nil, rep, rep.Problems
	}
	if people == nil {
		failIn(teams[0].file)(1, "a file of teams (posts under a manager, with a count or FTE column and no id or name column): import it with the people file its managers are in, as in orgplanner import senior.csv %s -o plan.yaml", teams[0].file)
		return nil, rep, rep.Problems
	}
	rep.File, rep.Encoding, rep.Columns, rep.Ignored, rep.Rows = people.file, people.encoding, people.cols, people.ignored, people.rowsRead
	rep.CostColumn, rep.CostMaxColumn, rep.CostPeriod = people.costColumn, people.costMaxColumn, people.costPeriod
	rep.Notes = append(rep.Notes, people.notes...)
	if !hasField(people.cols, FieldTitle) && !hasField(people.cols, FieldRole) {
		if hasField(people.cols, FieldJobCode) {
			rep.Warnings = append(rep.Warnings, "no title column: the titles are read from the job codes (each listed below); name a title column with --map COLUMN=title")
		} else {
			rep.Warnings = append(rep.Warnings, "no title or job code column: every position is imported as team-member with no title; name a title column with --map COLUMN=title")
		}
	}
	rows := people.rows
	teamIDs := map[string]int{}
	for _, sh := range teams {
		rep.Teams = append(rep.Teams, TeamFile{File: sh.file, Encoding: sh.encoding, Rows: sh.rowsRead, Columns: sh.cols, Ignored: sh.ignored})
		rep.Notes = append(rep.Notes, sh.notes...)
		for _, rw := range sh.rows {
			// A team's id is its manager, title and grade (and how many
			// such teams came before), so the next release's file gives
			// the same ids and the two plans compare team by team.
			key := "team:" + managerValue(&rw) + ":" + rw.title + ":" + rw.grade
			teamIDs[key]++
			rw.id = key
			if n := teamIDs[key]; n > 1 {
				rw.id = fmt.Sprintf("%s:%d", key, n)
			}
			rows = append(rows, rw)
		}
	}
	fail := failIn(people.file)
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
	p.Name = strings.TrimSuffix(filepath.Base(people.file), filepath.Ext(people.file))
	return p, rep, nil
}

// sheet is one file as read: its rows and what its header said.
type sheet struct {
	file, encoding string
	cols           []Column
	ignored        []string
	team           bool
	rows           []row
	rowsRead       int
	notes          []Note // rows left out or merged as they were read
	// costColumn (and costMaxColumn for a pay band) and costPeriod: see Report.
	costColumn, costMaxColumn, costPeriod string
}

// readRows parses the CSV into rows, checking the shape and the ids. It
// returns nil (and calls fail) when the file is unusable.
func readRows(data []byte, file string, opt Options, fail func(int, string, ...any)) (*sheet, error) {
	data, enc, err := decode(data)
	if err != nil {
		return nil, catalog.Problems{{File: file, Message: fmt.Sprintf("cannot be read as %s: %v", enc, err)}}
	}
	sh := &sheet{file: file, encoding: enc}
	note := func(line int, id string, kind NoteKind, format string, args ...any) {
		sh.notes = append(sh.notes, Note{File: teamFile(sh), Line: line, Kind: kind, ID: id, Message: fmt.Sprintf(format, args...)})
	}
	// Old Mac spreadsheets end lines with a lone CR, which encoding/csv keeps
	// inside the field: read such a file's CRs as line ends.
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
	}
	// Windows PowerShell's Export-Csv starts with a "#TYPE ..." line (the
	// .NET type of the objects) unless told -NoTypeInformation: blank it,
	// so the header is the next line and line numbers stay the file's.
	if bytes.HasPrefix(data, []byte("#TYPE ")) {
		if end := bytes.IndexByte(data, '\n'); end >= 0 {
			data = append([]byte{'\n'}, data[end+1:]...)
		} else {
			data = nil
		}
	}
	// draw.io's CSV import files carry their configuration above the header
	// ("## a remark", "# label: %name%", "# connect: {...}"): blank those
	// lines too. A header may itself start with "#" (a column named "#").
	if n := configLines(data); n > 0 {
		data = append(bytes.Repeat([]byte{'\n'}, bytes.Count(data[:n], []byte{'\n'})), data[n:]...)
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
	cols, ignored, probs, team := resolveColumns(header, opt.Mapping)
	sh.cols, sh.ignored, sh.team = cols, ignored, team
	for _, msg := range probs {
		fail(1, "%s", msg)
	}
	if len(probs) > 0 {
		return nil, nil
	}
	period := opt.CostPeriod
	costHeader := func(h string) {
		if period == "" && strings.Contains(strings.ToLower(h), "month") {
			period = "month"
		}
		if period == "" {
			period = "year"
		}
		sh.costPeriod = period
	}
	for _, c := range cols {
		if c.Field == FieldCost {
			sh.costColumn = c.Header
			costHeader(c.Header)
		}
	}
	if sh.costColumn == "" {
		// A pay band (the organograms' pay floor and ceiling, or payscale
		// minimum and maximum): the cost is its middle.
		for _, c := range cols {
			switch c.Field {
			case FieldCostMin:
				sh.costColumn = c.Header
				costHeader(c.Header)
			case FieldCostMax:
				sh.costMaxColumn = c.Header
				costHeader(c.Header)
			}
		}
	}
	byID := map[string]int{} // id -> index in sh.rows
	// Job shares are read only in files that give FTEs (the organograms):
	// elsewhere a repeated id is a mistake to fix, not two people in one post.
	hasFTE := hasField(cols, FieldFTE)
	idHeader, labelsSeen := "", false
	for _, c := range cols {
		if c.Field == FieldID {
			idHeader = c.Header
			break
		}
	}
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
		sh.rowsRead++
		if len(rec) != len(header) {
			fail(line, "%d fields where the header has %d: look for an unquoted %s in a name or a missing field (quote fields that contain one)", len(rec), len(header), delimiterName(cr.Comma))
			continue
		}
		rw := row{line: line, team: team, file: teamFile(sh)}
		for _, c := range cols {
			v := unneutralise(strings.TrimSpace(rec[c.Index]))
			switch c.Field {
			case FieldID:
				if rw.id == "" {
					rw.id = v // the first id column with a value
				}
			case FieldManager:
				rw.managers = append(rw.managers, v)
			case FieldName:
				rw.name = oneSpaced(v)
			case FieldFirstName:
				rw.first = oneSpaced(v)
			case FieldLastName:
				rw.last = oneSpaced(v)
			case FieldPreferred:
				rw.preferred = oneSpaced(v)
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
			case FieldJobCode:
				rw.jobCode = v
			case FieldFTE:
				rw.fte = v
			case FieldGrade:
				rw.grade = v
			case FieldCostMin:
				rw.costMin = v
			case FieldCostMax:
				rw.costMax = v
			case FieldStatus:
				rw.employment = v
			case FieldEnabled:
				if disabled[strings.ToLower(v)] {
					// a leaver's account, a shared mailbox, a warehouse's past
					// version of a row: nobody in a post, whatever the status
					// column says
					rw.disabled = c.Header + " " + v
				}
			}
		}
		if !labelsSeen && rw.id != "" && idHeader != "" && strings.EqualFold(rw.id, idHeader) {
			// A second header row of labels (SAP SuccessFactors' user data
			// file: keys on row 1, labels on row 2, "USERID" under USERID).
			labelsSeen = true
			sh.rowsRead--
			continue
		}
		labelsSeen = true
		if rw.name == "" {
			rw.name = strings.TrimSpace(rw.first + " " + rw.last)
		}
		if rw.title == "" && rw.role == "" && rw.jobCode != "" {
			rw.title, rw.codeTitle = codeTitle(rw.jobCode), true
		}
		if notInPost(rw.title) {
			// The organograms' "Not in post" rows (post reference 0): paid,
			// but holding no post, so no position.
			note(line, rw.id, NoteLeftOut, "%s is not in a post (title %q); left out", nameOr(rw.name, "this row"), rw.title)
			continue
		}
		if team {
			if fte, ok := parseFTE(rw.fte); ok && rw.fte != "" && fte == 0 && rw.count == "" {
				note(line, "", NoteLeftOut, "%q under %q has 0 FTE: no posts; left out", rw.title, managerValue(&rw))
				continue
			}
			rows := len(sh.rows)
			sh.rows = append(sh.rows, rw)
			if rows+1 > orgchart.MaxPositions {
				fail(line, "more than %d teams, the most a plan holds: split the file by department", orgchart.MaxPositions)
				return nil, nil
			}
			continue
		}
		rw.status, rw.name = readName(rw.name)
		if rw.disabled != "" || gone(rw.employment) {
			rw.status = departed
		}
		if rw.id == "" {
			for _, e := range rw.emails {
				if e != "" {
					rw.id = e // no id column (Entra) or an empty one (Google Workspace): the email is unique
					break
				}
			}
		}
		byName := false
		if rw.id == "" && idHeader == "" && !hasField(cols, FieldEmail) {
			rw.id, byName, rw.nameIsID = strings.TrimSpace(holderOf(&rw)), true, true // no id column: the name is the id
			if rw.id == "" {
				rw.id = strings.TrimSpace(rw.first + " " + rw.last)
			}
		}
		prev, dup := byID[rw.id]
		switch {
		case rw.id == "" && byName:
			fail(line, "no name: in a file without an id column the name is the id others name as their manager; give this row a name, or add an id column")
			continue
		case rw.id == "":
			fail(line, "empty id: every person needs an id that others can name as their manager")
			continue
		case dup && byName:
			fail(line, "%q is also the name on line %d: in a file without an id column names are the ids, so they must be unique; add an id column (and give managers by id)", rw.id, sh.rows[prev].line)
			continue
		case dup && hasFTE && sh.rows[prev].shares < maxShares && jobShare(&sh.rows[prev], &rw):
			first := &sh.rows[prev]
			note(line, rw.id, NoteJobShare, "post %s is shared: line %d is the same post held by %s; one position held by both", rw.id, first.line, nameOr(rw.name, "nobody named"))
			shareHolder(first, &rw)
			first.shares++
			continue
		case dup:
			fail(line, "id %q is also on line %d: ids must be unique (a job share repeats a row with only the name, contacts and notes changed)", rw.id, sh.rows[prev].line)
			continue
		}
		rw.lone = filled(rec) == 1 && rw.name == "" && rw.first == "" && rw.last == "" && rw.preferred == "" // a lone name is a person
		byID[rw.id] = len(sh.rows)
		sh.rows = append(sh.rows, rw)
		if len(sh.rows) > orgchart.MaxPositions {
			fail(line, "more than %d people, the most a plan holds: split the file by department", orgchart.MaxPositions)
			return nil, nil
		}
	}
	sh.rows = dropRemarks(sh, note)
	if sh.rowsRead == 0 {
		line := 1 // the header, when nothing follows it
		if bytes.IndexByte(data, '\n') >= 0 {
			line = 2
		}
		fail(line, "no people: the file has a header but no rows (lines end with %s)", lineEnds(data))
		return nil, nil
	}
	return sh, nil
}

// dropRemarks leaves out the rows whose only cell is their id when nobody
// reports to them: what spreadsheets put under a table ("Total: 212
// employees", "Report run 2 Dec 2026") or above a section ("Engineering"),
// which would be vacant posts with no title.
func dropRemarks(sh *sheet, note func(line int, id string, kind NoteKind, format string, args ...any)) []row {
	lone := false
	for i := range sh.rows {
		lone = lone || sh.rows[i].lone
	}
	if !lone {
		return sh.rows
	}
	named := map[string]bool{}
	for i := range sh.rows {
		for _, m := range sh.rows[i].managers {
			named[m] = true
		}
	}
	kept := sh.rows[:0]
	for _, rw := range sh.rows {
		if rw.lone && !named[rw.id] {
			note(rw.line, rw.id, NoteLeftOut, "line %d holds only %q, no name, title or manager: a total or a remark, not a person; left out", rw.line, rw.id)
			continue
		}
		kept = append(kept, rw)
	}
	return kept
}

// filled counts a record's cells that are not blank.
func filled(rec []string) int {
	n := 0
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// teamFile is the file name a team file's notes carry ("" for the people
// file, whose name the report gives).
func teamFile(sh *sheet) string {
	if sh.team {
		return sh.file
	}
	return ""
}

// configLines returns the length of the leading lines that are draw.io's
// remarks and settings: lines starting "##", or "# key:" with a key of
// letters (a header such as "# Reports,Name" is kept).
func configLines(data []byte) int {
	n := 0
	for n < len(data) && data[n] == '#' {
		end := bytes.IndexByte(data[n:], '\n')
		line := data[n:]
		if end >= 0 {
			line = data[n : n+end]
		}
		line = bytes.TrimRight(line, "\r")
		if !(bytes.HasPrefix(line, []byte("##")) || configSetting(line)) || end < 0 {
			break
		}
		n += end + 1
	}
	return n
}

// configSetting reports whether line is "# key: ..." (draw.io's "# label:",
// "# connect:", "# nodespacing:").
func configSetting(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("# ")) {
		return false
	}
	k := 2
	for k < len(line) && ('a' <= line[k] && line[k] <= 'z' || 'A' <= line[k] && line[k] <= 'Z') {
		k++
	}
	return k > 2 && k < len(line) && line[k] == ':'
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
