package orgchart

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// appendScalar appends s as a YAML scalar: plain when YAML reads it back as
// the same text, otherwise double-quoted with escapes. flow is true inside
// [a, b] lists, where , [ ] { } also need quotes.
func appendScalar(b []byte, s string, flow bool) []byte {
	if !utf8.ValidString(s) {
		// Reading back gives U+FFFD for each bad byte anyway: write that now,
		// so the first save is already canonical.
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !needsQuotes(s, flow) {
		return append(b, s...)
	}
	return appendDoubleQuoted(b, s)
}

// needsQuotes reports whether s must be quoted to be read back as the text s.
// It errs on the side of quoting: a quoted value is always right.
func needsQuotes(s string, flow bool) bool {
	if s == "" {
		return true
	}
	switch s[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '.', '+', ' ', '~', '=', '<':
		return true
	}
	if s[len(s)-1] == ' ' || s[len(s)-1] == ':' {
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return true
			}
			if flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
				return true
			}
			if c == ':' && (i+1 == len(s) || s[i+1] == ' ') || c == '#' && s[i-1] == ' ' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || !unicode.IsPrint(r) || r == '\uFEFF' {
			return true
		}
		i += size
	}
	if reservedWord(s) {
		return true
	}
	if c := s[0]; '0' <= c && c <= '9' {
		return looksNumeric(s)
	}
	return false
}

// reservedWord reports the plain words YAML 1.1 or 1.2 reads as booleans or null.
func reservedWord(s string) bool {
	if len(s) > 5 {
		return false
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return true
	}
	return false
}

// looksNumeric reports whether a plain s starting with a digit could be read
// as a number or a timestamp (by YAML 1.1 or 1.2 rules).
func looksNumeric(s string) bool {
	// Timestamps (2006-01-02...) first; then a cheap filter so that ids such
	// as UUIDs never reach the (allocating) parsers below.
	if len(s) >= 8 && isDigits(s[:4]) && s[4] == '-' {
		return true
	}
	signs := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-' || c == '+':
			signs++
		case '0' <= c && c <= '9', 'a' <= c && c <= 'f', 'A' <= c && c <= 'F',
			c == 'x', c == 'X', c == 'o', c == 'O', c == '_', c == '.', c == ':':
		default:
			return false
		}
	}
	if signs > 1 {
		return false
	}
	if _, err := strconv.ParseInt(s, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseUint(s, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64); err == nil {
		return true
	}
	// Very long digit runs overflow ParseInt but still read as numbers.
	digitsOnly := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || c == '_' || c == '.' || c == 'e' || c == 'E') {
			digitsOnly = false
			break
		}
	}
	if digitsOnly {
		return true
	}
	// YAML 1.1 sexagesimal numbers (1:20).
	if i := strings.IndexByte(s, ':'); i > 0 && isDigits(strings.ReplaceAll(s[:i], "_", "")) {
		return true
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

const hexDigits = "0123456789ABCDEF"

// appendDoubleQuoted appends s in YAML's double-quoted style, escaping what
// could not stand in it literally: quotes, backslashes, control characters,
// line and paragraph separators and other non-printing characters.
func appendDoubleQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '"':
				b = append(b, '\\', '"')
			case c == '\\':
				b = append(b, '\\', '\\')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c < 0x20 || c == 0x7f:
				b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
			default:
				b = append(b, c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b = append(b, `\uFFFD`...)
		case r == '\u0085':
			b = append(b, '\\', 'N')
		case r == '\u2028':
			b = append(b, '\\', 'L')
		case r == '\u2029':
			b = append(b, '\\', 'P')
		case r == '\uFEFF' || !unicode.IsPrint(r) && r != '\u00A0':
			if r > 0xFFFF {
				b = append(b, '\\', 'U')
				for shift := 28; shift >= 0; shift -= 4 {
					b = append(b, hexDigits[(r>>shift)&15])
				}
			} else {
				b = append(b, '\\', 'u')
				for shift := 12; shift >= 0; shift -= 4 {
					b = append(b, hexDigits[(r>>shift)&15])
				}
			}
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}
