package orgchart

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// encodePolicy writes the canonical lines of a policy block, each indented by
// two spaces, to follow a `policy:` line. Keys come in a fixed order (the order
// of docs/checks.md) and map entries sorted, so equal policies give equal bytes.
// A zero policy gives no bytes: the plan writer then leaves `policy:` out.
func encodePolicy(p Policy) []byte {
	if p.IsZero() {
		return nil
	}
	var b bytes.Buffer
	span := p.FirstLine != (Range{}) || p.ManagersOfManagers != (Range{}) || p.Executive != (Range{}) ||
		p.FarOutside != 0 || p.VacantManagerTeam != 0 || p.SpanExclude != nil || len(p.RoleSpans) > 0
	if span {
		b.WriteString("  span:\n")
		policyWriteRange(&b, "    firstLine", p.FirstLine)
		policyWriteRange(&b, "    managersOfManagers", p.ManagersOfManagers)
		policyWriteRange(&b, "    executive", p.Executive)
		policyWriteInt(&b, "    farOutside", p.FarOutside)
		policyWriteInt(&b, "    vacantManager", p.VacantManagerTeam)
		if p.SpanExclude != nil {
			policyWriteList(&b, "    exclude", "      ", p.SpanExclude)
		}
		if len(p.RoleSpans) > 0 {
			b.WriteString("    roles:\n")
			for _, role := range policySortedKeys(p.RoleSpans) {
				policyWriteRange(&b, "      "+policyScalar(role), p.RoleSpans[role])
			}
		}
	}
	if p.LayersMax != 0 || p.LayerBase != 0 {
		b.WriteString("  layers:\n")
		policyWriteInt(&b, "    max", p.LayersMax)
		policyWriteInt(&b, "    base", p.LayerBase)
	}
	if p.DottedMax != 0 {
		b.WriteString("  reporting:\n")
		policyWriteInt(&b, "    dottedMax", p.DottedMax)
	}
	if len(p.Rules) > 0 {
		b.WriteString("  rules:\n")
		for _, id := range policySortedKeys(p.Rules) {
			b.WriteString("    " + policyScalar(id) + ": " + policyScalar(p.Rules[id]) + "\n")
		}
	}
	if len(p.Intended) > 0 {
		policyWriteList(&b, "  intended", "    ", p.Intended)
	}
	return b.Bytes()
}

// policyWriteRange writes `key: {min: A, max: B}`, leaving out zero bounds and the
// whole line when both are zero.
func policyWriteRange(b *bytes.Buffer, key string, r Range) {
	if r == (Range{}) {
		return
	}
	var parts []string
	if r.Min != 0 {
		parts = append(parts, "min: "+strconv.Itoa(r.Min))
	}
	if r.Max != 0 {
		parts = append(parts, "max: "+strconv.Itoa(r.Max))
	}
	b.WriteString(key + ": {" + strings.Join(parts, ", ") + "}\n")
}

func policyWriteInt(b *bytes.Buffer, key string, v int) {
	if v != 0 {
		b.WriteString(key + ": " + strconv.Itoa(v) + "\n")
	}
}

// policyWriteList writes a block list (one id a line), or `[]` when empty.
func policyWriteList(b *bytes.Buffer, key, indent string, items []string) {
	if len(items) == 0 {
		b.WriteString(key + ": []\n")
		return
	}
	b.WriteString(key + ":\n")
	for _, s := range items {
		b.WriteString(indent + "- " + policyScalar(s) + "\n")
	}
}

// policyScalar writes s as a one-line YAML scalar, quoted only when YAML would
// otherwise read it as something else (a number, a bool, null, a comment ...).
func policyScalar(s string) string {
	plain := s != "" && !strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`\n\r\t") &&
		!strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "?") &&
		strings.TrimSpace(s) == s
	if plain {
		var v any
		if yaml.Unmarshal([]byte(s), &v) == nil {
			if str, ok := v.(string); ok && str == s {
				return s
			}
		}
	}
	return strconv.Quote(s)
}

func policySortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
