package orgchart

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"go.yaml.in/yaml/v3"
)

// yamlItems is what yaml.v3 makes of a chunk: the sequence under
// `positions:`, lines shifted to the file's, or nil when it refuses it or
// the value is not a list.
func yamlItems(c posChunk) *yaml.Node {
	text := append([]byte("positions:\n"), c.data...)
	doc, problems := catalog.ParseYAML(text, "a plan")
	if len(problems) > 0 || doc == nil || len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || len(root.Content) != 2 || root.Content[1].Kind != yaml.SequenceNode {
		return nil
	}
	seq := root.Content[1]
	shiftLines(seq, c.line-2, 0)
	return seq
}

// sameNodes says where two node trees first differ ("" when they do not).
func sameNodes(a, b *yaml.Node, path string) string {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Line != b.Line || a.Column != b.Column || a.HeadComment != b.HeadComment || a.LineComment != b.LineComment ||
		a.FootComment != b.FootComment || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: fast {kind %d style %d tag %s value %q line %d col %d, %d children} yaml.v3 {kind %d style %d tag %s value %q line %d col %d, %d children; comments %q %q %q}",
			path, a.Kind, a.Style, a.Tag, a.Value, a.Line, a.Column, len(a.Content),
			b.Kind, b.Style, b.Tag, b.Value, b.Line, b.Column, len(b.Content), b.HeadComment, b.LineComment, b.FootComment)
	}
	for i := range a.Content {
		if d := sameNodes(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// compareFast fails unless the fast path, when it reads the chunk data at
// line, builds exactly yaml.v3's tree; it reports whether it read it.
func compareFast(t *testing.T, data []byte, line int) bool {
	t.Helper()
	c := posChunk{data: data, line: line}
	var f fastParser
	fast, ok := f.items(c)
	if !ok {
		return false
	}
	want := yamlItems(c)
	if want == nil {
		t.Fatalf("the fast path read a chunk yaml.v3 refuses (or does not read as a list):\n%q", data)
	}
	if d := sameNodes(fast, want, "positions"); d != "" {
		t.Fatalf("the fast path and yaml.v3 differ at %s\n--- chunk:\n%q", d, data)
	}
	return true
}

// chunksOf cuts a plan file as the reader does.
func chunksOf(t *testing.T, data []byte) []posChunk {
	t.Helper()
	_, chunks, _, ok := splitPositions(data)
	if !ok {
		return nil
	}
	return chunks
}

// awkward holds values that test every scalar style Encode writes: quotes,
// escapes, colons, hashes, numbers, reserved words, non-ASCII, flow
// indicators and spaces where they matter.
var awkward = []string{
	"plain", "two words", "Zoë Ångström", "李小龙", "عمر", "😀 emoji", "a:b", "a: b", "a #b", "a#b", "#x", "-x", "- x", "-",
	"?x", ":x", "x:", "[a]", "a[b]", "{a}", "a,b", "a, b", "'q'", `"dq"`, `back\slash`, "tab\there", "line\nbreak",
	"cr\rhere", "nel\u0085", "ls\u2028ps\u2029", "bom\uFEFF", "nbsp\u00a0x", "ctl\x01\x7f", "c1\u0080\u009f", "\uFFFD",
	"0", "007", "1e3", "1_000", "0x1F", "0o17", "0b101", "-0b1", "+5", "-5", ".5", "5.", "1.2.3", "2024-01-02", "2024-1-2",
	"1234-", "12345", "99999999999999999999", "inf", ".inf", "-.INF", ".nan", "NaN", "true", "False", "yes", "no", "on",
	"off", "y", "n", "null", "~", "Null", "<<", "=SUM(A1)", "@x", "+x", "%x", "&a", "*a", "!t", "|", ">", "`x`", "~x",
	" leading", "trailing ", "a  b", "x\\", "\"", "'", "''", "a'b", "é:é", "a:", "1:20", "0:0", "e1", "E", "0e", "1e+5",
	"1e-5", "-1e-5", "0x", "0b", "0o", "0xg", "--1", "+-1", "1-2", "1+2", "3f2a1b4c-1234-4abc-8def-0123456789ab",
	"9e1d2c3b-aaaa-4bbb-8ccc-dddddddddddd", "a:1", "a:-", "a,", "[", "]", ",", "a]", "dept:ops", "x: [y]", "...", "---",
}

// awkwardPlan is a generated-looking plan whose text fields, roles, ids and
// lists draw on awkward, written by Encode (so in every scalar style it
// writes).
func awkwardPlan(n int, seed int64) *Plan {
	rng := rand.New(rand.NewSource(seed))
	pick := func() string { return awkward[rng.Intn(len(awkward))] }
	p := &Plan{Version: 1, Name: "Awkward"}
	used := map[string]bool{}
	for i := range n {
		pos := &Position{ID: fmt.Sprintf("p%d", i), Role: "software-engineer"}
		if id := pick(); rng.Intn(4) == 0 && !used[id] && id != "" {
			pos.ID = id // unique ids: Encode walks the tree
		}
		used[pos.ID] = true
		if rng.Intn(4) == 0 {
			pos.Role = pick()
		}
		if i > 0 {
			pos.ReportsTo = p.Positions[rng.Intn(i)].ID
		}
		pos.Title, pos.Holder, pos.Notes = pick(), pick(), pick()
		if rng.Intn(3) == 0 {
			pos.DottedTo = []string{pick(), pick()}
			pos.Owns = []string{pick()}
		}
		if rng.Intn(3) == 0 {
			pos.Count = 1 + rng.Intn(50)
			pos.Cost = float64(rng.Intn(300000)) + 0.5*float64(rng.Intn(2))
		}
		p.Positions = append(p.Positions, pos)
	}
	return p
}

// restyled writes a plan Encode wrote as other tools and people do: other
// line breaks, comments of every kind a person adds, items at the key's
// indent with block lists (PyYAML, yq --indentless-lists), 4-space indents,
// quoted keys, empty values.
func restyled(s string, seed int64) map[string]string {
	rng := rand.New(rand.NewSource(seed))
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	var commented, pyyaml, wide, quotedKeys, blocks []string
	words := []string{"owns", "the", "platform", "roadmap", "and", "on-call", "rota", "ÆØÅ", "x"}
	text := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = words[rng.Intn(len(words))]
		}
		return strings.Join(w, " ")
	}
	for _, l := range lines {
		blocks = append(blocks, l)
		if strings.HasPrefix(l, "    role: ") {
			switch rng.Intn(6) {
			case 0:
				blocks = append(blocks, "    extra: |", "      "+text(4), "      "+text(3))
			case 1:
				blocks = append(blocks, "    extra: |-", "      "+text(2), "", "        "+text(3), "      "+text(1))
			case 2:
				blocks = append(blocks, "    extra: >", "      "+text(5), "      "+text(2), "", "      "+text(2), "")
			case 3:
				blocks = append(blocks, "    extra: >-", "      "+text(2))
			case 4:
				blocks = append(blocks, "    extra: "+text(6), "      "+text(5), "      "+text(3))
			case 5:
				blocks = append(blocks, "    extra: "+text(3), "     "+text(2)+" #x")
			}
		}
		item := strings.HasPrefix(l, "  - ")
		field := strings.HasPrefix(l, "    ")
		switch r := rng.Intn(12); {
		case item && r == 0:
			commented = append(commented, "", "  # section")
		case item && r == 1:
			commented = append(commented, "  # one", "  # two")
		case field && r == 2:
			commented = append(commented, "    # about the field")
		case field && r == 3:
			commented = append(commented, "    # holder: nobody yet")
		}
		c := l
		if (item || field) && rng.Intn(3) == 0 {
			c += " # note" + strings.Repeat(" x", rng.Intn(3))
		}
		commented = append(commented, c)
		if item || field {
			if k, v, ok := strings.Cut(strings.TrimLeft(l, " -"), ": "); ok {
				pre := l[:len(l)-len(strings.TrimLeft(l, " -"))]
				if rng.Intn(4) == 0 && (strings.HasSuffix(k, "r") || k == "notes") {
					quotedKeys = append(quotedKeys, pre+k+":")
				} else {
					quotedKeys = append(quotedKeys, pre+`"`+k+`": `+v)
				}
			} else {
				quotedKeys = append(quotedKeys, l)
			}
		} else {
			quotedKeys = append(quotedKeys, l)
		}
		p := strings.TrimPrefix(l, "  ")
		if !item && !field {
			p = l
		}
		if m := flowFieldRE.FindStringSubmatch(p); m != nil && m[3] != "" && !strings.ContainsAny(m[3], "\"'") {
			pyyaml = append(pyyaml, m[1]+m[2]+":")
			ind := m[1]
			if rng.Intn(2) == 0 {
				ind += "  "
			}
			for _, it := range strings.Split(m[3], ", ") {
				pyyaml = append(pyyaml, ind+"- "+it)
			}
		} else {
			pyyaml = append(pyyaml, p)
		}
		if item || field {
			wide = append(wide, "  "+l[:2]+l)
		} else {
			wide = append(wide, l)
		}
	}
	join := func(ls []string) string { return strings.Join(ls, "\n") + "\n" }
	out := map[string]string{"LF": s, "commented": join(commented), "block scalars": join(blocks), "PyYAML": join(pyyaml), "4-space": join(wide), "quoted keys": join(quotedKeys)}
	for name, nl := range map[string]string{"CRLF": "\r\n", "CR": "\r", "NEL": "\u0085", "LS": "\u2028", "PS": "\u2029"} {
		out[name] = strings.ReplaceAll(s, "\n", nl)
		out["commented "+name] = strings.ReplaceAll(join(commented), "\n", nl)
	}
	return out
}

