package look

import (
	"fmt"
	"strconv"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// Title is what a position is called on its card: its own title, else its
// role's, else the role id, else "Untitled position". It is the one title
// rule of the chart, the window and the exports.
func Title(pos *orgchart.Position, cat *catalog.Catalog) string {
	return orgchart.TitleOr(pos, cat, untitled)
}

// Label is Title with who is in the position, for lists: "CTO (Ada
// Lovelace)", "CTO (vacant)", "SRE (team of 6)".
func Label(pos *orgchart.Position, cat *catalog.Catalog) string {
	return orgchart.Label(pos, cat, untitled)
}

// untitled is what a position with neither title nor role is called.
const untitled = "Untitled position"

// VacantLabel is what a vacancy's card says instead of a name.
const VacantLabel = "Vacant"

// TeamLabel is what the card of a team with no holder named says instead
// of a name ("Team of 6"): its people are there, so it is no vacancy.
const TeamLabel = "Team of %d"

// CardContent is what a card shows, before it is fitted to a width.
type CardContent struct {
	ID     string
	Title  string // Title's rule
	Holder string // the holder, VacantLabel, or TeamLabel for a team with no holder
	Vacant bool
	Team   string         // "× 6" for a team with a holder named, else ""
	Domain catalog.Domain // the stripe's domain; "" is grey
	Badges [3]int         // findings by severity: info, warning, error
	Below  string         // "+N below" when reports are hidden, else ""
}

// Content is the card of pos. badges are its findings by severity (a
// check.Report's Counts); hidden the number of positions not shown below it.
func Content(pos *orgchart.Position, cat *catalog.Catalog, badges [3]int, hidden int) CardContent {
	m := layout.Metrics()
	c := CardContent{ID: pos.ID, Title: Title(pos, cat), Holder: pos.Holder, Vacant: pos.Vacant(), Badges: badges}
	switch {
	case c.Vacant:
		c.Holder = VacantLabel
	case pos.Holder == "":
		c.Holder = fmt.Sprintf(TeamLabel, pos.Count)
	case pos.Count > 0:
		c.Team = m.TeamPrefix + strconv.Itoa(pos.Count)
	}
	if cat != nil {
		c.Domain = RoleDomain(cat.Role(pos.Role))
	}
	if hidden > 0 {
		c.Below = fmt.Sprintf(m.BelowFormat, hidden)
	}
	return c
}

// CardFaces are the faces of a card's texts.
type CardFaces struct {
	Title, Holder, Vacant, Small Face
}

// Faces returns the card faces of the metrics' sizes: a bold title, the
// holder in regular ("Vacant" in italic), the team size, badges and
// "+N below" small and bold.
func Faces(m layout.CardMetrics) CardFaces {
	return CardFaces{
		Title:  Face{Bold, m.TitleSize},
		Holder: Face{Regular, m.HolderSize},
		Vacant: Face{Italic, m.HolderSize},
		Small:  Face{Bold, m.SmallSize},
	}
}

// TeamGap is the room between the holder and the team size on their line.
const TeamGap float32 = 8

// Badge is one finding badge: a pill with a count.
type Badge struct {
	Severity int // check.Severity: 0 info, 1 warning, 2 error
	Label    string
	Rect     layout.Rect // in the card
}

// CardText is a card's content fitted to its width.
type CardText struct {
	Title      []string // at most m.TitleLines lines
	Holder     string   // shortened to the room the team size leaves
	HolderFace Face
	Team       string
	Badges     []Badge // errors, then warnings, then information; zero counts skipped
	Below      string
}

// Fit fits the content to a card cardW wide, measuring with measure.
func Fit(c CardContent, m layout.CardMetrics, cardW float32, measure Measure) CardText {
	fs := Faces(m)
	w := m.TextWidth(cardW)
	t := CardText{Title: Wrap(measure, c.Title, fs.Title, w, m.TitleLines), Team: c.Team, Below: c.Below, HolderFace: fs.Holder}
	room := w
	if c.Team != "" {
		room -= measure(c.Team, fs.Small) + TeamGap
	}
	if c.Vacant {
		t.HolderFace = fs.Vacant
	}
	t.Holder = Ellipsize(measure, c.Holder, t.HolderFace, room)
	slot := 0
	for sev := 2; sev >= 0; sev-- {
		if c.Badges[sev] <= 0 {
			continue
		}
		t.Badges = append(t.Badges, Badge{Severity: sev, Label: BadgeLabel(c.Badges[sev]), Rect: m.BadgeRect(slot)})
		slot++
	}
	return t
}

// BadgeLabel is the count a badge shows: "99+" past 99.
func BadgeLabel(n int) string {
	if n > 99 {
		return "99+"
	}
	return strconv.Itoa(n)
}
