package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// A plan's titles, holders and role ids are other people's text: printed raw,
// an ESC or OSC sequence in them could retitle the window, clear the screen or
// fake a passing result, and a bidi override could reorder what is shown.
// Every line of text output goes through escapeTerminal, which shows such
// characters visibly (\x1b, \u202e). JSON output is exact and never escaped.

// needsEscape reports whether r must not reach a terminal as itself.
func needsEscape(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f: // C0 controls and DEL
		return true
	case r >= 0x80 && r <= 0x9f: // C1 controls (CSI is U+009B)
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidi marks, embeddings, overrides and isolates
	}
	return false
}

// escapeTerminal returns s with every control character a terminal would act
// on written out as an escape, and invalid UTF-8 bytes as \xNN.
func escapeTerminal(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || needsEscape(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	appendEscaped(&b, []byte(s), true)
	return b.String()
}

// appendEscaped writes p to b escaped; unless final, an incomplete UTF-8
// sequence at the end is left out and its length returned.
func appendEscaped(b *strings.Builder, p []byte, final bool) (pending int) {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size <= 1 {
			if !final && !utf8.FullRune(p[i:]) {
				return len(p) - i
			}
			fmt.Fprintf(b, `\x%02x`, p[i])
			i++
			continue
		}
		switch {
		case !needsEscape(r):
			b.Write(p[i : i+size])
		case r < 0x80:
			fmt.Fprintf(b, `\x%02x`, r)
		default:
			fmt.Fprintf(b, `\u%04x`, r)
		}
		i += size
	}
	return 0
}

// terminalWriter escapes a stream of text on its way to w. A multi-byte
// character split across two writes is held back until it is complete.
type terminalWriter struct {
	w    io.Writer
	tail []byte
}

func (t *terminalWriter) Write(p []byte) (int, error) {
	data := p
	if len(t.tail) > 0 {
		data = append(t.tail, p...)
	}
	var b strings.Builder
	pending := appendEscaped(&b, data, false)
	t.tail = append(t.tail[:0], data[len(data)-pending:]...)
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// flush writes a held-back incomplete sequence (escaped) at the end of output.
func (t *terminalWriter) flush() error {
	if len(t.tail) == 0 {
		return nil
	}
	var b strings.Builder
	appendEscaped(&b, t.tail, true)
	t.tail = t.tail[:0]
	_, err := io.WriteString(t.w, b.String())
	return err
}
