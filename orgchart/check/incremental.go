package check

import (
	"cmp"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// Checker keeps a plan's check results between edits, so that re-checking
// after an edit costs what the edit touches rather than the whole plan:
//
//	c := check.NewChecker(plan, cat)
//	rep := c.Report()
//	// after an edit:
//	c.Changed(ids...) // positions whose fields, manager or reports changed
//	rep = c.Recheck()  // the same report as Run(plan, cat), findings in the same order
//
// Changed takes what orgchart.Editor.Touched lists after any edit, undo or
// redo: a move names the position, its old and its new manager; an add or
// a removal the positions and their managers (ids no longer in the plan
// included); an update the position. Every kind is re-checked
// incrementally, removals and undo/redo included. A change of the plan's
// policy or scope needs no call: Recheck compares them with the last ones
// and re-checks what the change concerns. A plan with a reporting cycle,
// a change of the roles left out of span counts, or a per-position rule
// turned on are checked afresh (a full Run's cost), inside Recheck.
//
// A Report from Recheck shares its position counts with the Checker: keep
// using the latest one.
type Checker struct {
	plan *orgchart.Plan
	cat  *catalog.Catalog

	fresh   bool           // the next Recheck rebuilds everything
	cyclic  bool           // the plan has a reporting cycle: every Recheck is a Run
	pending map[string]int // ids named by Changed since the last Recheck, with how often
	report  *Report

	pol   orgchart.Policy // the plan's policy and scope when last built
	scope []catalog.Domain

	o     *org
	cv    *coverage
	c     *checker
	lines *lineCache
	dense map[string]int16 // role id -> index in o.roles, -1 unknown
	next  int64            // the next rank to give

	// per node (position)
	live int     // nodes whose positions are in the plan
	dead []bool  // the node's position left the plan; its node is free
	free []int32 // dead nodes a new position may take

	local   [][]ref    // findings of the per-position rules evaluated at the node
	contrib []contrib  // what the node adds to the summary
	ncov    []nodeCov  // the capability lists the node is in
	pair    []pairRef  // the unusual-manager group the node is in
	height  []int32    // levels below the node (0 for no reports)
	counts  [][3]int32 // findings naming the node, by severity

	// per capability
	ownerCount   []int
	heldOwners   []int      // owners that are not vacant
	vacantOwners []rankList // the others
	ownRoots     []rankList
	ovGroups     []map[ovGroup]int // topmost owners by group
	supRoots     []rankList
	capDirty     []bool // the overlap decision must be made again
	capVer       []uint64
	capOv        []capOverlapCache
	supCache     []supCacheEntry

	unusual      map[rolePair]*rankList
	pairIDs      map[rolePair][]string // ids of each group's nodes, never changed in place
	unusualFound map[rolePair]ref      // the finding of each group, when on
	dirtyPairs   map[rolePair]bool
	pairMoves    map[rolePair][]pairMove // who joined and left each group since the last re-check
	pairsAfresh  bool                    // the rule's setting changed: count every group's positions again

	tops rankList
	hist map[int32][]int32 // top node -> positions by depth below it

	// summary counters
	sum summaryCounters

	buckets []*bucket // by severity descending, then rule
	global  []ref     // coverage, layers and orphan findings, rebuilt each time

	bufs [2]findingBuf // reports' findings, alternately
	turn int

	builds   int  // full builds so far, for tests
	building bool // build is filing every position
}

type capOverlapCache struct {
	known bool
	roots []int32
	dup   bool
}

// pairMove is a node that joined (sign 1) or left (-1) a group.
type pairMove struct {
	node int32
	sign int32
}

type pairRef struct {
	in bool
	k  rolePair
}

// nodeCov is what a node was filed under in the capability lists.
type nodeCov struct {
	in         bool
	vacant     bool
	owns, sups []int
	rootOwn    []int // capabilities it is a topmost owner of
	rootOwnG   []ovGroup
	rootSup    []int
}

// contrib is one position's share of the summary figures.
type contrib struct {
	in      bool
	vacant  bool
	manager bool
	costed  bool
	hc      int
	span    int32
	depth   int32
	top     int32
	cost    float64
}

type layerAcc struct {
	positions, headcount, managers int
	costedN                        int
	cost                           float64
	held, heldN, all, allN         int
}

type summaryCounters struct {
	vacancies, managers, costedN, ics, nonInt int
	cost, mgrCost                             float64
	spans, vacantSpans                        map[int32]int // span -> managers
	spanTotal, spanN, vTotal, vN              int
	layers                                    []layerAcc
}

// rankList is a set of nodes kept in plan order (by rank).
type rankList struct{ nodes []int32 }

func (l *rankList) find(o *org, i int32) (int, bool) {
	r := o.planRank[i]
	k, _ := slices.BinarySearchFunc(l.nodes, r, func(n int32, r int64) int { return cmp.Compare(o.planRank[n], r) })
	return k, k < len(l.nodes) && l.nodes[k] == i
}

// add puts i in the list and returns where, or -1 when it was there.
func (l *rankList) add(o *org, i int32) int {
	k, ok := l.find(o, i)
	if ok {
		return -1
	}
	l.nodes = slices.Insert(l.nodes, k, i)
	return k
}

// remove takes i out and returns where it was, or -1.
func (l *rankList) remove(o *org, i int32) int {
	k, ok := l.find(o, i)
	if !ok {
		return -1
	}
	l.nodes = slices.Delete(l.nodes, k, k+1)
	return k
}

// bucket holds the findings of one rule at one severity, by order.
type bucket struct {
	sev   Severity
	rule  string
	items []Finding
	ver   uint64 // changes with every finding filed or taken out
}

// findingBuf is one of the two arrays reports' findings are copied into.
type findingBuf struct {
	f       []Finding
	buckets []*bucket // what each part of f holds, as of vers, from offs
	vers    []uint64
	offs    []int
}

// NewChecker checks the plan and keeps what it needs to re-check it.
func NewChecker(p *orgchart.Plan, cat *catalog.Catalog) *Checker {
	if p == nil {
		p = &orgchart.Plan{}
	}
	c := &Checker{plan: p, cat: cat}
	c.build()
	return c
}

// Plan returns the plan the checker checks.
func (c *Checker) Plan() *orgchart.Plan { return c.plan }

// Catalog returns the catalog it checks against.
func (c *Checker) Catalog() *catalog.Catalog { return c.cat }

// Report returns the latest report.
func (c *Checker) Report() *Report { return c.report }

// Changed records positions (by id) whose fields, manager or reports have
// changed since the last Recheck, or that left the plan: what
// orgchart.Editor.Touched lists. No ids is no change.
func (c *Checker) Changed(ids ...string) {
	if len(ids) == 0 {
		return
	}
	if c.pending == nil {
		c.pending = map[string]int{}
	}
	for _, id := range ids {
		c.pending[id]++
	}
}

// Reset makes the next Recheck check the plan from scratch.
func (c *Checker) Reset() { c.fresh = true }

// SetPlan replaces the plan by another plan object (a plan loaded or
// made anew) and starts afresh. Undo and redo change the same plan: name
// what they touched with Changed instead.
func (c *Checker) SetPlan(p *orgchart.Plan) {
	if p == nil {
		p = &orgchart.Plan{}
	}
	c.plan = p
	c.fresh = true
}

// Recheck brings the report up to date with the changes named since the
// last one and returns it: the same findings, in the same order, and the
// same summary as Run on the plan.
func (c *Checker) Recheck() *Report {
	policy := !reflect.DeepEqual(c.pol, c.plan.Policy) || !slices.Equal(c.scope, c.plan.Scope)
	switch {
	case c.fresh || c.cyclic:
		c.build()
	case len(c.pending) > 0 || policy:
		if !c.update(policy) {
			c.build()
		}
	}
	c.pending = nil
	return c.report
}

// build checks the plan from scratch and fills every table.
func (c *Checker) build() {
	p := c.plan
	c.builds++
	c.fresh, c.pending = false, nil
	c.pol, c.scope = p.Policy, slices.Clone(p.Scope)
	o := newOrg(p, c.cat)
	c.cyclic = false
	for i := range o.enter {
		if o.enter[i] < 0 {
			c.cyclic = true
		}
	}
	if c.cyclic {
		c.report = Run(p, c.cat)
		return
	}
	n := len(o.pos)
	o.pos = slices.Clone(o.pos) // by node: the plan's array changes order under edits
	// Children as lists, ranks as plan indexes.
	o.kidList = make([][]int32, n)
	for i := 0; i < n; i++ {
		if ks := o.kids[o.kidStart[i]:o.kidStart[i+1]]; len(ks) > 0 {
			o.kidList[i] = slices.Clone(ks)
		}
	}
	o.planRank = make([]int64, n)
	for i := range o.planRank {
		o.planRank[i] = int64(i) * rankGap
	}
	c.next = int64(n) * rankGap
	c.live, c.dead, c.free = n, make([]bool, n), nil
	c.o = o
	c.dense = map[string]int16{}
	for i, pos := range o.pos {
		c.dense[pos.Role] = o.rix[i]
	}
	c.cv = o.coverage()
	c.cv.byRixGrow(o)
	c.c = &checker{org: o, report: &Report{}, cov: c.cv, inc: c}
	c.lines = newLineCache(len(o.roles))
	c.local = make([][]ref, n)
	c.contrib = make([]contrib, n)
	c.ncov = make([]nodeCov, n)
	c.pair = make([]pairRef, n)
	c.counts = make([][3]int32, n)
	c.height = make([]int32, n)
	c.computeHeights()
	caps := len(c.cv.caps)
	c.ownerCount = make([]int, caps)
	c.heldOwners = make([]int, caps)
	c.vacantOwners = make([]rankList, caps)
	c.ownRoots = make([]rankList, caps)
	c.ovGroups = make([]map[ovGroup]int, caps)
	c.supRoots = make([]rankList, caps)
	c.capDirty = make([]bool, caps)
	c.capVer = make([]uint64, caps)
	c.capOv = make([]capOverlapCache, caps)
	c.supCache = make([]supCacheEntry, caps)
	c.cv.owners = nil // counted instead
	c.unusual = map[rolePair]*rankList{}
	c.pairIDs = map[rolePair][]string{}
	c.unusualFound = map[rolePair]ref{}
	c.dirtyPairs = map[rolePair]bool{}
	c.pairMoves = map[rolePair][]pairMove{}
	c.tops = rankList{}
	c.hist = map[int32][]int32{}
	c.sum = summaryCounters{spans: map[int32]int{}, vacantSpans: map[int32]int{}}
	c.buckets = nil
	c.global = nil
	c.bufs = [2]findingBuf{}
	for i := range o.pos {
		if o.parent[i] < 0 {
			c.tops.nodes = append(c.tops.nodes, int32(i))
		}
		c.attachCov(int32(i))
		c.refreshContrib(int32(i))
	}
	// Groups' ids are made once they are complete (filing them one by one
	// would copy each group's list at every member).
	c.building = true
	for i := range o.pos {
		c.evalLocal(int32(i))
	}
	c.building = false
	for k, l := range c.unusual {
		c.pairIDs[k] = o.ids(l.nodes...)
	}
	c.finishRecheck()
	// The other findings array now, so that the first re-checks after
	// opening a plan do not pay for it.
	if other := &c.bufs[c.turn^1]; cap(other.f) < len(c.report.Findings) {
		other.f = make([]Finding, 0, cap(c.bufs[c.turn].f))
	}
}

// computeHeights fills c.height bottom-up (children have larger DFS entry
// numbers than their manager).
func (c *Checker) computeHeights() {
	o := c.o
	order := make([]int32, len(o.pos))
	for i, e := range o.enter {
		order[e] = int32(i)
	}
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		h := int32(0)
		for _, kid := range o.kidList[i] {
			h = max(h, c.height[kid]+1)
		}
		c.height[i] = h
	}
}

