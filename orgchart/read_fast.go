package orgchart

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yaml.v3 reads about 6 MB a second here, most of it in its general
// scanner. The positions a plan holds are nearly always in the layout Encode
// writes (and people copy): block items of `key: value` lines whose values
// are plain, single- or double-quoted scalars on one line or one-line flow
// lists of them. fastChunk builds for such a chunk exactly the node tree
// yaml.v3 builds (kinds, tags, styles, values, lines and columns), many
// times faster; anything else (comments, tabs, anchors, tags, block
// scalars, values over several lines, a timestamp-like value, a syntax
// error) makes it give up, and the chunk goes to yaml.v3. So results and
// messages never depend on which path read a chunk:
// TestFastChunkEqualsYAML and FuzzFastChunk compare the two trees.

// fastChunk returns the positions sequence of c as parseChunk does (lines
// in the file's numbering), or false when c is not in the simple layout.
// f's buffers are used again for the next chunk: the tree lives until the
// chunk's positions are read.
func (f *fastParser) chunk(c posChunk) (*yaml.Node, bool) {
	seq, ok := f.items(c)
	if !ok || len(seq.Content) != c.items {
		return nil, false
	}
	return seq, true
}

// items is chunk whatever the number of items.
func (f *fastParser) items(c posChunk) (*yaml.Node, bool) {
	f.s = string(c.data)
	f.splitLines()
	lines := f.lines
	if f.keep {
		// Trees read before stay: new nodes go after theirs.
		f.list = nil
	} else {
		if need := min(2*len(lines)+c.items+8, maxChunkNodes+1); cap(f.nodes) < need {
			f.nodes = make([]yaml.Node, 0, need)
		}
		if need := min(2*len(lines)+2, maxChunkNodes+1); cap(f.ptrs) < need {
			f.ptrs = make([]*yaml.Node, 0, need)
		}
		f.nodes, f.ptrs, f.list = f.nodes[:0], f.ptrs[:0], f.list[:0]
	}
	f.line, f.why = c.line, ""
	if !f.keep {
		f.made = 0
	}
	seq := f.node()
	seq.Kind, seq.Tag = yaml.SequenceNode, "!!seq"
	items := f.list
	itemIndent, fieldIndent := -1, -1
	var item *yaml.Node
	var lastKey, lastVal *yaml.Node // the item's last field
	var head string                 // comment lines above the next item or field
	start := 0                      // where the item's content starts in f.ptrs
	blank := false                  // the line above is blank
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		line := c.line + i
		f.line = line
		if f.tooMany() {
			return nil, false
		}
		if !simpleLine(l) {
			return nil, f.give("a tab, a control character or a byte order mark")
		}
		ind := 0
		for ind < len(l) && l[ind] == ' ' {
			ind++
		}
		if ind == len(l) {
			if head != "" {
				return nil, f.give("a blank line below a comment")
			}
			blank = true
			continue // a blank line
		}
		if l[ind] == '#' {
			// A block of comment lines at one indent, right above an item
			// (its head comment), a field (the field's) or, at the fields'
			// indent, the next item (a foot comment of the last field).
			if f.wide {
				// yaml.v3 attaches comments otherwise after CRLF, NEL, LS or PS
				return nil, f.give("a comment in a file whose lines end in CRLF, NEL, LS or PS")
			}
			if head != "" {
				return nil, f.give("a comment in a form the fast reader does not read")
			}
			j := i
			for j < len(lines) && commentAt(lines[j], ind) {
				j++
			}
			if j == len(lines) {
				return nil, f.give("a comment after the last position")
			}
			text := lines[i][ind:]
			for k := i + 1; k < j; k++ {
				text += "\n" + lines[k][ind:]
			}
			next := lines[j]
			nind := 0
			for nind < len(next) && next[nind] == ' ' {
				nind++
			}
			isItem := nind < len(next) && next[nind] == '-'
			switch {
			case isItem && nind == ind && (itemIndent < 0 || ind == itemIndent):
				head = text
			case blank:
				return nil, f.give("a comment in a form the fast reader does not read")
			case !isItem && item != nil && ind == fieldIndent && nind == ind:
				head = text
			case isItem && item != nil && ind == fieldIndent && nind == itemIndent && lastVal != nil && lastVal.Kind == yaml.ScalarNode && lastVal.LineComment == "":
				lastKey.FootComment = text
			default:
				return nil, f.give("a comment in a form the fast reader does not read")
			}
			i = j - 1
			continue
		}
		blank = false
		if l[ind] == '-' {
			if ind+1 == len(l) || l[ind+1] != ' ' {
				return nil, f.give("a form the fast reader does not read")
			}
			if itemIndent < 0 {
				itemIndent = ind
				seq.Line, seq.Column = line, ind+1
			} else if ind != itemIndent {
				return nil, f.give("an item at another indent than the list's")
			}
			if item != nil {
				item.Content = f.ptrs[start:len(f.ptrs):len(f.ptrs)]
			}
			k := ind + 1
			for k < len(l) && l[k] == ' ' {
				k++
			}
			if k == len(l) {
				return nil, f.give("a position whose fields start on the next line") // the item's value on the next line
			}
			fieldIndent = k
			item = f.node()
			item.Kind, item.Tag, item.Line, item.Column = yaml.MappingNode, "!!map", line, k+1
			item.HeadComment, head = head, ""
			items = append(items, item)
			start = len(f.ptrs)
			ind = k
		} else if item == nil || ind != fieldIndent {
			return nil, f.give("a field at another indent than its position's")
		}
		key, val, ok := f.field(l, ind, line)
		if !ok {
			return nil, false
		}
		key.HeadComment, head = head, ""
		if val == nil { // `key:` with nothing after it
			val = f.node()
			// a block list below it, or an empty value
			if n, ok := f.blockList(lines, i+1, fieldIndent, c.line, val); !ok {
				return nil, false
			} else if n > 0 {
				i += n
			} else {
				val.Kind, val.Tag, val.Line, val.Column = yaml.ScalarNode, "!!null", line, utf8.RuneCountInString(l)+1
			}
		}
		switch {
		case val.Style == yaml.LiteralStyle || val.Style == yaml.FoldedStyle:
			n, ok := f.blockScalar(lines, i+1, fieldIndent, val)
			if !ok {
				return nil, false
			}
			i += n
		case val.Kind == yaml.ScalarNode && val.Style == 0 && val.LineComment == "" && val.Tag != "!!null":
			n, ok := f.continued(lines, i+1, fieldIndent, val)
			if !ok {
				return nil, false
			}
			i += n
		}
		lastKey, lastVal = key, val
		f.ptrs = append(f.ptrs, key, val)
	}
	if item == nil || head != "" {
		return nil, f.give("a comment after the last position")
	}
	item.Content = f.ptrs[start:len(f.ptrs):len(f.ptrs)]
	f.list = items
	seq.Content = items
	return seq, true
}

