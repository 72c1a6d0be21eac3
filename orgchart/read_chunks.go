package orgchart

import (
	"bytes"
	"runtime"
	"sync/atomic"

	"github.com/orgplanner/orgplanner/catalog"
	"go.yaml.in/yaml/v3"
)

// A plan's positions are read a chunk at a time when they are written as a
// plain block list (as Encode writes them, and as people write them by
// hand): yaml.v3 builds about 250 bytes of node tree per value, so parsing a
// 17 MB plan whole took 500 MB; chunks of chunkItems positions keep that tree
// small, and memory follows the plan itself. Anything irregular (tabs,
// comments at unusual indents, a chunk that does not parse alone) is read
// whole instead, so the result never depends on the chunking: the file
// minus its positions (the skeleton) and every chunk parse as they would
// inside the whole file.

const chunkItems = 1000

// posChunk is the text of some consecutive positions and the file line its
// first line is.
type posChunk struct {
	data    []byte
	line    int
	items   int
	keyLine int // in the first chunk: the line of `positions:`
}

// splitPositions finds a regular block list under a top-level `positions:`
// line and cuts it into chunks at item starts. skeleton is data with the
// list's lines emptied (their line breaks kept, so lines keep their numbers).
func splitPositions(data []byte) (skeleton []byte, chunks []posChunk, items int, ok bool) {
	skeleton, chunks, items, _, why := cutPositions(data)
	return skeleton, chunks, items, why.what == ""
}

// slowForm is where and why a part of a plan is read by yaml.v3, for the
// message that refuses a plan over MaxSlowBytes or MaxSlowValues.
type slowForm struct {
	line int
	what string
}

// cutPositions is splitPositions, saying why it did not cut; own is the
// text of the skeleton before and after the list.
func cutPositions(data []byte) (skeleton []byte, chunks []posChunk, items int, own [2][]byte, why slowForm) {
	type line struct {
		start, end int32 // end includes the line break
		indent     int32 // -1 for a blank line
		comment    bool
		item       bool  // "- " at the list's indent
		brk        uint8 // the width of its line break
	}
	n := bytes.Count(data, []byte("\n")) + 1
	if n > MaxPlanValues || len(data) > MaxFileSize {
		return nil, nil, 0, own, slowForm{1, "millions of lines"} // (comment lines) read whole
	}
	lines := make([]line, 0, n)
	key := -1
	onlyLF := lfOnly(data)
	for off := 0; off < len(data); {
		var end, next int
		if onlyLF {
			end, next = len(data), len(data)
			if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
				end, next = off+i, off+i+1
			}
		} else {
			end, next = catalog.LineEnd(data, off)
		}
		text := data[off:end]
		l := line{start: int32(off), end: int32(next), indent: -1, brk: uint8(next - end)}
		trimmed := bytes.TrimLeft(text, " ")
		if len(trimmed) > 0 && trimmed[0] == '\t' {
			// tabs: leave the subtleties to the parser
			return nil, nil, 0, own, slowForm{len(lines) + 1, "a tab at the start of the line (YAML indents with spaces only)"}
		}
		if t := bytes.TrimRight(trimmed, " \t"); len(t) > 0 {
			l.indent = int32(len(text) - len(trimmed))
			l.comment = t[0] == '#'
			l.item = t[0] == '-' && (len(t) == 1 || t[1] == ' ')
			if l.indent == 0 && isPositionsKey(t) {
				if key >= 0 {
					return nil, nil, 0, own, slowForm{len(lines) + 1, "a second `positions:` line"} // the parser reports it
				}
				key = len(lines)
			}
		}
		lines = append(lines, l)
		off = next
	}
	if key < 0 {
		return nil, nil, 0, own, slowForm{1, "no `positions:` line at the left margin with the list below it"}
	}
	// The list: from the first item after the key to the last line of
	// content at a deeper indent.
	first, indent := -1, int32(0)
	for i := key + 1; i < len(lines); i++ {
		if lines[i].indent < 0 || lines[i].comment {
			continue
		}
		if !lines[i].item {
			return nil, nil, 0, own, slowForm{i + 1, "positions not written as a block list of `- ` items"}
		}
		first, indent = i, lines[i].indent
		break
	}
	if first < 0 {
		return nil, nil, 0, own, slowForm{key + 1, "positions not written as a block list of `- ` items"}
	}
	last := first
	for i := first; i < len(lines); i++ {
		l := lines[i]
		switch {
		case l.indent < 0:
		case l.comment:
			if l.indent != indent && l.indent != indent+2 {
				if l.indent == 0 {
					continue // may end the list: decided by what follows
				}
				return nil, nil, 0, own, slowForm{i + 1, "a comment at another indent than the list's or its fields'"}
			}
		case l.indent == indent && l.item:
			last = i
		case l.indent > indent:
			last = i
		case l.indent == 0:
			goto done // the next plan field
		default:
			return nil, nil, 0, own, slowForm{i + 1, "a line indented less than the positions list"}
		}
	}
