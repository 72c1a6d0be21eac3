package uikit

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/catalog"
)

// DomainName is a domain's display name.
func DomainName(d catalog.Domain) string {
	switch d {
	case catalog.IT:
		return "IT"
	case catalog.SEC:
		return "Security"
	case catalog.PRIV:
		return "Privacy"
	case catalog.SRE:
		return "Reliability (SRE)"
	case catalog.PLAT:
		return "Platform"
	case catalog.ENG:
		return "Engineering"
	case catalog.PROD:
		return "Product"
	case catalog.DATA:
		return "Data and AI"
	case "":
		return "Other roles"
	}
	return string(d)
}

func Money(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.1fM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.0fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}

// SetLabel changes a label's text only when it differs: setting a wrapped
// label re-lays out its text even when nothing changed.
func SetLabel(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}
