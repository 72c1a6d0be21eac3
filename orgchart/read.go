package orgchart

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/safefile"

	"go.yaml.in/yaml/v3"
)

// ReadOptions change how a plan is read.
type ReadOptions struct {
	// CatalogDirs are folders, besides the plan's own, that a plan's
	// `catalog:` may name a file in (the command line's --catalog-dir).
	CatalogDirs []string
}

// ReadFile reads and validates the plan at path; see Read. A FIFO, device
// or folder is refused before it is opened, and a file larger than
// MaxFileSize before it is read.
func ReadFile(path string, base *catalog.Catalog) (*Plan, *catalog.Catalog, error) {
	return ReadFileWith(path, base, ReadOptions{})
}

// ReadFileWith is ReadFile with options.
func ReadFileWith(path string, base *catalog.Catalog, opt ReadOptions) (*Plan, *catalog.Catalog, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		what := "this is " + safefile.Kind(st.Mode()) + ", not a regular file: give the path of a .yaml plan"
		return nil, base, catalog.Problems{{File: path, Message: what}}
	}
	data, err := safefile.ReadFile(path, MaxFileSize)
	switch {
	case errors.Is(err, safefile.ErrTooBig):
		return nil, base, catalog.Problems{{File: path, Message: tooBig(-1)}}
	case err != nil:
		return nil, base, catalog.Problems{{File: path, Message: fmt.Sprintf("cannot read the plan: %v", unwrapPathError(err))}}
	}
	return ReadWith(data, path, base, opt)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func tooBig(size int64) string {
	if size < 0 {
		return fmt.Sprintf("the file is larger than the %d MB a plan may have: split the organisation into several plans", MaxFileSize>>20)
	}
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
	return ReadWith(data, file, base, ReadOptions{})
}

// ReadWith is Read with options.
func ReadWith(data []byte, file string, base *catalog.Catalog, opt ReadOptions) (*Plan, *catalog.Catalog, error) {
	r := &reader{file: file, cat: base, catalogDirs: opt.CatalogDirs}
	p := r.read(data)
	if r.againWhole() && (r.fallback || r.fitsWhole()) {
		why := r.wholeWhy
		r = &reader{file: file, cat: base, catalogDirs: opt.CatalogDirs, whole: true, wholeWhy: why}
		p = r.read(data)
	}
	if err := r.err(); err != nil {
		return nil, r.cat, err
	}
	return p, r.cat, nil
}

// againWhole says whether a read must be done again whole: when the
// positions did not read in chunks, and when a chunked read stopped on a
// problem before it parsed the chunks (a wrong version): a whole read would
// find a syntax error in them first, and the problems must never depend on
// the chunking. A plan whose chunks all parsed is read once, problems or not.
//
// A whole read is a slow read: a plan over MaxSlowBytes or MaxSlowValues
// that must be read whole is refused, naming why (wholeWhy); one whose
// chunked read stopped on a problem keeps that problem.
func (r *reader) fitsWhole() bool {
	return r.size <= MaxSlowBytes && r.values <= MaxSlowValues
}

func (r *reader) againWhole() bool {
	return !r.refused && r.fallback || r.chunks != nil && !r.chunksRead && len(r.problems) > 0 && r.items <= MaxPositions
}

// reader walks one plan document by hand and collects its problems.
type reader struct {
	doc         *yaml.Node // the document, for its comments
	whole       bool       // parse the file whole, not its positions in chunks
	chunks      []posChunk // the positions, when read in chunks
	items       int        // how many positions the chunks hold
	fallback    bool       // a chunk did not parse alone: read again whole
	chunksRead  bool       // every chunk parsed
	size        int        // the file's bytes
	values      int        // catalog.ValueBound of the file
	slowBytes   int        // bytes read by yaml.v3 so far (MaxSlowBytes)
	slowValues  int        // their values (MaxSlowValues)
	slowFirst   slowForm   // the first position yaml.v3 read, and why
	wholeWhy    slowForm   // why the plan is read whole
	refused     bool       // refused by the slow budget: nothing else to say
	file        string
	catalogDirs []string
	cat         *catalog.Catalog
	catFail     bool // the plan's own catalog did not load: skip role checks
	problems    catalog.Problems
	more        int

	roleIDs   []string          // catalog role ids, for suggestions
	roleHints map[string]string // unknown role id -> message
	capIDs    []string          // catalog capability ids, for suggestions
}

