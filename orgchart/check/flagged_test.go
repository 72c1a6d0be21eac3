package check

import (
	"reflect"
	"testing"
)

// One overlap finding covers every capability a set of owners shares; all of
// them must come back, and findings of other rules must not.
func TestCapabilitiesFlagged(t *testing.T) {
	r := &Report{Findings: []Finding{
		{Rule: "coverage.overlap", Capabilities: []string{"sre-on-call", "sre-slos"}},
		{Rule: "coverage.overlap", Capabilities: []string{"sec-iam"}},
		{Rule: "coverage.gap", Capabilities: []string{"it-service-desk"}},
		{Rule: "span.too-wide", Positions: []string{"a"}},
	}}
	got := r.CapabilitiesFlagged("coverage.overlap")
	want := map[string]bool{"sre-on-call": true, "sre-slos": true, "sec-iam": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("overlaps = %v, want %v", got, want)
	}
	if got := r.CapabilitiesFlagged("coverage.gap"); !reflect.DeepEqual(got, map[string]bool{"it-service-desk": true}) {
		t.Errorf("gaps = %v", got)
	}
	if got := r.CapabilitiesFlagged("coverage.support-only"); len(got) != 0 {
		t.Errorf("support-only = %v, want none", got)
	}
}
