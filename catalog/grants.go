package catalog

import (
	"context"
	"encoding/json"
	"slices"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/quiverdb/quiver/qerr"
)

// Privilege is a set of privileges on an object, as GRANT names them.
type Privilege uint8

// The privileges. SELECT reads a table or view; INSERT appends to a table
// (INSERT, bulk ingest into an existing table); CREATE makes tables and views
// in a database (and databases, granted on *.*); DROP removes them (and
// TRUNCATE empties a table, as in MySQL); UPDATE and DELETE change and remove
// a table's rows.
const (
	PrivSelect Privilege = 1 << iota
	PrivInsert
	PrivCreate
	PrivDrop
	PrivUpdate
	PrivDelete

	// PrivAll is ALL [PRIVILEGES].
	PrivAll = PrivSelect | PrivInsert | PrivCreate | PrivDrop | PrivUpdate | PrivDelete
)

var privilegeNames = []struct {
	p    Privilege
	name string
}{{PrivSelect, "SELECT"}, {PrivInsert, "INSERT"}, {PrivUpdate, "UPDATE"}, {PrivDelete, "DELETE"}, {PrivCreate, "CREATE"}, {PrivDrop, "DROP"}}

// String is the privileges as GRANT lists them: "SELECT, INSERT", or
// "ALL PRIVILEGES" for all of them.
func (p Privilege) String() string {
	if p == PrivAll {
		return "ALL PRIVILEGES"
	}
	var names []string
	for _, n := range privilegeNames {
		if p&n.p != 0 {
			names = append(names, n.name)
		}
	}
	if len(names) == 0 {
		return "USAGE"
	}
	return strings.Join(names, ", ")
}

// privilegeNamed is the privilege GRANT names name (upper case), or 0.
func privilegeNamed(name string) Privilege {
	for _, n := range privilegeNames {
		if n.name == name {
			return n.p
		}
	}
	return 0
}

// Wildcard is the name that stands for every database (in Object.Database)
// or every table of a database (in Object.Table), as in GRANT ... ON db.*.
const Wildcard = "*"

// Object is what a grant covers: every database (*.*), every table and view
// of one database (db.*), or one table or view (db.t). Names compare
// case-insensitively, as table names do.
type Object struct {
	Database, Table string
}

// String is the object as GRANT names it.
func (o Object) String() string { return o.Database + "." + o.Table }

// covers reports whether a grant on o reaches a table or view named t in
// database db; t empty asks about the database itself (a db.* or *.* grant).
func (o Object) covers(db, t string) bool {
	if o.Database == Wildcard {
		return true
	}
	if !strings.EqualFold(o.Database, db) {
		return false
	}
	return o.Table == Wildcard || t != "" && strings.EqualFold(o.Table, t)
}

// inDatabase reports whether o is db itself or an object in it.
func (o Object) inDatabase(db string) bool {
	return o.Database == Wildcard || strings.EqualFold(o.Database, db)
}

// Grant is privileges on one object held by one grantee (a user or a role).
type Grant struct {
	Grantee    string
	On         Object
	Privileges Privilege
	// GrantOption is WITH GRANT OPTION; ALL ON *.* with it makes the
	// grantee an administrator (Grants.IsAdmin).
	GrantOption bool
}

// Grants is the whole privilege state: roles, who holds which roles, and
// every grant. Users and roles share one namespace of case-sensitive names,
// as in MySQL; object names are case-insensitive. Every role granted to a
// user is active in each of its sessions (MySQL's
// activate_all_roles_on_login), and roles are granted to users only, not
// to other roles.
//
// A Grants read from the catalog is a copy: changing it changes nothing
// until it is written back by Catalog.UpdateGrants.
type Grants struct {
	roles   []string
	members map[string][]string // user -> roles
	grants  []Grant
}

// IsRole reports whether a role of that name exists.
func (g *Grants) IsRole(name string) bool { return slices.Contains(g.roles, name) }

// Roles lists the roles, sorted.
func (g *Grants) Roles() []string { return slices.Clone(g.roles) }

// CreateRole adds a role.
func (g *Grants) CreateRole(name string, ifNotExists bool) error {
	if err := validateName("role", name); err != nil {
		return err
	}
	if g.IsRole(name) {
		if ifNotExists {
			return nil
		}
		return qerr.ErrAlreadyExists.New("role %s already exists", name)
	}
	g.roles = append(g.roles, name)
	sort.Strings(g.roles)
	return nil
}

// DropRole removes a role with its grants and its memberships.
func (g *Grants) DropRole(name string, ifExists bool) error {
	if !g.IsRole(name) {
		if ifExists {
			return nil
		}
		return qerr.ErrNotFound.New("role %s does not exist", name)
	}
	g.roles = slices.DeleteFunc(g.roles, func(r string) bool { return r == name })
	for u, rs := range g.members {
		g.setRoles(u, slices.DeleteFunc(rs, func(r string) bool { return r == name }))
	}
	g.DropGrantee(name)
	return nil
}

