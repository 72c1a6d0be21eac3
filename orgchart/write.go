package orgchart

import (
	"slices"
	"strconv"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// Encode returns the plan in canonical YAML: the header comment block, the
// plan fields, then the positions depth-first (managers before their reports,
// siblings in plan order) with their fields in a fixed order. It is written
// by hand, one append per value: a generic Marshal is many times slower.
// Reading the result back gives the same plan, and encoding that plan gives
// the same bytes.
func (p *Plan) Encode() []byte {
	b := make([]byte, 0, 256+200*len(p.Positions))
	b = appendHeader(b, p.Header)
	w := commented{c: p.Comments, indent: ""}
	version := p.Version
	if version == 0 {
		version = FormatVersion
	}
	b = w.start(b, "version")
	b = append(b, "version: "...)
	b = strconv.AppendInt(b, int64(version), 10)
	b = w.finish(append(b, '\n'), "version")
	if p.Name != "" {
		b = w.start(b, "name")
		b = append(b, "name: "...)
		b = appendScalar(b, p.Name, false)
		b = w.finish(append(b, '\n'), "name")
	}
	if len(p.Scope) > 0 {
		b = w.start(b, "scope")
		b = append(b, "scope: ["...)
		for i, d := range p.Scope {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendScalar(b, string(d), true)
		}
		b = w.finish(append(b, "]\n"...), "scope")
	}
	if p.Catalog != "" {
		b = w.start(b, "catalog")
		b = append(b, "catalog: "...)
		b = appendScalar(b, p.Catalog, false)
		b = w.finish(append(b, '\n'), "catalog")
	}
	if pol := encodePolicy(p.Policy); len(pol) > 0 {
		b = w.start(b, "policy")
		b = w.finish(append(b, "policy:\n"...), "policy")
		b = append(b, pol...)
	}
	b = w.start(b, "positions")
	if len(p.Positions) == 0 {
		b = w.finish(append(b, "positions: []\n"...), "positions")
	} else {
		b = w.finish(append(b, "positions:\n"...), "positions")
		for _, pos := range p.CanonicalOrder() {
			b = appendPosition(b, pos)
		}
	}
	return w.end(b)
}

// commented writes the comments of one mapping (a position, or the plan's
// fields) around the fields the encoder writes; comments of fields it leaves
// out (a holder cleared in the app) are written after the last field, so no
// comment a person wrote is ever dropped.
type commented struct {
	c       *Comments
	indent  string // of the mapping's fields
	written map[string]bool
}

func (w *commented) start(b []byte, key string) []byte {
	if w.c.IsZero() {
		return b
	}
	if w.written == nil {
		w.written = map[string]bool{}
	}
	w.written[key] = true
	return appendCommentLines(b, w.indent, w.c.before(key))
}

func (w *commented) finish(b []byte, key string) []byte {
	if w.c.IsZero() {
		return b
	}
	return endLine(b, w.c.after(key))
}

// end writes the comments of fields not written, then the end comments.
func (w *commented) end(b []byte) []byte {
	if w.c.IsZero() {
		return b
	}
	var keys []string
	for k := range w.c.Before {
		if !w.written[k] {
			keys = append(keys, k)
		}
	}
	for k := range w.c.After {
		if !w.written[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	for _, k := range keys {
		b = appendCommentLines(b, w.indent, w.c.before(k))
		b = appendCommentLines(b, w.indent, w.c.after(k))
	}
	return appendCommentLines(b, w.indent, w.c.end())
}

// CanonicalOrder returns the positions in the order Encode writes them:
// depth-first from the top positions, reports in plan order. Positions the
// walk cannot reach (in a reporting cycle) follow in plan order. It does not
// change the plan (an index it needs is built aside, not kept), so a saver
// may call it, and Encode, while other readers use the plan.
func (p *Plan) CanonicalOrder() []*Position {
	ix := p.idx
	if ix == nil {
		ix = buildIndex(p.Positions)
	}
	out := make([]*Position, 0, len(p.Positions))
	ix.walk(func(pos *Position, _ int) bool {
		out = append(out, pos)
		return true
	})
	if len(out) < len(p.Positions) {
		seen := make(map[*Position]bool, len(out))
		for _, pos := range out {
			seen[pos] = true
		}
		for _, pos := range p.Positions {
			if !seen[pos] {
				out = append(out, pos)
			}
		}
	}
	return out
}

func appendPosition(b []byte, pos *Position) []byte {
	w := commented{c: pos.Comments, indent: "    "}
	if !w.c.IsZero() {
		b = appendCommentLines(b, "  ", joinComments(w.c.before(""), w.c.before("id")))
		w.written = map[string]bool{"": true, "id": true}
	}
	b = append(b, "  - id: "...)
	b = appendScalar(b, pos.ID, false)
	b = w.finish(append(b, '\n'), "id")
	b = w.start(b, "role")
	b = append(b, "    role: "...)
	b = appendScalar(b, pos.Role, false)
	b = w.finish(append(b, '\n'), "role")
	b = w.field(b, "title", pos.Title)
	b = w.field(b, "holder", pos.Holder)
	b = w.field(b, "reportsTo", pos.ReportsTo)
	if pos.Count != 0 {
		b = w.start(b, "count")
		b = append(b, "    count: "...)
		b = strconv.AppendInt(b, int64(pos.Count), 10)
		b = w.finish(append(b, '\n'), "count")
	}
	b = w.list(b, "dottedTo", pos.DottedTo)
	if pos.Cost != 0 {
		b = w.start(b, "cost")
		b = append(b, "    cost: "...)
		b = strconv.AppendFloat(b, pos.Cost, 'f', -1, 64)
		b = w.finish(append(b, '\n'), "cost")
	}
	b = w.list(b, "owns", pos.Owns)
	b = w.list(b, "supports", pos.Supports)
	b = w.list(b, "notOwns", pos.NotOwns)
	b = w.field(b, "notes", pos.Notes)
	return w.end(b)
}

// field writes `key: value` at the mapping's indent, with its comments;
// an empty value is left out.
func (w *commented) field(b []byte, key, value string) []byte {
	if value == "" {
		return b
	}
	b = w.start(b, key)
	b = append(b, w.indent...)
	b = append(b, key...)
	b = append(b, ": "...)
	b = appendScalar(b, value, false)
	return w.finish(append(b, '\n'), key)
}

// list writes `key: [a, b]` with its comments; an empty list is left out.
func (w *commented) list(b []byte, key string, items []string) []byte {
	if len(items) == 0 {
		return b
	}
	b = w.start(b, key)
	b = appendList(b, w.indent+key+": [", items)
	return w.finish(b, key)
}

func appendList(b []byte, key string, ids []string) []byte {
	if len(ids) == 0 {
		return b
	}
	b = append(b, key...)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendScalar(b, id, true)
	}
	return append(b, "]\n"...)
}

func appendField(b []byte, key, value string) []byte {
	if value == "" {
		return b
	}
	b = append(b, key...)
	b = appendScalar(b, value, false)
	return append(b, '\n')
}

// WriteFile saves the plan to path with safefile.Write: atomically (path
// always holds the complete old plan or the complete new one), keeping the
// old file's mode, owner and group, writing through a symbolic link, and
// refusing a read-only file unless opt.Force.
func WriteFile(path string, p *Plan, opt safefile.Options) error {
	return safefile.WriteFile(path, p.Encode(), opt)
}

// appendHeader writes the header block as comment lines: lines split at
// every YAML line break, each given a "# " when it lacks one, blank lines
// kept blank, trailing ones dropped; so a header read back is the same.
func appendHeader(b []byte, header string) []byte {
	header = strings.TrimRight(header, "\r\n \t\u0085\u2028\u2029")
	if header == "" {
		return b
	}
	data := []byte(header)
	for off := 0; off < len(data); {
		next := catalog.NextLine(data, off)
		line := strings.TrimRight(string(data[off:next]), "\r\n\u0085\u2028\u2029")
		line = strings.Trim(line, " \t")
		off = next
		if line == "" {
			b = append(b, '\n')
			continue
		}
		if !strings.HasPrefix(line, "#") {
			b = append(b, "# "...)
		}
		b = append(b, line...)
		b = append(b, '\n')
	}
	return b
}
