package people

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Field is what a CSV column holds, in Org Planner's terms.
type Field string

// The fields a people CSV can hold. An id, a manager and a name (or first
// and last name) column are required; without an id column the email is the
// id. Without a title or role column a job code column gives the titles, and
// without any of them the file imports with no titles (the report says so).
const (
	FieldID         Field = "id"
	FieldManager    Field = "manager"
	FieldName       Field = "name"
	FieldFirstName  Field = "first-name"
	FieldLastName   Field = "last-name"
	FieldPreferred  Field = "preferred-name" // shown instead of the name when given (Rippling)
	FieldEmail      Field = "email"          // lets managers be given by email (Google Workspace, Entra)
	FieldTitle      Field = "title"
	FieldRole       Field = "role"
	FieldDepartment Field = "department"
	FieldCost       Field = "cost"
	FieldCount      Field = "count"
	FieldDotted     Field = "dotted"
	FieldNotes      Field = "notes"
	FieldOwns       Field = "owns"     // capability ids the position owns beyond its role's
	FieldSupports   Field = "supports" // capability ids it supports beyond its role's
	FieldNotOwns    Field = "not-owns" // capability ids of its role's it does not take on
	FieldJobCode    Field = "job-code" // a code such as AD_PRES or IT_PROG: the title when there is no title column
	FieldFTE        Field = "fte"      // full-time equivalent: a part-time post (0.6), or a team's size (6.5 posts)
	FieldGrade      Field = "grade"    // a pay grade (SCS2, HEO): kept in the notes
	FieldCostMin    Field = "cost-min" // the bottom of a pay band: with cost-max, the cost is the band's middle
	FieldCostMax    Field = "cost-max" // the top of a pay band
	FieldStatus     Field = "status"   // employment status: terminated and inactive rows are left out
	FieldEnabled    Field = "enabled"  // a directory account's state (Entra's accountEnabled): disabled rows are left out
	FieldIgnore     Field = "ignore"
)

// Fields lists every field a --map entry may name.
var Fields = []Field{FieldID, FieldManager, FieldName, FieldFirstName, FieldLastName,
	FieldPreferred, FieldEmail, FieldTitle, FieldRole, FieldDepartment, FieldCost, FieldCount, FieldDotted, FieldNotes, FieldOwns, FieldSupports, FieldNotOwns,
	FieldJobCode, FieldFTE, FieldGrade, FieldCostMin, FieldCostMax, FieldStatus, FieldEnabled, FieldIgnore}

