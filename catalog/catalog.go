package catalog

// Catalog is a loaded, validated set of roles, capabilities and conflicts.
// It is read-only once built; lookups are by id.
type Catalog struct {
	Roles        []*Role       `json:"roles"`
	Capabilities []*Capability `json:"capabilities"`
	Conflicts    []*Conflict   `json:"conflicts"`

	roles        map[string]*Role
	capabilities map[string]*Capability
	conflicts    map[[2]string]*Conflict
	byDomain     map[Domain][]*Role
}

// New builds a catalog from entries made in Go (tests, generated catalogs)
// and indexes it for lookups. It does not validate: entries are used as given,
// a later one replacing an earlier one with the same id in lookups. Use Parse
// for input from people, which reports every problem.
func New(roles []*Role, caps []*Capability, conflicts []*Conflict) *Catalog {
	c := &Catalog{
		Roles:        append([]*Role(nil), roles...),
		Capabilities: append([]*Capability(nil), caps...),
		Conflicts:    append([]*Conflict(nil), conflicts...),
	}
	c.index()
	return c
}

// Role returns the role with the id, or nil.
func (c *Catalog) Role(id string) *Role { return c.roles[id] }

// Capability returns the capability with the id, or nil.
func (c *Catalog) Capability(id string) *Capability { return c.capabilities[id] }

// Conflict returns the conflict of interest for a report in role report
// under a manager in role manager, or nil when the line is fine.
func (c *Catalog) Conflict(manager, report string) *Conflict {
	return c.conflicts[[2]string{manager, report}]
}

// Canonical returns the id of the role that id is the same as (its sameAs),
// or id itself: the checks compare roles by it.
func (c *Catalog) Canonical(id string) string {
	if r := c.roles[id]; r != nil && r.SameAs != "" {
		return r.SameAs
	}
	return id
}

// DomainsOwned returns the domains of the capabilities the role owns, in
// display order: what a plan holding the role is accountable for (an
// importer sets a plan's scope from them). Nil for an unknown role.
func (c *Catalog) DomainsOwned(id string) []Domain {
	r := c.roles[id]
	if r == nil {
		return nil
	}
	has := map[Domain]bool{}
	for _, k := range r.Owns {
		if cp := c.capabilities[k]; cp != nil {
			has[cp.Domain] = true
		}
	}
	var out []Domain
	for _, d := range Domains {
		if has[d] {
			out = append(out, d)
		}
	}
	return out
}

// RolesIn returns the roles whose domains include d, in catalog order.
func (c *Catalog) RolesIn(d Domain) []*Role { return c.byDomain[d] }

// index builds the lookup maps; later entries with the same id replace earlier ones.
func (c *Catalog) index() {
	c.roles = make(map[string]*Role, len(c.Roles))
	c.byDomain = make(map[Domain][]*Role, len(Domains))
	for _, r := range c.Roles {
		c.roles[r.ID] = r
		for _, d := range r.Domains {
			c.byDomain[d] = append(c.byDomain[d], r)
		}
	}
	c.capabilities = make(map[string]*Capability, len(c.Capabilities))
	for _, k := range c.Capabilities {
		c.capabilities[k.ID] = k
	}
	c.conflicts = make(map[[2]string]*Conflict, len(c.Conflicts))
	for _, x := range c.Conflicts {
		c.conflicts[[2]string{x.Manager, x.Report}] = x
	}
}
