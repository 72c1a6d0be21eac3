package look

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
	"github.com/go-text/typesetting/language"
)

// fontmapCache finds system fonts for one style. fontscan scans the
// system's font folders once per process (and keeps an index on disk), so
// only the first chart with, say, a Japanese name pays for the scan.
type fontmapCache struct {
	fm    *fontscan.FontMap
	runes map[rune]*font.Face // nil: no system font has it
	ok    bool
}

// fontCacheDir is where fontscan keeps its index of the system's fonts:
// the user's cache folder, else the temporary one. fontscan scans once per
// process and gives up for good if it cannot write its index, so the
// folder must be writable.
func fontCacheDir() string {
	for _, dir := range []func() (string, error){
		func() (string, error) {
			d, err := os.UserCacheDir()
			return filepath.Join(d, "orgplanner"), err
		},
		func() (string, error) {
			return filepath.Join(os.TempDir(), fmt.Sprintf("orgplanner-%d", os.Getuid())), nil
		},
	} {
		d, err := dir()
		if err != nil || os.MkdirAll(d, 0o700) != nil {
			continue
		}
		if f, err := os.CreateTemp(d, "probe"); err == nil {
			f.Close()
			os.Remove(f.Name())
			return d
		}
	}
	return os.TempDir()
}

type quiet struct{}

func (quiet) Printf(string, ...any) {}

// fallback is a system face with a glyph for r, or nil; s.mu is held.
func (s *Shaper) fallback(r rune, sc language.Script, st Style) *font.Face {
	if s.noSystem {
		return nil
	}
	c := s.system[st]
	if c == nil {
		c = &fontmapCache{fm: fontscan.NewFontMap(quiet{}), runes: map[rune]*font.Face{}}
		c.ok = c.fm.UseSystemFonts(fontCacheDir()) == nil
		aspect := font.Aspect{Style: font.StyleNormal, Weight: font.WeightNormal}
		switch st {
		case Bold:
			aspect.Weight = font.WeightBold
		case Italic:
			aspect.Style = font.StyleItalic
		}
		aspect.SetDefaults()
		c.fm.SetQuery(fontscan.Query{Families: []string{"Noto Sans", fontscan.SansSerif}, Aspect: aspect})
		s.system[st] = c
	}
	if !c.ok {
		return nil
	}
	if face, seen := c.runes[r]; seen {
		return face
	}
	if sc.Strong() {
		c.fm.SetScript(sc)
	} else {
		c.fm.SetScript(language.LookupScript(r))
	}
	face := c.fm.ResolveFace(r)
	if face != nil {
		// A glyph the font has only as a bitmap (colour emoji fonts) would
		// be drawn blank by the outline rasteriser and the vector writers:
		// count it as missing instead.
		gid, has := face.NominalGlyph(r)
		if _, outline := face.GlyphData(gid).(font.GlyphOutline); !has || !outline {
			face = nil
		}
	}
	if face != nil {
		if _, known := s.byFace[face]; !known {
			loc := c.fm.FontLocation(face.Font)
			s.byFace[face] = newFont(face, st, loc.File, int(loc.Index), &s.mu)
		}
	}
	c.runes[r] = face
	return face
}

// scriptNames are the names a user knows scripts by, for the report of
// scripts without a font; others go by their ISO 15924 code.
var scriptNames = map[language.Script]string{
	language.Arabic: "Arabic", language.Hebrew: "Hebrew", language.Devanagari: "Devanagari",
	language.Thai: "Thai", language.Han: "Chinese (Han)", language.Hiragana: "Japanese (Hiragana)",
	language.Katakana: "Japanese (Katakana)", language.Hangul: "Korean (Hangul)",
	language.Bengali: "Bengali", language.Tamil: "Tamil", language.Telugu: "Telugu",
	language.Kannada: "Kannada", language.Malayalam: "Malayalam", language.Gujarati: "Gujarati",
	language.Gurmukhi: "Gurmukhi", language.Oriya: "Oriya", language.Sinhala: "Sinhala",
	language.Khmer: "Khmer", language.Lao: "Lao", language.Myanmar: "Myanmar",
	language.Tibetan: "Tibetan", language.Ethiopic: "Ethiopic", language.Georgian: "Georgian",
	language.Armenian: "Armenian", language.Syriac: "Syriac", language.Thaana: "Thaana",
	language.Mongolian: "Mongolian", language.Latin: "Latin", language.Greek: "Greek",
	language.Cyrillic: "Cyrillic", language.Common: "symbols", language.Inherited: "symbols",
}

func scriptName(r rune) string {
	sc := language.LookupScript(r)
	if n, ok := scriptNames[sc]; ok {
		return n
	}
	return sc.String()
}
