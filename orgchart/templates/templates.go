// Package templates starts new plans from the sample organisations shipped in
// the binary (assets.Samples): the command line's "new --template" and the
// app's New from template use it.
package templates

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orgplanner/orgplanner/assets"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// Names lists the templates, smallest organisation first.
func Names() []string { return assets.SampleNames() }

// Options shape a new plan made from a template.
type Options struct {
	Name string // the plan's name; empty keeps the sample's
	// People keeps the sample's fictional holders; by default every position
	// is vacant, a structure to fill with real names.
	People bool
}

// New returns a fresh plan built on the named sample. Position ids are the
// sample's own (deterministic UUIDs), so plans made from one template compare
// position by position with orgplanner diff. Costs, teams, titles, dotted
// lines and notes are kept; the header names the template.
func New(name string, cat *catalog.Catalog, opt Options) (*orgchart.Plan, error) {
	if !slices.Contains(Names(), name) {
		return nil, fmt.Errorf("no template %q: choose %s", name, strings.Join(Names(), ", "))
	}
	file := "samples/" + name + ".yaml"
	data, err := assets.Samples.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	p, _, err := orgchart.Read(data, "assets/"+file, cat)
	if err != nil {
		return nil, fmt.Errorf("template %s does not load: %w", name, err)
	}
	if opt.Name != "" {
		p.Name = opt.Name
	}
	if !opt.People {
		for _, pos := range p.Positions {
			pos.Holder = ""
		}
	}
	for _, pos := range p.Positions {
		pos.Line = 0
	}
	p.Header = fmt.Sprintf("Made from the %s template (orgplanner new --template %s).", name, name)
	p.Reindex()
	return p, nil
}
