package look

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// refSize is the size text is shaped at; lines are scaled from it. Without
// hinting, shaping is linear in the size, so one shaping serves every size
// and zoom, and 256 px keeps the 1/64 px rounding of advances invisible.
const refSize = 256

// Line is one shaped line of text.
type Line struct {
	Text            string
	Width           float32 // the advance, in logical pixels
	Ascent, Descent float32 // of the primary font at this size, both positive
	RTL             bool    // the paragraph's direction (its first strong character)
	Runs            []Run   // in visual order, left to right
}

// Run is a stretch of a line in one font and one direction.
type Run struct {
	Font   *Font
	Size   float32 // pixels per em
	X      float32 // the run's left edge from the line's origin
	Width  float32
	RTL    bool
	Text   string  // the run's characters in logical order
	Glyphs []Glyph // in visual order
}

// Glyph is one positioned glyph of a run.
type Glyph struct {
	ID      GlyphID
	X, Y    float32 // the glyph's origin from the line's origin (on the baseline), y down
	Advance float32
	Cluster int // byte offset in Run.Text of the first character the glyph draws
}

// Shaper shapes text with HarfBuzz (go-text's port): bidi, scripts, and a
// font per character: the built-in Noto Sans where it has the glyph, else a
// system font that does (found through fontconfig's directories). It is
// safe for concurrent use; results are cached.
type Shaper struct {
	mu       sync.Mutex
	fonts    [3]*Font
	byFace   map[*font.Face]*Font
	system   [3]*fontmapCache // per style, made on the first character Noto Sans lacks
	noSystem bool

	hb    shaping.HarfbuzzShaper
	seg   shaping.Segmenter
	ref   map[refKey]*Line // shaped at refSize
	lines map[lineKey]*Line
	used  []*Font
	isUse map[*Font]bool

	missing map[string]bool // script names without a font
}

type refKey struct {
	s     string
	style Style
}

type lineKey struct {
	s    string
	face Face
}

// maxCache bounds each cache; past it the cache starts over.
const maxCache = 50000

// Options tune a Shaper.
type Options struct {
	// NoSystemFonts keeps to the built-in Noto Sans (tests of the missing
	// script report, reproducible output).
	NoSystemFonts bool
}

// NewShaper returns a shaper with the built-in fonts and system fallback.
func NewShaper() *Shaper { return NewShaperWith(Options{}) }

// NewShaperWith returns a shaper with the given options.
func NewShaperWith(opt Options) *Shaper {
	s := &Shaper{byFace: map[*font.Face]*Font{}, noSystem: opt.NoSystemFonts,
		ref: map[refKey]*Line{}, lines: map[lineKey]*Line{}, isUse: map[*Font]bool{}, missing: map[string]bool{}}
	fs, err := embeddedFonts(&s.mu)
	if err != nil {
		panic(err) // the built-in fonts are part of the program: a test catches a broken one
	}
	s.fonts = fs
	for _, f := range fs {
		s.byFace[f.face] = f
	}
	return s
}

// Font is the built-in font of a style.
func (s *Shaper) Font(st Style) *Font { return s.fonts[st%3] }

// Metrics are the ascent and descent (both positive) of the built-in font
// of the face's style at its size, in pixels: what line boxes are centred on.
func (s *Shaper) Metrics(f Face) (ascent, descent float32) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fonts[f.Style%3].extents(f.Size)
}

// Measure is the advance width of str in face f, in logical pixels.
func (s *Shaper) Measure(str string, f Face) float32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refLine(str, f.Style).Width * f.Size / refSize
}

// Shape returns str shaped in face f. The line is shared: do not modify it.
func (s *Shaper) Shape(str string, f Face) *Line {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := lineKey{str, f}
	if l, ok := s.lines[k]; ok {
		return l
	}
	if len(s.lines) > maxCache {
		clear(s.lines)
	}
	l := scaled(s.refLine(str, f.Style), f.Size)
	l.Ascent, l.Descent = s.fonts[f.Style%3].extents(f.Size)
	for _, r := range l.Runs {
		if !s.isUse[r.Font] {
			s.isUse[r.Font] = true
			s.used = append(s.used, r.Font)
		}
	}
	s.lines[k] = l
	return l
}

// Fonts lists every font that lines returned by Shape use, in first use
// order: what a PDF or SVG embeds.
func (s *Shaper) Fonts() []*Font {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Font(nil), s.used...)
}

