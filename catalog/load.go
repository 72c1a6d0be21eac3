package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/orgplanner/orgplanner/assets"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// Default loads and validates the built-in catalog embedded in the binary.
// It parses it afresh on every call (there is no package-level cache), which
// takes a few milliseconds; callers that need it often should keep the result.
func Default() (*Catalog, error) {
	return load(assets.CatalogFiles, assets.CatalogDir, "assets/")
}

// load merges every *.yaml file in dir of fsys, in file-name order, into one
// catalog. The files form one layer: an id defined in two of them is a problem.
// Problems name a file as prefix+dir/name (the path in the source tree).
func load(fsys fs.FS, dir, prefix string) (*Catalog, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, Problems{{File: prefix + dir, Message: fmt.Sprintf("cannot read the built-in catalog: %v", err)}}
	}
	// Files are decoded in parallel (YAML parsing is most of the start-up
	// cost) and merged in name order, so the result does not depend on timing.
	type result struct {
		l        *layer
		problems Problems
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
			names = append(names, e.Name())
		}
	}
	results := make([]result, len(names))
	var wg sync.WaitGroup
	for i, base := range names {
		wg.Go(func() {
			name := prefix + path.Join(dir, base)
			data, err := fs.ReadFile(fsys, path.Join(dir, base))
			if err != nil {
				results[i] = result{&layer{}, Problems{{File: name, Message: fmt.Sprintf("cannot read: %v", err)}}}
				return
			}
			l, ps := decodeFile(data, name)
			results[i] = result{l, ps}
		})
	}
	wg.Wait()
	merged := &layer{}
	var problems Problems
	for _, r := range results {
		problems = append(problems, r.problems...)
		merged.roles = append(merged.roles, r.l.roles...)
		merged.capabilities = append(merged.capabilities, r.l.capabilities...)
		merged.conflicts = append(merged.conflicts, r.l.conflicts...)
	}
	c, ps := build(nil, merged, false)
	return finish(c, append(problems, ps...))
}

// Parse reads one complete catalog file (not an extension of the built-in
// one) and validates it. Its error is always Problems.
func Parse(data []byte, file string) (*Catalog, error) {
	if len(data) > MaxFileSize {
		return nil, Problems{{File: file, Message: tooBig(int64(len(data)))}}
	}
	l, problems := decodeFile(data, file)
	c, ps := build(nil, l, false)
	return finish(c, append(problems, ps...))
}

// Extend returns a new catalog: c with the roles, capabilities and conflicts
// of file added, where an entry with an existing id (a conflict: the same
// manager and report) replaces the built-in one whole. c is not changed.
// Its error is always Problems, each located in file or in c's files.
func (c *Catalog) Extend(data []byte, file string) (*Catalog, error) {
	if len(data) > MaxFileSize {
		return nil, Problems{{File: file, Message: tooBig(int64(len(data)))}}
	}
	l, problems := decodeFile(data, file)
	out, ps := build(c, l, true)
	return finish(out, append(problems, ps...))
}

// MaxFileSize is the largest catalog file in bytes (the built-in catalog is
// about 0.14 MB). Bigger files are refused before they are read, so a huge or
// endless file (a device, a pipe) costs bounded time and memory.
const MaxFileSize = 4 << 20

// ExtendFile is Extend with the contents of the file at path, which must be
// a regular file (a FIFO, device or folder is refused before it is opened)
// of at most MaxFileSize bytes.
func (c *Catalog) ExtendFile(path string) (*Catalog, error) {
	data, err := safefile.ReadFile(path, MaxFileSize)
	if err != nil {
		if errors.Is(err, safefile.ErrTooBig) {
			return nil, Problems{{File: path, Message: tooBig(-1)}}
		}
		return nil, Problems{{File: path, Message: fmt.Sprintf("cannot read the catalog file: %v", unwrapPath(err))}}
	}
	return c.Extend(data, path)
}