// headerNames are the header spellings HR systems use for each field, after
// normalising (lower case, letters and digits only, "#" as "number"). The
// defaults of BambooHR, Workday, Rippling, HiBob, Personio, Google Workspace,
// Microsoft Entra, SAP SuccessFactors, ADP Workforce Now, the UK
// government's organograms, Oracle's HR sample schema and Northwind are all
// here (docs/scenarios.md lists them).
var headerNames = map[string]Field{
	"id": FieldID, "employeeid": FieldID, "empid": FieldID, "employeenumber": FieldID,
	"employeeno": FieldID, "empno": FieldID, "personid": FieldID, "staffid": FieldID,
	"workerid": FieldID, "personnelnumber": FieldID, "positionid": FieldID,
	"number": FieldID, "objectid": FieldID, "userid": FieldID,
	"postuniquereference": FieldID, // UK organograms: senior posts
	"associateid":         FieldID, // ADP Workforce Now
	"employeekey":         FieldID, // data warehouses: AdventureWorksDW's DimEmployee

	"parentid": FieldManager, "parent": FieldManager, "managerid": FieldManager,
	"manager": FieldManager, "reportsto": FieldManager, "reportstoid": FieldManager,
	"supervisorid": FieldManager, "supervisor": FieldManager, "linemanager": FieldManager,
	"linemanagerid": FieldManager, "manageremployeeid": FieldManager, "managerempid": FieldManager,
	"bossid": FieldManager, "reportingto": FieldManager, "managername": FieldManager,
	"manageremail": FieldManager, "supervisorname": FieldManager, "supervisoremail": FieldManager,
	"reportstoemail": FieldManager, "reportstoname": FieldManager, "manageruserprincipalname": FieldManager,
	"managerupn": FieldManager, "directmanager": FieldManager, "managerworkemail": FieldManager,
	"linemanageremail":    FieldManager,
	"reportstoseniorpost": FieldManager, "reportingseniorpost": FieldManager, // UK organograms (senior, junior)
	"reportstoassociateid":     FieldManager,                                       // ADP Workforce Now
	"supervisoremployeenumber": FieldManager, "supervisoremployeeid": FieldManager, // UKG
	"managerdisplayname": FieldManager, "manageremployeenumber": FieldManager,
	"parentemployeekey": FieldManager, "managerkey": FieldManager, // AdventureWorksDW, WideWorldImporters

	"name": FieldName, "fullname": FieldName, "employeename": FieldName,
	"displayname": FieldName, "employee": FieldName, "holder": FieldName, "person": FieldName,
	"worker": FieldName, "legalname": FieldName, "workername": FieldName,
	"firstname": FieldFirstName, "givenname": FieldFirstName, "forename": FieldFirstName,
	"legalfirstname": FieldFirstName,
	"lastname":       FieldLastName, "surname": FieldLastName, "familyname": FieldLastName,
	"legallastname": FieldLastName,
	"preferredname": FieldPreferred, "preferredfullname": FieldPreferred, "knownas": FieldPreferred,
	"preferredorchosenfirstname": FieldPreferred, "preferredfirstname": FieldPreferred, "nickname": FieldPreferred,

	"email": FieldEmail, "workemail": FieldEmail, "emailaddress": FieldEmail, "primaryemail": FieldEmail,
	"userprincipalname": FieldEmail, "upn": FieldEmail, "mail": FieldEmail, "businessemail": FieldEmail,
	"companyemail": FieldEmail, "workemailaddress": FieldEmail, "emailid": FieldEmail,

	"title": FieldTitle, "jobtitle": FieldTitle, "position": FieldTitle,
	"positiontitle": FieldTitle, "businesstitle": FieldTitle, "jobname": FieldTitle,
	"employeetitle": FieldTitle, "designation": FieldTitle, "genericjobtitle": FieldTitle,
	"jobtitledescription": FieldTitle, "positionname": FieldTitle, // d3-org-chart's sample data

	"role": FieldRole, "roleid": FieldRole, "catalogrole": FieldRole,

	"department": FieldDepartment, "dept": FieldDepartment, "team": FieldDepartment,
	"division": FieldDepartment, "function": FieldDepartment, "orgunit": FieldDepartment,
	"departmentname": FieldDepartment, "unit": FieldDepartment, "supervisoryorganization": FieldDepartment,
	"homedepartmentdescription": FieldDepartment, "homedepartment": FieldDepartment,

	"cost": FieldCost, "salary": FieldCost, "annualcost": FieldCost, "annualsalary": FieldCost,
	"basesalary": FieldCost, "compensation": FieldCost, "yearlycost": FieldCost,
	"totalcost": FieldCost, "fullyloadedcost": FieldCost, "monthlysalary": FieldCost,
	"monthlycost": FieldCost, "annualbasesalary": FieldCost, "yearlysalary": FieldCost,
	"monthlybasesalary": FieldCost, "grosssalary": FieldCost, "fixedsalary": FieldCost,
	"totalbasepayannualized": FieldCost,

	"count": FieldCount, "headcount": FieldCount, "teamsize": FieldCount,

	"dottedto": FieldDotted, "dottedline": FieldDotted, "dottedlineto": FieldDotted,
	"dottedlinemanager": FieldDotted, "dottedlinemanagerid": FieldDotted, "matrixmanager": FieldDotted,
	"matrixmanagerid": FieldDotted,
	"refs":            FieldDotted, // draw.io's CSV import: the ids a card links to beside its manager

	"notes": FieldNotes, "note": FieldNotes, "comments": FieldNotes, "comment": FieldNotes,

	"owns": FieldOwns, "supports": FieldSupports, "notowns": FieldNotOwns,

	"jobid": FieldJobCode, "jobcode": FieldJobCode, "jobtitlecode": FieldJobCode,

	"status": FieldStatus, "positionstatus": FieldStatus, "employmentstatus": FieldStatus,
	"employeestatus": FieldStatus, "workerstatus": FieldStatus,
	"accountenabled": FieldEnabled, "enabled": FieldEnabled,
	"currentflag": FieldEnabled, "iscurrent": FieldEnabled, // a warehouse's history rows (type 2): 0 is a past version

	"fte": FieldFTE, "fulltimeequivalent": FieldFTE, "numberofpostsinfte": FieldFTE,

	"grade": FieldGrade, "gradeorequivalent": FieldGrade, "paygrade": FieldGrade,

	"actualpayfloor": FieldCostMin, "payscaleminimum": FieldCostMin,
	"actualpayceiling": FieldCostMax, "payscalemaximum": FieldCostMax,
}

// multiFields may be fed by several columns: a Workday report with both
// "Manager ID" and "Manager", an Entra export with "userPrincipalName" and
// "mail", an ADP report with "Associate ID" and "Position ID" (a vacant
// position has only the second). Each row tries them in header order.
var multiFields = map[Field]bool{FieldManager: true, FieldEmail: true, FieldID: true}

