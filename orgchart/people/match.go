package people

import (
	"strings"
	"unicode"

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

// aliases maps normalised titles to role ids. Ambiguous abbreviations list
// every reading; the department, when given, picks one (see ambiguous).
var aliases = map[string][]string{
	"ciso":                                  {"chief-information-security-officer"},
	"chief security officer":                {"chief-information-security-officer"},
	"cso":                                   {"chief-information-security-officer"},
	"head of security":                      {"chief-information-security-officer"},
	"head of information security":          {"chief-information-security-officer"},
	"ceo":                                   {"chief-executive-officer"},
	"founder":                               {"chief-executive-officer"},
	"co founder":                            {"chief-executive-officer"},
	"cto":                                   {"chief-technology-officer"},
	"chief technical officer":               {"chief-technology-officer"},
	"chief executive":                       {"chief-executive-officer"},
	"president":                             {"chief-executive-officer"},
	"president and chief executive officer": {"chief-executive-officer"},
	"head of engineering":                   {"vp-of-engineering"},
	"engineering lead":                      {"software-engineering-manager"},
	"soc manager":                           {"security-operations-manager"},
	"platform manager":                      {"platform-engineering-manager"},
	"data manager":                          {"data-engineering-manager"},
	"dba":                                   {"database-administrator"},
	"grc":                                   {"grc-analyst"},
	"compliance analyst":                    {"grc-analyst"},
	"user researcher":                       {"ux-researcher"},
	"solutions architect":                   {"enterprise-architect"},
	"architect":                             {"enterprise-architect"},
	"cio":                                   {"chief-information-officer"},
	"cdio":                                  {"chief-information-officer"}, // UK government: Chief Digital and Information Officer
	"chief digital and information officer": {"chief-information-officer"},
	"head of software engineering":          {"vp-of-engineering"},
	"cpo":                                   {"chief-product-officer"},
	"cdo":                                   {"chief-data-officer", "chief-digital-officer"},
	"caio":                                  {"chief-ai-officer"},
	"chief artificial intelligence officer": {"chief-ai-officer"},
	"head of sre":                           {"sre-director"},
	"head of site reliability":              {"sre-director"},
	"head of site reliability engineering":  {"sre-director"},
	"head of reliability":                   {"sre-director"},
	"director of sre":                       {"sre-director"},
	"director of site reliability engineering": {"sre-director"},
	"vp of sre":                        {"vp-of-site-reliability-engineering"},
	"vp of reliability":                {"vp-of-site-reliability-engineering"},
	"vp of it":                         {"vp-of-it"},
	"vp of infrastructure":             {"vp-of-infrastructure-engineering"},
	"vp of platform":                   {"vp-of-platform-engineering"},
	"vp of cloud":                      {"vp-of-cloud-engineering"},
	"vp of data":                       {"vp-of-data-and-ai"},
	"vp of ai":                         {"vp-of-data-and-ai"},
	"vp of product":                    {"head-of-product"},
	"head of product management":       {"head-of-product"},
	"head of it operations":            {"director-of-it-operations"},
	"it director":                      {"head-of-it"},
	"engineering manager":              {"software-engineering-manager"},
	"em":                               {"software-engineering-manager"},
	"software manager":                 {"software-engineering-manager"},
	"development manager":              {"software-engineering-manager"},
	"dev manager":                      {"software-engineering-manager"},
	"software development manager":     {"software-engineering-manager"},
	"sre manager":                      {"sre-manager"},
	"qa manager":                       {"qa-engineering-manager"},
	"quality engineering manager":      {"qa-engineering-manager"},
	"test manager":                     {"qa-engineering-manager"},
	"security manager":                 {"security-engineering-manager"},
	"information security manager":     {"security-engineering-manager"},
	"infosec manager":                  {"security-engineering-manager"},
	"cybersecurity manager":            {"security-engineering-manager"},
	"cyber security manager":           {"security-engineering-manager"},
	"e commerce engineering manager":   {"software-engineering-manager"},
	"ecommerce engineering manager":    {"software-engineering-manager"},
	"erp development manager":          {"software-engineering-manager"},
	"application development manager":  {"software-engineering-manager"},
	"applications development manager": {"software-engineering-manager"},
	"data and analytics manager":       {"data-engineering-manager"},
	"analytics manager":                {"data-engineering-manager"},
	"bi manager":                       {"data-engineering-manager"},
	"appsec manager":                   {"product-security-manager"},
	"application security manager":     {"product-security-manager"},
	"privacy manager":                  {"privacy-engineering-manager"},
	"it manager":                       {"it-operations-manager"},
	"network manager":                  {"network-engineering-manager"},
	"infrastructure manager":           {"systems-engineering-manager"},

	"engineer":                         {"software-engineer"},
	"tech lead":                        {"software-engineer"},
	"technical lead":                   {"software-engineer"},
	"head of platform":                 {"vp-of-platform-engineering"},
	"head of platform engineering":     {"vp-of-platform-engineering"},
	"head of infrastructure":           {"vp-of-infrastructure-engineering"},
	"director of infrastructure":       {"vp-of-infrastructure-engineering"},
	"head of devops":                   {"vp-of-devops"},
	"head of cloud":                    {"vp-of-cloud-engineering"},
	"head of data":                     {"vp-of-data-and-ai"},
	"head of data and ai":              {"vp-of-data-and-ai"},
	"head of ai":                       {"vp-of-data-and-ai"},
	"head of qa":                       {"qa-engineering-manager"},
	"head of quality":                  {"qa-engineering-manager"},
	"director of security":             {"chief-information-security-officer"},
	"director of information security": {"chief-information-security-officer"},
	"security director":                {"chief-information-security-officer"},
	"vp of security":                   {"chief-information-security-officer"},
	"vp of product management":         {"head-of-product"},
	"vp of information technology":     {"vp-of-it"},
	"it support technician":            {"it-support-specialist"},
	"desktop technician":               {"it-support-specialist"},
	"helpdesk analyst":                 {"it-service-desk-analyst"},
	"help desk technician":             {"it-service-desk-analyst"},
	"service desk":                     {"it-service-desk-analyst"},
	"test automation engineer":         {"qa-engineer"},
	"automation engineer":              {"qa-engineer"},
	"engineering program manager":      {"technical-program-manager"},
	"security architect":               {"security-engineer"},
	"penetration tester":               {"security-engineer"},
	"pentester":                        {"security-engineer"},
	"cloud architect":                  {"cloud-engineer"},
	"sre":                              {"site-reliability-engineer"},
	"reliability engineer":             {"site-reliability-engineer"},
	"production engineer":              {"site-reliability-engineer"},
	"swe":                              {"software-engineer"},
	"sde":                              {"software-engineer"},
	"developer":                        {"software-engineer"},
	"software developer":               {"software-engineer"},
	"programmer":                       {"software-engineer"},
	"backend engineer":                 {"software-engineer"},
	"frontend engineer":                {"software-engineer"},
	"full stack engineer":              {"software-engineer"},
	"fullstack engineer":               {"software-engineer"},
	"mobile engineer":                  {"software-engineer"},
	"web developer":                    {"software-engineer"},
	"qa":                               {"qa-engineer"},
	"qa analyst":                       {"qa-engineer"},
	"test engineer":                    {"qa-engineer"},
	"tester":                           {"qa-engineer"},
	"sdet":                             {"qa-engineer"},
	"quality engineer":                 {"qa-engineer"},
	"qa automation engineer":           {"qa-engineer"},
	"pm":                               {"product-manager"},
	"product owner":                    {"product-manager"},
	"tpm":                              {"technical-program-manager"},
	"program manager":                  {"technical-program-manager"},
	"designer":                         {"product-designer"},
	"ux designer":                      {"product-designer"},
	"ui designer":                      {"product-designer"},
	"ui ux designer":                   {"product-designer"},
	"ux ui designer":                   {"product-designer"},
	"interaction designer":             {"product-designer"},
	"machine learning engineer":        {"ml-engineer"},
	"ai engineer":                      {"ml-engineer"},
	"bi analyst":                       {"data-analyst"},
	"business intelligence analyst":    {"data-analyst"},
	"analytics engineer":               {"data-engineer"},
	"soc analyst":                      {"security-analyst"},
	"appsec engineer":                  {"application-security-engineer"},
	"product security engineer":        {"application-security-engineer"},
	"infosec engineer":                 {"security-engineer"},
	"devops":                           {"devops-engineer"},
	"build engineer":                   {"devops-engineer"},
	"release engineer":                 {"devops-engineer"},
	"infrastructure engineer":          {"platform-engineer"},
	"sysadmin":                         {"systems-engineer"},
	"system administrator":             {"systems-engineer"},
	"systems administrator":            {"systems-engineer"},
	"linux administrator":              {"systems-engineer"},
	"network administrator":            {"network-engineer"},
	"it support":                       {"it-support-specialist"},
	"it support engineer":              {"it-support-specialist"},
	"help desk":                        {"it-service-desk-analyst"},
	"helpdesk":                         {"it-service-desk-analyst"},
	"help desk analyst":                {"it-service-desk-analyst"},
	"service desk analyst":             {"it-service-desk-analyst"},
	"desktop support":                  {"it-support-specialist"},
	"desktop support technician":       {"it-support-specialist"},
}

// wordSwaps rewrite abbreviations word by word before any comparison.
var wordSwaps = map[string]string{
	"vice":      "", // "vice president" -> "vp" (with "president" below)
	"president": "vp", "svp": "vp", "evp": "vp", "avp": "vp",
	"mgr": "manager", "mngr": "manager", "manger": "manager",
	"dir": "director", "eng": "engineering", "engg": "engineering",
	"ops": "operations", "infra": "infrastructure",
	"sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior",
	"sec": "security", "info": "information",
	"&": "and", "devsecops": "devops", "admin": "administrator",
}

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
		t := normTitle(r.Title)
		if _, taken := m.byTitle[t]; !taken {
			m.byTitle[t] = r
		}
		m.words = append(m.words, simWords(t))
		m.wordRoles = append(m.wordRoles, r)
	}
	return m
}