func (cv *coverage) byRixGrow(o *org) {
	for len(cv.byRix) < len(o.roles) {
		cv.byRix = append(cv.byRix, cv.byRole[o.roles[len(cv.byRix)]])
	}
}

// setRole refreshes a node's role, dense role index, span exclusion and
// own capability lists from its position.
func (c *Checker) setRole(i int32) {
	o, pos := c.o, c.o.pos[i]
	k, ok := c.dense[pos.Role]
	if !ok {
		k = -1
		if r := catRole(c.cat, pos.Role); r != nil && len(o.roles) < math.MaxInt16 {
			k = int16(len(o.roles))
			o.roles = append(o.roles, r)
			c.cv.byRixGrow(o)
			c.lines = newLineCache(len(o.roles))
		}
		c.dense[pos.Role] = k
	}
	o.rix[i] = k
	o.role[i] = nil
	if k >= 0 {
		o.role[i] = o.roles[k]
	}
	o.excluded[i] = slices.Contains(o.pol.SpanExclude, pos.Role)
	if c.cv.custom != nil {
		delete(c.cv.custom, i)
	}
	if rc := c.customCaps(pos); rc != nil {
		if c.cv.custom == nil {
			c.cv.custom = map[int32]*roleCaps{}
		}
		c.cv.custom[i] = rc
	}
}

