package check

import (
	"strconv"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// title is what the chart calls a position (the model's one title rule).
func (o *org) title(i int) string {
	return orgchart.TitleOr(o.pos[i], o.cat, "Position "+o.pos[i].ID)
}

// name is how a message refers to a position: "SRE Manager (Ada Lovelace)",
// "SRE Manager (vacant)" or "Site Reliability Engineer (team of 6)".
func (o *org) name(i int) string {
	return orgchart.Label(o.pos[i], o.cat, "Position "+o.pos[i].ID)
}

// names lists up to three positions by name, then "and N more".
func (o *org) names(is []int32) string {
	parts := make([]string, 0, 4)
	for k, i := range is {
		if k == 3 {
			parts = append(parts, strconv.Itoa(len(is)-3)+" more")
			break
		}
		parts = append(parts, o.name(int(i)))
	}
	return joinAnd(parts)
}

// ids returns the position ids of the indexes.
func (o *org) ids(is ...int32) []string {
	out := make([]string, len(is))
	for k, i := range is {
		out[k] = o.pos[i].ID
	}
	return out
}

// roleTitles names catalog roles ("VP of IT or Chief Information Officer"),
// at most three.
func roleTitles(roles []*catalog.Role) string {
	parts := make([]string, 0, 3)
	for _, r := range roles {
		if len(parts) == 3 {
			break
		}
		parts = append(parts, r.Title)
	}
	return joinWith(parts, "or")
}

func joinAnd(parts []string) string { return joinWith(parts, "and") }

// joinWith joins "a, b and c".
func joinWith(parts []string, word string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + word + " " + parts[len(parts)-1]
}

// article returns "a" or "an" for a title as it is spoken: "an IT Operations
// Manager", "an SRE Manager", "a VP of IT".
func article(title string) string {
	if title == "" {
		return "a"
	}
	first := title[0]
	if strings.IndexByte("AEIOaeio", first) >= 0 {
		return "an"
	}
	if len(title) > 1 && title[1] >= 'A' && title[1] <= 'Z' && strings.IndexByte("FHLMNRSX", first) >= 0 {
		return "an"
	}
	return "a"
}

// withArticle returns "an SRE Manager".
func withArticle(title string) string { return article(title) + " " + title }
