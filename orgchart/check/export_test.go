package check

// Builds is how many times the checker checked its plan from scratch.
func (c *Checker) Builds() int { return c.builds }
