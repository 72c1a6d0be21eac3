package orgchart

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/orgplanner/orgplanner/catalog"

	"go.yaml.in/yaml/v3"
)

// ReadFile reads and validates the plan at path; see Read. Files larger than
// MaxFileSize are refused before they are read.
func ReadFile(path string, base *catalog.Catalog) (*Plan, *catalog.Catalog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, base, catalog.Problems{{File: path, Message: fmt.Sprintf("cannot open the plan: %v", unwrapPathError(err))}}
	}
	defer f.Close()
	size := int64(0)
	if st, err := f.Stat(); err == nil {
		size = st.Size()
		if st.IsDir() {
			return nil, base, catalog.Problems{{File: path, Message: "this is a folder, not a plan file: give the path of a .yaml plan"}}
		}
		if !st.Mode().IsRegular() {
			return nil, base, catalog.Problems{{File: path, Message: "this is not a regular file (a device, pipe or socket): give the path of a .yaml plan"}}
		}
		if st.Size() > MaxFileSize {
			return nil, base, catalog.Problems{{File: path, Message: tooBig(st.Size())}}
		}
	}
	// Sized from Stat, the buffer is filled in one go rather than grown by
	// doubling; the LimitReader still bounds a file that grows meanwhile.
	buf := bytes.NewBuffer(make([]byte, 0, min(size, MaxFileSize)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	data := buf.Bytes()
	if err != nil {
		return nil, base, catalog.Problems{{File: path, Message: fmt.Sprintf("cannot read the plan: %v", unwrapPathError(err))}}
	}
	return Read(data, path, base)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func tooBig(size int64) string {
	return fmt.Sprintf("the file is %.1f MB, more than the %d MB a plan may have: split the organisation into several plans",
		float64(size)/(1<<20), MaxFileSize>>20)
}

// Read parses and validates a plan. file names the plan in problems and is the
// folder a `catalog:` entry is resolved against. base is the catalog the
// roles must come from; nil skips the role checks. It returns the plan and the
// catalog it uses (base, or base extended by the plan's catalog file), or
// catalog.Problems listing every problem found (at most MaxProblems).
// Read never panics, whatever data holds.
func Read(data []byte, file string, base *catalog.Catalog) (*Plan, *catalog.Catalog, error) {
	r := &reader{file: file, cat: base}
	p := r.read(data)
	if err := r.err(); err != nil {
		return nil, r.cat, err
	}
	return p, r.cat, nil
}

// reader walks one plan document by hand and collects its problems.
type reader struct {
	file     string
	cat      *catalog.Catalog
	catFail  bool // the plan's own catalog did not load: skip role checks
	problems catalog.Problems
	more     int

	roleIDs   []string          // catalog role ids, for suggestions
	roleHints map[string]string // unknown role id -> message
	capIDs    []string          // catalog capability ids, for suggestions
}

func (r *reader) add(line int, format string, args ...any) {
	if len(r.problems) >= MaxProblems {
		r.more++
		return
	}
	r.problems = append(r.problems, catalog.Problem{File: r.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// full reports whether no more problems will be listed (only counted), so
// costly messages need not be built.
func (r *reader) full() bool { return len(r.problems) >= MaxProblems }

// newID suggests a fresh id in messages (not when they are only counted).
func (r *reader) newID() string {
	if r.full() {
		return "a new UUID"
	}
	return NewID()
}

func (r *reader) err() error {
	if len(r.problems) == 0 {
		return nil
	}
	sort.SliceStable(r.problems, func(i, j int) bool { return r.problems[i].Line < r.problems[j].Line })
	if r.more > 0 {
		return append(r.problems, catalog.Problem{File: r.file,
			Message: fmt.Sprintf("... and %d more problems: fix the ones above and read the plan again", r.more)})
	}
	return r.problems
}

const utf8BOM = "\xEF\xBB\xBF"

func (r *reader) read(data []byte) *Plan {
	if len(data) > MaxFileSize {
		r.add(0, "%s", tooBig(int64(len(data))))
		return nil
	}
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	if !r.plainText(data) {
		return nil
	}
	header := leadingComments(data)
	root := r.parse(data)
	if root == nil {
		return nil
	}
	p := &Plan{Header: header}
	r.top(root, p)
	if len(r.problems) > 0 && p.Version > FormatVersion {
		return nil
	}
	return p
}

// plainText refuses what is not UTF-8 text, with the line of the first bad byte.
func (r *reader) plainText(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		r.add(1, "the file is UTF-16 text: save it as UTF-8")
		return false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		r.add(lineAt(data, i), "the file holds a NUL byte: it is not a text plan, or it is damaged; open the plan's .yaml file")
		return false
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			c, size := utf8.DecodeRune(data[i:])
			if c == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		r.add(lineAt(data, i), "the file is not valid UTF-8 text (byte 0x%02X): save it as UTF-8", data[i])
		return false
	}
	return true
}

func lineAt(data []byte, offset int) int { return 1 + bytes.Count(data[:offset], []byte{'\n'}) }

// leadingComments returns the comment lines at the very top of the file (such
// as the yaml-language-server schema line), without line ends.
func leadingComments(data []byte) string {
	end := 0
	for end < len(data) && data[end] == '#' {
		nl := bytes.IndexByte(data[end:], '\n')
		if nl < 0 {
			end = len(data)
			break
		}
		end += nl + 1
	}
	if end == 0 {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(data[:end]), "\r\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, "\r \t")
	}
	return strings.Join(lines, "\n")
}

// parse turns data into a node tree; it reports syntax errors, extra
// documents and aliases, and returns the root mapping or nil.
func (r *reader) parse(data []byte) *yaml.Node {
	var doc yaml.Node
	if mayHoldSeveralDocuments(data) {
		if !r.oneDocument(data, &doc) {
			return nil
		}
	} else if err := yaml.Unmarshal(data, &doc); err != nil {
		r.syntax(data, err)
		return nil
	}
	// An alias is written *name: without a '*' in the file there is none.
	if bytes.IndexByte(data, '*') >= 0 && !r.noAliases(&doc) {
		return nil
	}
	if len(doc.Content) == 0 {
		r.add(1, "the file is empty: a plan starts with `version: %d` followed by its positions", FormatVersion)
		return nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		r.add(1, "the file is empty: a plan starts with `version: %d` followed by its positions", FormatVersion)
		return nil
	}
	if root.Kind != yaml.MappingNode {
		r.add(root.Line, "a plan is a mapping of fields (version, name, scope, catalog, policy, positions), not %s", kindName(root))
		return nil
	}
	return root
}

// mayHoldSeveralDocuments reports a document marker (--- or ...) at the
// start of a line after the first; without one the file is one document and
// the faster yaml.Unmarshal reads it.
func mayHoldSeveralDocuments(data []byte) bool {
	for _, marker := range [][]byte{[]byte("\n---"), []byte("\n...")} {
		for i := 0; ; {
			j := bytes.Index(data[i:], marker)
			if j < 0 {
				break
			}
			end := i + j + len(marker)
			if end == len(data) || data[end] == ' ' || data[end] == '\t' || data[end] == '\n' || data[end] == '\r' {
				return true
			}
			i = end
		}
	}
	return false
}

// oneDocument decodes the first document with a yaml.Decoder and refuses a
// second one.
func (r *reader) oneDocument(data []byte, doc *yaml.Node) bool {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(doc); err != nil {
		if err == io.EOF {
			return true // empty: reported by the caller
		}
		r.syntax(data, err)
		return false
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == io.EOF:
		return true
	case err != nil:
		r.syntax(data, err)
	default:
		r.add(extra.Line, "a plan file holds one YAML document: remove the `---` separator and the document after it")
	}
	return false
}

func (r *reader) syntax(data []byte, err error) {
	line, msg := catalog.YAMLSyntaxError(data, err)
	r.add(line, "YAML syntax error: %s: fix the indentation, quoting or brackets at this line (or just above it)", msg)
}

// noAliases reports every alias in the tree: plans never need them, and
// refusing them makes alias-expansion bombs harmless. The walk is iterative,
// so deep nesting cannot exhaust the stack.
func (r *reader) noAliases(doc *yaml.Node) bool {
	ok := true
	seen := map[string]bool{}
	stack := []*yaml.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			ok = false
			if seen[n.Value] {
				continue
			}
			seen[n.Value] = true
			r.add(n.Line, "YAML aliases (*%s) are not allowed in a plan: write the value out in full", n.Value)
			continue
		}
		stack = append(stack, n.Content...)
	}
	return ok
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "empty"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "true/false"
		}
		return "text"
	}
	return "an alias"
}