// normHeader reduces a header cell to lower-case letters and digits, so
// "Employee ID", "employee_id" and "EmployeeId" are the same name. Bracketed
// remarks are dropped (Google Workspace's "First Name [Required]") and "#"
// reads as "number" (BambooHR's "Employee #").
func normHeader(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '[':
			depth++
		case r == ']':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case r == '#':
			b.WriteString("number")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headerField recognises a header cell. A section prefix such as HiBob's
// "Work - " or "Personal - " is dropped when the whole cell is unknown, and
// so is a remark in parentheses (ADP's "Job Title Description (Employment
// Profile)").
func headerField(h string) (Field, bool) {
	if f, ok := headerNames[normHeader(h)]; ok {
		return f, true
	}
	if i := strings.Index(h, "("); i > 0 {
		if j := strings.LastIndex(h, ")"); j > i {
			if f, ok := headerField(strings.TrimSpace(h[:i] + h[j+1:])); ok {
				return f, true
			}
		}
	}
	if i := strings.Index(h, " - "); i > 0 {
		return headerField(h[i+3:])
	}
	return "", false
}

// Column says which CSV column feeds which field, and why.
type Column struct {
	Index  int    `json:"index"`  // 0-based
	Header string `json:"header"` // as written in the file
	Field  Field  `json:"field"`
	Mapped bool   `json:"mapped"` // chosen by --map rather than recognised
}

// ParseMapping reads a --map value: "column=field,column=field". Column names
// compare like headers (case and punctuation do not matter).
func ParseMapping(s string) (map[string]string, error) {
	m := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		col, field, ok := strings.Cut(part, "=")
		if !ok || strings.TrimSpace(col) == "" || strings.TrimSpace(field) == "" {
			return nil, fmt.Errorf("--map entry %q: write it as column=field (fields: %s)", part, fieldList())
		}
		m[strings.TrimSpace(col)] = strings.TrimSpace(field)
	}
	return m, nil
}

func fieldList() string {
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

func knownField(s string) (Field, bool) {
	f := Field(strings.ToLower(strings.TrimSpace(s)))
	for _, k := range Fields {
		if k == f {
			return f, true
		}
	}
	// Accept the header spellings as field names too ("manager id=manager" and "boss=manager id").
	if f, ok := headerField(s); ok {
		return f, true
	}
	return "", false
}

// resolveColumns decides the field of every header cell: --map first, then
// the recognised names. It returns the columns used (in header order), the
// headers ignored, and the problems that make the file unusable. team is
// true for a file of teams rather than people: no id, email or name column,
// but a manager and a count or FTE column (the UK organograms' junior staff
// file: posts under a senior post); such a file is read with a people file.
func resolveColumns(header []string, mapping map[string]string) (cols []Column, ignored []string, probs []string, team bool) {
	byNorm := make(map[string]int, len(header))
	for i, h := range header {
		if _, dup := byNorm[normHeader(h)]; !dup {
			byNorm[normHeader(h)] = i
		}
	}
	chosen := make(map[int]Column, len(header))
	keys := make([]string, 0, len(mapping))
	for k := range mapping {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, col := range keys {
		i, ok := byNorm[normHeader(col)]
		if !ok {
			probs = append(probs, fmt.Sprintf("--map names column %q, which the header does not have (columns: %s)", col, strings.Join(header, ", ")))
			continue
		}
		f, ok := knownField(mapping[col])
		if !ok {
			probs = append(probs, fmt.Sprintf("--map %s=%s: unknown field %q (fields: %s)", col, mapping[col], mapping[col], fieldList()))
			continue
		}
		chosen[i] = Column{Index: i, Header: header[i], Field: f, Mapped: true}
	}
	taken := map[Field]bool{}
	mapped := map[Field]bool{} // fields --map feeds: recognised columns add nothing to them
	for _, c := range chosen {
		if c.Field != FieldIgnore {
			taken[c.Field], mapped[c.Field] = true, true
		}
	}
	for i, h := range header {
		if _, done := chosen[i]; done {
			continue
		}
		f, ok := headerField(h)
		if !ok || (taken[f] && (!multiFields[f] || mapped[f])) {
			// Unknown, or a second column for a field already fed (say both
			// "department" and "division"): the first one wins.
			if strings.TrimSpace(h) != "" {
				ignored = append(ignored, h)
			}
			continue
		}
		taken[f] = true
		chosen[i] = Column{Index: i, Header: h, Field: f}
	}
	for i := range header {
		if c, ok := chosen[i]; ok && c.Field != FieldIgnore {
			cols = append(cols, c)
		}
	}
	need := func(f Field, what string) {
		if !taken[f] {
			probs = append(probs, fmt.Sprintf("no %s column: name it with --map COLUMN=%s (columns: %s)", what, f, strings.Join(header, ", ")))
		}
	}
	named := taken[FieldName] || taken[FieldFirstName] || taken[FieldLastName] || taken[FieldPreferred]
	if !taken[FieldID] && !taken[FieldEmail] && !named && taken[FieldManager] && (taken[FieldCount] || taken[FieldFTE]) {
		return cols, ignored, probs, true
	}
	// Without an id or email column, the name is the id: the simplest org
	// chart sheet (Visio's Organization Chart Wizard, Google Charts' org
	// chart data) is a name and the name of its manager.
	if !taken[FieldEmail] && !named {
		need(FieldID, "id")
	}
	need(FieldManager, "manager")
	if !named {
		probs = append(probs, fmt.Sprintf("no name column (such as Name, Full Name, or First Name and Last Name): without it every position would be imported vacant; name it with --map COLUMN=name (columns: %s)", strings.Join(header, ", ")))
	}
	return cols, ignored, probs, false
}

// hasField reports whether a column feeds the field.
func hasField(cols []Column, f Field) bool {
	for _, c := range cols {
		if c.Field == f {
			return true
		}
	}
	return false
}