// Missing lists the scripts (by name: "Thai", "Chinese") of characters
// shaped so far that no font on this system has, sorted. They come out as
// empty boxes; an exporter says so once.
func (s *Shaper) Missing() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.missing))
	for k := range s.missing {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func scaled(ref *Line, size float32) *Line {
	k := size / refSize
	l := &Line{Text: ref.Text, Width: ref.Width * k, RTL: ref.RTL, Runs: make([]Run, len(ref.Runs))}
	for i, r := range ref.Runs {
		r.Size, r.X, r.Width = size, r.X*k, r.Width*k
		gs := make([]Glyph, len(r.Glyphs))
		for j, g := range r.Glyphs {
			g.X, g.Y, g.Advance = g.X*k, g.Y*k, g.Advance*k
			gs[j] = g
		}
		r.Glyphs = gs
		l.Runs[i] = r
	}
	return l
}

// refLine shapes str at refSize; s.mu is held.
func (s *Shaper) refLine(str string, st Style) *Line {
	st %= 3
	k := refKey{str, st}
	if l, ok := s.ref[k]; ok {
		return l
	}
	if len(s.ref) > maxCache {
		clear(s.ref)
	}
	l := s.shape(str, st)
	s.ref[k] = l
	return l
}

func (s *Shaper) shape(str string, st Style) *Line {
	// Broken UTF-8 becomes U+FFFD and control characters (a tab or a line
	// break pasted into a name) spaces, so runes and bytes agree.
	str = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(str, "\uFFFD"))
	l := &Line{Text: str}
	runes := []rune(str)
	if len(runes) == 0 {
		return l
	}
	lv, rtl := levels(runes)
	l.RTL = rtl
	var outs []shaping.Output
	for _, lr := range visualRuns(lv) {
		dir := di.DirectionLTR
		if lr.level%2 == 1 {
			dir = di.DirectionRTL
		}
		in := shaping.Input{Text: runes, RunStart: lr.start, RunEnd: lr.end, Direction: dir, Size: fixed.I(refSize)}
		var parts []shaping.Input
		if sc, ok := s.simple(runes[lr.start:lr.end], st); ok && dir == di.DirectionLTR {
			// Latin, Greek or Cyrillic the built-in font has: one run, no
			// segmenting (a third of the shaping time of a chart).
			in.Face, in.Script, in.Language = s.fonts[st].face, sc, language.DefaultLanguage()
			parts = []shaping.Input{in}
		} else {
			// By script and font; the direction is the level's.
			parts = append(parts, s.seg.Split(in, &fontmap{s: s, style: st})...)
			for k := range parts {
				parts[k].Direction = dir
			}
			if dir == di.DirectionRTL {
				for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
					parts[a], parts[b] = parts[b], parts[a]
				}
			}
		}
		for _, x := range parts {
			outs = append(outs, s.hb.Shape(x))
		}
	}
	// Byte offsets of the runes, for clusters.
	at := make([]int, len(runes)+1)
	for i, r := range runes {
		at[i+1] = at[i] + utf8.RuneLen(r)
	}
	x := float32(0)
	for _, o := range outs {
		f := s.fontOf(o.Face)
		start, end := o.Runes.Offset, o.Runes.Offset+o.Runes.Count
		r := Run{Font: f, Size: refSize, X: x, RTL: o.Direction.Progression() == di.TowardTopLeft,
			Text: str[at[start]:at[end]], Glyphs: make([]Glyph, len(o.Glyphs))}
		for i, g := range o.Glyphs {
			if g.GlyphID == 0 && g.ClusterIndex < len(runes) && !unicode.IsSpace(runes[g.ClusterIndex]) {
				s.missing[scriptName(runes[g.ClusterIndex])] = true
			}
			adv := fx(g.Advance)
			r.Glyphs[i] = Glyph{ID: GlyphID(g.GlyphID), X: x + fx(g.XOffset), Y: -fx(g.YOffset), Advance: adv,
				Cluster: at[min(max(g.ClusterIndex, start), end)] - at[start]}
			x += adv
		}
		r.Width = x - r.X
		l.Runs = append(l.Runs, r)
	}
	l.Width = x
	return l
}

// simple reports whether text is all below U+0530 (Latin, Greek,
// Cyrillic, their marks, common punctuation) and in the built-in font of
// the style, with the script of its first letter.
func (s *Shaper) simple(runes []rune, st Style) (language.Script, bool) {
	sc := language.Latin
	seen := false
	face := s.fonts[st].face
	for _, r := range runes {
		if r >= 0x530 || r < 0x20 {
			return 0, false
		}
		if _, ok := face.NominalGlyph(r); !ok {
			return 0, false
		}
		if !seen && unicode.IsLetter(r) {
			sc, seen = language.LookupScript(r), true
		}
	}
	return sc, true
}

func fx(v fixed.Int26_6) float32 { return float32(v) / 64 }

func (s *Shaper) fontOf(face *font.Face) *Font {
	if f, ok := s.byFace[face]; ok {
		return f
	}
	return s.fonts[Regular] // not reached: every face comes from the fontmap
}

// fontmap picks the face of each character for go-text's segmenter.
type fontmap struct {
	s      *Shaper
	style  Style
	script language.Script
}

func (m *fontmap) SetScript(sc language.Script) { m.script = sc }

func (m *fontmap) ResolveFace(r rune) *font.Face {
	primary := m.s.fonts[m.style].face
	if _, ok := primary.NominalGlyph(r); ok || r < 0x20 {
		return primary
	}
	if face := m.s.fallback(r, m.script, m.style); face != nil {
		return face
	}
	m.s.missing[scriptName(r)] = true
	return primary
}

// MissingNote is what an exporter prints, once, when some text had no
// font on this system: "" when every character had one.
func (s *Shaper) MissingNote() string {
	m := s.Missing()
	if len(m) == 0 {
		return ""
	}
	list := m[0]
	if len(m) > 1 {
		list = strings.Join(m[:len(m)-1], ", ") + " and " + m[len(m)-1]
	}
	return "no font on this system for " + list + " text, which shows as empty boxes: install a font for it (on Debian and Ubuntu: fonts-noto-core fonts-noto-cjk)"
}