// DropGrantee removes every grant to name and every role it holds: what
// dropping a user leaves behind.
func (g *Grants) DropGrantee(name string) {
	g.grants = slices.DeleteFunc(g.grants, func(x Grant) bool { return x.Grantee == name })
	delete(g.members, name)
}

// GrantRole gives role to user.
func (g *Grants) GrantRole(role, user string) error {
	if !g.IsRole(role) {
		return qerr.ErrNotFound.New("role %s does not exist", role)
	}
	if g.IsRole(user) {
		return qerr.ErrUnsupported.New("granting role %s to role %s: roles are granted to users", role, user)
	}
	if !slices.Contains(g.members[user], role) {
		rs := append(slices.Clone(g.members[user]), role)
		sort.Strings(rs)
		g.setRoles(user, rs)
	}
	return nil
}

// RevokeRole takes role from user.
func (g *Grants) RevokeRole(role, user string) error {
	if !slices.Contains(g.members[user], role) {
		return qerr.ErrNotFound.New("role %s is not granted to %s", role, user)
	}
	g.setRoles(user, slices.DeleteFunc(slices.Clone(g.members[user]), func(r string) bool { return r == role }))
	return nil
}

func (g *Grants) setRoles(user string, roles []string) {
	if len(roles) == 0 {
		delete(g.members, user)
		return
	}
	if g.members == nil {
		g.members = map[string][]string{}
	}
	g.members[user] = roles
}

// RolesOf lists the roles granted to user, sorted.
func (g *Grants) RolesOf(user string) []string { return slices.Clone(g.members[user]) }

// find is the index of grantee's grant on exactly o, or -1.
func (g *Grants) find(grantee string, o Object) int {
	return slices.IndexFunc(g.grants, func(x Grant) bool {
		return x.Grantee == grantee && strings.EqualFold(x.On.Database, o.Database) && strings.EqualFold(x.On.Table, o.Table)
	})
}

// Grant adds x's privileges to what its grantee holds on x.On.
func (g *Grants) Grant(x Grant) {
	if i := g.find(x.Grantee, x.On); i >= 0 {
		g.grants[i].Privileges |= x.Privileges
		g.grants[i].GrantOption = g.grants[i].GrantOption || x.GrantOption
		return
	}
	g.grants = append(g.grants, x)
}

// Revoke takes x's privileges (and the grant option, if x has it) from its
// grantee's grant on exactly x.On: a db.* grant is not narrowed by revoking
// on one of its tables, as in MySQL. ErrNotFound when the grantee holds no
// grant on that object.
func (g *Grants) Revoke(x Grant) error {
	i := g.find(x.Grantee, x.On)
	if i < 0 {
		return qerr.ErrNotFound.New("there is no grant to %s on %s", x.Grantee, x.On)
	}
	y := &g.grants[i]
	y.Privileges &^= x.Privileges
	if x.GrantOption || y.Privileges == 0 {
		y.GrantOption = false
	}
	if y.Privileges == 0 {
		g.grants = slices.Delete(g.grants, i, i+1)
	}
	return nil
}

// Of lists the grants held by grantee itself (not through roles), most
// general first: *.*, then each database's db.* before its tables.
func (g *Grants) Of(grantee string) []Grant {
	var out []Grant
	for _, x := range g.grants {
		if x.Grantee == grantee {
			out = append(out, x)
		}
	}
	key := func(o Object) string {
		if o.Database == Wildcard {
			return ""
		}
		if o.Table == Wildcard {
			return strings.ToLower(o.Database) + "."
		}
		return strings.ToLower(o.Database) + ".." + strings.ToLower(o.Table)
	}
	sort.Slice(out, func(i, j int) bool { return key(out[i].On) < key(out[j].On) })
	return out
}

// held calls fn with every grant user holds, itself or through a role,
// until fn returns true; it reports whether one did.
func (g *Grants) held(user string, fn func(Grant) bool) bool {
	roles := g.members[user]
	for _, x := range g.grants {
		if (x.Grantee == user || slices.Contains(roles, x.Grantee)) && fn(x) {
			return true
		}
	}
	return false
}

// Allowed reports whether user holds every privilege of p on table t of
// database db (t empty: on the database itself), through *.*, db.* or
// db.t grants to the user or to its roles, together.
func (g *Grants) Allowed(user string, p Privilege, db, t string) bool {
	var have Privilege
	return g.held(user, func(x Grant) bool {
		if x.On.covers(db, t) {
			have |= x.Privileges
		}
		return have&p == p
	})
}

