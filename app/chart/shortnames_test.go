package chart

import (
	"slices"
	"testing"
)

func TestShortNamesKeepWhatANameIsKnownBy(t *testing.T) {
	for name, want := range map[string][]string{
		"Grace Hopper":       {"Grace Hopper", "Grace H.", "Grace"},
		"Brandon R. LeBlanc": {"Brandon R. LeBlanc", "Brandon L.", "Brandon"},
		"Zamorano, Jennifer": {"Zamorano, Jennifer", "Zamorano, J.", "Zamorano"}, // was "Zamorano," alone
		"Okoro, Chidi M":     {"Okoro, Chidi M", "Okoro, C.", "Okoro"},           // was "Okoro, M."
		"Ada":                {"Ada"},
		"Ängström, Åsa":      {"Ängström, Åsa", "Ängström, Å.", "Ängström"},
		", Nobody":           {", Nobody", ", N.", ","},
	} {
		if got := shortNames(name); !slices.Equal(got, want) {
			t.Errorf("shortNames(%q) = %q, want %q", name, got, want)
		}
	}
}