// customCaps is the capability indexes of a position that states its own
// ownership, or nil.
func (c *Checker) customCaps(pos *orgchart.Position) *roleCaps {
	if c.cat == nil || len(pos.Owns)+len(pos.Supports)+len(pos.NotOwns) == 0 {
		return nil
	}
	owns, supports := pos.Capabilities(c.cat)
	rc := &roleCaps{}
	for _, id := range owns {
		if k, ok := c.cv.at[id]; ok {
			rc.owns = append(rc.owns, k)
		}
	}
	for _, id := range supports {
		if k, ok := c.cv.at[id]; ok {
			rc.supports = append(rc.supports, k)
		}
	}
	return rc
}

// capsChanged reports whether the position's capabilities differ from the
// ones its node is filed under.
func (c *Checker) capsChanged(i int32, pos *orgchart.Position) bool {
	if c.cat == nil {
		return false
	}
	var owns, sups []int
	if rc := c.customCaps(pos); rc != nil {
		owns, sups = rc.owns, rc.supports
	} else if r := catRole(c.cat, pos.Role); r != nil {
		if rc := c.cv.byRole[r]; rc != nil {
			owns, sups = rc.owns, rc.supports
		}
	}
	return !slices.Equal(owns, c.ncov[i].owns) || !slices.Equal(sups, c.ncov[i].sups)
}

// eachBelow visits i and everyone below it.
func (c *Checker) eachBelow(i int32, visit func(int32)) {
	stack := []int32{i}
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		visit(j)
		stack = append(stack, c.o.kidList[j]...)
	}
}

// respan recomputes a manager's counted span.
func (c *Checker) respan(m int32) {
	o := c.o
	s := int32(0)
	for _, k := range o.kidList[m] {
		if !o.excluded[k] {
			s += int32(o.pos[k].Headcount())
		}
	}
	o.span[m] = s
}

