package orgchart

// index answers the tree questions (who reports to whom) in constant time.
// It is rebuilt lazily after any change to Positions, in one linear pass.
type index struct {
	byID    map[string]*Position
	reports map[string][]*Position // manager id -> direct reports in plan order
	tops    []*Position
}

// Reindex drops the index; the next lookup rebuilds it. Call it after changing
// Positions or a ReportsTo directly (the editing operations do it for you).
func (p *Plan) Reindex() { p.idx = nil }

func (p *Plan) index() *index {
	if p.idx != nil {
		return p.idx
	}
	ix := &index{
		byID:    make(map[string]*Position, len(p.Positions)),
		reports: make(map[string][]*Position),
	}
	for _, pos := range p.Positions {
		ix.byID[pos.ID] = pos
	}
	for _, pos := range p.Positions {
		if pos.ReportsTo == "" || ix.byID[pos.ReportsTo] == nil {
			ix.tops = append(ix.tops, pos)
			continue
		}
		ix.reports[pos.ReportsTo] = append(ix.reports[pos.ReportsTo], pos)
	}
	p.idx = ix
	return ix
}

// Position returns the position with the id, or nil.
func (p *Plan) Position(id string) *Position { return p.index().byID[id] }

// Reports returns the direct reports of the position with the id, in plan order.
// The slice belongs to the plan: do not change it.
func (p *Plan) Reports(id string) []*Position { return p.index().reports[id] }

// Tops returns the positions that report to nobody, in plan order.
func (p *Plan) Tops() []*Position { return p.index().tops }

// Manager returns the position pos reports to, or nil for a top position.
func (p *Plan) Manager(pos *Position) *Position {
	if pos.ReportsTo == "" {
		return nil
	}
	return p.index().byID[pos.ReportsTo]
}

// Walk visits every position depth-first, managers before their reports and
// reports in plan order, with the depth below its top position (tops are 0).
// It stops early when visit returns false.
func (p *Plan) Walk(visit func(pos *Position, depth int) bool) {
	ix := p.index()
	type frame struct {
		pos   *Position
		depth int
	}
	stack := make([]frame, 0, 64)
	for i := len(ix.tops) - 1; i >= 0; i-- {
		stack = append(stack, frame{ix.tops[i], 0})
	}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(f.pos, f.depth) {
			return
		}
		rs := ix.reports[f.pos.ID]
		for i := len(rs) - 1; i >= 0; i-- {
			stack = append(stack, frame{rs[i], f.depth + 1})
		}
	}
}
