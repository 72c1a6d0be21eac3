package check

import (
	"fmt"
	"github.com/orgplanner/orgplanner/orgchart"
)

// layersNeeded is ceil(log_base n): the layers below the top that n people
// need at spans of base. Computed in integers to avoid float rounding.
func layersNeeded(n, base int) int {
	k := 0
	for reach := 1; reach < n; k++ {
		reach *= base
	}
	return k
}

// allowedLayers is the most layers (levels, the top included) a chain may
// have: ceil(log_base headcount) + 1 below the top, and no more than the
// policy's maximum.
func (o *org) allowedLayers() int {
	return min(layersNeeded(o.headcount, o.pol.LayerBase)+2, o.pol.LayersMax)
}

// farLayers is how many layers over the allowed number make too-deep an error.
const farLayers = 3

// layers reports, for each top position, the deepest chain below it when it
// has more layers than the headcount warrants.
func (c *checker) checkLayers() {
	if !c.on("layers.too-deep") || len(c.pos) == 0 {
		return
	}
	allowed := c.allowedLayers()
	for _, info := range c.tops {
		t, d := int(info.top), info.deepest
		if int(c.depth[d])+1 <= allowed {
			continue
		}
		chain := make([]int32, c.depth[d]+1)
		for k, j := len(chain)-1, d; k >= 0; k, j = k-1, c.parent[j] {
			chain[k] = j
		}
		layers := len(chain)
		// One or two layers too many is a design to tidy; three or more
		// (12 layers for 300 people) is an organisation where every decision
		// crosses layers that add nothing, which an org designer treats as
		// the first thing to fix.
		sev := Warning
		if layers >= allowed+farLayers {
			sev = Error
		}
		c.add("layers.too-deep", sev, c.ord(t), c.ids(chain...),
			fmt.Sprintf("The reporting chain from %s down to %s has %d layers; an organisation of %s needs no more than %d (spans of about %d, at most %d layers).",
				c.title(t), c.name(int(d)), layers, orgchart.Count(c.headcount, "person", "people"), allowed, c.pol.LayerBase, c.pol.LayersMax),
			fmt.Sprintf("Widen spans or remove pass-through layers in this branch: %s below layer %d.", orgchart.Count(info.below, "position sits", "positions sit"), allowed))
	}
}