// raiseHeight recomputes heights from i up while they change.
func (c *Checker) raiseHeight(i int32) {
	o := c.o
	for steps := 0; i >= 0 && steps <= len(o.pos); steps++ {
		h := int32(0)
		for _, k := range o.kidList[i] {
			h = max(h, c.height[k]+1)
		}
		c.height[i] = h
		i = o.parent[i]
	}
}

// detachCov takes a node out of the capability lists.
func (c *Checker) detachCov(i int32) {
	nc := &c.ncov[i]
	if !nc.in {
		return
	}
	o := c.o
	for _, k := range nc.owns {
		c.ownerCount[k]--
		if nc.vacant {
			c.vacantOwners[k].remove(o, i)
		} else {
			c.heldOwners[k]--
		}
		c.touchCap(k)
	}
	for n, k := range nc.rootOwn {
		c.ownRoots[k].remove(o, i)
		c.ungroup(k, nc.rootOwnG[n])
	}
	for _, k := range nc.sups {
		c.touchCap(k)
	}
	for _, k := range nc.rootSup {
		c.supRoots[k].remove(o, i)
	}
	*nc = nodeCov{}
}

// attachCov files a node under the capabilities it owns and supports.
func (c *Checker) attachCov(i int32) {
	o := c.o
	nc := &c.ncov[i]
	c.detachCov(i)
	rc := o.capsOf(c.cv, i)
	nc.in = true
	nc.vacant = o.vacant(int(i))
	if rc == nil {
		return
	}
	nc.owns, nc.sups = rc.owns, rc.supports
	for _, k := range rc.owns {
		c.ownerCount[k]++
		if nc.vacant {
			c.vacantOwners[k].add(o, i)
		} else {
			c.heldOwners[k]++
		}
		c.touchCap(k)
		if !c.ancestorHas(i, k, true) {
			c.ownRoots[k].add(o, i)
			g := c.group(i)
			c.regroup(k, g)
			nc.rootOwn = append(nc.rootOwn, k)
			nc.rootOwnG = append(nc.rootOwnG, g)
		}
	}
	for _, k := range rc.supports {
		c.touchCap(k)
		if !c.ancestorHas(i, k, false) {
			c.supRoots[k].add(o, i)
			nc.rootSup = append(nc.rootSup, k)
		}
	}
}

// reroot refreshes whether a node is a topmost owner or supporter of its
// capabilities after its line up changed (its own capabilities did not).
func (c *Checker) reroot(i int32) {
	o := c.o
	nc := &c.ncov[i]
	if !nc.in {
		c.attachCov(i)
		return
	}
	for _, k := range nc.owns {
		n := slices.Index(nc.rootOwn, k)
		root := !c.ancestorHas(i, k, true)
		switch {
		case root && n >= 0:
			if g := c.group(i); g != nc.rootOwnG[n] { // top changed
				c.ungroup(k, nc.rootOwnG[n])
				c.regroup(k, g)
				nc.rootOwnG[n] = g
				c.touchCap(k)
			}
		case root:
			c.ownRoots[k].add(o, i)
			g := c.group(i)
			c.regroup(k, g)
			nc.rootOwn = append(nc.rootOwn, k)
			nc.rootOwnG = append(nc.rootOwnG, g)
			c.touchCap(k)
		case n >= 0:
			c.ownRoots[k].remove(o, i)
			c.ungroup(k, nc.rootOwnG[n])
			nc.rootOwn = slices.Delete(nc.rootOwn, n, n+1)
			nc.rootOwnG = slices.Delete(nc.rootOwnG, n, n+1)
			c.touchCap(k)
		}
	}
	for _, k := range nc.sups {
		n := slices.Index(nc.rootSup, k)
		root := !c.ancestorHas(i, k, false)
		switch {
		case root && n < 0:
			c.supRoots[k].add(o, i)
			nc.rootSup = append(nc.rootSup, k)
			c.touchCap(k)
		case !root && n >= 0:
			c.supRoots[k].remove(o, i)
			nc.rootSup = slices.Delete(nc.rootSup, n, n+1)
			c.touchCap(k)
		}
	}
}

// touchCap notes that capability k's lists or the positions they name changed.
func (c *Checker) touchCap(k int) {
	c.capDirty[k] = true
	c.capVer[k]++
}

// ovGroup is what overlap compares topmost owners by: role (synonyms
// folded) and top position.
type ovGroup struct {
	role string
	top  int32
}

func (c *Checker) group(i int32) ovGroup { return ovGroup{c.o.canonical(i), c.o.top[i]} }

func (c *Checker) regroup(k int, g ovGroup) {
	if c.ovGroups[k] == nil {
		c.ovGroups[k] = map[ovGroup]int{}
	}
	c.ovGroups[k][g]++
}

func (c *Checker) ungroup(k int, g ovGroup) {
	if c.ovGroups[k][g]--; c.ovGroups[k][g] <= 0 {
		delete(c.ovGroups[k], g)
	}
}

// ancestorHas reports whether a position above i owns (or supports) k.
func (c *Checker) ancestorHas(i int32, k int, owns bool) bool {
	o := c.o
	for u, steps := o.parent[i], 0; u >= 0 && steps <= len(o.pos); u, steps = o.parent[u], steps+1 {
		rc := o.capsOf(c.cv, u)
		if rc == nil {
			continue
		}
		if owns && slices.Contains(rc.owns, k) || !owns && slices.Contains(rc.supports, k) {
			return true
		}
	}
	return false
}

