package orgchart

import (
	"bytes"

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
	type line struct {
		start, end int32 // end includes the line break
		indent     int32 // -1 for a blank line
		comment    bool
		item       bool  // "- " at the list's indent
		brk        uint8 // the width of its line break
	}
	n := bytes.Count(data, []byte("\n")) + 1
	if n > MaxPlanValues || len(data) > MaxFileSize {
		return nil, nil, 0, false // (millions of comment lines) read whole
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
			return nil, nil, 0, false // tabs: leave the subtleties to the parser
		}
		if t := bytes.TrimRight(trimmed, " \t"); len(t) > 0 {
			l.indent = int32(len(text) - len(trimmed))
			l.comment = t[0] == '#'
			l.item = t[0] == '-' && (len(t) == 1 || t[1] == ' ')
			if l.indent == 0 && isPositionsKey(t) {
				if key >= 0 {
					return nil, nil, 0, false // twice: the parser reports it
				}
				key = len(lines)
			}
		}
		lines = append(lines, l)
		off = next
	}
	if key < 0 {
		return nil, nil, 0, false
	}
	// The list: from the first item after the key to the last line of
	// content at a deeper indent.
	first, indent := -1, int32(0)
	for i := key + 1; i < len(lines); i++ {
		if lines[i].indent < 0 || lines[i].comment {
			continue
		}
		if !lines[i].item {
			return nil, nil, 0, false
		}
		first, indent = i, lines[i].indent
		break
	}
	if first < 0 {
		return nil, nil, 0, false
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
				return nil, nil, 0, false
			}
		case l.indent == indent && l.item:
			last = i
		case l.indent > indent:
			last = i
		case l.indent == 0:
			goto done // the next plan field
		default:
			return nil, nil, 0, false
		}
	}
done:
	// Comment lines go with the item below them only at the list's indent;
	// a comment at the left margin inside an indented list, or comment lines
	// after the last item, are left to the whole parse.
	for i := key + 1; i < first; i++ {
		if lines[i].comment && lines[i].indent != indent {
			return nil, nil, 0, false
		}
	}
	for i := first; i <= last; i++ {
		if lines[i].comment && lines[i].indent == 0 && indent > 0 {
			return nil, nil, 0, false
		}
	}
	for i := last + 1; i < len(lines) && (lines[i].indent < 0 || lines[i].comment); i++ {
		if lines[i].comment && lines[i].indent != 0 {
			return nil, nil, 0, false
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
	return skeleton, chunks, items, true
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
func (r *reader) parseChunk(c posChunk) (*yaml.Node, bool) {
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

// positionChunks reads the positions chunk by chunk; ok false means a chunk
// did not parse alone and the plan must be read whole.
func (r *reader) positionChunks(p *Plan, line int) ([]posMeta, bool) {
	if r.items > MaxPositions {
		r.add(line, "the plan has %d positions, more than the %d a plan may hold: split it into several plans", r.items, MaxPositions)
		return nil, true
	}
	slab := make([]Position, r.items)
	p.Positions = make([]*Position, 0, r.items)
	metas := make([]posMeta, 0, r.items)
	base := 0
	for k, c := range r.readAhead() {
		seq := k.seq
		if seq == nil {
			var ok bool
			if seq, ok = r.parseChunk(c); !ok {
				k.done()
				return nil, false
			}
		}
		metas = r.positionItems(seq.Content, base, slab, p, metas)
		base += len(seq.Content)
		k.done()
	}
	r.chunksRead = true
	return metas, true
}

// aheadChunk is a chunk the fast path read (seq nil when it gave up);
// done gives its parser back once the chunk's positions are read.
type aheadChunk struct {
	seq  *yaml.Node
	done func()
}

// readAhead yields the chunks in order with the fast path's trees, made
// one chunk ahead on another goroutine: a second core reads chunk k+1
// while the caller checks chunk k. Two parsers take turns, so a tree lives
// until done; the order of use is the chunks' order, so nothing depends
// on timing. A caller that stops early ends the goroutine.
func (r *reader) readAhead() func(yield func(aheadChunk, posChunk) bool) {
	return func(yield func(aheadChunk, posChunk) bool) {
		type parsed struct {
			seq *yaml.Node
			f   *fastParser
		}
		free := make(chan *fastParser, len(r.fast))
		for i := range r.fast {
			free <- &r.fast[i]
		}
		ahead := make(chan parsed, 1)
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			defer close(ahead)
			for _, c := range r.chunks {
				var f *fastParser
				select {
				case f = <-free:
				case <-stop:
					return
				}
				seq, ok := f.chunk(c)
				if !ok {
					seq = nil
				}
				select {
				case ahead <- parsed{seq, f}:
				case <-stop:
					return
				}
			}
		}()
		for _, c := range r.chunks {
			got := <-ahead
			if !yield(aheadChunk{got.seq, func() { free <- got.f }}, c) {
				return
			}
		}
	}
}
