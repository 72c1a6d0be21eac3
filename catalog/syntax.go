package catalog

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// YAMLSyntaxError turns a yaml.v3 parse error into the faulty line and a
// message without the "yaml: line N:" prefix. Plans and catalogs both use it.
//
// yaml.v3 often reports the line where the enclosing block starts (and, for
// parser errors, that line minus one) rather than the line at fault, so the
// line is found again by parsing ever longer prefixes of the file: the first
// prefix that fails with the same message ends at the faulty line. Binary
// search keeps that to about log2(lines) parses, and it only runs on error;
// past maxRefineSize yaml's own line is kept.
func YAMLSyntaxError(data []byte, err error) (int, string) {
	reported, msg := splitYAMLError(err)
	if reported == 0 && !utf16BOM(data) {
		// Errors of yaml's reader (control characters, bad UTF-8) carry no
		// line, whatever the file's size: find the byte it stopped at.
		if off := firstUnreadable(data); off >= 0 {
			return LineAt(data, off), msg
		}
	}
	if utf16BOM(data) {
		// Lines of UTF-16 text are not split at the byte '\n': keep yaml's line.
		return reported, msg
	}
	ends := LineEnds(data)
	lo, hi := 1, len(ends) // the faulty line is the smallest k in [lo, hi] with fails(k)
	if len(data) > maxRefineSize {
		// A big file: the faulty line is at or after yaml's. Search the
		// lines of the next 64 KB from there, as long as the parses of the
		// prefixes stay within refineBudget bytes (an error on a long line
		// near the top of a big file: yaml's line was the one above it).
		lo = max(1, reported)
		if lo > len(ends) {
			return reported, msg
		}
		hi = min(lo+2, len(ends)) // the next lines, however long
		for hi < len(ends) && ends[hi] <= ends[lo-1]+refineWindow {
			hi++
		}
		if ends[hi-1]*(bits.Len(uint(hi-lo))+1) > refineBudget {
			return reported, msg
		}
	}
	fails := func(k int) bool {
		var n yaml.Node
		e := yaml.Unmarshal(data[:ends[k-1]], &n)
		if e == nil {
			return false
		}
		_, m := splitYAMLError(e)
		return m == msg
	}
	if len(ends) == 0 || !fails(hi) {
		return reported, msg
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, msg
}

// utf16BOM reports whether data starts with a UTF-16 byte-order mark, which
// makes the YAML library decode it as UTF-16.
func utf16BOM(data []byte) bool {
	return len(data) >= 2 && (data[0] == 0xFE && data[1] == 0xFF || data[0] == 0xFF && data[1] == 0xFE)
}

// maxRefineSize bounds the files whose syntax-error line is searched for
// (about twenty parses of the file).
const maxRefineSize = 512 << 10

// In a bigger file the search covers the two lines after yaml's own and
// the lines within refineWindow bytes of it, if its parses read at most
// refineBudget bytes in all.
const (
	refineWindow = 64 << 10
	refineBudget = 8 << 20
)

// splitYAMLError separates "yaml: line 4: message" into 4 and "message".
func splitYAMLError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if n, convErr := strconv.Atoi(rest[:i]); convErr == nil {
				return n, strings.TrimSpace(rest[i+1:])
			}
		}
	}
	return 0, msg
}

// firstUnreadable is the offset of the first character YAML does not allow
// in a file (C0 controls but tab and line ends, DEL, C1 controls but NEL,
// surrogates, U+FFFE and U+FFFF, bad UTF-8), or -1.
func firstUnreadable(data []byte) int {
	for i := 0; i < len(data); {
		c, size := utf8.DecodeRune(data[i:])
		switch {
		case c == utf8.RuneError && size <= 1,
			c < 0x20 && c != '\t' && c != '\n' && c != '\r',
			c >= 0x7F && c <= 0x9F && c != 0x85,
			c >= 0xD800 && c <= 0xDFFF, c == 0xFFFE, c == 0xFFFF:
			return i
		}
		i += size
	}
	return -1
}
