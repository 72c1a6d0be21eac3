// Package assets embeds the data shipped inside the binary: the role catalog,
// the sample plans and the icon.
package assets

import _ "embed"

// CatalogYAML is the built-in role catalog and capability taxonomy.
//
//go:embed catalog.yaml
var CatalogYAML []byte