const planFieldNames = "version, name, scope, catalog, policy, positions"

// top reads the plan-level fields, then the positions, then checks the tree.
func (r *reader) top(root *yaml.Node, p *Plan) {
	var versionNode, catalogNode, positionsNode *yaml.Node
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.add(k.Line, "a plan field name must be plain text: use one of %s", planFieldNames)
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			r.add(k.Line, "field %q appears twice (first at line %d): keep one", k.Value, prev)
			continue
		}
		seen[k.Value] = k.Line
		switch k.Value {
		case "version":
			versionNode = v
		case "name":
			p.Name = r.text(v, "name", "the plan")
		case "scope":
			p.Scope = r.scope(v)
		case "catalog":
			catalogNode = v
		case "policy":
			pol, probs := decodePolicy(v, r.file)
			p.Policy = pol
			for _, pr := range probs {
				r.add(pr.Line, "%s", pr.Message)
			}
		case "positions":
			positionsNode = v
		default:
			r.add(k.Line, "unknown field %q: a plan has the fields %s%s", k.Value, planFieldNames, closeTo(k.Value, strings.Split(planFieldNames, ", ")))
		}
	}
	if !r.version(versionNode, p) {
		return
	}
	if catalogNode != nil {
		r.catalog(catalogNode, p)
	}
	if positionsNode == nil {
		r.policyRefs(p)
		return // a plan without positions is valid: an empty chart
	}
	metas := r.positions(positionsNode, p)
	if metas != nil {
		r.tree(p, metas)
	}
	r.policyRefs(p)
}

