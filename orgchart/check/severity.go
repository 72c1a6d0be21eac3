// Package check finds what an org-design reviewer would flag in a plan: spans
// of control, layers, reporting lines and responsibility coverage. Run is a
// pure function of the plan (with its policy) and the catalog, linear in the
// number of positions, so the app can re-run it after every edit.
package check

import "fmt"

// Severity orders findings: Info < Warning < Error.
type Severity int

// The three severities.
const (
	Info Severity = iota
	Warning
	Error
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Info, fmt.Errorf("unknown severity %q: use info, warning or error", s)
}

// MarshalText writes the severity's name, so JSON shows "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
