package look

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// perRune measures every character as 1 px, so the rules are checked
// independently of any font.
func perRune(s string, _ Face) float32 { return float32(utf8.RuneCountInString(s)) }

func TestWrap(t *testing.T) {
	f := Face{Bold, 13}
	for _, c := range []struct {
		in    string
		width float32
		lines int
		want  []string
	}{
		{"", 10, 2, nil},
		{"   ", 10, 2, nil},
		{"Chief Officer", 20, 2, []string{"Chief Officer"}},
		{"Chief  Information   Officer", 40, 2, []string{"Chief Information Officer"}},
		{"Chief Information Officer", 12, 2, []string{"Chief", "Information…"}},
		{"Chief Information Officer", 17, 2, []string{"Chief Information", "Officer"}},
		{"Chief Information Security Officer", 17, 2, []string{"Chief Information", "Security Officer"}},
		{"Chief Information Security Officer Europe", 17, 2, []string{"Chief Information", "Security Officer…"}},
		{"Supercalifragilistic", 8, 2, []string{"Supercal", "ifragil…"}},
		{"Supercalifragilistic Officer", 8, 3, []string{"Supercal", "ifragili", "stic Of…"}},
		{"Chief Information Officer", 12, 1, []string{"Chief Infor…"}},
		{"a b", 0, 2, []string{"a", "…"}},
		// CJK breaks between ideographs, with no spaces.
		{"首席信息官王小明", 5, 2, []string{"首席信息官", "王小明"}},
		{"首席信息官王小明先生", 4, 2, []string{"首席信息", "官王小…"}},
	} {
		got := Wrap(perRune, c.in, f, c.width, c.lines)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %v, %d) = %q, want %q", c.in, c.width, c.lines, got, c.want)
		}
		if len(got) > c.lines {
			t.Errorf("Wrap(%q) gave %d lines, at most %d allowed", c.in, len(got), c.lines)
		}
		for _, l := range got {
			if perRune(l, f) > max(c.width, 1) {
				t.Errorf("Wrap(%q): line %q is wider than %v", c.in, l, c.width)
			}
		}
	}
}

func TestEllipsize(t *testing.T) {
	f := Face{Regular, 12}
	for _, c := range []struct {
		in    string
		width float32
		want  string
	}{
		{"Ada Lovelace", 12, "Ada Lovelace"},
		{"Ada Lovelace", 11, "Ada Lovela…"},
		{"Ada Lovelace", 5, "Ada…"},  // the space before the ellipsis goes
		{"Smith, John", 7, "Smith…"}, // and so does a comma
		{"Ada Lovelace", 1, "…"},
		{"Ada Lovelace", 0, "…"},
		// Combining marks stay with their letter: "é" as e + U+0301 counts
		// 2 px here but is never split.
		{"Re\u0301mi Dupont", 3, "R…"},
		{"Re\u0301mi Dupont", 4, "Re\u0301…"},
		// Thai vowels and tone marks stay on their consonant.
		{"ผู้อำนวยการ", 4, "ผู้…"},
		{"bad\xffbyte name", 40, "bad\uFFFDbyte name"},
	} {
		if got := Ellipsize(perRune, c.in, f, c.width); got != c.want {
			t.Errorf("Ellipsize(%q, %v) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

// The shaper's measure is what the renderers wrap with: titles wrap to the
// same lines at any size, since shaping is linear in the size.
func TestWrapWithShaperIsSizeIndependent(t *testing.T) {
	s := NewShaperWith(Options{NoSystemFonts: true})
	title := "Head of Platform Engineering and Developer Experience"
	a := Wrap(s.Measure, title, Face{Bold, 13}, 170, 2)
	b := Wrap(s.Measure, title, Face{Bold, 26}, 340, 2)
	if strings.Join(a, "|") != strings.Join(b, "|") || len(a) != 2 || !strings.HasSuffix(a[1], Ellipsis) {
		t.Errorf("at 13 px %q, at 26 px %q", a, b)
	}
	if w := s.Measure("Officer", Face{Bold, 26}); w < 2*s.Measure("Officer", Face{Bold, 13})-0.1 {
		t.Errorf("measure not linear in size: %v", w)
	}
	if s.Measure("Officer", Face{Bold, 13}) <= s.Measure("Officer", Face{Regular, 13}) {
		t.Error("bold is not wider than regular")
	}
}
