package catalog

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/quiverdb/quiver/qerr"
)

// TestGrantsResolution: what a user may do follows from its own grants and
// its roles', at the *.*, db.* and db.t levels together; revoking takes back
// exactly what was granted at that level.
func TestGrantsResolution(t *testing.T) {
	on := func(db, tbl string) Object { return Object{Database: db, Table: tbl} }
	type check struct {
		user    string
		p       Privilege
		db, tbl string
		want    bool
	}
	for _, tc := range []struct {
		name   string
		setup  func(g *Grants) error
		checks []check
	}{
		{name: "nothing granted", setup: func(g *Grants) error { return nil }, checks: []check{
			{"alice", PrivSelect, "main", "t", false},
			{"alice", PrivCreate, "main", "", false},
		}},
		{name: "table level", setup: func(g *Grants) error {
			g.Grant(Grant{Grantee: "alice", On: on("main", "t"), Privileges: PrivSelect})
			return nil
		}, checks: []check{
			{"alice", PrivSelect, "main", "t", true},
			{"alice", PrivSelect, "MAIN", "T", true},
			{"alice", PrivSelect, "main", "u", false},
			{"alice", PrivInsert, "main", "t", false},
			{"alice", PrivSelect, "main", "", false}, // not a database grant
			{"bob", PrivSelect, "main", "t", false},
		}},
		{name: "database level", setup: func(g *Grants) error {
			g.Grant(Grant{Grantee: "alice", On: on("sales", Wildcard), Privileges: PrivSelect | PrivInsert})
			return nil
		}, checks: []check{
			{"alice", PrivSelect | PrivInsert, "sales", "orders", true},
			{"alice", PrivSelect, "sales", "", true},
			{"alice", PrivSelect, "main", "orders", false},
			{"alice", PrivDrop, "sales", "orders", false},
		}},
		{name: "global level", setup: func(g *Grants) error {
			g.Grant(Grant{Grantee: "alice", On: on(Wildcard, Wildcard), Privileges: PrivCreate})
			return nil
		}, checks: []check{
			{"alice", PrivCreate, "anything", "", true},
			{"alice", PrivCreate, "anything", "t", true},
			{"alice", PrivSelect, "anything", "t", false},
		}},
		{name: "levels add up", setup: func(g *Grants) error {
			g.Grant(Grant{Grantee: "alice", On: on("main", Wildcard), Privileges: PrivSelect})
			g.Grant(Grant{Grantee: "alice", On: on("main", "t"), Privileges: PrivInsert})
			return nil
		}, checks: []check{
			{"alice", PrivSelect | PrivInsert, "main", "t", true},
			{"alice", PrivSelect | PrivInsert, "main", "u", false},
		}},
		{name: "through a role", setup: func(g *Grants) error {
			if err := g.CreateRole("analyst", false); err != nil {
				return err
			}
			g.Grant(Grant{Grantee: "analyst", On: on("main", "t"), Privileges: PrivSelect})
			g.Grant(Grant{Grantee: "alice", On: on("main", "t"), Privileges: PrivInsert})
			return g.GrantRole("analyst", "alice")
		}, checks: []check{
			{"alice", PrivSelect | PrivInsert, "main", "t", true},
			{"bob", PrivSelect, "main", "t", false},
		}},
		{name: "role revoked", setup: func(g *Grants) error {
			if err := g.CreateRole("analyst", false); err != nil {
				return err
			}
			g.Grant(Grant{Grantee: "analyst", On: on("main", "t"), Privileges: PrivSelect})
			if err := g.GrantRole("analyst", "alice"); err != nil {
				return err
			}
			return g.RevokeRole("analyst", "alice")
		}, checks: []check{{"alice", PrivSelect, "main", "t", false}}},
		{name: "role dropped", setup: func(g *Grants) error {
			if err := g.CreateRole("analyst", false); err != nil {
				return err
			}
			g.Grant(Grant{Grantee: "analyst", On: on("main", "t"), Privileges: PrivSelect})
			if err := g.GrantRole("analyst", "alice"); err != nil {
				return err
			}
			return g.DropRole("analyst", false)
		}, checks: []check{{"alice", PrivSelect, "main", "t", false}}},
		{name: "revoke one of two", setup: func(g *Grants) error {
			g.Grant(Grant{Grantee: "alice", On: on("main", "t"), Privileges: PrivSelect | PrivInsert})
			return g.Revoke(Grant{Grantee: "alice", On: on("main", "t"), Privileges: PrivInsert})
		}, checks: []check{
			{"alice", PrivSelect, "main", "t", true},
			{"alice", PrivInsert, "main", "t", false},
		}},
		{name: "revoke on a table leaves the database grant", setup: func(g *Grants) error {
			g.Grant(Grant{Grantee: "alice", On: on("main", Wildcard), Privileges: PrivSelect})
			g.Grant(Grant{Grantee: "alice", On: on("main", "t"), Privileges: PrivSelect})
			return g.Revoke(Grant{Grantee: "alice", On: on("main", "t"), Privileges: PrivSelect})
		}, checks: []check{{"alice", PrivSelect, "main", "t", true}}},
		{name: "revoke all", setup: func(g *Grants) error {
			g.Grant(Grant{Grantee: "alice", On: on("main", Wildcard), Privileges: PrivAll})
			return g.Revoke(Grant{Grantee: "alice", On: on("main", Wildcard), Privileges: PrivAll})
		}, checks: []check{{"alice", PrivSelect, "main", "t", false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &Grants{}
			if err := tc.setup(g); err != nil {
				t.Fatal(err)
			}
			for _, c := range tc.checks {
				if got := g.Allowed(c.user, c.p, c.db, c.tbl); got != c.want {
					t.Errorf("Allowed(%s, %s, %s.%s) = %v, want %v", c.user, c.p, c.db, c.tbl, got, c.want)
				}
			}
		})
	}
}

// TestGrantsVisibility: a user sees a database when it holds anything in
// it, and a table when it holds anything on it or its database.
func TestGrantsVisibility(t *testing.T) {
	g := &Grants{}
	g.Grant(Grant{Grantee: "alice", On: Object{"sales", "orders"}, Privileges: PrivInsert})
	g.Grant(Grant{Grantee: "alice", On: Object{"hr", Wildcard}, Privileges: PrivDrop})
	for _, tc := range []struct {
		db, tbl string
		want    bool
	}{
		{"sales", "", true}, {"sales", "orders", true}, {"sales", "items", false},
		{"hr", "", true}, {"hr", "people", true}, {"main", "", false},
	} {
		if got := g.Sees("alice", tc.db, tc.tbl); got != tc.want {
			t.Errorf("Sees(alice, %s, %q) = %v, want %v", tc.db, tc.tbl, got, tc.want)
		}
	}
	if g.Sees("bob", "sales", "") {
		t.Error("bob sees sales with no grant")
	}
}

// TestGrantsAdmin: ALL ON *.* WITH GRANT OPTION, and nothing less, makes
// an administrator, directly or through a role.
func TestGrantsAdmin(t *testing.T) {
	g := &Grants{}
	g.Grant(Grant{Grantee: "alice", On: Object{Wildcard, Wildcard}, Privileges: PrivAll})
	g.Grant(Grant{Grantee: "bob", On: Object{"main", Wildcard}, Privileges: PrivAll, GrantOption: true})
	if err := g.CreateRole("dba", false); err != nil {
		t.Fatal(err)
	}
	g.Grant(Grant{Grantee: "dba", On: Object{Wildcard, Wildcard}, Privileges: PrivAll, GrantOption: true})
	if err := g.GrantRole("dba", "carol"); err != nil {
		t.Fatal(err)
	}
	for user, want := range map[string]bool{"alice": false, "bob": false, "carol": true, "dba": true} {
		if got := g.IsAdmin(user); got != want {
			t.Errorf("IsAdmin(%s) = %v, want %v", user, got, want)
		}
	}
}

// TestGrantsErrors: the refusals, each with its code.
func TestGrantsErrors(t *testing.T) {
	g := &Grants{}
	if err := g.CreateRole("r", false); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		err  error
		code qerr.Code
	}{
		{"role twice", g.CreateRole("r", false), qerr.ErrAlreadyExists},
		{"drop missing role", g.DropRole("nope", false), qerr.ErrNotFound},
		{"grant missing role", g.GrantRole("nope", "alice"), qerr.ErrNotFound},
		{"role to role", g.GrantRole("r", "r"), qerr.ErrUnsupported},
		{"revoke role not held", g.RevokeRole("r", "alice"), qerr.ErrNotFound},
		{"revoke grant not held", g.Revoke(Grant{Grantee: "alice", On: Object{"main", "t"}, Privileges: PrivSelect}), qerr.ErrNotFound},
		{"bad role name", g.CreateRole("", false), qerr.ErrInvalid},
	} {
		if !qerr.Has(tc.err, tc.code) {
			t.Errorf("%s: %v, want %s", tc.name, tc.err, tc.code)
		}
	}
	if err := g.CreateRole("r", true); err != nil {
		t.Errorf("IF NOT EXISTS: %v", err)
	}
	if err := g.DropRole("nope", true); err != nil {
		t.Errorf("IF EXISTS: %v", err)
	}
}