// normTitle lower-cases, drops punctuation, swaps abbreviations and puts "of"
// after a leading VP/Head/Director: "VP, Engineering" and "Vice President of
// Engineering" both become "vp of engineering".
func normTitle(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "&", " and ")
	s = strings.ReplaceAll(s, "/", " ")
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case r == '.' || r == '\'' || r == '’':
			// "Sr." -> "sr"; "O'Brien" stays one word
		default:
			b.WriteRune(' ')
		}
	}
	in := strings.Fields(b.String())
	out := make([]string, 0, len(in)+1)
	for i, w := range in {
		if w == "president" && (i == 0 || in[i-1] != "vice") {
			out = append(out, w) // a President alone heads the company; a vice president is a VP
			continue
		}
		if sw, ok := wordSwaps[w]; ok {
			w = sw
		}
		if w == "" || (w == "vp" && len(out) > 0 && out[len(out)-1] == "vp") {
			continue
		}
		out = append(out, w)
	}
	if len(out) >= 2 && (out[0] == "vp" || out[0] == "head" || out[0] == "director") && out[1] != "of" {
		out = append([]string{out[0], "of"}, out[1:]...)
	}
	return strings.Join(out, " ")
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
	t := normTitle(title)
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
			pt := normTitle(part)
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
	for _, id := range aliases[t] {
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
	dw := simWords(normTitle(department))
	best, bestScore := -1, 0.0
	for i, id := range ids {
		if s := dice(dw, simWords(normTitle(m.byID[id].Title))); s > bestScore {
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
		dw = simWords(t + " " + normTitle(department))
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
	d := " " + strings.Join(strings.Fields(normTitle(department)), " ") + " "
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