// indentOf is the number of leading spaces of l.
func indentOf(l string) int {
	i := 0
	for i < len(l) && l[i] == ' ' {
		i++
	}
	return i
}

// blockScalar reads the lines of a literal or folded block scalar whose
// header (| |- > >-) is n.Value, below a field at fieldIndent; it returns
// how many lines it took. Only the simple forms: content lines at one
// indent (deeper lines too for literals), empty lines between them, no
// tabs, no blank line of spaces beyond the indent.
func (f *fastParser) blockScalar(lines []string, from, fieldIndent int, n *yaml.Node) (int, bool) {
	if f.lsps {
		return 0, f.give("a block scalar in a file with LS or PS line breaks")
	}
	strip := strings.HasSuffix(n.Value, "-")
	folded := n.Style == yaml.FoldedStyle
	indent := -1
	var b strings.Builder
	end := from // past the last content line
	empties := 0
	for i := from; i < len(lines); i++ {
		l := lines[i]
		f.line++
		if !simpleLine(l) {
			return 0, f.give("a tab, a control character or a byte order mark")
		}
		ind := indentOf(l)
		if ind == len(l) { // an empty line
			if indent < 0 || ind > indent {
				return 0, f.give("a block scalar in a form the fast reader does not read")
			}
			empties++
			continue
		}
		if indent < 0 {
			if ind <= fieldIndent {
				break // an empty block scalar
			}
			indent = ind
		}
		if ind < indent {
			break
		}
		if ind > indent && folded {
			return 0, f.give("a folded block scalar with more-indented lines")
		}
		if b.Len() > 0 {
			switch {
			case !folded:
				b.WriteString(strings.Repeat("\n", empties+1))
			case empties == 0:
				b.WriteByte(' ')
			default:
				b.WriteString(strings.Repeat("\n", empties))
			}
		} else if empties > 0 {
			return 0, f.give("a block scalar in a form the fast reader does not read")
		}
		empties = 0
		b.WriteString(l[indent:])
		end = i + 1
	}
	if indent < 0 {
		return 0, f.give("an empty block scalar")
	}
	if empties > 0 && end+empties < len(lines) {
		// Trailing empty lines, then more of the item: yaml.v3 may
		// hang a following comment elsewhere; only plain fields follow.
		if next := lines[end+empties]; strings.TrimLeft(next, " ") != "" && strings.TrimLeft(next, " ")[0] == '#' {
			return 0, f.give("a comment below a block scalar and empty lines")
		}
	}
	if !strip && !(f.open && end == len(lines)) {
		b.WriteByte('\n') // clip keeps the last content line's break, if it has one
	}
	n.Value = b.String()
	f.line = n.Line + (end - from)
	return end - from + empties, true
}

