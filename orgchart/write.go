package orgchart

import (
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
	version := p.Version
	if version == 0 {
		version = FormatVersion
	}
	b = append(b, "version: "...)
	b = strconv.AppendInt(b, int64(version), 10)
	b = append(b, '\n')
	if p.Name != "" {
		b = append(b, "name: "...)
		b = appendScalar(b, p.Name, false)
		b = append(b, '\n')
	}
	if len(p.Scope) > 0 {
		b = append(b, "scope: ["...)
		for i, d := range p.Scope {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendScalar(b, string(d), true)
		}
		b = append(b, "]\n"...)
	}
	if p.Catalog != "" {
		b = append(b, "catalog: "...)
		b = appendScalar(b, p.Catalog, false)
		b = append(b, '\n')
	}
	if pol := encodePolicy(p.Policy); len(pol) > 0 {
		b = append(b, "policy:\n"...)
		b = append(b, pol...)
	}
	if len(p.Positions) == 0 {
		return append(b, "positions: []\n"...)
	}
	b = append(b, "positions:\n"...)
	for _, pos := range p.CanonicalOrder() {
		b = appendPosition(b, pos)
	}
	return b
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
	b = append(b, "  - id: "...)
	b = appendScalar(b, pos.ID, false)
	b = append(b, "\n    role: "...)
	b = appendScalar(b, pos.Role, false)
	b = append(b, '\n')
	b = appendField(b, "    title: ", pos.Title)
	b = appendField(b, "    holder: ", pos.Holder)
	b = appendField(b, "    reportsTo: ", pos.ReportsTo)
	if pos.Count != 0 {
		b = append(b, "    count: "...)
		b = strconv.AppendInt(b, int64(pos.Count), 10)
		b = append(b, '\n')
	}
	if len(pos.DottedTo) > 0 {
		b = append(b, "    dottedTo: ["...)
		for i, d := range pos.DottedTo {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendScalar(b, d, true)
		}
		b = append(b, "]\n"...)
	}
	if pos.Cost != 0 {
		b = append(b, "    cost: "...)
		b = strconv.AppendFloat(b, pos.Cost, 'f', -1, 64)
		b = append(b, '\n')
	}
	b = appendList(b, "    owns: [", pos.Owns)
	b = appendList(b, "    supports: [", pos.Supports)
	b = appendList(b, "    notOwns: [", pos.NotOwns)
	return appendField(b, "    notes: ", pos.Notes)
}

// appendList writes a flow list of ids; nothing when the list is empty.
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