func (r *reader) add(line int, format string, args ...any) {
	if len(r.problems) >= MaxProblems {
		r.more++
		return
	}
	for i, a := range args {
		if s, ok := a.(string); ok && len(s) > maxQuoted {
			args[i] = excerpt(s)
		}
	}
	r.problems = append(r.problems, catalog.Problem{File: r.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// maxQuoted bounds the text a message repeats from the file: a 30 MB role id
// is shown by its start and its size.
const maxQuoted = 4096

func excerpt(s string) string {
	cut := 100
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s... (%d bytes)", s[:cut], len(s))
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
	text := data
	// One rule for every path: the values of the whole file are counted
	// before anything is parsed.
	r.size, r.values = len(data), catalog.ValueBound(data)
	if r.values > MaxPlanValues {
		r.add(0, "the file holds more YAML values (keys, values, list items) than the %d a plan may have (about %d by a first count): split it", MaxPlanValues, r.values)
		return nil
	}
	if !r.whole {
		skeleton, chunks, items, own, why := cutPositions(data)
		if why.what == "" {
			text, r.chunks, r.items = skeleton, chunks, items
			r.slowBytes = len(own[0]) + len(own[1])
			r.slowValues = catalog.ValueBound(own[0]) + catalog.ValueBound(own[1])
		} else {
			r.wholeWhy = why
		}
	}
	if r.chunks == nil {
		if !r.fitsWhole() {
			why := r.wholeWhy
			if why.what == "" {
				why = slowForm{1, "the plan read whole"}
			}
			r.refuseSlow(why)
			return nil
		}
	} else if !r.fitsSlow(0, 0) {
		r.refuseSlow(slowForm{1, "the plan's own fields (all but its positions list)"})
		return nil
	}
	root := r.parse(text)
	if root == nil {
		if r.chunks != nil {
			r.fallback = true // report what the whole file gives
			if len(r.problems) > 0 {
				r.wholeWhy = slowForm{r.problems[0].Line, "the plan's fields do not read apart from its positions: " + r.problems[0].Message}
			}
		}
		return nil
	}
	p := &Plan{Header: header}
	r.top(root, p)
	p.Comments = planComments(r.doc, root)
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

func lineAt(data []byte, offset int) int { return catalog.LineAt(data, offset) }

// leadingComments returns the block of comment and blank lines at the very
// top of the file (such as the yaml-language-server schema line), lines
// joined by "\n" without their ends, trailing blank lines dropped. Lines end
// at every YAML line break (CR, LF, CRLF, NEL, LS, PS), as the parser's do.
func leadingComments(data []byte) string {
	var lines []string
	for off := 0; off < len(data); {
		next := catalog.NextLine(data, off)
		line := strings.TrimRight(string(data[off:next]), "\r\n\u0085\u2028\u2029")
		trimmed := strings.TrimLeft(line, " \t")
		if trimmed != "" && trimmed[0] != '#' {
			break
		}
		lines = append(lines, strings.TrimRight(trimmed, " \t"))
		off = next
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// parse turns data into a node tree under the rules for untrusted YAML
// (catalog.ParseYAML: bounded size, one document, no aliases); it reports
// what is wrong and returns the root mapping or nil.
func (r *reader) parse(data []byte) *yaml.Node {
	doc, problems := catalog.ParseYAML(data, "a plan")
	r.doc = doc
	for _, p := range problems {
		if strings.HasPrefix(p.Message, "YAML syntax error") {
			r.add(p.Line, "%s: fix the indentation, quoting or brackets at this line (or just above it)", p.Message)
			continue
		}
		r.add(p.Line, "%s", p.Message)
	}
	if len(problems) > 0 {
		return nil
	}
	if doc == nil || len(doc.Content) == 0 {
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
	if r.chunks != nil && (positionsNode == nil || positionsNode.Line != r.chunks[0].keyLine ||
		positionsNode.Kind != yaml.ScalarNode || positionsNode.Tag != "!!null") {
		// The `positions:` line the chunks were cut under is not the plan's
		// positions field (it was inside a quoted value, say): read whole.
		r.fallback = true
		r.wholeWhy = slowForm{r.chunks[0].keyLine, "a `positions:` line that is not the plan's positions field"}
		return
	}
	if positionsNode == nil {
		r.policyRefs(p)
		return // a plan without positions is valid: an empty chart
	}
	var metas []posMeta
	if r.chunks != nil {
		var ok bool
		if metas, ok = r.positionChunks(p, positionsNode.Line); !ok {
			r.fallback = true
			return
		}
		if r.refused {
			return
		}
	} else {
		metas = r.positions(positionsNode, p)
	}
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
	n64, ok := wholeNumber(v)
	n := int(n64)
	if !ok || n64 != int64(n) {
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
	path, why := r.catalogPath(name)
	if why != "" {
		r.catFail = true
		r.add(v.Line, "cannot use the catalog %q: %s", name, why)
		return
	}
	data, err := safefile.ReadFile(path, catalog.MaxFileSize)
	if err != nil {
		r.catFail = true
		switch {
		case errors.Is(err, safefile.ErrTooBig):
			r.add(v.Line, "cannot load the catalog %s: it is larger than the %d MB a catalog may have", name, catalog.MaxFileSize>>20)
		default:
			r.add(v.Line, "cannot load the catalog %s: %v; the path is relative to the plan's folder", name, unwrapPathError(err))
		}
		return
	}
	if !looksLikeCatalog(data) {
		// Its problems would quote a file nobody asked to show.
		r.catFail = true
		r.add(v.Line, "cannot load the catalog %s: it is not a catalog file (YAML with roles:, capabilities: or conflicts: at the top, and no syntax error)", name)
		return
	}
	c, err := r.cat.Extend(data, path)
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

// catalogPath resolves a plan's `catalog:` entry against the plan's folder.
// A plan is a file people send each other, so the entry may only name a
// .yaml or .yml file inside the plan's folder (or a folder the user allowed
// with ReadOptions.CatalogDirs), after symbolic links are followed; anything
// else is refused without being opened, and why says so without telling
// whether the file exists.
func (r *reader) catalogPath(name string) (path, why string) {
	ext := strings.ToLower(filepath.Ext(name))
	if ext != ".yaml" && ext != ".yml" {
		return "", "a catalog file name ends in .yaml or .yml"
	}
	planDir := filepath.Dir(r.file)
	path = filepath.Clean(name)
	if !filepath.IsAbs(path) {
		path = filepath.Join(planDir, path)
	}
	dirs := append([]string{planDir}, r.catalogDirs...)
	outside := "it is outside the plan's folder; put the catalog next to the plan (the path is relative to the plan's folder), or allow its folder with --catalog-dir"
	if !insideAny(path, dirs, false) {
		return "", outside
	}
	if real, err := filepath.EvalSymlinks(path); err == nil && !insideAny(real, dirs, true) {
		return "", outside + " (it is a symbolic link to a file outside)"
	}
	return path, ""
}

// insideAny reports whether path lies in one of dirs (resolving the dirs'
// own symbolic links when real is set, as path's were).
func insideAny(path string, dirs []string, real bool) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, d := range dirs {
		if real {
			if rd, err := filepath.EvalSymlinks(d); err == nil {
				d = rd
			}
		}
		ad, err := filepath.Abs(d)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(ad, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && rel != "." {
			return true
		}
	}
	return false
}

// looksLikeCatalog reports whether data parses as YAML whose top is a
// mapping of catalog keys only: then its problems may be shown.
func looksLikeCatalog(data []byte) bool {
	doc, problems := catalog.ParseYAML(data, "a catalog file")
	if len(problems) > 0 || doc == nil || len(doc.Content) == 0 {
		return false
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode || len(top.Content) == 0 {
		return false
	}
	for i := 0; i < len(top.Content); i += 2 {
		switch top.Content[i].Value {
		case "roles", "capabilities", "conflicts":
		default:
			return false
		}
	}
	return true
}
