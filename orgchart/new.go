package orgchart

import "github.com/google/uuid"

// NewID returns a fresh random position id (a version 4 UUID).
func NewID() string { return uuid.NewString() }

// NewPlan returns an empty plan of the current format version.
func NewPlan(name string) *Plan {
	return &Plan{Version: FormatVersion, Name: name}
}
