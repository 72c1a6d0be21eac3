// Package catalog holds the role catalog and the capability taxonomy that
// plans are built from: types, loading from YAML and validation.
package catalog

import "strconv"

// Domain is one of the eight areas a role or capability belongs to.
type Domain string

// The eight domains, in the order the app and reports show them.
const (
	IT   Domain = "IT"
	SEC  Domain = "SEC"
	PRIV Domain = "PRIV"
	SRE  Domain = "SRE"
	PLAT Domain = "PLAT"
	ENG  Domain = "ENG"
	PROD Domain = "PROD"
	DATA Domain = "DATA"
)

// Domains lists every domain in display order.
var Domains = []Domain{IT, SEC, PRIV, SRE, PLAT, ENG, PROD, DATA}

// Name is the domain's short name for legends and reports.
func (d Domain) Name() string {
	switch d {
	case IT:
		return "IT"
	case SEC:
		return "Security"
	case PRIV:
		return "Privacy"
	case SRE:
		return "Reliability"
	case PLAT:
		return "Platform"
	case ENG:
		return "Engineering"
	case PROD:
		return "Product"
	case DATA:
		return "Data & AI"
	}
	return string(d)
}

// Level is a role's place in the hierarchy.
type Level string

// levels a role can have; individual contributors use LevelIndividual.
const (
	LevelExecutive  Level = "executive"
	LevelVP         Level = "vp"
	LevelDirector   Level = "director"
	LevelHead       Level = "head"
	LevelManager    Level = "manager"
	LevelIndividual Level = "individual"
)

// Rank orders levels by seniority: executive 4, vp 3, director and head 2,
// manager 1, individual 0; -1 for an unknown level.
func (l Level) Rank() int {
	switch l {
	case LevelExecutive:
		return 4
	case LevelVP:
		return 3
	case LevelDirector, LevelHead:
		return 2
	case LevelManager:
		return 1
	case LevelIndividual:
		return 0
	}
	return -1
}

// Archetype names how a manager spends time, after McKinsey's manager archetypes;
// it explains the span range a role calls for.
type Archetype string

// The five manager archetypes.
const (
	PlayerCoach Archetype = "player-coach"
	Coach       Archetype = "coach"
	Supervisor  Archetype = "supervisor"
	Facilitator Archetype = "facilitator"
	Coordinator Archetype = "coordinator"
)

// Span is the number of direct reports a role works best with.
type Span struct {
	Min       int       `yaml:"min" json:"min"`
	Max       int       `yaml:"max" json:"max"`
	Archetype Archetype `yaml:"archetype" json:"archetype"`
}

// Responsibility is one line of a role blueprint, in one of the groups
// strategic, operational, technical, cross-functional, governance, leadership.
type Responsibility struct {
	Group string `yaml:"group" json:"group"`
	Text  string `yaml:"text" json:"text"`
}

// KPI is a measure a role is judged by, with an example target.
type KPI struct {
	Metric string `yaml:"metric" json:"metric"`
	Target string `yaml:"target" json:"target"`
}

// Role is a catalog entry: a leadership role blueprint or an individual contributor.
type Role struct {
	ID               string           `yaml:"id" json:"id"`
	Title            string           `yaml:"title" json:"title"`
	Domains          []Domain         `yaml:"domains" json:"domains"`
	Level            Level            `yaml:"level" json:"level"`
	Individual       bool             `yaml:"individual,omitempty" json:"individual,omitempty"`
	Summary          string           `yaml:"summary" json:"summary"`
	Responsibilities []Responsibility `yaml:"responsibilities,omitempty" json:"responsibilities,omitempty"`
	KPIs             []KPI            `yaml:"kpis,omitempty" json:"kpis,omitempty"`
	Skills           []string         `yaml:"skills,omitempty" json:"skills,omitempty"`
	ReportsTo        []string         `yaml:"reportsTo,omitempty" json:"reportsTo,omitempty"`
	CareerPath       []string         `yaml:"careerPath,omitempty" json:"careerPath,omitempty"`
	Span             *Span            `yaml:"span,omitempty" json:"span,omitempty"`
	Owns             []string         `yaml:"owns,omitempty" json:"owns,omitempty"`
	Supports         []string         `yaml:"supports,omitempty" json:"supports,omitempty"`
	// Audits lists capabilities the role assesses independently (a CISO
	// audits the access controls IT runs): it must not report to their owner.
	Audits []string `yaml:"audits,omitempty" json:"audits,omitempty"`
	// SameAs names the role this one is a synonym of (the seed list has both
	// SRE Manager and Site Reliability Engineering Manager); the checks treat
	// the two as one role.
	SameAs string `yaml:"sameAs,omitempty" json:"sameAs,omitempty"`

	// Source is where the role was defined, for error messages.
	Source Source `yaml:"-" json:"-"`
	// refs holds the line of each reportsTo, careerPath, owns and supports
	// item, so that an unknown reference is reported where it is written.
	refs refLines
}

// Requirement says when a plan must have an owner for a capability.
// In YAML and JSON it is an object {default, fromHeadcount}; both keys are
// always written to JSON.
type Requirement struct {
	// Default is true when the capability is required in every plan whose
	// scope includes its domain, once the headcount reaches FromHeadcount.
	Default       bool `yaml:"default" json:"default"`
	FromHeadcount int  `yaml:"fromHeadcount" json:"fromHeadcount"`
}

// Capability is one responsibility area of the taxonomy that a position can own
// (be accountable for) or support.
type Capability struct {
	ID          string      `yaml:"id" json:"id"`
	Name        string      `yaml:"name" json:"name"`
	Domain      Domain      `yaml:"domain" json:"domain"`
	Description string      `yaml:"description" json:"description"`
	Refs        []string    `yaml:"refs,omitempty" json:"refs,omitempty"`
	Required    Requirement `yaml:"required" json:"required"`
	// SingleOwner marks a strategy or governance capability that must have
	// one owner in the whole company, never one per branch.
	SingleOwner bool `yaml:"singleOwner,omitempty" json:"singleOwner,omitempty"`

	Source Source `yaml:"-" json:"-"`
}

// RequiredAt reports whether the capability needs an owner in a plan of the given headcount.
func (c *Capability) RequiredAt(headcount int) bool {
	return c.Required.Default && headcount >= c.Required.FromHeadcount
}

// Conflict is a reporting line the catalog marks as a conflict of interest:
// a position in role Report should not report to a position in role Manager.
type Conflict struct {
	Manager string `yaml:"manager" json:"manager"`
	Report  string `yaml:"report" json:"report"`
	Reason  string `yaml:"reason" json:"reason"`

	Source Source `yaml:"-" json:"-"`
	refs   refLines
}

// Source locates a definition in a catalog file.
type Source struct {
	File string
	Line int
}

// String is "FILE:LINE", or FILE alone when the line is unknown.
func (s Source) String() string {
	if s.Line > 0 {
		return s.File + ":" + strconv.Itoa(s.Line)
	}
	return s.File
}

// refLines maps a field that names other entries (reportsTo, owns, manager...)
// to the line of each item, in the order of the field's values.
type refLines map[string][]int
