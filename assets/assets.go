// Package assets embeds the data shipped inside the binary: the role catalog,
// the sample plans and the icon.
package assets

import "embed"

// CatalogFiles holds the built-in catalog under catalog/: capabilities.yaml,
// conflicts.yaml and roles.yaml. Each has the same top-level keys as a user's
// catalog file (roles:, capabilities:, conflicts:); catalog.Default merges
// them in file-name order.
//
//go:embed catalog
var CatalogFiles embed.FS

// CatalogDir is the folder inside CatalogFiles that holds the catalog files.
const CatalogDir = "catalog"

// Sample plans: the samples engineer adds their embed here, e.g.
//
//	//go:embed samples
//	var SampleFiles embed.FS
