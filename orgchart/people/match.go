package people

import (
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
)

// MatchKind says how a title was matched to a catalog role, most certain first.
type MatchKind string

// How titles match, in the order they are tried.
const (
	MatchRole      MatchKind = "role"      // the role column named a catalog role id
	MatchExact     MatchKind = "exact"     // the role's title, ignoring case and punctuation
	MatchID        MatchKind = "id"        // the role's id ("vp-of-engineering")
	MatchAlias     MatchKind = "alias"     // a common abbreviation or variant ("CISO", "Head of SRE")
	MatchVariant   MatchKind = "variant"   // the same after dropping seniority or level words ("Sr.", "Staff", "II")
	MatchSimilar   MatchKind = "similar"   // closest by shared words, above the threshold
	MatchUnmatched MatchKind = "unmatched" // no role: the generic team-member role
)

// GenericRole is the role of imported rows whose title matches no role.
const GenericRole = "team-member"

// SimilarityThreshold is the least word overlap (Dice coefficient over the
// normalised words) for a title to take the closest role's id.
const SimilarityThreshold = 0.7

// levelWords are dropped for the variant match: they say how senior someone
// is, not what they do ("Staff SRE", "Sr. Software Engineer", "Engineer II").
var levelWords = map[string]bool{
	"senior": true, "junior": true, "staff": true, "principal": true, "lead": true,
	"associate": true, "distinguished": true, "intern": true, "graduate": true,
	"trainee": true, "apprentice": true, "i": true, "ii": true, "iii": true, "iv": true,
	"v": true, "1": true, "2": true, "3": true, "4": true, "5": true, "l1": true, "l2": true,
	"l3": true, "l4": true, "l5": true, "l6": true, "l7": true, "l8": true, "global": true,
	"interim": true, "acting": true, "regional": true, "group": true,
	// Specialisations that do not change the role: "Frontend Developer" is a
	// software engineer, "iOS Engineer" too.
	"frontend": true, "backend": true, "front": true, "back": true, "end": true, "ios": true, "android": true,
	"mobile": true, "web": true, "fullstack": true, "embedded": true, "firmware": true,
}

// expansions open abbreviations into words for the similarity match only,
// so "SRE Lead" can meet "Site Reliability Engineer".
var expansions = map[string][]string{
	"sre": {"site", "reliability", "engineering"},
	"swe": {"software", "engineer"},
	"ai":  {"ai"},
	"it":  {"it"},
}

// matcher finds catalog roles for job titles, caching every title it has seen
// (an HR export has thousands of rows but few distinct titles).
type matcher struct {
	roles     []*catalog.Role
	byID      map[string]*catalog.Role
	byTitle   map[string]*catalog.Role // normalised title -> role
	words     [][]string               // normalised words for similarity, of wordRoles
	wordRoles []*catalog.Role          // every role but the generic one
	cache     map[string]match
}

type match struct {
	role  string
	kind  MatchKind
	score float64
	// alternatives are the other readings of an ambiguous title.
	alternatives []string
	// reading is set for a C-level title with no catalog role: what it
	// stands for ("Chief People Officer" for a CPO in People).
	reading string
}

// newMatcher indexes the catalog's roles by its own maps, from the exported
// slice, so it works with any catalog value.
func newMatcher(cat *catalog.Catalog) *matcher {
	m := &matcher{byID: map[string]*catalog.Role{}, byTitle: map[string]*catalog.Role{}, cache: map[string]match{}}
	if cat == nil {
		return m
	}
	seen := map[string]int{}
	for _, r := range cat.Roles {
		if i, ok := seen[r.ID]; ok { // later definitions replace earlier ones, as in the catalog
			m.roles[i] = r
			continue
		}
		seen[r.ID] = len(m.roles)
		m.roles = append(m.roles, r)
	}
	for _, r := range m.roles {
		m.byID[r.ID] = r
		if r.ID == GenericRole {
			continue
		}
		t := catalog.NormalTitle(r.Title)
		if _, taken := m.byTitle[t]; !taken {
			m.byTitle[t] = r
		}
		m.words = append(m.words, simWords(t))
		m.wordRoles = append(m.wordRoles, r)
	}
	return m
}