done:
	// Comment lines go with the item below them only at the list's indent;
	// a comment at the left margin inside an indented list, or comment lines
	// after the last item, are left to the whole parse.
	odd := "a comment at another indent than the list's or its fields'"
	for i := key + 1; i < first; i++ {
		if lines[i].comment && lines[i].indent != indent {
			return nil, nil, 0, own, slowForm{i + 1, odd}
		}
	}
	for i := first; i <= last; i++ {
		if lines[i].comment && lines[i].indent == 0 && indent > 0 {
			return nil, nil, 0, own, slowForm{i + 1, odd}
		}
	}
	for i := last + 1; i < len(lines) && (lines[i].indent < 0 || lines[i].comment); i++ {
		if lines[i].comment && lines[i].indent != 0 {
			return nil, nil, 0, own, slowForm{i + 1, odd}
		}
	}
	// Chunk boundaries: at an item start, moved up over the blank and
	// comment lines at the list's indent just above it (they precede it).
	var starts []int
	for i := first; i <= last; i++ {
		if lines[i].item && lines[i].indent == indent {
			items++
			if (items-1)%chunkItems == 0 {
				s := i
				for s > key+1 && (lines[s-1].indent < 0 || lines[s-1].comment && lines[s-1].indent == indent) {
					s--
				}
				starts = append(starts, s)
			}
		}
	}
	for k, s := range starts {
		e := last + 1
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		n := chunkItems
		if k == len(starts)-1 {
			n = items - k*chunkItems
		}
		chunks = append(chunks, posChunk{data: data[lines[s].start:lines[e-1].end], line: s + 1, items: n})
	}
	from := starts[0]
	skeleton = make([]byte, 0, len(data)-int(lines[last].end-lines[from].start)+(last-from+1)*3)
	skeleton = append(skeleton, data[:lines[from].start]...)
	for i := from; i <= last; i++ {
		l := lines[i]
		skeleton = append(skeleton, data[l.end-int32(l.brk):l.end]...)
	}
	skeleton = append(skeleton, data[lines[last].end:]...)
	chunks[0].keyLine = key + 1
	own = [2][]byte{data[:lines[from].start], data[lines[last].end:]}
	return skeleton, chunks, items, own, slowForm{}
}

// lfOnly reports whether every line break in data is a LF: then lines are
// found at memchr's speed.
func lfOnly(data []byte) bool {
	return bytes.IndexByte(data, '\r') < 0 && !bytes.Contains(data, []byte("\u0085")) &&
		!bytes.Contains(data, []byte("\u2028")) && !bytes.Contains(data, []byte("\u2029"))
}

// isPositionsKey reports a `positions:` line with nothing after the colon
// but spaces or a comment.
func isPositionsKey(t []byte) bool {
	rest, ok := bytes.CutPrefix(t, []byte("positions:"))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(rest, " ")
	return len(rest) == 0 || rest[0] == '#' && len(rest) < len(t) // "positions: # c"
}

