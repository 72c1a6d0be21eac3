package diff

import (
	"strings"
	"testing"
)

// TestHolderKeyAsFieldsLower: the fast holder key is the lower-cased name
// with runs of white space as one space, exactly as before.
func TestHolderKeyAsFieldsLower(t *testing.T) {
	for _, s := range []string{"", " ", "ann lee", "Ann Lee", "  Ann   LEE ", "ann\tlee", "a\r\nb", "Zoë Ångström", "ZOË\u00a0X",
		"x\u0085y", "o'brien", "ANN-LEE", "a\vb\fc", "lee ", " lee", "李 小龙", "İstanbul"} {
		if got, want := holderKey(s), strings.ToLower(strings.Join(strings.Fields(s), " ")); got != want {
			t.Errorf("holderKey(%q) = %q, want %q", s, got, want)
		}
	}
}