// continued reads the continuation lines of a plain scalar that goes on
// below its field's line (as PyYAML wraps long values): lines deeper than
// the field, of plain words, joined by spaces; n's value and tag are
// those of the whole. It returns how many lines it took.
func (f *fastParser) continued(lines []string, from, fieldIndent int, n *yaml.Node) (int, bool) {
	i := from
	var b strings.Builder
	for ; i < len(lines); i++ {
		l := lines[i]
		ind := indentOf(l)
		if ind <= fieldIndent || ind == len(l) {
			break
		}
		f.line = n.Line + (i - from) + 1
		if !simpleLine(l) || l[len(l)-1] == ' ' {
			return 0, f.give("a tab, a control character or trailing spaces in a value over several lines")
		}
		t := l[ind:]
		if strings.Contains(t, " #") || strings.Contains(t, ": ") || t[len(t)-1] == ':' || strings.ContainsAny(t[:1], "#&*!|>'\"%@`[]{},-?:") {
			return 0, f.give("a value over several lines in a form the fast reader does not read")
		}
		if b.Len() == 0 {
			b.WriteString(n.Value)
		}
		b.WriteByte(' ')
		b.WriteString(t)
	}
	if i == from {
		return 0, true
	}
	if f.lsps {
		return 0, f.give("a value over several lines in a file with LS or PS line breaks")
	}
	tag, ok := plainTag(b.String())
	if !ok {
		return 0, false
	}
	n.Value, n.Tag = b.String(), tag
	return i - from, true
}

// commentAt reports a comment line at indent ind, with no trailing space.
func commentAt(l string, ind int) bool {
	return len(l) > ind && l[ind] == '#' && strings.TrimLeft(l[:ind], " ") == "" && l[len(l)-1] != ' '
}

// splitLines cuts f.s into f.lines at every YAML line break.
func (f *fastParser) splitLines() {
	s := f.s
	f.lines, f.wide = f.lines[:0], false
	f.open = len(s) > 0 && !strings.HasSuffix(s, "\n") && !strings.HasSuffix(s, "\r") && !strings.HasSuffix(s, "\u0085") &&
		!strings.HasSuffix(s, "\u2028") && !strings.HasSuffix(s, "\u2029")
	f.lsps = strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029") && !strings.HasSuffix(s, "\r") &&
		!strings.HasSuffix(s, "\u0085") && !strings.HasSuffix(s, "\u2028") && !strings.HasSuffix(s, "\u2029")
	if strings.IndexByte(s, '\r') < 0 && !strings.Contains(s, "\u0085") && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029") {
		if n := strings.Count(s, "\n") + 1; cap(f.lines) < n {
			f.lines = make([]string, 0, n)
		}
		for off := 0; off < len(s); {
			end := strings.IndexByte(s[off:], '\n')
			if end < 0 {
				f.lines = append(f.lines, s[off:])
				break
			}
			f.lines = append(f.lines, s[off:off+end])
			off += end + 1
		}
		return
	}
	for off := 0; off < len(s); {
		end, next := lineEndString(s, off)
		f.lines = append(f.lines, s[off:end])
		f.wide = f.wide || next-end > 1
		off = next
	}
}