// capOverlap is checker.capOverlap from the kept topmost owners and their
// groups, without scanning them.
func (c *Checker) capOverlap(k int) ([]int32, bool) {
	cc := &c.capOv[k]
	if c.capDirty[k] || !cc.known {
		cc.roots, cc.dup = nil, false
		roots := c.ownRoots[k].nodes
		switch {
		case c.cv.caps[k].SingleOwner && c.c.on("coverage.duplicate-leader"):
			if len(roots) > 1 {
				cc.roots, cc.dup = slices.Clone(roots), true
			}
		case c.ownerCount[k] >= 2 && len(c.ovGroups[k]) > 1:
			cc.roots = slices.Clone(roots)
		}
		cc.known = true
		c.capDirty[k] = false
	}
	return cc.roots, cc.dup
}

// cachedSupportOnly returns the coverage.support-only findings made for
// capability k at the last re-check when nothing they depend on changed.
func (c *Checker) cachedSupportOnly(k int) ([]Finding, bool) {
	if c == nil {
		return nil, false
	}
	e := &c.supCache[k]
	if e.known && e.ver == c.capVer[k] && e.headcount == c.o.headcount {
		return e.fs, true
	}
	return nil, false
}

func (c *Checker) keepSupportOnly(k int, fs []Finding) {
	if c == nil {
		return
	}
	c.supCache[k] = supCacheEntry{known: true, ver: c.capVer[k], headcount: c.o.headcount, fs: slices.Clone(fs)}
}

type supCacheEntry struct {
	known     bool
	ver       uint64
	headcount int
	fs        []Finding
}

// detachPair takes a node out of its unusual-manager group.
func (c *Checker) detachPair(i int32) {
	pr := &c.pair[i]
	if !pr.in {
		return
	}
	if l := c.unusual[pr.k]; l != nil {
		if at := l.remove(c.o, i); at >= 0 {
			c.pairMoves[pr.k] = append(c.pairMoves[pr.k], pairMove{i, -1})
			// A new array: reports made earlier keep theirs.
			old := c.pairIDs[pr.k]
			ids := make([]string, 0, len(old)-1)
			c.pairIDs[pr.k] = append(append(ids, old[:at]...), old[at+1:]...)
		}
	}
	c.dirtyPairs[pr.k] = true
	*pr = pairRef{}
}

// detachLocal takes out the findings last evaluated at node i.
func (c *Checker) detachLocal(i int32) {
	for _, f := range c.local[i] {
		c.detach(f)
	}
	c.local[i] = c.local[i][:0]
}

// evalLocal re-evaluates the per-position rules at node i.
func (c *Checker) evalLocal(i int32) {
	c.detachLocal(i)
	for _, f := range c.evalRules(i) {
		c.local[i] = append(c.local[i], c.attach(f))
	}
}

// evalRules runs the per-position rules at node i, updates its
// unusual-manager group and returns the findings (in scratch space, valid
// until the next call).
func (c *Checker) evalRules(i int32) []Finding {
	ch := c.c
	ch.report.Findings = ch.report.Findings[:0]
	ch.spanAt(int(i))
	ch.spanMixAt(int(i))
	k, unusual := ch.reportingAt(int(i), c.lines)
	if ch.seniorityOn() {
		ch.seniorityAt(int(i))
	}
	c.repair(i, k, unusual)
	return ch.report.Findings
}

// repair files node i in the unusual-manager group of its line, if any.
func (c *Checker) repair(i int32, k rolePair, unusual bool) {
	if pr := c.pair[i]; pr.in && (!unusual || pr.k != k) {
		c.detachPair(i)
	}
	if unusual && c.pair[i].in {
		// Still in its group: the message names the group's first
		// position and its manager only.
		if l := c.unusual[k]; l != nil && len(l.nodes) > 0 && l.nodes[0] == i {
			c.dirtyPairs[k] = true
		}
	}
	if unusual && !c.pair[i].in {
		l := c.unusual[k]
		if l == nil {
			l = &rankList{}
			c.unusual[k] = l
		}
		if at := l.add(c.o, i); at >= 0 && !c.building {
			c.pairMoves[k] = append(c.pairMoves[k], pairMove{i, 1})
			old := c.pairIDs[k]
			ids := make([]string, 0, len(old)+1)
			ids = append(append(ids, old[:at]...), c.o.pos[i].ID)
			c.pairIDs[k] = append(ids, old[at:]...)
		}
		c.pair[i] = pairRef{in: true, k: k}
		c.dirtyPairs[k] = true
	}
}

// sameLocal reports whether node i's filed findings equal fs.
func (c *Checker) sameLocal(i int32, fs []Finding) bool {
	if len(c.local[i]) != len(fs) {
		return false
	}
	for n, r := range c.local[i] {
		if !c.sameFinding(r, &fs[n]) {
			return false
		}
	}
	return true
}

