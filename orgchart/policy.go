package orgchart

// Policy holds a plan's overrides of the check thresholds, rules turned off,
// severities changed and arrangements marked as intended. The zero Policy
// means the documented defaults.
type Policy struct{}