// TestBoltGrantsPersist: the privilege state survives a reopen, and a
// failed update stores nothing.
func TestBoltGrantsPersist(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "catalog.db")
	c, err := OpenBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	err = c.UpdateGrants(ctx, func(g *Grants) error {
		if err := g.CreateRole("analyst", false); err != nil {
			return err
		}
		g.Grant(Grant{Grantee: "analyst", On: Object{"main", Wildcard}, Privileges: PrivSelect})
		g.Grant(Grant{Grantee: "alice", On: Object{"main", "t"}, Privileges: PrivInsert | PrivDrop, GrantOption: true})
		return g.GrantRole("analyst", "alice")
	})
	if err != nil {
		t.Fatal(err)
	}
	err = c.UpdateGrants(ctx, func(g *Grants) error {
		g.Grant(Grant{Grantee: "bob", On: Object{"main", "t"}, Privileges: PrivSelect})
		return qerr.ErrInvalid.New("refused")
	})
	if !qerr.Has(err, qerr.ErrInvalid) {
		t.Fatalf("failing update: %v", err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c, err = OpenBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	g, err := c.Grants(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g.Roles(), []string{"analyst"}) || !reflect.DeepEqual(g.RolesOf("alice"), []string{"analyst"}) {
		t.Errorf("roles %v, alice's %v", g.Roles(), g.RolesOf("alice"))
	}
	want := []Grant{{Grantee: "alice", On: Object{"main", "t"}, Privileges: PrivInsert | PrivDrop, GrantOption: true}}
	if got := g.Of("alice"); !reflect.DeepEqual(got, want) {
		t.Errorf("alice's grants %v, want %v", got, want)
	}
	if !g.Allowed("alice", PrivSelect|PrivInsert, "main", "t") {
		t.Error("alice lost SELECT (role) or INSERT (own) on main.t")
	}
	if g.Allowed("bob", PrivSelect, "main", "t") {
		t.Error("a failed update stored bob's grant")
	}
}

// TestGrantsStoredAll: ALL is stored by name, so it keeps covering
// privileges added later; a grant stored when ALL was its four privileges by
// name reads back as ALL (an administrator by grant stays one), while the
// same four granted now stay four.
func TestGrantsStoredAll(t *testing.T) {
	all := Grant{Grantee: "dba", On: Object{Wildcard, Wildcard}, Privileges: PrivAll, GrantOption: true}
	four := Grant{Grantee: "eve", On: Object{"main", Wildcard}, Privileges: PrivSelect | PrivInsert | PrivCreate | PrivDrop}
	g := &Grants{grants: []Grant{all, four}}
	rec := g.encode()
	back, err := rec.decode()
	if err != nil {
		t.Fatal(err)
	}
	if got := back.grants; !reflect.DeepEqual(got, []Grant{all, four}) {
		t.Errorf("round trip: %v, want %v", got, []Grant{all, four})
	}
	old := grantsRecord{Grants: []grantRecord{{Grantee: "dba", Database: Wildcard, Table: Wildcard, Privileges: formerAll, GrantOption: true}}}
	g, err = old.decode()
	if err != nil {
		t.Fatal(err)
	}
	if !g.IsAdmin("dba") {
		t.Errorf("a former ALL ON *.* WITH GRANT OPTION reads back as %v, not an administrator", g.grants)
	}
}
