package orgchart

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Encode returns the plan in canonical YAML: the header comment block, the
// plan fields, then the positions depth-first (managers before their reports,
// siblings in plan order) with their fields in a fixed order. It is written
// by hand, one append per value: a generic Marshal is many times slower.
// Reading the result back gives the same plan, and encoding that plan gives
// the same bytes.
func (p *Plan) Encode() []byte {
	b := make([]byte, 0, 256+200*len(p.Positions))
	if header := strings.TrimRight(p.Header, "\r\n \t"); header != "" {
		for _, line := range strings.Split(header, "\n") {
			line = strings.TrimRight(line, "\r \t")
			if !strings.HasPrefix(line, "#") {
				b = append(b, '#')
				if line != "" {
					b = append(b, ' ')
				}
			}
			b = append(b, line...)
			b = append(b, '\n')
		}
	}
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

// WriteFile saves the plan to path atomically: it writes a temporary file in
// the same folder, syncs it, renames it over path and syncs the folder, so
// path always holds either the complete old plan or the complete new one.
// The old file's permission bits are kept; a symbolic link is followed.
func WriteFile(path string, p *Plan) error {
	data := p.Encode()
	return writeAtomic(path, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// writeAtomic replaces path with what write puts into a temporary file in
// the same folder; on any failure the temporary file is removed and path is
// untouched.
func writeAtomic(path string, write func(*os.File) error) error {
	target := path
	if real, err := filepath.EvalSymlinks(path); err == nil {
		target = real
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		if st.IsDir() {
			return fmt.Errorf("save %s: it is a folder", path)
		}
		mode = st.Mode().Perm()
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("save %s: %w", path, err)
	}
	dir := filepath.Dir(target)
	prefix := "." + filepath.Base(target) + ".saving-"
	removeStaleTemps(dir, prefix)
	tmp, err := os.CreateTemp(dir, prefix+"*")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	done = true
	// The rename is durable only once the folder itself is synced.
	if d, err := os.Open(dir); err == nil {
		syncErr := d.Sync()
		d.Close()
		if syncErr != nil {
			return fmt.Errorf("save %s: sync folder: %w", path, syncErr)
		}
	}
	return nil
}

// staleAfter is the age past which a temporary save file can only be left
// over from a save that was killed (a 100,000-position save takes under a
// second).
const staleAfter = time.Hour

// removeStaleTemps deletes temporary files of earlier saves of the same plan
// that were killed before their rename: they hold plan data and would
// otherwise pile up, hidden, next to the plan. Errors are ignored: this is
// tidying, not saving.
func removeStaleTemps(dir, prefix string) {
	matches, _ := filepath.Glob(filepath.Join(dir, globEscape(prefix)+"*"))
	for _, m := range matches {
		if st, err := os.Lstat(m); err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) > staleAfter {
			os.Remove(m)
		}
	}
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`*?[]\`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}
