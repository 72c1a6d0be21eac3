package orgchart

// Policy holds a plan's overrides of the check thresholds, rules turned off,
// severities changed and arrangements marked as intended. The zero Policy
// means the documented defaults; a zero field means "use the default".
// docs/checks.md documents every key and where each default comes from.
type Policy struct {
	// Span ranges (direct reports, team counts included) for managers whose
	// catalog role gives no range of its own.
	FirstLine          Range // managers of individual contributors
	ManagersOfManagers Range // managers with at least one manager reporting to them
	Executive          Range // executive-level roles and top positions
	// FarOutside is the span above which too-wide becomes an error.
	FarOutside int
	// VacantManagerTeam is the team size from which a vacant manager is flagged.
	VacantManagerTeam int
	// SpanExclude lists roles left out of span counts (assistants, chiefs of
	// staff). Nil means the default list; an empty, non-nil list means none.
	SpanExclude []string
	// RoleSpans overrides the catalog's span range for a role in this plan.
	RoleSpans map[string]Range

	LayersMax int // most layers (levels, the top included) a chain may have
	LayerBase int // the span used to work out the layers a headcount needs

	DottedMax int // most dotted-line managers one position should have

	// Rules maps a rule id to "off", "info", "warning" or "error".
	Rules map[string]string
	// Intended lists positions whose single direct report is intended
	// (an interim or chief-of-staff arrangement).
	Intended []string

	// lines maps each Intended id to the line it was read from, so the plan
	// reader can report ids that name no position.
	lines map[string]int
}

// Range is an inclusive range of direct reports; a zero bound means the default.
type Range struct {
	Min, Max int
}

// Defaults for the policy, from published span-of-control figures (sources in docs/checks.md).
var (
	// DefaultFirstLine: Larson 6-8 and US federal HR 6-8, widened to the
	// practitioners' 4 (too narrow) and 10 (too wide) thresholds.
	DefaultFirstLine = Range{Min: 4, Max: 10}
	// DefaultManagersOfManagers: US federal HR "at least 3", Grove and Larson
	// (4-6 managers), 8 as the practitioners' too-wide threshold.
	DefaultManagersOfManagers = Range{Min: 3, Max: 8}
	// DefaultExecutive: Neilson and Wulf (CEO spans of 5-10), Gallup mean 12.1.
	DefaultExecutive = Range{Min: 3, Max: 12}
)

// Scalar defaults.
const (
	DefaultFarOutside        = 15 // McKinsey: over 15 is a coordinator span
	DefaultVacantManagerTeam = 6  // bottom of Larson's and US federal HR's 6-8
	DefaultLayersMax         = 7
	DefaultLayerBase         = 6
	DefaultDottedMax         = 2
)

// DefaultSpanExclude returns the roles left out of span counts by default.
func DefaultSpanExclude() []string {
	return []string{"chief-of-staff", "executive-assistant"}
}

// RuleIDs returns every check rule id, in documentation order. A plan's
// policy may only name these.
func RuleIDs() []string {
	return []string{
		"span.single-report",
		"span.chain",
		"span.too-narrow",
		"span.too-wide",
		"span.vacant-manager",
		"span.missing-manager",
		"span.mixed",
		"layers.too-deep",
		"coverage.gap",
		"coverage.support-only",
		"coverage.overlap",
		"coverage.duplicate-leader",
		"coverage.vacant-owner",
		"reporting.conflict",
		"reporting.ic-manages",
		"reporting.team-manages",
		"reporting.unusual-manager",
		"reporting.dotted-overload",
		"reporting.seniority-inversion",
		"reporting.orphan",
	}
}

// RuleSettings returns the values a rule may be set to in `rules:`.
func RuleSettings() []string { return []string{"off", "info", "warning", "error"} }

// IsZero reports whether the policy overrides nothing (it is then not written).
func (p Policy) IsZero() bool {
	return p.FirstLine == (Range{}) && p.ManagersOfManagers == (Range{}) &&
		p.Executive == (Range{}) && p.FarOutside == 0 && p.VacantManagerTeam == 0 &&
		p.SpanExclude == nil && len(p.RoleSpans) == 0 && p.LayersMax == 0 &&
		p.LayerBase == 0 && p.DottedMax == 0 && len(p.Rules) == 0 && len(p.Intended) == 0
}

// WithDefaults returns the policy with every unset threshold filled in, the
// form the checks use. Maps and slices are shared with p, not copied.
func (p Policy) WithDefaults() Policy {
	p.FirstLine = p.FirstLine.or(DefaultFirstLine)
	p.ManagersOfManagers = p.ManagersOfManagers.or(DefaultManagersOfManagers)
	p.Executive = p.Executive.or(DefaultExecutive)
	p.FarOutside = orInt(p.FarOutside, DefaultFarOutside)
	p.VacantManagerTeam = orInt(p.VacantManagerTeam, DefaultVacantManagerTeam)
	if p.SpanExclude == nil {
		p.SpanExclude = DefaultSpanExclude()
	}
	p.LayersMax = orInt(p.LayersMax, DefaultLayersMax)
	p.LayerBase = orInt(p.LayerBase, DefaultLayerBase)
	p.DottedMax = orInt(p.DottedMax, DefaultDottedMax)
	return p
}

// or fills the zero bounds of r from def.
func (r Range) or(def Range) Range {
	if r.Min == 0 {
		r.Min = def.Min
	}
	if r.Max == 0 {
		r.Max = def.Max
	}
	return r
}

func orInt(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// IntendedLine returns the line a position id was listed on under
// `intended:`, or 0 when it was not read from a file.
func (p Policy) IntendedLine(id string) int { return p.lines[id] }