// lineEndString is catalog.LineEnd on a string.
func lineEndString(s string, off int) (end, next int) {
	for i := off; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return i, i + 1
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				return i, i + 2
			}
			return i, i + 1
		case 0xC2:
			if i+1 < len(s) && s[i+1] == 0x85 {
				return i, i + 2
			}
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				return i, i + 3
			}
		}
	}
	return len(s), len(s)
}

// blockList reads a block list of scalars below a `key:` line, its items
// at the field's indent or deeper; n is how many lines it took (0: no list).
func (f *fastParser) blockList(lines []string, from, fieldIndent, first int, n *yaml.Node) (int, bool) {
	if from >= len(lines) {
		return 0, true
	}
	l := lines[from]
	ind := 0
	for ind < len(l) && l[ind] == ' ' {
		ind++
	}
	if ind < fieldIndent || ind == len(l) || l[ind] != '-' || ind == fieldIndent && ind+1 < len(l) && l[ind+1] != ' ' {
		return 0, true
	}
	listIndent := ind
	n.Kind, n.Tag, n.Line, n.Column = yaml.SequenceNode, "!!seq", first+from, ind+1
	var items []*yaml.Node
	i := from
	for ; i < len(lines); i++ {
		l := lines[i]
		f.line = first + i
		if f.tooMany() {
			return 0, false
		}
		if !simpleLine(l) {
			return 0, f.give("a tab, a control character or a byte order mark")
		}
		ind := 0
		for ind < len(l) && l[ind] == ' ' {
			ind++
		}
		if ind < listIndent || ind == len(l) || ind == listIndent && l[ind] != '-' && listIndent == fieldIndent {
			break
		}
		if ind != listIndent || l[ind] != '-' || ind+2 >= len(l) || l[ind+1] != ' ' || l[ind+2] == ' ' {
			return 0, f.give("a list in a form the fast reader does not read")
		}
		it := f.node()
		v := ind + 2
		it.Line, it.Column = first+i, utf8.RuneCountInString(l[:v])+1
		var end int
		var ok bool
		switch l[v] {
		case '"', '\'':
			end, ok = f.quoted(l, v, it)
		default:
			end, ok = f.plain(l, v, false, it)
		}
		if !ok || !f.lineEnd(l[end:], it) {
			return 0, f.give("a list item in a form the fast reader does not read")
		}
		items = append(items, it)
	}
	n.Content = items
	return i - from, true
}

// lineEnd reads what follows a scalar on its line: nothing, or spaces and
// a comment (the scalar's line comment).
func (f *fastParser) lineEnd(rest string, n *yaml.Node) bool {
	t := strings.TrimLeft(rest, " ")
	switch {
	case t == "":
		return true
	case t[0] != '#' || len(t) == len(rest) || t[len(t)-1] == ' ':
		return false
	}
	n.LineComment = t
	return true
}

// fastParser reads chunks; its buffers serve one chunk after another.
type fastParser struct {
	line  int // the line read last, and why the fast path gave up there
	why   string
	s     string // the chunk: values are slices of it
	nodes []yaml.Node
	ptrs  []*yaml.Node // the items' keys and values, in order
	list  []*yaml.Node // the items
	lines []string
	wide  bool // a line break of two or three bytes (CRLF, NEL, LS, PS)
	open  bool // the last line has no line break (the end of the file)
	lsps  bool // a line ends in LS or PS: yaml.v3 keeps those in multi-line scalars
	keep  bool // keep the trees of earlier chunks (one parser, many pieces)
	made  int  // nodes made for the chunk (maxChunkNodes)
}