// refreshContrib replaces a node's share of the summary.
func (c *Checker) refreshContrib(i int32) {
	c.addContrib(&c.contrib[i], -1)
	o, pos := c.o, c.o.pos[i]
	hc := pos.Headcount()
	ct := contrib{in: true, vacant: o.vacant(int(i)), manager: o.isManager(int(i)), hc: hc,
		span: o.span[i], depth: o.depth[i], top: o.top[i]}
	if pos.Cost != 0 {
		ct.costed, ct.cost = true, pos.Cost*float64(hc)
	} else {
		ct.cost = pos.Cost * float64(hc)
	}
	c.contrib[i] = ct
	c.addContrib(&c.contrib[i], 1)
}

func (c *Checker) addContrib(ct *contrib, sign int) {
	if !ct.in {
		return
	}
	s := &c.sum
	if ct.vacant {
		s.vacancies += sign
	}
	if ct.costed {
		s.costedN += sign
		s.cost += float64(sign) * ct.cost
	}
	if ct.cost != math.Trunc(ct.cost) || math.Abs(ct.cost) > 1<<40 {
		s.nonInt += sign
	}
	for len(s.layers) <= int(ct.depth) {
		s.layers = append(s.layers, layerAcc{})
	}
	l := &s.layers[ct.depth]
	l.positions += sign
	l.headcount += sign * ct.hc
	if ct.costed {
		l.costedN += sign
		l.cost += float64(sign) * ct.cost
	}
	h := c.hist[ct.top]
	for len(h) <= int(ct.depth) {
		h = append(h, 0)
	}
	h[ct.depth] += int32(sign)
	c.hist[ct.top] = h
	if ct.manager {
		s.managers += sign
		s.mgrCost += float64(sign) * ct.cost
		l.managers += sign
		if ct.span > 0 {
			l.all += sign * int(ct.span)
			l.allN += sign
			if ct.vacant {
				s.vacantSpans[ct.span] += sign
				if s.vacantSpans[ct.span] == 0 {
					delete(s.vacantSpans, ct.span)
				}
				s.vTotal += sign * int(ct.span)
				s.vN += sign
			} else {
				s.spans[ct.span] += sign
				if s.spans[ct.span] == 0 {
					delete(s.spans, ct.span)
				}
				s.spanTotal += sign * int(ct.span)
				s.spanN += sign
				l.held += sign * int(ct.span)
				l.heldN += sign
			}
		}
	} else {
		s.ics += sign * ct.hc
	}
}

// ref names a filed finding: its bucket, its place there and the nodes it
// counts for. (order, sub) is unique in a bucket.
type ref struct {
	sev        Severity
	rule       string
	order, sub int
	nodes      []int32
}

// attach files a copy of a finding in its bucket and counts it for its
// positions. nodes, when given, are its positions' nodes.
func (c *Checker) attach(f Finding, nodes ...int32) ref {
	r := c.file(f, nodes)
	c.count(r)
	return r
}

// file puts a copy of a finding in its bucket, not counted yet.
func (c *Checker) file(f Finding, nodes []int32) ref {
	r := c.fileOnly(f)
	if nodes != nil && len(nodes) == len(f.Positions) {
		r.nodes = nodes
	} else {
		r.nodes = make([]int32, 0, len(f.Positions))
		for _, id := range f.Positions {
			if j, ok := c.o.at[id]; ok {
				r.nodes = append(r.nodes, j)
			}
		}
	}
	return r
}

// fileOnly puts a copy of a finding in its bucket; its ref names no nodes.
func (c *Checker) fileOnly(f Finding) ref {
	if f.Positions == nil {
		f.Positions = []string{}
	}
	r := ref{sev: f.Severity, rule: f.Rule, order: f.order, sub: f.sub}
	b := c.bucket(f.Severity, f.Rule)
	k, _ := slices.BinarySearchFunc(b.items, r, cmpRef)
	b.items = slices.Insert(b.items, k, f)
	b.ver++
	return r
}

// replace puts a finding where a filed one with the same bucket and order
// is, without moving the others, and counts it instead.
func (c *Checker) replace(r ref, f Finding) ref {
	b, k := c.filedAt(r)
	if k < 0 {
		return c.attach(f)
	}
	if f.Positions == nil {
		f.Positions = []string{}
	}
	c.uncount(r)
	b.items[k] = f
	b.ver++
	n := ref{sev: f.Severity, rule: f.Rule, order: f.order, sub: f.sub, nodes: make([]int32, 0, len(f.Positions))}
	for _, id := range f.Positions {
		if j, ok := c.o.at[id]; ok {
			n.nodes = append(n.nodes, j)
		}
	}
	c.count(n)
	return n
}

// count adds a filed finding to its positions' counts; uncount takes it out.
func (c *Checker) count(r ref) {
	for _, j := range r.nodes {
		c.counts[j][r.sev]++
	}
}

func (c *Checker) uncount(r ref) {
	for _, j := range r.nodes {
		c.counts[j][r.sev]--
	}
}

// filedAt returns the filed finding a ref names, or nil.
func (c *Checker) filedAt(r ref) (*bucket, int) {
	b := c.bucket(r.sev, r.rule)
	if k, ok := slices.BinarySearchFunc(b.items, r, cmpRef); ok {
		return b, k
	}
	return b, -1
}

