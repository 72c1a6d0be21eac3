// Package find is the chart's search: one box over people, titles, roles,
// ids and capabilities, with results as you type and next/previous.
package find

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// Result is one position that matches a query, and why it matched.
type Result struct {
	ID    string
	Label string // title and holder, as the chart shows them
	Why   string // the field that matched: "holder", "title", "role", "id" or "capability …"
}

// field is one searchable text of a position, folded (fold).
type field struct {
	name, text, shown string
}

// entry is a position's searchable texts.
type entry struct {
	id, label string
	fields    []field
}

// Index holds the searchable text of every position of a plan, in chart
// order (managers before their reports). Build it again after an edit;
// searching it is a scan of short strings, a few milliseconds at 20,000
// positions.
type Index struct {
	entries []entry
}

// NewIndex indexes the plan. title is the card-title rule (State.Title).
func NewIndex(p *orgchart.Plan, cat *catalog.Catalog, title func(*orgchart.Position) string) *Index {
	ix := &Index{entries: make([]entry, 0, len(p.Positions))}
	// A capability's texts are made once: thousands of positions share
	// their roles' capabilities.
	capTexts := map[string]field{}
	p.Walk(func(pos *orgchart.Position, _ int) bool {
		t := title(pos)
		label := t
		if pos.Holder != "" {
			label += " (" + pos.Holder + ")"
		}
		owns, supports := pos.Capabilities(cat)
		e := entry{id: pos.ID, label: label, fields: make([]field, 0, 4+len(owns)+len(supports))}
		addShown := func(name, text, shown string) {
			if text != "" {
				e.fields = append(e.fields, field{name, fold(text), shown})
			}
		}
		add := func(name, text string) { addShown(name, text, text) }
		add("holder", pos.Holder)
		add("title", t)
		if r := cat.Role(pos.Role); r != nil {
			add("role", r.Title+" "+r.ID)
		} else {
			add("role", pos.Role)
		}
		add("id", pos.ID)
		for _, ids := range [2][]string{owns, supports} {
			for _, id := range ids {
				f, ok := capTexts[id]
				if !ok {
					f = field{"capability", fold(id), id}
					if c := cat.Capability(id); c != nil {
						f.text, f.shown = fold(c.Name+" "+id), c.Name
					}
					capTexts[id] = f
				}
				if f.text != "" {
					e.fields = append(e.fields, f)
				}
			}
		}
		ix.entries = append(ix.entries, e)
		return true
	})
	return ix
}

// Search returns the positions whose texts hold every word of the query
// (case does not matter), in chart order. An empty query matches nothing.
func (ix *Index) Search(query string) []Result {
	words := strings.Fields(fold(query))
	if len(words) == 0 {
		return nil
	}
	var out []Result
	for i := range ix.entries {
		e := &ix.entries[i]
		why, ok := e.match(words)
		if ok {
			out = append(out, Result{ID: e.id, Label: e.label, Why: why})
		}
	}
	return out
}

// match reports whether every word is in some field, and names the field
// that holds the whole query, else the one the first word is in (the holder
// before the title before the role...).
func (e *entry) match(words []string) (string, bool) {
	why := ""
	if len(words) > 1 {
		phrase := strings.Join(words, " ")
		for j := range e.fields {
			if f := &e.fields[j]; strings.Contains(f.text, phrase) {
				return f.why(), true
			}
		}
	}
	for i, w := range words {
		found := false
		for j := range e.fields {
			f := &e.fields[j]
			if strings.Contains(f.text, w) {
				found = true
				if i == 0 {
					why = f.why()
				}
				break
			}
		}
		if !found {
			return "", false
		}
	}
	return why, true
}

// why names the field for the results list.
func (f *field) why() string {
	if f.name == "capability" {
		return "capability " + f.shown
	}
	return f.name
}

// fold lower-cases a text and takes the accents off its letters, so "jose
// nunez" finds José Núñez and "Ångström" finds Angstrom: people type names
// without the accents an HR system keeps.
func fold(s string) string {
	s = strings.ToLower(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent: dropped
		case r == 'ø':
			b.WriteByte('o')
		case r == 'ł':
			b.WriteByte('l')
		case r == 'đ':
			b.WriteByte('d')
		case r == 'ß':
			b.WriteString("ss")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
