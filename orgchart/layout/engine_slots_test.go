package layout

import (
	"reflect"
	"slices"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestEngineMovesEveryPerCardArray: the engine appends, moves and drops
// card slots in a fixed list of the builder's per-card arrays; a new
// per-card array must be added there (engine_structure.go) and here.
func TestEngineMovesEveryPerCardArray(t *testing.T) {
	e := NewEngine(generate.Shaped(300, 1), Options{})
	n := len(e.b.cards)
	handled := []string{"cards", "parent", "bw", "bh", "rx", "ox", "oy", "spine", "lineDX", "busDY", "boxX", "boxY",
		"join", "c0", "cn", "chosen", "size", "pin", "pinned", "stuck", "res", "edgeOf", "kidsOf",
		// not per card, or not used after the first layout:
		"kids", "kid0", "withDotted", "tops", "arena", "pts"}
	v := reflect.ValueOf(e.b).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		name := v.Type().Field(i).Name
		if f.Kind() == reflect.Slice && (f.Len() == n || f.Len() == n+1) && !slices.Contains(handled, name) {
			t.Errorf("builder.%s has one entry per card: the engine's addCard, moveCard and truncate must handle it", name)
		}
	}
}