// detach takes a finding out of its bucket and its positions' counts.
func (c *Checker) detach(r ref) {
	c.unfile(r)
	c.uncount(r)
}

// unfile takes a finding out of its bucket only.
func (c *Checker) unfile(r ref) {
	if b, k := c.filedAt(r); k >= 0 {
		b.items = slices.Delete(b.items, k, k+1)
		b.ver++
	}
}

// sameFinding reports whether a filed finding equals a new one.
func (c *Checker) sameFinding(r ref, b *Finding) bool {
	bk, k := c.filedAt(r)
	if k < 0 {
		return false
	}
	a := &bk.items[k]
	if a.Rule != b.Rule || a.Severity != b.Severity || a.order != b.order || a.sub != b.sub ||
		a.Message != b.Message || a.Suggestion != b.Suggestion || !slices.Equal(a.Capabilities, b.Capabilities) {
		return false
	}
	bp := b.Positions
	if bp == nil {
		bp = []string{}
	}
	return slices.Equal(a.Positions, bp)
}

func cmpRef(a Finding, r ref) int {
	if a.order != r.order {
		return cmp.Compare(a.order, r.order)
	}
	return cmp.Compare(a.sub, r.sub)
}

func (c *Checker) bucket(sev Severity, rule string) *bucket {
	k, ok := slices.BinarySearchFunc(c.buckets, bucket{sev: sev, rule: rule}, func(a *bucket, b bucket) int {
		if a.sev != b.sev {
			return cmp.Compare(b.sev, a.sev)
		}
		return strings.Compare(a.rule, b.rule)
	})
	if !ok {
		c.buckets = slices.Insert(c.buckets, k, &bucket{sev: sev, rule: rule})
	}
	return c.buckets[k]
}

// finishRecheck rebuilds the plan-wide findings (unusual-manager groups that
// changed, coverage, layers, orphans) and the summary, and makes the report.
func (c *Checker) finishRecheck() {
	o, ch := c.o, c.c
	// Take every changed group's finding out of its bucket before filing the
	// new ones: a position that changed group keeps its order. A group's
	// finding names every position of the group (thousands in a large
	// plan): when it stays at its severity, only the positions that joined
	// or left have their counts changed.
	olds := make(map[rolePair]ref, len(c.dirtyPairs))
	for k := range c.dirtyPairs {
		if f, ok := c.unusualFound[k]; ok {
			c.unfile(f)
			olds[k] = f
			delete(c.unusualFound, k)
		}
	}
	for k := range c.dirtyPairs {
		old, had := olds[k]
		var f *Finding
		var members []int32 // the group now
		if l := c.unusual[k]; l != nil {
			members = l.nodes
		}
		if l := c.unusual[k]; l != nil && len(l.nodes) > 0 {
			ch.report.Findings = ch.report.Findings[:0]
			ch.unusualManagerIDs(l.nodes, c.pairIDs[k])
			if len(ch.report.Findings) > 0 {
				f = &ch.report.Findings[0]
			}
		} else {
			delete(c.unusual, k)
			delete(c.pairIDs, k)
		}
		// The group's filed finding keeps no node list (it would be a copy
		// of the group at every change): the group was its members now,
		// less those that joined, plus those that left.
		switch {
		case f != nil && had && old.sev == f.Severity && !c.pairsAfresh:
			c.unusualFound[k] = c.fileOnly(*f)
			for _, m := range c.pairMoves[k] {
				c.counts[m.node][f.Severity] += m.sign
			}
		default:
			if had {
				for _, n := range members {
					c.counts[n][old.sev]--
				}
				for _, m := range c.pairMoves[k] {
					c.counts[m.node][old.sev] += m.sign
				}
			}
			if f != nil {
				c.unusualFound[k] = c.fileOnly(*f)
				for _, n := range members {
					c.counts[n][f.Severity]++
				}
			}
		}
	}
	clear(c.dirtyPairs)
	clear(c.pairMoves)
	c.pairsAfresh = false
	ch.report.Findings = ch.report.Findings[:0]
	// Tops, with their deepest chain.
	allowed := int32(o.allowedLayers())
	o.tops = o.tops[:0]
	for _, t := range c.tops.nodes {
		info := topInfo{top: t, deepest: t}
		for cur, found := t, true; found && c.height[cur] > 0; {
			found = false
			for _, k := range o.kidList[cur] {
				if c.height[k] == c.height[cur]-1 {
					cur, found = k, true
					break
				}
			}
			info.deepest = cur
		}
		for d, n := range c.hist[t] {
			if int32(d) >= allowed {
				info.below += int(n)
			}
		}
		o.tops = append(o.tops, info)
	}
	ch.checkLayers()
	ch.checkOrphans()
	ch.checkCoverage()
	// Findings equal to the last ones stay filed (their counts too).
	same := 0
	for same < len(c.global) && same < len(ch.report.Findings) && c.sameFinding(c.global[same], &ch.report.Findings[same]) {
		same++
	}
	for _, f := range c.global[same:] {
		c.detach(f)
	}
	c.global = c.global[:same]
	for _, f := range ch.report.Findings[same:] {
		c.global = append(c.global, c.attach(f))
	}
	r := &Report{Summary: c.summary(), at: o.at, counts: c.counts}
	// Copy the findings into the array the report before last used: only
	// the rules whose findings changed since, or moved in the array.
	c.turn ^= 1
	fb := &c.bufs[c.turn]
	total := 0
	for _, b := range c.buckets {
		total += len(b.items)
	}
	if cap(fb.f) < total {
		fb.f = make([]Finding, total, total+total/8)
		fb.buckets, fb.vers, fb.offs = fb.buckets[:0], fb.vers[:0], fb.offs[:0]
	}
	fb.f = fb.f[:total]
	off := 0
	for k, b := range c.buckets {
		if k < len(fb.buckets) && fb.buckets[k] == b && fb.vers[k] == b.ver && fb.offs[k] == off {
			off += len(b.items)
			continue
		}
		copy(fb.f[off:], b.items)
		if k < len(fb.buckets) {
			fb.buckets[k], fb.vers[k], fb.offs[k] = b, b.ver, off
		} else {
			fb.buckets = append(fb.buckets, b)
			fb.vers = append(fb.vers, b.ver)
			fb.offs = append(fb.offs, off)
		}
		off += len(b.items)
	}
	fb.buckets, fb.vers, fb.offs = fb.buckets[:len(c.buckets)], fb.vers[:len(c.buckets)], fb.offs[:len(c.buckets)]
	r.Findings = fb.f[:total:total]
	c.report = r
}