var flowFieldRE = regexp.MustCompile(`^(\s*)([A-Za-z]+): \[(.*)\]$`)

// TestFastChunkEqualsYAML: wherever the fast path reads a chunk it builds
// the tree yaml.v3 builds; and it does read what Encode writes, so the
// comparison is not empty.
func TestFastChunkEqualsYAML(t *testing.T) {
	cases := map[string][]byte{}
	for _, glob := range []string{"../testdata/*/*.yaml", "../testdata/hostile/plans/*.yaml", "../assets/samples/*.yaml", "samples/*.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				cases[f] = data
			}
		}
	}
	for seed := int64(1); seed <= 6; seed++ {
		p := awkwardPlan(3*chunkItems/2, seed)
		for name, text := range restyled(string(p.Encode()), seed) {
			cases[fmt.Sprint("awkward ", name, " ", seed)] = []byte(text)
		}
	}
	read := 0
	for name, data := range cases {
		chunks := chunksOf(t, data)
		if strings.HasPrefix(name, "awkward") && len(chunks) == 0 {
			t.Errorf("%s: not read in chunks", name)
		}
		for _, c := range chunks {
			if compareFast(t, c.data, c.line) {
				read++
				continue
			}
			var f fastParser
			f.items(c)
			if strings.HasPrefix(name, "awkward") && !strings.Contains(name, "commented") && !strings.Contains(name, "quoted") && !strings.Contains(name, "block") {
				t.Errorf("%s: the fast path did not read a chunk at line %d: %+v", name, c.line, f.failure())
			}
			// Position by position, as readChunk reads a chunk the fast
			// path gave up on.
			slow := 0
			for _, p := range itemPieces(c) {
				if !compareFast(t, p.data, p.line) {
					slow++
				}
			}
			wide := strings.Contains(name, "CR") || strings.Contains(name, "NEL") || strings.Contains(name, "LS") || strings.Contains(name, "PS")
			most := c.items / 50
			if strings.Contains(name, "block scalars") {
				most = c.items / 4 // one in six has a comment after a continued value
			}
			if strings.HasPrefix(name, "awkward") && slow > most && !(wide && strings.Contains(name, "commented")) {
				var f fastParser
				f.items(c)
				t.Errorf("%s: the fast path did not read %d of %d positions of the chunk at line %d (%+v)", name, slow, c.items, c.line, f.failure())
			}
		}
	}
	if read < 12 {
		t.Fatalf("the fast path read only %d chunks", read)
	}
}

