package check

import (
	"slices"

	"github.com/orgplanner/orgplanner/catalog"
)

// Summary describes the plan's shape; its JSON keys are part of the
// `check --json` output documented in docs/checks.md.
type Summary struct {
	Positions  int                               `json:"positions"`
	Headcount  int                               `json:"headcount"` // team counts included
	Vacancies  int                               `json:"vacancies"` // single-person positions with no holder
	Managers   int                               `json:"managers"`  // positions with at least one direct report
	Layers     int                               `json:"layers"`    // levels in the deepest chain, the top included
	SpanMean   float64                           `json:"spanMean"`  // over filled managers (vacant ones left out)
	SpanMedian float64                           `json:"spanMedian"`
	SpanBands  SpanBands                         `json:"spanBands"`
	Cost       *float64                          `json:"cost"` // yearly cost × headcount; null when no position gives a cost
	Coverage   map[catalog.Domain]DomainCoverage `json:"coverage"`

	// ICsPerManager is the people in positions nobody reports to, per manager.
	ICsPerManager float64 `json:"icsPerManager"`
	// ManagementCostShare is the share (0-1) of the cost that is in manager
	// positions; null when no position gives a cost.
	ManagementCostShare *float64 `json:"managementCostShare"`
	// ByLayer describes each layer, the top positions being layer 1.
	ByLayer []LayerSummary `json:"byLayer"`
}

// LayerSummary is one layer of the plan: the positions at one depth below
// their top position.
type LayerSummary struct {
	Layer     int      `json:"layer"`
	Positions int      `json:"positions"`
	Headcount int      `json:"headcount"`
	Managers  int      `json:"managers"`
	SpanMean  float64  `json:"spanMean"` // over the layer's filled managers (all, when none is filled)
	Cost      *float64 `json:"cost"`     // null when no position of the layer gives a cost
}

// SpanBands counts filled managers by span, in Orgvue's bands (13+ merges
// Orgvue's 13-16 and 17+).
type SpanBands struct {
	One         int `json:"1"`
	TwoThree    int `json:"2-3"`
	FourSeven   int `json:"4-7"`
	EightTwelve int `json:"8-12"`
	ThirteenUp  int `json:"13+"`
}

// DomainCoverage counts one domain's capabilities in the plan.
type DomainCoverage struct {
	Required int `json:"required"` // capabilities the scope and headcount require
	Owned    int `json:"owned"`    // required ones with at least one owner
	Gaps     int `json:"gaps"`     // required ones with no owner (gap or support-only)
	Overlaps int `json:"overlaps"` // capabilities owned in separate branches
}

func (b *SpanBands) add(span int) { b.addN(span, 1) }

// addN counts n managers with the span.
func (b *SpanBands) addN(span, n int) {
	switch {
	case span <= 1:
		b.One += n
	case span <= 3:
		b.TwoThree += n
	case span <= 7:
		b.FourSeven += n
	case span <= 12:
		b.EightTwelve += n
	default:
		b.ThirteenUp += n
	}
}

func (o *org) summary(cv *coverage, overlaps map[catalog.Domain]int) Summary {
	s := Summary{Positions: len(o.pos), Headcount: o.headcount, Coverage: map[catalog.Domain]DomainCoverage{}}
	var spans, vacantSpans []int
	cost, costed := 0.0, false
	for i, pos := range o.pos {
		if o.vacant(i) {
			s.Vacancies++
		}
		if pos.Cost != 0 {
			cost += pos.Cost * float64(pos.Headcount())
			costed = true
		}
		if o.depth[i] >= 0 && int(o.depth[i])+1 > s.Layers {
			s.Layers = int(o.depth[i]) + 1
		}
		if !o.isManager(i) {
			continue
		}
		s.Managers++
		if o.span[i] > 0 {
			if o.vacant(i) {
				vacantSpans = append(vacantSpans, int(o.span[i]))
			} else {
				spans = append(spans, int(o.span[i]))
			}
		}
	}
	// Vacant managers are left out of span figures (domain.md), unless no
	// manager is held yet, as in a plan drawn from a template: then the
	// figures describe the design rather than read 0.
	if len(spans) == 0 {
		spans = vacantSpans
	}
	for _, v := range spans {
		s.SpanBands.add(v)
	}
	if costed {
		s.Cost = &cost
	}
	if n := len(spans); n > 0 {
		total := 0
		for _, v := range spans {
			total += v
		}
		s.SpanMean = round2(float64(total) / float64(n))
		slices.Sort(spans)
		if n%2 == 1 {
			s.SpanMedian = float64(spans[n/2])
		} else {
			s.SpanMedian = float64(spans[n/2-1]+spans[n/2]) / 2
		}
	}
	o.shape(&s, costed, cost)
	for _, d := range catalog.Domains {
		if cv.inScope(d) {
			s.Coverage[d] = DomainCoverage{Overlaps: overlaps[d]}
		}
	}
	for k, cp := range cv.caps {
		dc, ok := s.Coverage[cp.Domain]
		if !ok || !cp.RequiredAt(o.headcount) {
			continue
		}
		dc.Required++
		if len(cv.owners[k]) > 0 {
			dc.Owned++
		} else {
			dc.Gaps++
		}
		s.Coverage[cp.Domain] = dc
	}
	return s
}

// shape fills the ratios and the per-layer figures.
func (o *org) shape(s *Summary, costed bool, cost float64) {
	type acc struct {
		LayerSummary
		cost                   float64
		costed                 bool
		held, heldN, all, allN int
	}
	var layers []acc
	ics, mgrCost := 0, 0.0
	for i, pos := range o.pos {
		manager := o.isManager(i)
		if manager {
			mgrCost += pos.Cost * float64(pos.Headcount())
		} else {
			ics += pos.Headcount()
		}
		d := int(o.depth[i])
		if d < 0 {
			continue // in a reporting cycle: no layer
		}
		for len(layers) <= d {
			layers = append(layers, acc{LayerSummary: LayerSummary{Layer: len(layers) + 1}})
		}
		l := &layers[d]
		l.Positions++
		l.Headcount += pos.Headcount()
		if pos.Cost != 0 {
			l.cost += pos.Cost * float64(pos.Headcount())
			l.costed = true
		}
		if manager {
			l.Managers++
			if sp := int(o.span[i]); sp > 0 {
				l.all += sp
				l.allN++
				if !o.vacant(i) {
					l.held += sp
					l.heldN++
				}
			}
		}
	}
	if s.Managers > 0 {
		s.ICsPerManager = round2(float64(ics) / float64(s.Managers))
	}
	if costed && cost > 0 {
		share := round2(mgrCost / cost)
		s.ManagementCostShare = &share
	}
	s.ByLayer = make([]LayerSummary, len(layers))
	for k := range layers {
		l := &layers[k]
		switch {
		case l.heldN > 0:
			l.SpanMean = round2(float64(l.held) / float64(l.heldN))
		case l.allN > 0:
			l.SpanMean = round2(float64(l.all) / float64(l.allN))
		}
		if l.costed {
			c := l.cost
			l.Cost = &c
		}
		s.ByLayer[k] = l.LayerSummary
	}
}

// round2 rounds to two decimals so the JSON reads 6.33, not 6.333333333333333.
func round2(v float64) float64 {
	return float64(int64(v*100+0.5)) / 100
}
