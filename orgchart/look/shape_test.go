package look

import (
	"os/exec"
	"strings"
	"testing"
)

// scriptSamples are names and titles in the scripts the chart must draw,
// each with the script name Missing reports when no font has it.
var scriptSamples = []struct {
	name, text, script, lang string // lang: fontconfig's language code
}{
	{"Chinese", "首席信息官 王小明", "Chinese (Han)", "zh-cn"},
	{"Japanese", "最高技術責任者 さとう", "Japanese (Hiragana)", "ja"},
	{"Korean", "최고 기술 책임자 김민수", "Korean (Hangul)", "ko"},
	{"Arabic", "مدير الأمن محمد علي", "Arabic", "ar"},
	{"Hebrew", "מנהל אבטחה דוד כהן", "Hebrew", "he"},
	{"Devanagari", "मुख्य सूचना अधिकारी प्रिया शर्मा", "Devanagari", "hi"},
	{"Thai", "ผู้อำนวยการ สมชาย ใจดี", "Thai", "th"},
}

// systemHasFont asks fontconfig (independently of the shaper) whether any
// installed font covers a language; the script tests skip only when none
// does.
func systemHasFont(t *testing.T, lang string) {
	t.Helper()
	out, err := exec.Command("fc-list", ":lang="+lang, "file").Output()
	if err != nil {
		t.Skipf("fc-list is not available (%v): cannot tell whether a font for %s is installed", err, lang)
	}
	if strings.TrimSpace(string(out)) == "" {
		t.Skipf("no font for language %s on this system (make test-deps installs fonts-noto-core and fonts-noto-cjk)", lang)
	}
}

func TestShapeLatinGreekCyrillicWithBuiltInFont(t *testing.T) {
	s := NewShaperWith(Options{NoSystemFonts: true})
	for _, text := range []string{"Chief Information Officer", "Ελένη Παπαδοπούλου", "Анна Иванова", "Zoë Åström-Łukasiewicz"} {
		l := s.Shape(text, Face{Bold, 13})
		if l.Width <= 0 || len(l.Runs) != 1 {
			t.Fatalf("%q: width %v, %d runs", text, l.Width, len(l.Runs))
		}
		if !l.Runs[0].Font.Embedded() {
			t.Errorf("%q drawn in %s, want the built-in Noto Sans", text, l.Runs[0].Font.Name)
		}
		for _, g := range l.Runs[0].Glyphs {
			if g.ID == 0 {
				t.Errorf("%q has a missing glyph", text)
			}
		}
	}
	if m := s.Missing(); len(m) != 0 {
		t.Errorf("missing %v for Latin, Greek and Cyrillic", m)
	}
}

func TestShapeReportsScriptsWithoutFont(t *testing.T) {
	s := NewShaperWith(Options{NoSystemFonts: true})
	for _, x := range scriptSamples {
		s.Shape(x.text, Face{Regular, 12})
	}
	got := strings.Join(s.Missing(), ", ")
	for _, x := range scriptSamples {
		if !strings.Contains(got, x.script) {
			t.Errorf("missing scripts %q do not name %s", got, x.script)
		}
	}
}

func TestShapeEveryScriptWithSystemFonts(t *testing.T) {
	s := NewShaper()
	for _, x := range scriptSamples {
		t.Run(x.name, func(t *testing.T) {
			systemHasFont(t, x.lang)
			for _, st := range []Style{Regular, Bold} {
				l := s.Shape(x.text, Face{st, 12})
				glyphs := 0
				for _, r := range l.Runs {
					for _, g := range r.Glyphs {
						glyphs++
						if g.ID == 0 {
							t.Errorf("%s %s: a glyph of run %q in %s is missing", x.name, st, r.Text, r.Font.Name)
						}
					}
					if r.Text != " " && len(r.Font.Outline(r.Glyphs[0].ID, 12)) == 0 && r.Glyphs[0].Advance > 0 && r.Text[0] != ' ' {
						t.Errorf("%s: the first glyph of %q in %s has no outline", x.name, r.Text, r.Font.Name)
					}
				}
				if glyphs == 0 || l.Width <= 0 {
					t.Fatalf("%s: %d glyphs, width %v", x.name, glyphs, l.Width)
				}
				if want := x.name == "Arabic" || x.name == "Hebrew"; l.RTL != want {
					t.Errorf("%s: RTL = %v, want %v", x.name, l.RTL, want)
				}
			}
		})
	}
	if m := s.Missing(); len(m) != 0 {
		t.Errorf("scripts reported without a font although the system has one: %v", m)
	}
}

