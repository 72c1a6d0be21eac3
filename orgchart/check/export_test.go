package check

import "fmt"

// Builds is how many times the checker checked its plan from scratch.
func (c *Checker) Builds() int { return c.builds }

// RankOrder returns an error when the plan ranks of the checker's nodes do
// not follow plan order.
func (c *Checker) RankOrder() error {
	if c.o == nil || c.cyclic {
		return nil
	}
	last := int64(-1 << 62)
	for j, pos := range c.plan.Positions {
		i, ok := c.o.at[pos.ID]
		if !ok || c.o.pos[i] != pos {
			return fmt.Errorf("position %d (%s) has no node", j, pos.ID)
		}
		if r := c.o.planRank[i]; r <= last {
			return fmt.Errorf("position %d (%s) has rank %d after %d", j, pos.ID, r, last)
		} else {
			last = r
		}
	}
	return nil
}
