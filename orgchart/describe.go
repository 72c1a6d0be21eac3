package orgchart

import (
	"strconv"

	"github.com/orgplanner/orgplanner/catalog"
)

// describePosition names a position for messages:
// `position 3f1c... (SRE Manager, "Ada Lovelace")` or `(..., vacant)`.
// The title is the position's own, else the catalog role's, else the role id.
func describePosition(pos *Position, cat *catalog.Catalog) string {
	label := TitleOr(pos, cat, "no role")
	holder := "vacant"
	if pos.Holder != "" {
		holder = strconv.Quote(pos.Holder)
	}
	id := pos.ID
	if id == "" {
		id = "(no id)"
	} else if !validID(id) {
		id = strconv.Quote(id)
	}
	return "position " + id + " (" + label + ", " + holder + ")"
}