// Sees reports whether user holds any privilege on table t of db, or, with
// t empty, on db or anything in it: what metadata listings show.
func (g *Grants) Sees(user, db, t string) bool {
	return g.held(user, func(x Grant) bool {
		if t == "" {
			return x.On.inDatabase(db)
		}
		return x.On.covers(db, t)
	})
}

// IsAdmin reports whether user holds ALL ON *.* WITH GRANT OPTION, itself
// or through a role.
func (g *Grants) IsAdmin(user string) bool {
	return g.held(user, func(x Grant) bool {
		return x.On.Database == Wildcard && x.Privileges == PrivAll && x.GrantOption
	})
}

// The stored form of the privilege state: one JSON document under one key,
// since every change reads and rewrites it whole in one transaction and it
// stays small (a few grants per user).
//
//	grants   state -> JSON grantsRecord
var (
	bucketGrants = []byte("grants")
	keyGrants    = []byte("state")
)

type grantsRecord struct {
	Roles   []string            `json:"roles,omitempty"`
	Members map[string][]string `json:"members,omitempty"`
	Grants  []grantRecord       `json:"grants,omitempty"`
}

type grantRecord struct {
	Grantee  string `json:"grantee"`
	Database string `json:"database"`
	Table    string `json:"table"`
	// Privileges are stored by name; ALL as "ALL", so that a privilege
	// added later is part of an ALL granted before it.
	Privileges  []string `json:"privileges"`
	GrantOption bool     `json:"grant_option,omitempty"`
	// AllByName is false for a grant stored before ALL was stored by name.
	AllByName bool `json:"all_by_name,omitempty"`
}

// storedAll is the name ALL is stored as.
const storedAll = "ALL"

// formerAll is what ALL was stored as before UPDATE and DELETE existed
// (every privilege by name, in a record without AllByName). Read back, it
// is ALL again: an administrator by grant stays one, and a grantee that
// could drop, create and fill a table gains nothing it could not do.
var formerAll = []string{"SELECT", "INSERT", "CREATE", "DROP"}

func (g *Grants) encode() grantsRecord {
	r := grantsRecord{Roles: g.roles, Members: g.members}
	for _, x := range g.grants {
		gr := grantRecord{Grantee: x.Grantee, Database: x.On.Database, Table: x.On.Table, GrantOption: x.GrantOption, AllByName: true}
		for _, n := range privilegeNames {
			if x.Privileges&n.p != 0 {
				gr.Privileges = append(gr.Privileges, n.name)
			}
		}
		if x.Privileges == PrivAll {
			gr.Privileges = []string{storedAll}
		}
		r.Grants = append(r.Grants, gr)
	}
	return r
}

func (r *grantsRecord) decode() (*Grants, error) {
	g := &Grants{roles: r.Roles, members: r.Members}
	for _, gr := range r.Grants {
		x := Grant{Grantee: gr.Grantee, On: Object{Database: gr.Database, Table: gr.Table}, GrantOption: gr.GrantOption}
		if !gr.AllByName && slices.Equal(gr.Privileges, formerAll) {
			gr.Privileges = []string{storedAll}
		}
		for _, name := range gr.Privileges {
			p := privilegeNamed(name)
			if name == storedAll {
				p = PrivAll
			}
			if p == 0 {
				return nil, qerr.ErrInternal.New("stored grant to %s holds unknown privilege %q", gr.Grantee, name)
			}
			x.Privileges |= p
		}
		g.grants = append(g.grants, x)
	}
	return g, nil
}

func readGrants(tx *bolt.Tx) (*Grants, error) {
	b := tx.Bucket(bucketGrants)
	if b == nil {
		return &Grants{}, nil
	}
	data := b.Get(keyGrants)
	if data == nil {
		return &Grants{}, nil
	}
	var r grantsRecord
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	return r.decode()
}

// Grants reads the privilege state.
func (c *BoltCatalog) Grants(ctx context.Context) (*Grants, error) {
	var g *Grants
	err := c.view(ctx, "read grants", func(tx *bolt.Tx) error {
		var err error
		g, err = readGrants(tx)
		return err
	})
	return g, err
}

// UpdateGrants reads the privilege state, lets fn change it and stores it,
// in one transaction; an error from fn stores nothing.
func (c *BoltCatalog) UpdateGrants(ctx context.Context, fn func(*Grants) error) error {
	return c.update(ctx, "update grants", func(tx *bolt.Tx) error {
		g, err := readGrants(tx)
		if err != nil {
			return err
		}
		if err := fn(g); err != nil {
			return err
		}
		data, err := json.Marshal(g.encode())
		if err != nil {
			return err
		}
		b, err := tx.CreateBucketIfNotExists(bucketGrants)
		if err != nil {
			return err
		}
		return b.Put(keyGrants, data)
	})
}
