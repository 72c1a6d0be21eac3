package catalog

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with an input file, located so a person can fix it.
// Plans, catalogs and CSV imports all report their problems this way.
type Problem struct {
	File    string `json:"file"`    // path as the user gave it
	Line    int    `json:"line"`    // 1-based; 0 when the problem concerns the whole file
	Message string `json:"message"` // what is wrong and what to do about it
}

func (p Problem) String() string {
	switch {
	case p.File == "":
		return p.Message
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	default:
		return fmt.Sprintf("%s: %s", p.File, p.Message)
	}
}

// Problems is every problem found in one input; it is an error when non-empty.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns ps as an error, or nil when there are none.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}
