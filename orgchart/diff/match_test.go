package diff

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
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

// TestRoleHolderHashesAsKeys: pairing by hashed role-and-holder keys gives
// the pairs the keys themselves give, on plans with repeated names, blank
// holders and names that differ only in case or spacing; and a collision
// (two keys given one hash) is seen, so that the exact pass takes over.
func TestRoleHolderHashesAsKeys(t *testing.T) {
	names := []string{"Ann Lee", "ann  lee", "ANN LEE", "Bo", "   ", "Cy Dee", "Cy Dee", "Ed", "Zoë Å"}
	roles := []string{"cto", "ciso", "software-engineer"}
	plan := func(seed int) []*orgchart.Position {
		var ps []*orgchart.Position
		for i := 0; i < 60; i++ {
			holder, role := names[(i*7+seed)%len(names)], roles[i%len(roles)]
			if i >= 20 {
				n := (i + seed) % 50 // unique on a side, some on both
				holder, role = fmt.Sprint("Person ", n), roles[n%len(roles)]
			}
			ps = append(ps, &orgchart.Position{ID: fmt.Sprint(seed, "-", i), Role: role, Holder: holder})
		}
		return ps
	}
	for seed := 1; seed <= 5; seed++ {
		before, after := plan(seed), plan(seed+1)
		none := func(n int) []int32 { return unmatched(n) }
		s := maphash.MakeSeed()
		b, a := roleHolderKeys(before, none(len(before)), s), roleHolderKeys(after, none(len(after)), s)
		got, ok := b.pairs(a, before, after)
		if !ok {
			t.Fatalf("seed %d: a collision among %d keys", seed, len(before))
		}
		want := exactRoleHolderPairs(b, a, before, after)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("seed %d: hashed pairs %v, keys %v", seed, got, want)
		}
		// Two different keys given one hash.
		for i := range a.hash {
			if a.held[i] && (after[i].Role != before[0].Role || a.holder[i] != b.holder[0]) && b.held[0] {
				a.hash[i] = b.hash[0]
				delete(b.at, b.hash[0])
				b.at[b.hash[0]] = 0
				a.at[b.hash[0]] = int32(i)
				break
			}
		}
		if _, ok := b.pairs(a, before, after); ok {
			t.Errorf("seed %d: a collision across the plans went unseen", seed)
		}
	}
}

// TestOwnerLineNamesFiveOwners: a capability owned by a role held 1,000
// times is one short line, not a thousand names (--json has them all).
func TestOwnerLineNamesFiveOwners(t *testing.T) {
	var rs []Ref
	for i := 0; i < 1000; i++ {
		rs = append(rs, Ref{ID: fmt.Sprint(i), Title: "Engineer", Holder: fmt.Sprint("P", i)})
	}
	got := ownerChangeText(OwnerChange{After: rs})
	want := "nobody -> Engineer (P0) and Engineer (P1) and Engineer (P2) and Engineer (P3) and Engineer (P4) and 995 more"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := refsText(rs[:5]); strings.Contains(got, "more") {
		t.Errorf("five owners: %q", got)
	}
}