// maxChunkNodes bounds the tree the fast path builds for one chunk (about
// 150 bytes a node; a chunk of 1,000 positions needs some 12,000): a chunk
// of more goes to yaml.v3, within the slow budget. Each parser keeps its
// buffers, so this also bounds what the parsers hold.
const maxChunkNodes = 250_000

// tooMany reports a chunk over maxChunkNodes.
func (f *fastParser) tooMany() bool {
	if f.made > maxChunkNodes {
		return !f.give("more than 250,000 values in 1,000 positions")
	}
	return false
}

// failure is where and why the last chunk was not read.
func (f *fastParser) failure() slowForm {
	if f.why == "" {
		return slowForm{f.line, "a form the fast reader does not read"}
	}
	return slowForm{f.line, f.why}
}

// give records why the fast path gives up at the current line.
func (f *fastParser) give(why string) bool {
	if f.why == "" {
		f.why = why
	}
	return false
}

func (f *fastParser) node() *yaml.Node {
	f.made++
	if len(f.nodes) == cap(f.nodes) {
		f.nodes = make([]yaml.Node, 0, 256) // a flow list of many items
	}
	f.nodes = f.nodes[:len(f.nodes)+1]
	n := &f.nodes[len(f.nodes)-1]
	*n = yaml.Node{}
	return n
}

// simpleLine reports whether l holds only characters the fast path reads
// as yaml.v3 does: no control characters (tabs included), no line breaks
// other than LF (NEL, LS, PS, a lone CR), no byte order mark, nothing
// yaml.v3 refuses to read.
func simpleLine(l string) bool {
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(l[i:])
		if r < 0xA0 || r == '\u2028' || r == '\u2029' || r == '\uFEFF' || r >= 0xFFFE && r <= 0xFFFF || r == utf8.RuneError && size <= 1 {
			return false
		}
		i += size - 1
	}
	return true
}

func isKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// field reads `key: value` starting at l[k]; val is nil for `key:` with
// nothing after it.
func (f *fastParser) field(l string, k, line int) (key, val *yaml.Node, ok bool) {
	key = f.node()
	key.Line, key.Column = line, k+1
	var e int
	if l[k] == '{' {
		return nil, nil, f.give("a flow mapping ({...})")
	}
	if l[k] == '"' || l[k] == '\'' {
		if e, ok = f.quoted(l, k, key); !ok {
			return nil, nil, f.give("a key in a form the fast reader does not read")
		}
		key.Column = utf8.RuneCountInString(l[:k]) + 1
	} else {
		e = k
		for e < len(l) && isKeyByte(l[e]) {
			e++
		}
		if e == k || e-k > 64 || !('a' <= l[k] && l[k] <= 'z' || 'A' <= l[k] && l[k] <= 'Z') {
			return nil, nil, f.give("a key in a form the fast reader does not read")
		}
		tag, ok := plainTag(l[k:e])
		if !ok {
			return nil, nil, false
		}
		key.Kind, key.Tag, key.Value = yaml.ScalarNode, tag, l[k:e]
	}
	if e == len(l)-1 && l[e] == ':' {
		return key, nil, true
	}
	if e+1 >= len(l) || l[e] != ':' || l[e+1] != ' ' {
		return nil, nil, f.give("a field in a form the fast reader does not read")
	}
	v := e + 1
	for v < len(l) && l[v] == ' ' {
		v++
	}
	if v == len(l) {
		return nil, nil, f.give("spaces after a field's colon") // an empty value
	}
	val = f.node()
	val.Line, val.Column = line, utf8.RuneCountInString(l[:v])+1
	var end int
	switch l[v] {
	case '[':
		end, ok = f.flow(l, v, line, val)
	case '"', '\'':
		end, ok = f.quoted(l, v, val)
	case '|', '>':
		// A block scalar: its header here, its lines read by the caller.
		if h := l[v+1:]; h != "" && h != "-" {
			return nil, nil, f.give("a block scalar header other than | |- > >-")
		}
		val.Kind, val.Tag, val.Value = yaml.ScalarNode, "!!str", l[v:]
		val.Style = yaml.LiteralStyle
		if l[v] == '>' {
			val.Style = yaml.FoldedStyle
		}
		return key, val, true
	default:
		end, ok = f.plain(l, v, false, val)
	}
	if !ok {
		return nil, nil, f.give("a value in a form the fast reader does not read")
	}
	if !f.lineEnd(l[end:], val) {
		return nil, nil, f.give("a value in a form the fast reader does not read")
	}
	return key, val, true
}