// summary assembles the summary from the kept counters, as org.summary does.
func (c *Checker) summary() Summary {
	o, s := c.o, &c.sum
	if s.nonInt > 0 {
		c.resumCosts()
	}
	out := Summary{Positions: c.live, Headcount: o.headcount, Vacancies: s.vacancies, Managers: s.managers,
		Coverage: map[catalog.Domain]DomainCoverage{}}
	for d := len(s.layers) - 1; d >= 0; d-- {
		if s.layers[d].positions > 0 {
			out.Layers = d + 1
			break
		}
	}
	spans, total, n := s.spans, s.spanTotal, s.spanN
	if n == 0 {
		spans, total, n = s.vacantSpans, s.vTotal, s.vN
	}
	keys := make([]int32, 0, len(spans))
	for v := range spans {
		keys = append(keys, v)
	}
	slices.Sort(keys)
	for _, v := range keys {
		out.SpanBands.addN(int(v), spans[v])
	}
	if s.costedN > 0 {
		cost := s.cost
		out.Cost = &cost
	}
	if n > 0 {
		out.SpanMean = round2(float64(total) / float64(n))
		at := func(k int) int32 { // the k-th smallest span
			for _, v := range keys {
				if k < spans[v] {
					return v
				}
				k -= spans[v]
			}
			return 0
		}
		if n%2 == 1 {
			out.SpanMedian = float64(at(n / 2))
		} else {
			out.SpanMedian = float64(at(n/2-1)+at(n/2)) / 2
		}
	}
	if out.Managers > 0 {
		out.ICsPerManager = round2(float64(s.ics) / float64(out.Managers))
	}
	if s.costedN > 0 && s.cost > 0 {
		share := round2(s.mgrCost / s.cost)
		out.ManagementCostShare = &share
	}
	out.ByLayer = make([]LayerSummary, out.Layers)
	for d := range out.ByLayer {
		l := &s.layers[d]
		ls := LayerSummary{Layer: d + 1, Positions: l.positions, Headcount: l.headcount, Managers: l.managers}
		switch {
		case l.heldN > 0:
			ls.SpanMean = round2(float64(l.held) / float64(l.heldN))
		case l.allN > 0:
			ls.SpanMean = round2(float64(l.all) / float64(l.allN))
		}
		if l.costedN > 0 {
			cost := l.cost
			ls.Cost = &cost
		}
		out.ByLayer[d] = ls
	}
	for _, d := range catalog.Domains {
		if c.cv.inScope(d) {
			out.Coverage[d] = DomainCoverage{Overlaps: c.c.overlaps[d]}
		}
	}
	for k, cp := range c.cv.caps {
		dc, ok := out.Coverage[cp.Domain]
		if !ok || !cp.RequiredAt(o.headcount) {
			continue
		}
		dc.Required++
		if c.ownerCount[k] > 0 {
			dc.Owned++
		} else {
			dc.Gaps++
		}
		out.Coverage[cp.Domain] = dc
	}
	return out
}

// resumCosts adds the costs up again in plan order, as Run does, when some
// are not whole numbers (whose sums depend on the order of the additions).
func (c *Checker) resumCosts() {
	s := &c.sum
	s.cost, s.mgrCost = 0, 0
	for d := range s.layers {
		s.layers[d].cost = 0
	}
	for _, pos := range c.plan.Positions {
		ct := &c.contrib[c.o.at[pos.ID]]
		if ct.costed {
			s.cost += ct.cost
			s.layers[ct.depth].cost += ct.cost
		}
		if ct.manager {
			s.mgrCost += ct.cost
		}
	}
}
