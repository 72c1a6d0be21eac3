package catalog

import (
	"bytes"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// syntaxError turns a yaml.v3 parse error into a line and a message.
//
// yaml.v3 often reports the line where the enclosing block starts (and, for
// parser errors, that line minus one) rather than the line at fault, so the
// line is found again by parsing ever longer prefixes of the file: the first
// prefix that fails with the same message ends at the faulty line. Binary
// search keeps that to about log2(lines) parses, and it only runs on error.
func syntaxError(data []byte, err error) (int, string) {
	reported, msg := splitYAMLError(err)
	ends := lineEnds(data)
	fails := func(k int) bool {
		var n yaml.Node
		e := yaml.Unmarshal(data[:ends[k-1]], &n)
		if e == nil {
			return false
		}
		_, m := splitYAMLError(e)
		return m == msg
	}
	if len(ends) == 0 || !fails(len(ends)) {
		return reported, msg
	}
	lo, hi := 1, len(ends) // smallest k in [lo, hi] with fails(k)
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

// lineEnds returns, for each line, the offset just past its newline.
func lineEnds(data []byte) []int {
	var ends []int
	for off := 0; off < len(data); {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			ends = append(ends, len(data))
			break
		}
		off += i + 1
		ends = append(ends, off)
	}
	return ends
}
