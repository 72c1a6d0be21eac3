// Package samples builds the sample plans shipped in assets/samples: a
// 40-person startup, a 400-person scale-up and a 3,000-position enterprise
// technology organisation, each made from catalog roles with realistic
// spans, people and open roles. The builders are deterministic: the same
// code always gives the same plan, byte for byte, so the committed files can
// be checked against them (go test ./orgchart/samples -update rewrites them).
package samples

import (
	"fmt"

	"github.com/orgplanner/orgplanner/orgchart"
)

// Header is the comment block of every sample: it points YAML editors at the
// plan schema by its public URL, which works wherever a copy of a sample is saved.
const Header = "# yaml-language-server: $schema=https://raw.githubusercontent.com/orgplanner/orgplanner/main/docs/plan.schema.json"

// Names lists the samples in the order the app offers them.
func Names() []string { return []string{"startup", "scaleup", "enterprise"} }

// Build returns a freshly built sample plan.
func Build(name string) (*orgchart.Plan, error) {
	switch name {
	case "startup":
		return startup(), nil
	case "scaleup":
		return scaleup(), nil
	case "enterprise":
		return enterprise(), nil
	}
	return nil, fmt.Errorf("no sample named %q; the samples are %v", name, Names())
}
