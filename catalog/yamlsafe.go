package catalog

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// The rules for YAML from untrusted files, shared by plans and catalogs: one
// document, no aliases, no %TAG directives, and a bounded number of values,
// checked by a scan of the bytes before any node is built, so a file costs
// time and memory in proportion to its size.

// MaxYAMLValues bounds the YAML values (mapping keys, values and list items)
// one plan or catalog file may hold. yaml.v3 builds about 250 bytes of node
// tree per value, so it bounds the parse at about 500 MB whatever the file
// holds; a 200,000-position plan of id, role, reportsTo and holder needs about
// 1.8 million.
const MaxYAMLValues = 2_000_000

// MaxProblems is how many problems a catalog file lists before it stops with
// a final "and N more" line (the same cap as a plan's).
const MaxProblems = 1_000

// YAMLProblem is why ParseYAML refused a file.
type YAMLProblem struct {
	Line    int
	Message string
}

// ParseYAML parses data, one YAML document, into its node tree under the
// rules above. what names the document in messages ("a plan", "a catalog
// file"). It returns the document node (nil for an empty file) or the
// problems found; it never panics.
func ParseYAML(data []byte, what string) (*yaml.Node, []YAMLProblem) {
	if n := ValueBound(data); n > MaxYAMLValues {
		return nil, []YAMLProblem{{0, fmt.Sprintf("the file holds more YAML values (keys, values, list items) than the %d %s may have (about %d by a first count): split it", MaxYAMLValues, what, n)}}
	}
	if line, ok := tagDirective(data); ok {
		return nil, []YAMLProblem{{line, fmt.Sprintf("YAML %%TAG directives are not allowed in %s: remove the line", what)}}
	}
	var doc yaml.Node
	if laterDocumentMarker(data) {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		if err := dec.Decode(&doc); err != nil {
			if err.Error() == "EOF" {
				return nil, nil
			}
			return nil, []YAMLProblem{syntaxProblem(data, err)}
		}
		var extra yaml.Node
		switch err := dec.Decode(&extra); {
		case err == nil:
			return nil, []YAMLProblem{{extra.Line, fmt.Sprintf("%s holds one YAML document: remove the `---` separator and the document after it", capitalise(what))}}
		case err.Error() != "EOF":
			return nil, []YAMLProblem{syntaxProblem(data, err)}
		}
	} else if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []YAMLProblem{syntaxProblem(data, err)}
	}
	// An alias is written *name: without a '*' in the file there is none.
	if bytes.IndexByte(data, '*') >= 0 {
		if ps := aliases(&doc, what); len(ps) > 0 {
			return nil, ps
		}
	}
	if doc.Kind == 0 {
		return nil, nil
	}
	return &doc, nil
}

func capitalise(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

func syntaxProblem(data []byte, err error) YAMLProblem {
	line, msg := YAMLSyntaxError(data, err)
	return YAMLProblem{line, "YAML syntax error: " + msg}
}

// aliases lists every alias in the tree, each name once and at most
// MaxProblems: plans and catalogs never need them, and refusing them makes
// alias-expansion bombs harmless. The walk is iterative, so deep nesting
// cannot exhaust the stack, and never follows an alias.
func aliases(doc *yaml.Node, what string) []YAMLProblem {
	var out []YAMLProblem
	seen := map[string]bool{}
	stack := []*yaml.Node{doc}
	for len(stack) > 0 && len(out) < MaxProblems {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			if !seen[n.Value] {
				seen[n.Value] = true
				out = append(out, YAMLProblem{n.Line, fmt.Sprintf("YAML aliases (*%s) are not allowed in %s: write the value out in full", n.Value, what)})
			}
			continue
		}
		// Children go on in reverse, so they come off in file order and
		// each alias is reported at its first use.
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return out
}

// ValueBound is an upper bound on the YAML values in data, found without
// parsing. Every node of the tree but the root starts after a line break,
// a ':', a "- " or "? " indicator, or a '[', '{' or ',' ; each of those
// starts at most two (a mapping and its first key, or a flow pair's key and
// its empty value), and a line break at most one (a key).
func ValueBound(data []byte) int {
	n := 2
	i := valueLineStart(data, 0, &n)
	for i < len(data) {
		c := data[i]
		if !valueBytes[c] {
			i++ // most bytes: one look-up
			continue
		}
		switch c {
		case ':':
			n++
		case '[', '{', ',':
			n += 2
		case '-', '?':
			if i+1 == len(data) || isBlankOrBreak(data[i+1]) {
				n += 2
			}
		case '\n', '\r':
			i = valueLineStart(data, i+1, &n)
			continue
		case 0xC2, 0xE2: // NEL, LS and PS break lines too
			if w := breakWidth(data[i:]); w > 1 {
				i = valueLineStart(data, i+w, &n)
				continue
			}
		}
		i++
	}
	return n
}

// valueLineStart counts the key a line starting at i may start (none for a
// comment line, whose ':'s still count) and returns where its text starts.
func valueLineStart(data []byte, i int, n *int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t') {
		i++
	}
	if i < len(data) && data[i] != '#' {
		*n++
	}
	return i
}