// withoutLevels drops the seniority words ("senior software engineer ii" ->
// "software engineer").
func withoutLevels(t string) string {
	ws := strings.Fields(t)
	out := ws[:0:0]
	for _, w := range ws {
		if !levelWords[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

var stopWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "in": true}

// simWords are a title's words for the similarity match: no stop or level
// words, abbreviations expanded, each word once.
func simWords(t string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(t) {
		if stopWords[w] || levelWords[w] {
			continue
		}
		ex, ok := expansions[w]
		if !ok {
			ex = []string{w}
		}
		for _, e := range ex {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// dice is the Dice coefficient of two word sets: 2|A∩B| / (|A|+|B|).
func dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				common++
				break
			}
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// match finds the role for a title; department helps with ambiguous
// abbreviations and generic titles ("Manager" in "Site Reliability").
func (m *matcher) match(title, department string) match {
	key := title + "\x00" + department
	if r, ok := m.cache[key]; ok {
		return r
	}
	r := m.find(title, department)
	m.cache[key] = r
	return r
}

func (m *matcher) find(title, department string) match {
	t := catalog.NormalTitle(title)
	if t == "" {
		return match{role: GenericRole, kind: MatchUnmatched}
	}
	// A bare "Engineer" or "Manager" says little; its department says more.
	if department != "" && genericTitles[withoutLevels(t)] {
		if r := m.similar(t, department); r.kind == MatchSimilar {
			return r
		}
	}
	if reading, role, ok := m.otherChief(t, department); ok {
		if role != "" {
			return match{role: role, kind: MatchAlias, score: 1}
		}
		return match{role: GenericRole, kind: MatchUnmatched, reading: reading}
	}
	if r, ok := m.strict(t, department); ok {
		return r
	}
	// Compound titles ("Founder & CEO", "Co-Founder, CTO", "VP Engineering /
	// Head of IT"): the first part that matches certainly, founder last.
	if parts := titleParts(title); len(parts) > 1 {
		var founder match
		otherChief := false // "COO & Co-Founder" is not the CEO
		for _, part := range parts {
			pt := catalog.NormalTitle(part)
			r, ok := m.strict(pt, department)
			switch {
			case !ok:
				otherChief = otherChief || chiefTitle(pt)
			case founderWords[pt]:
				if founder.role == "" {
					founder = r
				}
			default:
				return r
			}
		}
		if founder.role != "" && !otherChief {
			return founder
		}
	}
	if chiefTitle(t) {
		return match{role: GenericRole, kind: MatchUnmatched, reading: title}
	}
	return m.similar(t, department)
}

// strict tries the certain matches: exact title, role id, alias, and the
// same after dropping level words.
func (m *matcher) strict(t, department string) (match, bool) {
	if r, ok := m.byTitle[t]; ok {
		return match{role: r.ID, kind: MatchExact, score: 1}, true
	}
	if r, ok := m.byID[strings.ReplaceAll(t, " ", "-")]; ok && r.ID != GenericRole {
		return match{role: r.ID, kind: MatchID, score: 1}, true
	}
	if r, ok := m.alias(t, department, MatchAlias); ok {
		return r, true
	}
	if v := withoutLevels(t); v != t && v != "" {
		if r, ok := m.byTitle[v]; ok {
			return match{role: r.ID, kind: MatchVariant, score: 1}, true
		}
		if r, ok := m.alias(v, department, MatchVariant); ok {
			return r, true
		}
	}
	return match{}, false
}

// titleParts splits compound titles at "&", ",", "/", "|", " and ", " - "
// and parentheses ("Chief Information Security Officer (CISO)"), with the
// white space around them: what the regular expression
// \s*(?:&|,|/|\||\(|\)|\s+and\s+|\s+-\s+)\s* splits at, in one pass. The
// expression backtracked over every run of spaces: a CSV of 100,000
// distinct 120-character titles took 1.8 s of CPU in it alone.
func titleParts(title string) []string {
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	sep := func(c byte) bool { return strings.IndexByte("&,/|()", c) >= 0 }
	var parts []string
	beg := 0
	for i := 0; i < len(title); {
		start, j := i, i
		for j < len(title) && space(title[j]) {
			j++
		}
		end := -1 // end of the separator after the spaces, if there is one
		switch {
		case j == len(title):
		case sep(title[j]):
			end = j + 1
		case j > start && strings.HasPrefix(title[j:], "and") && j+3 < len(title) && space(title[j+3]):
			end = j + 3
		case j > start && title[j] == '-' && j+1 < len(title) && space(title[j+1]):
			end = j + 1
		}
		if end < 0 {
			i = max(j, i+1)
			continue
		}
		for end < len(title) && space(title[end]) {
			end++
		}
		parts = append(parts, title[beg:start])
		beg, i = end, end
	}
	return append(parts, title[beg:])
}

// founderWords are title parts that say who someone is rather than what
// they do: matched only when nothing else in the title is.
var founderWords = map[string]bool{"founder": true, "co founder": true, "cofounder": true}

// genericTitles name no function on their own.
var genericTitles = map[string]bool{"engineer": true, "manager": true, "analyst": true, "director": true,
	"specialist": true, "developer": true, "administrator": true, "architect": true, "head": true}

// alias looks a normalised title up in the alias table, keeping only the
// readings the catalog has.
func (m *matcher) alias(t, department string, kind MatchKind) (match, bool) {
	var ids []string
	for _, id := range catalog.TitleRoles(t) {
		if m.byID[id] != nil {
			ids = append(ids, id)
		}
	}
	switch len(ids) {
	case 0:
		return match{}, false
	case 1:
		return match{role: ids[0], kind: kind, score: 1}, true
	}
	// Ambiguous ("CDO"): the department's words pick the reading whose title
	// shares most of them; otherwise the first reading, flagged.
	dw := simWords(catalog.NormalTitle(department))
	best, bestScore := -1, 0.0
	for i, id := range ids {
		if s := dice(dw, simWords(catalog.NormalTitle(m.byID[id].Title))); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best >= 0 {
		return match{role: ids[best], kind: kind, score: 1}, true
	}
	return match{role: ids[0], kind: kind, score: 1, alternatives: ids[1:]}, true
}

// similar picks the role sharing the most words with the title (and, for a
// generic title, with title plus department), when above the threshold.
func (m *matcher) similar(t, department string) match {
	tw := simWords(t)
	var dw []string
	if department != "" {
		dw = simWords(t + " " + catalog.NormalTitle(department))
	}
	best, bestScore := -1, 0.0
	for i, w := range m.words {
		r := m.wordRoles[i]
		// An executive is matched only by its title or abbreviation: a
		// Chief Operating Officer shares two words with the CEO, and a
		// "Chief Executive" department would make them three.
		if r.Level == catalog.LevelExecutive {
			continue
		}
		// A leader's title says what they lead: "Director of Network
		// Engineering" leads more than the words of Director of Engineering.
		// And the title must say all of it: an "Operations Manager" in
		// Operations is not the IT Operations Manager (in IT, it is).
		if !r.Individual && r.Level != catalog.LevelIndividual && (!covers(w, tw) || !covers(append(tw, dw...), withoutRank(w))) {
			continue
		}
		s := dice(tw, w)
		if dw != nil {
			if s2 := dice(dw, w); s2 > s {
				s = s2
			}
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 || bestScore < SimilarityThreshold {
		return match{role: GenericRole, kind: MatchUnmatched, score: bestScore}
	}
	return match{role: m.wordRoles[best].ID, kind: MatchSimilar, score: bestScore}
}

// neutralWords may qualify a leader's title without changing what they lead
// ("Director of Software Engineering" is a Director of Engineering).
var neutralWords = map[string]bool{"software": true, "technology": true, "tech": true, "technical": true,
	"corporate": true, "business": true, "product": true}

// covers reports whether every word of the title is a word of the role's
// title (or a neutral qualifier).
func covers(role, title []string) bool {
	for _, t := range title {
		if neutralWords[t] {
			continue
		}
		found := false
		for _, r := range role {
			if r == t {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// rankWords say how high a leader is, which "Lead" says too: "Data
// Engineering Lead" need not say "manager" to be the Data Engineering Manager.
var rankWords = map[string]bool{"manager": true, "director": true, "head": true, "vp": true, "lead": true, "leader": true}

func withoutRank(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if !rankWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// chiefTitle reports whether a normalised title is a C-level one ("chief
// operating officer", "coo", "cfo"): such a title is matched only to the
// executive it names, never to the nearest.
func chiefTitle(t string) bool {
	ws := strings.Fields(t)
	if len(ws) >= 3 && ws[0] == "chief" && ws[len(ws)-1] == "officer" {
		return true
	}
	return len(ws) == 1 && len(ws[0]) >= 3 && len(ws[0]) <= 4 && ws[0][0] == 'c' && ws[0][len(ws[0])-1] == 'o'
}

// otherChiefs are abbreviations whose reading depends on the department: a
// CPO in People is the Chief People Officer, not the Chief Product Officer.
// Each reading names the words of departments that mean it, and the catalog
// role ids that are that reading (none: imported as a team member).
var otherChiefs = map[string][]struct {
	departments []string
	title       string
	roles       []string
}{
	"cpo": {
		{[]string{"people", "hr", "human", "talent", "culture", "personnel"}, "Chief People Officer", nil},
		{[]string{"privacy", "legal", "data protection"}, "Chief Privacy Officer", []string{"chief-privacy-officer", "data-protection-officer"}},
		{[]string{"procurement", "purchasing", "supply"}, "Chief Procurement Officer", nil},
	},
	"cso": {
		{[]string{"sales", "commercial", "revenue"}, "Chief Sales Officer", nil},
		{[]string{"strategy", "corporate development"}, "Chief Strategy Officer", nil},
		{[]string{"sustainability", "esg"}, "Chief Sustainability Officer", nil},
	},
	"cdo": {
		{[]string{"diversity", "inclusion", "dei"}, "Chief Diversity Officer", nil},
	},
	"cio": {
		{[]string{"investment", "investments", "portfolio", "asset"}, "Chief Investment Officer", nil},
	},
	"cao": {
		{[]string{"accounting", "finance", "administration"}, "Chief Administrative Officer", nil},
	},
}

// otherChief finds the reading of an abbreviated C-level title that the
// department gives, when it is not the catalog's: ok is true and role is the
// catalog role for it ("" when the catalog has none).
func (m *matcher) otherChief(t, department string) (reading, role string, ok bool) {
	readings := otherChiefs[t]
	if len(readings) == 0 || department == "" {
		return "", "", false
	}
	d := " " + strings.Join(strings.Fields(catalog.NormalTitle(department)), " ") + " "
	for _, rd := range readings {
		for _, w := range rd.departments {
			if strings.Contains(d, " "+w+" ") {
				for _, id := range rd.roles {
					if m.byID[id] != nil {
						return rd.title, id, true
					}
				}
				return rd.title, "", true
			}
		}
	}
	return "", "", false
}