// parseChunk parses one chunk as the value of `positions:`, with the node
// lines of the file. ok false means it does not parse alone: read whole.
func parseChunk(c posChunk) (*yaml.Node, bool) {
	text := make([]byte, 0, len(c.data)+11)
	text = append(append(text, "positions:\n"...), c.data...)
	doc, problems := catalog.ParseYAML(text, "a plan")
	if len(problems) > 0 || doc == nil || len(doc.Content) == 0 {
		return nil, false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || len(root.Content) != 2 || root.Content[1].Kind != yaml.SequenceNode ||
		len(root.Content[1].Content) != c.items || doc.FootComment != "" || root.FootComment != "" || root.Content[0].FootComment != "" {
		return nil, false
	}
	seq := root.Content[1]
	if seq.HeadComment != "" || seq.LineComment != "" || seq.FootComment != "" {
		return nil, false
	}
	shiftLines(seq, c.line-2, 0)
	return seq, true
}

// shiftLines adds delta to the line of every node under n.
func shiftLines(n *yaml.Node, delta, depth int) {
	n.Line += delta
	if depth > maxCommentDepth*4 {
		return
	}
	for _, c := range n.Content {
		shiftLines(c, delta, depth+1)
	}
}

// itemPieces cuts a chunk into its positions, one a piece, as
// splitPositions cuts the list into chunks (at item starts, moved up over
// the blank and comment lines at the list's indent above them), or nil
// when the cut does not give c.items pieces.
func itemPieces(c posChunk) []posChunk {
	var pieces []posChunk
	indent := -1
	run, runLine := -1, 0 // where the blank and comment lines above start
	from, fromLine := 0, 0
	line := 0
	for off := 0; off < len(c.data); line++ {
		end, next := catalog.LineEnd(c.data, off)
		text := c.data[off:end]
		trimmed := bytes.TrimLeft(text, " ")
		t := bytes.TrimRight(trimmed, " \t")
		ind := len(text) - len(trimmed)
		switch {
		case len(t) == 0 || t[0] == '#' && (indent < 0 || ind == indent):
			if run < 0 {
				run, runLine = off, line
			}
		case t[0] == '-' && (len(t) == 1 || t[1] == ' ') && (indent < 0 || ind == indent):
			if indent >= 0 { // not the first item: a piece ends above
				s, sl := off, line
				if run >= 0 {
					s, sl = run, runLine
				}
				pieces = append(pieces, posChunk{data: c.data[from:s], line: c.line + fromLine, items: 1})
				from, fromLine = s, sl
			}
			indent = ind
			run = -1
		default:
			run = -1
		}
		off = next
	}
	if indent < 0 {
		return nil
	}
	pieces = append(pieces, posChunk{data: c.data[from:], line: c.line + fromLine, items: 1})
	if len(pieces) != c.items || len(pieces) < 2 {
		return nil
	}
	return pieces
}

// slowPiece is a part of the plan yaml.v3 reads: its size and first form
// the fast path does not read.
type slowPiece struct {
	bytes, values int
	form          slowForm
}

// chunkRead is a chunk as a worker read it.
type chunkRead struct {
	seq   *yaml.Node  // its positions; nil when over or whole is set
	slow  []slowPiece // the pieces of it yaml.v3 read (or was to read), in order
	over  bool        // the worker stopped: the slow budget was spent
	whole *slowForm   // a piece did not parse alone: read the plan whole
	f     *fastParser // the parser whose buffers hold seq
}

// readChunk reads a chunk with the fast path, and when it gives up, reads
// the chunk position by position: the positions the fast path reads are
// read so, the others by yaml.v3, each only when claim grants its size
// against the slow budget.
func readChunk(c posChunk, f *fastParser, claim func(bytes, values int) bool) chunkRead {
	res := chunkRead{f: f}
	if seq, ok := f.chunk(c); ok {
		res.seq = seq
		return res
	}
	pieces := itemPieces(c)
	whole := pieces == nil
	if whole {
		pieces = []posChunk{c}
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	pf := fastParser{keep: true}
	for i, p := range pieces {
		var s *yaml.Node
		form := f.failure()
		if !whole {
			if got, ok := pf.chunk(p); ok {
				s = got
			} else {
				form = pf.failure()
			}
		}
		if s == nil {
			sp := slowPiece{len(p.data), catalog.ValueBound(p.data), form}
			res.slow = append(res.slow, sp)
			if !claim(sp.bytes, sp.values) {
				res.over = true
				return res
			}
			got, ok := parseChunk(p)
			if !ok {
				res.whole = &slowForm{p.line, "a position that does not read apart from the others (" + form.what + ")"}
				return res
			}
			s = got
		}
		if i == 0 {
			seq.Line, seq.Column = s.Line, s.Column
		}
		seq.Content = append(seq.Content, s.Content...)
	}
	res.seq = seq
	return res
}

// positionChunks reads the positions chunk by chunk; ok false means a chunk
// did not parse alone and the plan must be read whole. Chunks are read on
// every core, a few ahead of the checks, and handed over in order; the
// slow budget is spent in the chunks' order, so what is read, refused or
// reported never depends on timing.
func (r *reader) positionChunks(p *Plan, line int) ([]posMeta, bool) {
	if r.items > MaxPositions {
		r.add(line, "the plan has %d positions, more than the %d a plan may hold: split it into several plans", r.items, MaxPositions)
		return nil, true
	}
	slab := make([]Position, r.items)
	p.Positions = make([]*Position, 0, r.items)
	metas := make([]posMeta, 0, r.items)
	base := 0
	workers := min(max(runtime.GOMAXPROCS(0), 1), 4)
	parsers := make([]fastParser, workers+1)
	free := make(chan *fastParser, len(parsers))
	for i := range parsers {
		free <- &parsers[i]
	}
	results := make([]chan chunkRead, len(r.chunks))
	for k := range results {
		results[k] = make(chan chunkRead, 1)
	}
	stop := make(chan struct{})
	defer close(stop)
	var next, claimedBytes, claimedValues atomic.Int64
	claimedBytes.Store(int64(r.slowBytes))
	claimedValues.Store(int64(r.slowValues))
	claim := func(b, v int) bool {
		nb, nv := claimedBytes.Add(int64(b)), claimedValues.Add(int64(v))
		return nb <= MaxSlowBytes && nv <= MaxSlowValues
	}
	for range workers {
		go func() {
			for {
				var f *fastParser
				select {
				case <-stop:
					return
				default:
				}
				select {
				case f = <-free:
				case <-stop:
					return
				}
				k := int(next.Add(1)) - 1
				if k >= len(r.chunks) {
					return
				}
				results[k] <- readChunk(r.chunks[k], f, claim)
			}
		}()
	}
	for k, c := range r.chunks {
		got := <-results[k]
		bytes0, values0 := r.slowBytes, r.slowValues
		if !r.spend(got.slow) {
			return nil, true
		}
		if got.over {
			// Chunks ahead spent the budget first: read this one on the
			// budget as the chunks' order spends it.
			r.slowBytes, r.slowValues = bytes0, values0
			lb, lv := bytes0, values0
			got = readChunk(c, got.f, func(b, v int) bool {
				lb, lv = lb+b, lv+v
				return lb <= MaxSlowBytes && lv <= MaxSlowValues
			})
			if !r.spend(got.slow) {
				return nil, true
			}
		}
		if got.whole != nil {
			r.wholeWhy = *got.whole
			return nil, false
		}
		metas = r.positionItems(got.seq.Content, base, slab, p, metas)
		base += len(got.seq.Content)
		free <- got.f
	}
	r.chunksRead = true
	return metas, true
}

// spend adds pieces read by yaml.v3 to the plan's slow budget, in order;
// false means the budget is spent and the plan was refused.
func (r *reader) spend(pieces []slowPiece) bool {
	for _, sp := range pieces {
		if r.slowFirst.what == "" {
			r.slowFirst = sp.form
		}
		r.slowBytes += sp.bytes
		r.slowValues += sp.values
		if r.slowBytes > MaxSlowBytes || r.slowValues > MaxSlowValues {
			r.refuseSlow(r.slowFirst)
			return false
		}
	}
	return true
}

// fitsSlow reports whether a part of bytes and values may go to yaml.v3
// on top of what already did.
func (r *reader) fitsSlow(bytes, values int) bool {
	return r.slowBytes+bytes <= MaxSlowBytes && r.slowValues+values <= MaxSlowValues
}

// refuseSlow refuses the plan for the slow budget: this message alone.
func (r *reader) refuseSlow(form slowForm) {
	r.problems, r.more = r.problems[:0], 0
	r.refused = true
	r.add(form.line, "%s: this plan holds more than %d MB or %d values in forms only the general YAML parser reads, "+
		"at a few MB a second, and a plan may hold at most that much of them: write the positions as `orgplanner fmt` writes them "+
		"(`- id:` items of one-line `key: value` fields, comments on their own lines or at a line's end), or split the plan into smaller plans",
		form.what, MaxSlowBytes>>20, MaxSlowValues)
}
