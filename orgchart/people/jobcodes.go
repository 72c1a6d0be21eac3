package people

import (
	"strings"
	"unicode"
)

// Job codes stand in for titles in files that have no title column, such as
// Oracle's HR sample schema (JOB_ID: AD_PRES, AD_VP, IT_PROG, FI_MGR,
// SA_REP). A code is read as a department word and a job word when every
// part is known; otherwise the code itself is the title.

// codeDepartments open the first part of a code.
var codeDepartments = map[string]string{
	"ad": "Administration", "adm": "Administration", "ac": "Accounting", "acc": "Accounting",
	"fi": "Finance", "fin": "Finance", "sa": "Sales", "sls": "Sales", "pu": "Purchasing",
	"st": "Stock", "sh": "Shipping", "it": "IT", "is": "IT", "mk": "Marketing", "mkt": "Marketing",
	"hr": "Human Resources", "pr": "Public Relations", "eng": "Engineering", "ops": "Operations",
	"op": "Operations", "leg": "Legal", "cs": "Customer Service", "sec": "Security", "qa": "QA",
	"rd": "Research and Development", "prd": "Product", "dat": "Data", "sup": "Support",
}

// codeJobs open the job part; standalone jobs need no department word
// (IT_PROG is a Programmer, AD_PRES the President).
var codeJobs = map[string]struct {
	title      string
	standalone bool
}{
	"pres": {"President", true}, "president": {"President", true}, "ceo": {"Chief Executive Officer", true},
	"prog": {"Programmer", true}, "dev": {"Developer", true}, "dba": {"Database Administrator", true},
	"account": {"Accountant", true}, "acct": {"Accountant", true}, "accountant": {"Accountant", true},
	"vp": {"Vice President", false}, "svp": {"Senior Vice President", false}, "evp": {"Executive Vice President", false},
	"asst": {"Assistant", false}, "mgr": {"Manager", false}, "man": {"Manager", false}, "mngr": {"Manager", false},
	"rep": {"Representative", false}, "clerk": {"Clerk", false}, "eng": {"Engineer", false},
	"anl": {"Analyst", false}, "analyst": {"Analyst", false}, "admin": {"Administrator", false},
	"dir": {"Director", false}, "sup": {"Supervisor", false}, "supv": {"Supervisor", false},
	"spec": {"Specialist", false}, "coord": {"Coordinator", false}, "tech": {"Technician", false},
	"exec": {"Executive", false}, "cons": {"Consultant", false}, "arch": {"Architect", false},
	"lead": {"Lead", false}, "head": {"Head", false},
}

// codeTitle reads a job code as a title: "IT_PROG" is "Programmer",
// "FI_MGR" "Finance Manager", "AD_VP" "Administration Vice President". A
// code with a part it does not know is kept as written.
func codeTitle(code string) string {
	parts := strings.FieldsFunc(strings.ToLower(code), func(r rune) bool {
		return r == '_' || r == '-' || r == '.' || r == '/' || unicode.IsSpace(r)
	})
	switch len(parts) {
	case 1:
		if j, ok := codeJobs[parts[0]]; ok {
			return j.title
		}
	case 2:
		d, okD := codeDepartments[parts[0]]
		j, okJ := codeJobs[parts[1]]
		switch {
		case okD && okJ && j.standalone:
			return j.title
		case okD && okJ:
			return d + " " + j.title
		}
	}
	return code
}
