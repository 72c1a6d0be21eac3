package layout

// The tidy tree: van der Ploeg's linear-time algorithm for non-layered trees
// ("Drawing non-layered tidy trees in linear time", Software: Practice and
// Experience 44(12), 2014), which extends Buchheim, Juenger and Leipert's
// improvement of Walker's algorithm to nodes of different sizes. Nodes here
// are cards or stacks of cards; their width and height include the gaps.
// This is our own implementation from the paper's description.

// node is one box of the tidy tree. Children of a node are contiguous in
// the node slice: nodes[c0 : c0+cs].
type node struct {
	w, h, y float64
	x       float64 // final left edge

	prelim, mod, shift, change float64
	tl, tr                     int32 // left and right threads, -1 when none
	el, er                     int32 // extreme left and right nodes of the subtree
	msel, mser                 float64

	c0, cs int32
}

type tidy struct {
	n   []node
	iyl []iyl // arena of the sibling lists used while separating
}

// iyl lists left siblings with the lowest y their right contour reaches.
type iyl struct {
	lowY  float64
	index int32
	next  int32 // -1 ends the list
}

func (t *tidy) run(root int32) {
	t.firstWalk(root)
	t.secondWalk(root, 0)
}

func (t *tidy) bottom(v int32) float64 { return t.n[v].y + t.n[v].h }

func (t *tidy) child(v int32, i int32) int32 { return t.n[v].c0 + i }

func (t *tidy) firstWalk(v int32) {
	nv := &t.n[v]
	if nv.cs == 0 {
		t.setExtremes(v)
		return
	}
	t.firstWalk(t.child(v, 0))
	ih := t.updateIYL(t.bottom(t.n[t.child(v, 0)].el), 0, -1)
	for i := int32(1); i < t.n[v].cs; i++ {
		c := t.child(v, i)
		t.firstWalk(c)
		minY := t.bottom(t.n[c].er)
		t.separate(v, i, ih)
		ih = t.updateIYL(minY, i, ih)
	}
	t.positionRoot(v)
	t.setExtremes(v)
}

func (t *tidy) setExtremes(v int32) {
	nv := &t.n[v]
	if nv.cs == 0 {
		nv.el, nv.er = v, v
		nv.msel, nv.mser = 0, 0
		return
	}
	first, last := &t.n[nv.c0], &t.n[nv.c0+nv.cs-1]
	nv.el, nv.msel = first.el, first.msel
	nv.er, nv.mser = last.er, last.mser
}

// separate moves child i right until it clears its left siblings at every height.
func (t *tidy) separate(v, i int32, ih int32) {
	sr := t.child(v, i-1)
	mssr := t.n[sr].mod
	cl := t.child(v, i)
	mscl := t.n[cl].mod
	for sr >= 0 && cl >= 0 {
		if next := t.iyl[ih].next; t.bottom(sr) > t.iyl[ih].lowY && next >= 0 {
			ih = next
		}
		dist := (mssr + t.n[sr].prelim + t.n[sr].w) - (mscl + t.n[cl].prelim)
		if dist > 0 {
			mscl += dist
			t.moveSubtree(v, i, t.iyl[ih].index, dist)
		}
		sy, cy := t.bottom(sr), t.bottom(cl)
		if sy <= cy {
			sr = t.nextRightContour(sr)
			if sr >= 0 {
				mssr += t.n[sr].mod
			}
		}
		if sy >= cy {
			cl = t.nextLeftContour(cl)
			if cl >= 0 {
				mscl += t.n[cl].mod
			}
		}
	}
	switch {
	case sr < 0 && cl >= 0:
		t.setLeftThread(v, i, cl, mscl)
	case sr >= 0 && cl < 0:
		t.setRightThread(v, i, sr, mssr)
	}
}

func (t *tidy) moveSubtree(v, i, si int32, dist float64) {
	c := &t.n[t.child(v, i)]
	c.mod += dist
	c.msel += dist
	c.mser += dist
	// Spread the move over the smaller subtrees between si and i.
	if si != i-1 {
		nr := float64(i - si)
		t.n[t.child(v, si+1)].shift += dist / nr
		c.shift -= dist / nr
		c.change -= dist - dist/nr
	}
}

func (t *tidy) nextLeftContour(v int32) int32 {
	if t.n[v].cs == 0 {
		return t.n[v].tl
	}
	return t.n[v].c0
}

func (t *tidy) nextRightContour(v int32) int32 {
	if t.n[v].cs == 0 {
		return t.n[v].tr
	}
	return t.n[v].c0 + t.n[v].cs - 1
}

func (t *tidy) setLeftThread(v, i, cl int32, modsumcl float64) {
	first := &t.n[t.child(v, 0)]
	li := &t.n[first.el]
	li.tl = cl
	// Keep the sum of modifiers right when the thread is followed.
	diff := (modsumcl - t.n[cl].mod) - first.msel
	li.mod += diff
	li.prelim -= diff
	cur := &t.n[t.child(v, i)]
	first.el, first.msel = cur.el, cur.msel
}

func (t *tidy) setRightThread(v, i, sr int32, modsumsr float64) {
	cur := &t.n[t.child(v, i)]
	ri := &t.n[cur.er]
	ri.tr = sr
	diff := (modsumsr - t.n[sr].mod) - cur.mser
	ri.mod += diff
	ri.prelim -= diff
	prev := &t.n[t.child(v, i-1)]
	cur.er, cur.mser = prev.er, prev.mser
}

// positionRoot centres a node over its first and last children.
func (t *tidy) positionRoot(v int32) {
	nv := &t.n[v]
	first, last := &t.n[nv.c0], &t.n[nv.c0+nv.cs-1]
	nv.prelim = (first.prelim+first.mod+last.mod+last.prelim+last.w)/2 - nv.w/2
}

func (t *tidy) secondWalk(v int32, modsum float64) {
	nv := &t.n[v]
	modsum += nv.mod
	nv.x = nv.prelim + modsum
	t.addChildSpacing(v)
	for i := int32(0); i < t.n[v].cs; i++ {
		t.secondWalk(t.child(v, i), modsum)
	}
}

func (t *tidy) addChildSpacing(v int32) {
	d, modsumdelta := 0.0, 0.0
	nv := &t.n[v]
	for c := nv.c0; c < nv.c0+nv.cs; c++ {
		d += t.n[c].shift
		modsumdelta += d + t.n[c].change
		t.n[c].mod += modsumdelta
	}
}

func (t *tidy) updateIYL(minY float64, i int32, ih int32) int32 {
	for ih >= 0 && minY >= t.iyl[ih].lowY {
		ih = t.iyl[ih].next
	}
	t.iyl = append(t.iyl, iyl{lowY: minY, index: i, next: ih})
	return int32(len(t.iyl) - 1)
}
