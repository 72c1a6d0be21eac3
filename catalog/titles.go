package catalog

import (
	"strings"
	"unicode"
)

// The one table of job titles and abbreviations people write for catalog
// roles ("CTO", "Head of SRE", "Sr. Dir, Eng"): the people import matches HR
// titles with it, and a plan's unknown role id is answered with it ("cto" is
// chief-technology-officer, not the nearest spelling).

// TitleRoles returns the role ids a job title or abbreviation stands for,
// most common reading first, or nil. The title is normalised first
// (NormalTitle), so "CTO", "cto" and "head-of-sre" are all found. The
// caller keeps the ids its catalog has.
func TitleRoles(title string) []string {
	return titleAliases[NormalTitle(title)]
}

// TitleAliases calls f for every title of the table with its role ids (for
// tests and listings), in no set order.
func TitleAliases(f func(title string, roles []string)) {
	for t, ids := range titleAliases {
		f(t, ids)
	}
}

// titleAliases maps normalised titles (NormalTitle) to the ids of the
// default catalog's roles they stand for. Ambiguous abbreviations list every
// reading, most common first; the people import lets the department pick one.
var titleAliases = map[string][]string{
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
	"information services manager":     {"it-operations-manager"}, // AdventureWorks' IT department
	"application specialist":           {"business-systems-analyst"},
	"network manager":                  {"network-engineering-manager"},
	"infrastructure manager":           {"systems-engineering-manager"},

	"engineer":                          {"software-engineer"},
	"tech lead":                         {"software-engineer"},
	"technical lead":                    {"software-engineer"},
	"head of platform":                  {"vp-of-platform-engineering"},
	"head of platform engineering":      {"vp-of-platform-engineering"},
	"head of infrastructure":            {"vp-of-infrastructure-engineering"},
	"director of infrastructure":        {"vp-of-infrastructure-engineering"},
	"head of devops":                    {"vp-of-devops"},
	"head of cloud":                     {"vp-of-cloud-engineering"},
	"head of data":                      {"vp-of-data-and-ai"},
	"head of data and ai":               {"vp-of-data-and-ai"},
	"head of ai":                        {"vp-of-data-and-ai"},
	"head of qa":                        {"qa-engineering-manager"},
	"head of quality":                   {"qa-engineering-manager"},
	"director of security":              {"chief-information-security-officer"},
	"director of information security":  {"chief-information-security-officer"},
	"security director":                 {"chief-information-security-officer"},
	"vp of security":                    {"chief-information-security-officer"},
	"vp of product management":          {"head-of-product"},
	"vp of information technology":      {"vp-of-it"},
	"it support technician":             {"it-support-specialist"},
	"desktop technician":                {"it-support-specialist"},
	"helpdesk analyst":                  {"it-service-desk-analyst"},
	"help desk technician":              {"it-service-desk-analyst"},
	"service desk":                      {"it-service-desk-analyst"},
	"test automation engineer":          {"qa-engineer"},
	"automation engineer":               {"qa-engineer"},
	"engineering program manager":       {"technical-program-manager"},
	"security architect":                {"security-engineer"},
	"penetration tester":                {"security-engineer"},
	"pentester":                         {"security-engineer"},
	"cloud architect":                   {"cloud-engineer"},
	"sre":                               {"site-reliability-engineer"},
	"reliability engineer":              {"site-reliability-engineer"},
	"production engineer":               {"site-reliability-engineer"},
	"swe":                               {"software-engineer"},
	"sde":                               {"software-engineer"},
	"developer":                         {"software-engineer"},
	"software developer":                {"software-engineer"},
	"programmer":                        {"software-engineer"},
	"backend engineer":                  {"software-engineer"},
	"frontend engineer":                 {"software-engineer"},
	"full stack engineer":               {"software-engineer"},
	"fullstack engineer":                {"software-engineer"},
	"mobile engineer":                   {"software-engineer"},
	"web developer":                     {"software-engineer"},
	"qa":                                {"qa-engineer"},
	"qa analyst":                        {"qa-engineer"},
	"test engineer":                     {"qa-engineer"},
	"tester":                            {"qa-engineer"},
	"sdet":                              {"qa-engineer"},
	"quality engineer":                  {"qa-engineer"},
	"qa automation engineer":            {"qa-engineer"},
	"pm":                                {"product-manager"},
	"product owner":                     {"product-manager"},
	"tpm":                               {"technical-program-manager"},
	"program manager":                   {"technical-program-manager"},
	"designer":                          {"product-designer"},
	"ux designer":                       {"product-designer"},
	"ui designer":                       {"product-designer"},
	"ui ux designer":                    {"product-designer"},
	"ux ui designer":                    {"product-designer"},
	"interaction designer":              {"product-designer"},
	"machine learning engineer":         {"ml-engineer"},
	"ai engineer":                       {"ml-engineer"},
	"bi analyst":                        {"data-analyst"},
	"business intelligence analyst":     {"data-analyst"},
	"analytics engineer":                {"data-engineer"},
	"bi developer":                      {"data-engineer"}, // the Kaggle HR data set's IT/IS titles
	"business intelligence developer":   {"data-engineer"},
	"data architect":                    {"data-engineer"},
	"bi director":                       {"vp-of-data-and-ai"},
	"director of bi":                    {"vp-of-data-and-ai"},
	"director of business intelligence": {"vp-of-data-and-ai"},
	"head of bi":                        {"vp-of-data-and-ai"},
	"soc analyst":                       {"security-analyst"},
	"appsec engineer":                   {"application-security-engineer"},
	"product security engineer":         {"application-security-engineer"},
	"infosec engineer":                  {"security-engineer"},
	"devops":                            {"devops-engineer"},
	"build engineer":                    {"devops-engineer"},
	"release engineer":                  {"devops-engineer"},
	"infrastructure engineer":           {"platform-engineer"},
	"sysadmin":                          {"systems-engineer"},
	"system administrator":              {"systems-engineer"},
	"systems administrator":             {"systems-engineer"},
	"linux administrator":               {"systems-engineer"},
	"network administrator":             {"network-engineer"},
	"it support":                        {"it-support-specialist"},
	"it support engineer":               {"it-support-specialist"},
	"help desk":                         {"it-service-desk-analyst"},
	"helpdesk":                          {"it-service-desk-analyst"},
	"help desk analyst":                 {"it-service-desk-analyst"},
	"service desk analyst":              {"it-service-desk-analyst"},
	"desktop support":                   {"it-support-specialist"},
	"desktop support technician":        {"it-support-specialist"},
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

// NormalTitle lower-cases, drops punctuation, swaps abbreviations and puts "of"
// after a leading VP/Head/Director: "VP, Engineering" and "Vice President of
// Engineering" both become "vp of engineering".
func NormalTitle(s string) string {
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