// plain reads a plain scalar at l[i] in block or flow context; end is just
// past it (trailing spaces not included).
func (f *fastParser) plain(l string, i int, flow bool, n *yaml.Node) (end int, ok bool) {
	switch c := l[i]; c {
	case '&':
		return 0, f.give("an anchor (&)")
	case '*':
		return 0, f.give("an alias (*)")
	case '!':
		return 0, f.give("a tag (!)")
	case '{':
		return 0, f.give("a flow mapping ({...})")
	case '|', '>':
		return 0, f.give("a block scalar (| or >) in a form the fast reader does not read")
	case '[', ']', '}', ',', '#', '\'', '"', '%', '@', '`':
		return 0, false
	case '-', '?', ':':
		if i+1 == len(l) || l[i+1] == ' ' || flow && c != '-' {
			return 0, false
		}
	}
	end = i
	for j := i; j < len(l); j++ {
		c := l[j]
		switch {
		case c == ' ':
			continue
		case c == '#' && l[j-1] == ' ':
			if flow {
				return 0, false // a comment
			}
			return f.plainValue(l, i, end, n)
		case c == ':' && (j+1 == len(l) || l[j+1] == ' '):
			return 0, false // a mapping
		case flow && (c == ',' || c == ']'):
			return f.plainValue(l, i, end, n)
		case flow && (c == '[' || c == '{' || c == '}' || c == '?' || c == ':' && strings.IndexByte(",[]{}?", l[j+1]) >= 0):
			return 0, false
		}
		end = j + 1
	}
	if flow {
		return 0, false // the list goes on at the next line
	}
	return f.plainValue(l, i, end, n)
}

func (f *fastParser) plainValue(l string, i, end int, n *yaml.Node) (int, bool) {
	tag, ok := plainTag(l[i:end])
	if !ok {
		return 0, false
	}
	n.Kind, n.Tag, n.Value = yaml.ScalarNode, tag, l[i:end]
	return end, true
}

// quoted reads a single- or double-quoted scalar on one line at l[i].
func (f *fastParser) quoted(l string, i int, n *yaml.Node) (end int, ok bool) {
	q := l[i]
	j := i + 1
	seg := j
	var b []byte // the value, once an escape made it differ from the text
	for {
		if j >= len(l) {
			return 0, false // goes on at the next line
		}
		c := l[j]
		switch {
		case c == q && q == '\'' && j+1 < len(l) && l[j+1] == '\'':
			b = append(append(b, l[seg:j]...), '\'')
			j += 2
			seg = j
			continue
		case c == q:
			n.Kind, n.Tag = yaml.ScalarNode, "!!str"
			if q == '"' {
				n.Style = yaml.DoubleQuotedStyle
			} else {
				n.Style = yaml.SingleQuotedStyle
			}
			if b == nil {
				n.Value = l[i+1 : j]
			} else {
				n.Value = string(append(b, l[seg:j]...))
			}
			return j + 1, true
		case c == '\\' && q == '"':
			if j+1 >= len(l) {
				return 0, false // a line continuation
			}
			b = append(b, l[seg:j]...)
			var w int
			if b, w = unescape(b, l[j+1:]); w == 0 {
				return 0, false
			}
			j += 1 + w
			seg = j
			continue
		}
		j++
	}
}

// unescape appends the character of the double-quoted escape at the start
// of e (after its backslash) as yaml.v3 decodes it; w is its length, 0 for
// an escape yaml.v3 refuses.
func unescape(b []byte, e string) (_ []byte, w int) {
	if s, ok := simpleEscapes[e[0]]; ok {
		return append(b, s...), 1
	}
	digits := 0
	switch e[0] {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	}
	if digits == 0 || len(e) < 1+digits {
		return b, 0
	}
	v, err := strconv.ParseUint(e[1:1+digits], 16, 32)
	if err != nil || v >= 0xD800 && v <= 0xDFFF || v > 0x10FFFF {
		return b, 0
	}
	return utf8.AppendRune(b, rune(v)), 1 + digits
}