// FuzzFastChunk: on any chunk text, the fast path either gives up or builds
// yaml.v3's tree.
func FuzzFastChunk(f *testing.F) {
	f.Add([]byte("  - id: a\n    role: b\n    dottedTo: [x, \"y\", 'z']\n"))
	f.Add([]byte("- id: 'it''s'\n  holder: \"\\u00e9\\x41\\N\"\n  count: 0x1F\n"))
	// A block scalar ending the file without a line break: clip keeps no
	// break then (found by the fuzzer).
	for _, nl := range []string{"", "\n", "\r", "\r\n", "\u0085", "\u2028"} {
		f.Add([]byte("- A: >\n   0" + nl))
		f.Add([]byte("- a: |\n    x\n\n    y" + nl))
		f.Add([]byte("- a: x" + nl + "   y" + nl + "  b: c" + nl))
	}
	for seed := int64(1); seed <= 3; seed++ {
		data := awkwardPlan(40, seed).Encode()
		for off := 0; off+400 < len(data); off += 400 {
			f.Add(data[off : off+400])
		}
	}
	// The forms of other tools and of people: comments, CR, NEL, LS, PS,
	// PyYAML's block lists, 4-space indents, quoted keys, block scalars.
	for name, text := range restyled(string(awkwardPlan(12, 7).Encode()), 7) {
		if name == "LF" {
			continue
		}
		data := []byte(text)
		data = data[bytes.Index(data, []byte("positions:"))+len("positions:\n"):]
		f.Add(data[:min(len(data), 600)])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compareFast(t, data, 7)
	})
}