func tooBig(size int64) string {
	if size < 0 {
		return fmt.Sprintf("the catalog file is larger than the %d MB a catalog may have: split it or remove what the plan does not use", MaxFileSize>>20)
	}
	return fmt.Sprintf("the catalog file is %.1f MB, more than the %d MB a catalog may have: split it or remove what the plan does not use",
		float64(size)/(1<<20), MaxFileSize>>20)
}

// unwrapPath drops the path that os errors repeat, since Problem names the file.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// finish sorts problems by file and line and returns them as the error, at
// most MaxProblems of them and a last line counting the rest.
func finish(c *Catalog, problems Problems) (*Catalog, error) {
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool {
			if problems[i].File != problems[j].File {
				return problems[i].File < problems[j].File
			}
			return problems[i].Line < problems[j].Line
		})
		if len(problems) > MaxProblems {
			more := fmt.Sprintf("... and more problems (%d listed): fix the ones above and load the catalog again", MaxProblems)
			problems = append(problems[:MaxProblems:MaxProblems], Problem{File: problems[0].File, Message: more})
		}
		return nil, problems
	}
	return c, nil
}

// build merges layer l over base (nil for none) and validates the result.
// With override false an id already in base is a problem; with override true
// the new entry replaces the old one in place.
func build(base *Catalog, l *layer, override bool) (*Catalog, Problems) {
	c := &Catalog{}
	var problems Problems
	if base != nil {
		c.Roles = append(make([]*Role, 0, len(base.Roles)+len(l.roles)), base.Roles...)
		c.Capabilities = append(make([]*Capability, 0, len(base.Capabilities)+len(l.capabilities)), base.Capabilities...)
		c.Conflicts = append(make([]*Conflict, 0, len(base.Conflicts)+len(l.conflicts)), base.Conflicts...)
	}

	var dup Problems
	c.Roles, dup = merge(c.Roles, l.roles, override,
		func(r *Role) string { return r.ID },
		func(r *Role) Source { return r.Source },
		func(r, first *Role) string {
			return fmt.Sprintf("role id %q is already defined at %s; rename or remove one", r.ID, first.Source)
		})
	problems = append(problems, dup...)
	c.Capabilities, dup = merge(c.Capabilities, l.capabilities, override,
		func(k *Capability) string { return k.ID },
		func(k *Capability) Source { return k.Source },
		func(k, first *Capability) string {
			return fmt.Sprintf("capability id %q is already defined at %s; rename or remove one", k.ID, first.Source)
		})
	problems = append(problems, dup...)
	c.Conflicts, dup = merge(c.Conflicts, l.conflicts, override,
		func(x *Conflict) string { return x.Manager + "\x00" + x.Report },
		func(x *Conflict) Source { return x.Source },
		func(x, first *Conflict) string {
			return fmt.Sprintf("conflict %q -> %q is already defined at %s; remove one", x.Manager, x.Report, first.Source)
		})
	problems = append(problems, dup...)

	c.index()
	problems = append(problems, c.validate()...)
	return c, problems
}

// merge appends the entries of add to list, keyed by key: a new key is
// appended; an existing one is replaced in place when override is set, and
// otherwise reported as a duplicate (at the new entry's source, with the
// message dupMsg gives for it and the entry already there).
func merge[T any](list, add []T, override bool, key func(T) string, src func(T) Source, dupMsg func(entry, first T) string) ([]T, Problems) {
	at := make(map[string]int, len(list)+len(add))
	for i, v := range list {
		at[key(v)] = i
	}
	var problems Problems
	for _, v := range add {
		i, exists := at[key(v)]
		switch {
		case !exists:
			at[key(v)] = len(list)
			list = append(list, v)
		case override:
			list[i] = v
		default:
			s := src(v)
			problems = append(problems, Problem{File: s.File, Line: s.Line, Message: dupMsg(v, list[i])})
		}
	}
	return list, problems
}
