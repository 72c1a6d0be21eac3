package people

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// ExportHeader is the header Export writes; Import recognises every column.
var ExportHeader = []string{"id", "manager_id", "name", "title", "role", "count", "cost", "dotted_to", "notes", "owns", "supports", "not_owns"}

// Export writes the plan as a people CSV, a row per position in plan order:
// the position id (a UUID, which Import keeps), the manager's id, the holder
// (empty when vacant), the title shown on the chart, the catalog role id, the
// team count, the yearly cost per person, dotted-line managers separated by
// ";", the notes, and the plan's own ownership lists (capability ids
// separated by ";"). Importing the result gives the same plan.
func Export(w io.Writer, p *orgchart.Plan, cat *catalog.Catalog) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ExportHeader); err != nil {
		return fmt.Errorf("writing people CSV: %w", err)
	}
	rec := make([]string, len(ExportHeader))
	for _, pos := range p.Positions {
		title := pos.Title
		if title == "" && cat != nil {
			if r := cat.Role(pos.Role); r != nil {
				title = r.Title
			}
		}
		rec[0], rec[1], rec[2], rec[3], rec[4] = pos.ID, pos.ReportsTo, pos.Holder, title, pos.Role
		rec[5], rec[6] = "", ""
		if pos.Count > 0 {
			rec[5] = strconv.Itoa(pos.Count)
		}
		if pos.Cost != 0 {
			rec[6] = strconv.FormatFloat(pos.Cost, 'f', -1, 64)
		}
		rec[7], rec[8] = strings.Join(pos.DottedTo, ";"), pos.Notes
		rec[9], rec[10], rec[11] = strings.Join(pos.Owns, ";"), strings.Join(pos.Supports, ";"), strings.Join(pos.NotOwns, ";")
		for i := range rec {
			rec[i] = neutralise(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("writing people CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing people CSV: %w", err)
	}
	return nil
}

// formulaStart reports whether a cell starting with b may be run as a formula
// by Excel, LibreOffice or Google Sheets (OWASP, "CSV Injection").
func formulaStart(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// neutralise prefixes a single quote to a cell that a spreadsheet would run
// ("=HYPERLINK(...)", "@SUM(...)", "+1+1"), as OWASP advises; the quote makes
// the spreadsheet show the text as it is. A cell that already starts with a
// quote before such a character (or before another quote) gets one more, so
// that unneutralise gives every cell back exactly; "'t Hooft" is left alone.
func neutralise(s string) string {
	if s != "" && (formulaStart(s[0]) || (s[0] == '\'' && len(s) > 1 && (formulaStart(s[1]) || s[1] == '\''))) {
		return "'" + s
	}
	return s
}

// unneutralise undoes neutralise: it drops the quote before a formula
// character or a quote. Import applies it to every cell.
func unneutralise(s string) string {
	if len(s) > 1 && s[0] == '\'' && (formulaStart(s[1]) || s[1] == '\'') {
		return s[1:]
	}
	return s
}
