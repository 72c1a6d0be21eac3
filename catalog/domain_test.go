package catalog

import "testing"

// Every domain has a name of its own for legends; an unknown one shows its code.
func TestDomainNames(t *testing.T) {
	seen := map[string]Domain{}
	for _, d := range Domains {
		n := d.Name()
		if n == "" || (n == string(d) && d != IT) {
			t.Errorf("%s has no display name (%q)", d, n)
		}
		if other, dup := seen[n]; dup {
			t.Errorf("%s and %s share the name %q", d, other, n)
		}
		seen[n] = d
	}
	if got := Domain("HR").Name(); got != "HR" {
		t.Errorf("unknown domain's name = %q, want its code", got)
	}
}