// valueBytes are the bytes ValueBound looks at; breakBytes those that may
// start a line break.
var valueBytes, breakBytes [256]bool

func init() {
	for _, c := range []byte(":[{,-?\n\r\xC2\xE2") {
		valueBytes[c] = true
	}
	for _, c := range []byte("\n\r\xC2\xE2") {
		breakBytes[c] = true
	}
}

func isBlankOrBreak(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xC2 || c == 0xE2
}

// breakWidth is the length of the YAML line break at the start of b (LF,
// CR, CRLF, NEL U+0085, LS U+2028, PS U+2029), or 0.
func breakWidth(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	switch b[0] {
	case '\n':
		return 1
	case '\r':
		if len(b) > 1 && b[1] == '\n' {
			return 2
		}
		return 1
	case 0xC2:
		if len(b) > 1 && b[1] == 0x85 {
			return 2
		}
	case 0xE2:
		if len(b) > 2 && b[1] == 0x80 && (b[2] == 0xA8 || b[2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// NextLine returns the offset just past the first YAML line break at or
// after off, or len(data).
func NextLine(data []byte, off int) int {
	_, next := LineEnd(data, off)
	return next
}

// LineEnd returns where the line at off ends (its first YAML line break,
// or len(data)) and the offset just past that break.
func LineEnd(data []byte, off int) (end, next int) {
	for i := off; i < len(data); i++ {
		if breakBytes[data[i]] {
			if w := breakWidth(data[i:]); w > 0 {
				return i, i + w
			}
		}
	}
	return len(data), len(data)
}

// LineAt is the line (from 1) holding byte offset off, counting the line
// breaks YAML counts.
func LineAt(data []byte, off int) int {
	line := 1
	for i := 0; i < off && i < len(data); {
		if w := breakWidth(data[i:]); w > 0 && i+w <= off {
			line++
			i += w
			continue
		}
		i++
	}
	return line
}

// LineEnds returns, for each line, the offset just past its line break.
func LineEnds(data []byte) []int {
	var ends []int
	for off := 0; off < len(data); {
		off = NextLine(data, off)
		ends = append(ends, off)
	}
	return ends
}

// laterDocumentMarker reports a document marker (--- or ...) at the start
// of a line after the first; without one the file is a single document.
func laterDocumentMarker(data []byte) bool {
	for off := NextLine(data, 0); off < len(data); off = NextLine(data, off) {
		rest := data[off:]
		if bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("...")) {
			if len(rest) == 3 || isBlankOrBreak(rest[3]) {
				return true
			}
		}
	}
	return false
}

// tagDirective finds a %TAG directive (a line starting with it): a tag
// prefix is copied into every node that uses it, so a few lines could
// make gigabytes of tags.
func tagDirective(data []byte) (int, bool) {
	line := 1
	for off := 0; off < len(data); line++ {
		if bytes.HasPrefix(data[off:], []byte("%TAG")) {
			return line, true
		}
		off = NextLine(data, off)
	}
	return 0, false
}