var simpleEscapes = map[byte]string{'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v", 'f': "\f",
	'r': "\r", 'e': "\x1b", ' ': " ", '"': "\"", '\'': "'", '\\': "\\", 'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029"}

// flow reads a one-line flow list at l[i].
func (f *fastParser) flow(l string, i, line int, n *yaml.Node) (end int, ok bool) {
	n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
	var items []*yaml.Node
	j := i + 1
	col, at := utf8.RuneCountInString(l[:j]), j // the column of l[at], counted as the list goes: a long list stays linear
	for {
		for j < len(l) && l[j] == ' ' {
			j++
		}
		if j >= len(l) {
			return 0, false
		}
		if l[j] == ']' {
			if len(items) > 0 {
				return 0, false // "[a, ]"
			}
			return j + 1, true
		}
		if f.tooMany() {
			return 0, false
		}
		it := f.node()
		col += utf8.RuneCountInString(l[at:j])
		at = j
		it.Line, it.Column = line, col+1
		switch l[j] {
		case '"', '\'':
			j, ok = f.quoted(l, j, it)
		default:
			j, ok = f.plain(l, j, true, it)
		}
		if !ok {
			return 0, false
		}
		items = append(items, it)
		for j < len(l) && l[j] == ' ' {
			j++
		}
		if j >= len(l) {
			return 0, false
		}
		switch l[j] {
		case ',':
			j++
			continue
		case ']':
			n.Content = items
			return j + 1, true
		}
		return 0, false
	}
}

// plainTag is the tag yaml.v3 resolves a plain scalar to (its resolve,
// by the same tests in the same order).
func plainTag(v string) (string, bool) {
	switch v {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool", true
	case "", "~", "null", "Null", "NULL":
		return "!!null", true
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float", true
	case "<<":
		return "!!merge", true
	}
	switch c := v[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			return "!!float", true
		}
		return "!!str", true
	case c == '+' || c == '-' || '0' <= c && c <= '9':
	default:
		return "!!str", true
	}
	if len(v) > 4 && isDigits(v[:4]) && v[4] == '-' {
		for _, layout := range timestampLayouts {
			if _, err := time.Parse(layout, v); err == nil {
				return "!!timestamp", true
			}
		}
	}
	// A sign anywhere but first or after an exponent's e, or a character
	// of no number: text, with no parser run (nor error allocated).
	for k := 0; k < len(v); k++ {
		switch c := v[k]; {
		case c == '+' || c == '-':
			if k > 0 && v[k-1] != 'e' && v[k-1] != 'E' {
				return "!!str", true
			}
		case '0' <= c && c <= '9', 'a' <= c && c <= 'f', 'A' <= c && c <= 'F', c == '_', c == '.', c == 'x', c == 'X', c == 'o', c == 'O':
		default:
			return "!!str", true
		}
	}
	plain := strings.ReplaceAll(v, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return "!!int", true
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return "!!int", true
	}
	if yamlStyleFloat(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float", true
		}
	}
	for _, pre := range []struct {
		prefix, sign string
		base         int
	}{{"0b", "", 2}, {"-0b", "-", 2}, {"0o", "", 8}, {"-0o", "-", 8}} {
		if rest, ok := strings.CutPrefix(plain, pre.prefix); ok {
			if _, err := strconv.ParseInt(pre.sign+rest, pre.base, 64); err == nil {
				return "!!int", true
			}
			if pre.sign == "" {
				if _, err := strconv.ParseUint(rest, pre.base, 64); err == nil {
					return "!!int", true
				}
			}
		}
	}
	return "!!str", true
}

// timestampLayouts are the timestamps yaml.v3 resolves plain scalars to.
var timestampLayouts = []string{"2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999", "2006-1-2"}

// yamlStyleFloat matches yaml.v3's ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$.
func yamlStyleFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