// policyRefs reports ids in the policy that name no position.
func (r *reader) policyRefs(p *Plan) {
	if len(p.Policy.Intended) == 0 {
		return
	}
	ids := make(map[string]bool, len(p.Positions))
	for _, pos := range p.Positions {
		ids[pos.ID] = true
	}
	for _, pr := range checkPolicyRefs(p.Policy, r.file, func(id string) bool { return ids[id] }) {
		r.add(pr.Line, "%s", pr.Message)
	}
}

// version checks the format version; it returns false when the rest of the
// file must not be read (a future version may mean other things).
func (r *reader) version(v *yaml.Node, p *Plan) bool {
	if v == nil {
		r.add(1, "the plan has no version: add `version: %d` as its first line", FormatVersion)
		p.Version = FormatVersion
		return true
	}
	n, err := strconv.Atoi(v.Value)
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil {
		r.add(v.Line, "version must be a whole number: write `version: %d`", FormatVersion)
		p.Version = FormatVersion
		return true
	}
	p.Version = n
	if n > FormatVersion {
		r.problems, r.more = r.problems[:0], 0
		r.add(v.Line, "this plan is format version %d, but this build of Org Planner reads version %d only: open it with a newer Org Planner", n, FormatVersion)
		return false
	}
	if n < 1 {
		r.add(v.Line, "unsupported version %d: the first plan format is version 1; write `version: %d`", n, FormatVersion)
		p.Version = FormatVersion
	}
	return true
}

// text reads a scalar as text; numbers and booleans keep their spelling.
func (r *reader) text(v *yaml.Node, field, owner string) string {
	if v.Kind != yaml.ScalarNode {
		r.add(v.Line, "%s of %s must be text, not %s", field, owner, kindName(v))
		return ""
	}
	if v.Tag == "!!null" {
		return ""
	}
	return v.Value
}

func (r *reader) scope(v *yaml.Node) []catalog.Domain {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		r.add(v.Line, "scope must be a list of domains, such as scope: [IT, SEC]; leave it out to check all domains")
		return nil
	}
	var out []catalog.Domain
	seen := map[string]bool{}
	for _, d := range v.Content {
		if d.Kind != yaml.ScalarNode {
			r.add(d.Line, "a scope entry must be a domain name, not %s: use one of %s", kindName(d), domainList())
			continue
		}
		if !isDomain(d.Value) {
			hint := ""
			if isDomain(strings.ToUpper(d.Value)) {
				hint = fmt.Sprintf(" (domains are upper case: %s)", strings.ToUpper(d.Value))
			}
			r.add(d.Line, "unknown scope domain %q%s: use one of %s", d.Value, hint, domainList())
			continue
		}
		if seen[d.Value] {
			r.add(d.Line, "scope lists domain %s twice: keep one", d.Value)
			continue
		}
		seen[d.Value] = true
		out = append(out, catalog.Domain(d.Value))
	}
	return out
}

func isDomain(s string) bool {
	for _, d := range catalog.Domains {
		if string(d) == s {
			return true
		}
	}
	return false
}

func domainList() string {
	s := make([]string, len(catalog.Domains))
	for i, d := range catalog.Domains {
		s[i] = string(d)
	}
	return strings.Join(s, ", ")
}

// catalog resolves `catalog: FILE` against the plan's folder and extends the
// base catalog with it.
func (r *reader) catalog(v *yaml.Node, p *Plan) {
	name := r.text(v, "catalog", "the plan")
	if name == "" {
		if v.Kind == yaml.ScalarNode {
			r.add(v.Line, "catalog is empty: give the path of a catalog file, relative to the plan's folder, or remove the line")
		}
		r.catFail = true
		return
	}
	p.Catalog = name
	if r.cat == nil {
		return
	}
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(filepath.Dir(r.file), name)
	}
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() || st.Size() > MaxFileSize {
		r.catFail = true
		why := "it is not a regular file (a folder, device or pipe)"
		switch {
		case err != nil:
			why = unwrapPathError(err).Error()
		case st.Size() > MaxFileSize:
			why = fmt.Sprintf("it is %.1f MB, more than the %d MB limit", float64(st.Size())/(1<<20), MaxFileSize>>20)
		}
		r.add(v.Line, "cannot load the catalog %s (%s): %s; the path is relative to the plan's folder", name, path, why)
		return
	}
	c, err := r.cat.ExtendFile(path)
	if err != nil {
		r.catFail = true
		var ps catalog.Problems
		if errors.As(err, &ps) {
			what := fmt.Sprintf("%d problems", len(ps))
			if len(ps) == 1 {
				what = "a problem"
			}
			r.add(v.Line, "the catalog %s has %s, listed with its own file and line: fix it, or remove this line", name, what)
			for _, pr := range ps {
				if len(r.problems) >= MaxProblems {
					r.more++
					continue
				}
				r.problems = append(r.problems, pr)
			}
			return
		}
		r.add(v.Line, "cannot load the catalog %s: %v: fix the path (it is relative to the plan's folder)", name, unwrapPathError(err))
		return
	}
	r.cat = c
}
