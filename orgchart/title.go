package orgchart

import (
	"strconv"

	"github.com/orgplanner/orgplanner/catalog"
)

// TitleOr is the one rule for the name a position goes by, on cards, in
// findings and in messages: its own title, else its catalog role's title,
// else its role id, else fallback.
func TitleOr(pos *Position, cat *catalog.Catalog, fallback string) string {
	if pos.Title != "" {
		return pos.Title
	}
	if cat != nil {
		if role := cat.Role(pos.Role); role != nil && role.Title != "" {
			return role.Title
		}
	}
	if pos.Role != "" {
		return pos.Role
	}
	return fallback
}

// Label names a position with who is in it, for lists and messages:
// "SRE Manager (Ada Lovelace)", "SRE Manager (vacant)" or, for a team,
// "Site Reliability Engineer (team of 6)".
func Label(pos *Position, cat *catalog.Catalog, fallback string) string {
	t := TitleOr(pos, cat, fallback)
	switch {
	case pos.Count > 1:
		return t + " (team of " + strconv.Itoa(pos.Count) + ")"
	case pos.Vacant():
		return t + " (vacant)"
	default:
		return t + " (" + pos.Holder + ")"
	}
}
