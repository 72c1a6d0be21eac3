package check_test

import (
	"path/filepath"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/check"
)

// Span figures leave vacant managers out, unless no manager is held yet (a
// plan drawn from a template): then they describe the design, not 0.
func TestSummarySpansOfAVacantSkeleton(t *testing.T) {
	cat := testCatalog(t)
	p := readPlan(t, filepath.Join(dir, "span.vacant-manager.near-skeleton.yaml"), cat)
	s := check.Run(p, cat).Summary
	// Ann (CTO) is held and leads 1; the vacant manager's 8 are left out.
	if s.SpanMedian != 1 || s.SpanBands.One != 1 || s.SpanBands.EightTwelve != 0 {
		t.Errorf("with one held manager: median %v, bands %v; want the held manager's span only", s.SpanMedian, s.SpanBands)
	}
	p.Position("cto").Holder = ""
	s = check.Run(p, cat).Summary
	if s.SpanMedian != 4.5 || s.SpanMean != 4.5 || s.SpanBands.One != 1 || s.SpanBands.EightTwelve != 1 {
		t.Errorf("with no held manager: median %v, mean %v, bands %v; want both vacant managers (1 and 8)", s.SpanMedian, s.SpanMean, s.SpanBands)
	}
}
