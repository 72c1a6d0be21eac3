package app

import (
	"fmt"

	"github.com/orgplanner/orgplanner/assets"
)

// sampleData returns a shipped sample plan's YAML (startup, scaleup, enterprise).
func sampleData(name string) ([]byte, error) {
	data, err := assets.Samples.ReadFile("samples/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no sample plan %q in this build: %w", name, err)
	}
	return data, nil
}