// Arabic is shaped: letters join, so the word takes other (contextual)
// glyphs than its letters alone, and it is laid out right to left.
func TestShapeArabicJoinsLetters(t *testing.T) {
	systemHasFont(t, "ar")
	s := NewShaper()
	word := s.Shape("محمد", Face{Regular, 12})
	var ids []GlyphID
	for _, r := range word.Runs {
		for _, g := range r.Glyphs {
			ids = append(ids, g.ID)
		}
	}
	var alone []GlyphID
	for _, ch := range "محمد" {
		l := s.Shape(string(ch), Face{Regular, 12})
		alone = append(alone, l.Runs[0].Glyphs[0].ID)
	}
	same := 0
	for i := range ids {
		if i < len(alone) && ids[len(ids)-1-i] == alone[i] {
			same++
		}
	}
	if same == len(alone) {
		t.Errorf("joined glyphs %v are the isolated forms %v: no shaping", ids, alone)
	}
	if !word.Runs[0].RTL || word.Runs[0].Glyphs[0].Cluster <= word.Runs[0].Glyphs[len(ids)-1].Cluster {
		t.Errorf("run not right to left: %+v", word.Runs[0])
	}
}

// A character no installed font draws as an outline (an emoji, when the
// only emoji font is a bitmap one or there is none) is reported, not drawn
// blank without a word.
func TestShapeReportsCharactersWithoutOutline(t *testing.T) {
	s := NewShaper()
	l := s.Shape("Ana \U0001F680", Face{Regular, 12})
	drawn := false
	for _, r := range l.Runs {
		for _, g := range r.Glyphs {
			if r.Font.Outline(g.ID, 12) != nil && g.Cluster > 3 {
				drawn = true
			}
		}
	}
	if !drawn && !strings.Contains(strings.Join(s.Missing(), ","), "symbols") {
		t.Errorf("the rocket is neither drawn nor reported: missing %v", s.Missing())
	}
}

// Hostile text shapes without a panic: broken UTF-8, control characters,
// bidi overrides, a long string, combining marks piled on one letter.
func TestShapeHostileText(t *testing.T) {
	s := NewShaperWith(Options{NoSystemFonts: true})
	for _, text := range []string{
		"bad\xff\xfebytes", "tab\tand\nnewline\x00nul", "\u202Eevil override\u202C", "a\u0301\u0301\u0301\u0301\u0301",
		strings.Repeat("Long name ", 5000), "\uFFFD", " ", "",
	} {
		for _, st := range []Style{Regular, Bold, Italic} {
			l := s.Shape(text, Face{st, 12})
			for _, r := range l.Runs {
				for _, g := range r.Glyphs {
					if g.Cluster < 0 || g.Cluster > len(r.Text) {
						t.Errorf("%q: cluster %d outside run %q", text, g.Cluster, r.Text)
					}
				}
			}
			if text != "" && text != " " && l.Width <= 0 {
				t.Errorf("%q: width %v", text, l.Width)
			}
			_ = Wrap(s.Measure, text, Face{st, 12}, 100, 2)
			_ = Ellipsize(s.Measure, text, Face{st, 12}, 100)
		}
	}
}

// Mixed directions come out in the order UAX #9 gives: a number after
// Arabic or Hebrew words in a left-to-right name stands left of them, and
// the space between stays between.
func TestBidiOrder(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // the runs' texts (each in logical order), left to right
		rtl  bool
	}{
		{"Ahmed محمد 42", "Ahmed |42|محمد ", false}, // the RTL run's space is drawn on its left
		{"CISO מנהל 2", "CISO |2|מנהל ", false},
		{"محمد علي", "محمد علي", true},
		{"مدير (IT) الأمن", ") الأمن|IT|مدير (", true},
		{"Head of IT", "Head of IT", false},
		{"abc 42 def", "abc 42 def", false},
		{"דוד כהן 3 abc", "abc| |3|דוד כהן ", true},
	} {
		lv, rtl := levels([]rune(c.in))
		var got []string
		runes := []rune(c.in)
		for _, r := range visualRuns(lv) {
			got = append(got, string(runes[r.start:r.end]))
		}
		if strings.Join(got, "|") != c.want || rtl != c.rtl {
			t.Errorf("%q: runs %q (rtl %v), want %q (rtl %v)", c.in, strings.Join(got, "|"), rtl, c.want, c.rtl)
		}
	}
}
