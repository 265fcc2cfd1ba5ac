package coordinator

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/qerr"
)

// grantCache holds the privilege state between changes, so that checking a
// statement (or each row of an executemany) reads no catalog. Every change
// goes through the coordinator (changeGrants), which drops the cached copy;
// gen keeps a read that raced with a change from caching the older state.
type grantCache struct {
	mu  sync.Mutex
	g   *catalog.Grants
	gen uint64
}

// grants is the current privilege state; callers only read it.
func (c *Coordinator) grants(ctx context.Context) (*catalog.Grants, error) {
	gc := &c.grantCache
	gc.mu.Lock()
	g, gen := gc.g, gc.gen
	gc.mu.Unlock()
	if g != nil {
		return g, nil
	}
	g, err := c.cat.Grants(ctx)
	if err != nil {
		return nil, err
	}
	gc.mu.Lock()
	if gc.gen == gen {
		gc.g = g
	}
	gc.mu.Unlock()
	return g, nil
}

// changeGrants applies fn to the stored privilege state in one catalog
// transaction.
func (c *Coordinator) changeGrants(ctx context.Context, fn func(*catalog.Grants) error) error {
	err := c.cat.UpdateGrants(ctx, fn)
	c.grantCache.mu.Lock()
	c.grantCache.g = nil
	c.grantCache.gen++
	c.grantCache.mu.Unlock()
	return err
}

// principal is the user whose privileges the statements of sess need, and
// whether they are checked at all: not with privileges off (--auth none),
// where the anonymous principal may do everything. With them on, a session
// without a user is the anonymous principal, which holds only what is
// granted to anonymous.
func (c *Coordinator) principal(sess *Session) (string, bool) {
	if !c.cfg.CheckPrivileges {
		return "", false
	}
	if u := sess.User(); u != "" {
		return u, true
	}
	return AnonymousUser, true
}

// isAdmin reports whether user holds every privilege: the bootstrap admin
// (AdminUser) or a holder of ALL ON *.* WITH GRANT OPTION.
func isAdmin(g *catalog.Grants, user string) bool {
	return user == AdminUser || g.IsAdmin(user)
}

// sessionIsAdmin reports whether the principal of sess holds every
// privilege: an administrator user of the catalog (Session.Admin) or by
// grant.
func sessionIsAdmin(g *catalog.Grants, sess *Session, user string) bool {
	return sess.Admin() || isAdmin(g, user)
}

// authorize checks every access a statement of sess needs, in the order
// the binder listed them, and refuses the first one missing with
// ErrDenied naming the privilege and the object.
func (c *Coordinator) authorize(ctx context.Context, sess *Session, needs []binder.Access) error {
	user, checked := c.principal(sess)
	if !checked || len(needs) == 0 {
		return nil
	}
	g, err := c.grants(ctx)
	if err != nil {
		return err
	}
	if sessionIsAdmin(g, sess, user) {
		return nil
	}
	for _, a := range needs {
		who := user
		if a.Definer != "" {
			who = a.Definer
			if isAdmin(g, who) {
				continue
			}
		}
		if err := deny(g, who, a); err != nil {
			if a.Definer != "" {
				return qerr.ErrDenied.Wrap(err, "view %s (owner %s)", a.Via, a.Definer)
			}
			return err
		}
	}
	return nil
}

// deny is the refusal of access a to who, or nil when who has it.
func deny(g *catalog.Grants, who string, a binder.Access) error {
	switch {
	case a.Admin:
		return qerr.ErrDenied.New("user %s is not an administrator", who)
	case a.Privilege == 0:
		if !g.Sees(who, a.On.Database, a.On.Table) {
			return qerr.ErrDenied.New("user %s has no privilege on %s", who, objectText(a.On))
		}
	case !g.Allowed(who, a.Privilege, a.On.Database, a.On.Table):
		return qerr.ErrDenied.New("user %s lacks %s on %s", who, a.Privilege, objectText(a.On))
	}
	return nil
}

// objectText names an object in a refusal: database main, table main.t.
func objectText(o catalog.Object) string {
	if o.Table == "" {
		return "database " + o.Database
	}
	return o.Database + "." + o.Table
}

// ingestAccess is what a bulk ingest's change needs: INSERT to append,
// CREATE to create, CREATE and DROP to replace an existing table.
func ingestAccess(ch catalog.Change) []binder.Access {
	on := catalog.Object{Database: ch.Database, Table: ch.Name}
	switch ch.Kind {
	case catalog.ChangeCreate:
		return []binder.Access{{Privilege: catalog.PrivCreate, On: on}}
	case catalog.ChangeReplace:
		return []binder.Access{{Privilege: catalog.PrivCreate | catalog.PrivDrop, On: on}}
	}
	return []binder.Access{{Privilege: catalog.PrivInsert, On: on}}
}

// mayControl reports whether the principal of sess may cancel or read the
// state of a query or session of owner (AnonymousUser for the anonymous
// principal, as withStatement records it): owner itself or an
// administrator.
func (c *Coordinator) mayControl(ctx context.Context, sess *Session, owner string) bool {
	user, checked := c.principal(sess)
	if !checked || user == owner {
		return true
	}
	g, err := c.grants(ctx)
	return err == nil && sessionIsAdmin(g, sess, user)
}

// visibleCatalog is the catalog as a user's metadata listings see it: the
// databases, tables and views it holds any privilege on (catalog.Grants.Sees).
// Lookups by name are not filtered: the privilege check names what the
// user may not read, rather than the binder reporting it missing.
type visibleCatalog struct {
	catalog.Catalog
	g    *catalog.Grants
	user string
}

// visible wraps cat for the principal of sess; cat itself when privileges
// are not checked or the principal is an administrator.
func (c *Coordinator) visible(ctx context.Context, sess *Session, cat catalog.Catalog) (catalog.Catalog, error) {
	user, checked := c.principal(sess)
	if !checked {
		return cat, nil
	}
	g, err := c.grants(ctx)
	if err != nil || sessionIsAdmin(g, sess, user) {
		return cat, err
	}
	return visibleCatalog{Catalog: cat, g: g, user: user}, nil
}

// ListDatabases lists the databases the user holds anything in.
func (vc visibleCatalog) ListDatabases(ctx context.Context) ([]string, error) {
	dbs, err := vc.Catalog.ListDatabases(ctx)
	return slices.DeleteFunc(dbs, func(db string) bool { return !vc.g.Sees(vc.user, db, "") }), err
}

// ListTables lists the tables of db the user holds anything on.
func (vc visibleCatalog) ListTables(ctx context.Context, db string) ([]*catalog.Table, error) {
	ts, err := vc.Catalog.ListTables(ctx, db)
	return slices.DeleteFunc(ts, func(t *catalog.Table) bool { return !vc.g.Sees(vc.user, t.Database, t.Name) }), err
}

// Tables lists every table the user holds anything on.
func (vc visibleCatalog) Tables(ctx context.Context) ([]*catalog.Table, error) {
	ts, err := vc.Catalog.Tables(ctx)
	return slices.DeleteFunc(ts, func(t *catalog.Table) bool { return !vc.g.Sees(vc.user, t.Database, t.Name) }), err
}

// ListViews lists the views of db the user holds anything on.
func (vc visibleCatalog) ListViews(ctx context.Context, db string) ([]*catalog.View, error) {
	vs, err := vc.Catalog.ListViews(ctx, db)
	return slices.DeleteFunc(vs, func(v *catalog.View) bool { return !vc.g.Sees(vc.user, v.Database, v.Name) }), err
}

// runGrant runs GRANT, REVOKE, CREATE ROLE, DROP ROLE and GRANT role: one
// catalog transaction each, all grantees or none.
func (c *Coordinator) runGrant(ctx context.Context, stmt binder.Statement) (bool, error) {
	var fn func(g *catalog.Grants) error
	switch s := stmt.(type) {
	case *binder.GrantPrivileges:
		fn = func(g *catalog.Grants) error {
			for _, u := range s.Grantees {
				if err := c.requireGrantee(ctx, g, u, true); err != nil {
					return err
				}
				x := catalog.Grant{Grantee: u, On: s.On, Privileges: s.Privileges, GrantOption: s.GrantOption}
				if !s.Revoke {
					g.Grant(x)
				} else if err := g.Revoke(x); err != nil {
					return err
				}
			}
			return nil
		}
	case *binder.CreateRole:
		fn = func(g *catalog.Grants) error {
			for _, r := range s.Names {
				if strings.EqualFold(r, AdminUser) || strings.EqualFold(r, AnonymousUser) {
					return qerr.ErrInvalid.New("%s is a reserved user name", r)
				}
				if _, err := c.cat.GetUser(ctx, r); err == nil {
					return qerr.ErrAlreadyExists.New("user %s already exists: users and roles share names", r)
				} else if !qerr.Has(err, qerr.ErrNotFound) {
					return err
				}
				if err := g.CreateRole(r, s.IfNotExists); err != nil {
					return err
				}
			}
			return nil
		}
	case *binder.DropRole:
		fn = func(g *catalog.Grants) error {
			for _, r := range s.Names {
				if err := g.DropRole(r, s.IfExists); err != nil {
					return err
				}
			}
			return nil
		}
	case *binder.GrantRoles:
		fn = func(g *catalog.Grants) error {
			for _, r := range s.Roles {
				for _, u := range s.Users {
					if err := c.requireGrantee(ctx, g, u, false); err != nil {
						return err
					}
					change := g.GrantRole
					if s.Revoke {
						change = g.RevokeRole
					}
					if err := change(r, u); err != nil {
						return err
					}
				}
			}
			return nil
		}
	default:
		return false, nil
	}
	return true, c.changeGrants(ctx, fn)
}

// requireGrantee refuses a grant to name unless it is a user of the
// catalog, or a role when roles is set.
func (c *Coordinator) requireGrantee(ctx context.Context, g *catalog.Grants, name string, roles bool) error {
	if roles && g.IsRole(name) {
		return nil
	}
	_, err := c.cat.GetUser(ctx, name)
	if qerr.Has(err, qerr.ErrNotFound) {
		if roles {
			return qerr.ErrNotFound.New("there is no user or role %s", name)
		}
		return qerr.ErrNotFound.New("there is no user %s", name)
	}
	return err
}

// dropGrantee forgets the grants and roles of a dropped user, so that a
// user created again under its name starts with nothing.
func (c *Coordinator) dropGrantee(ctx context.Context, name string) error {
	return c.changeGrants(ctx, func(g *catalog.Grants) error {
		g.DropGrantee(name)
		return nil
	})
}

// refuseRoleName refuses a new user named as a role: users and roles share
// names.
func (c *Coordinator) refuseRoleName(ctx context.Context, name string) error {
	g, err := c.grants(ctx)
	if err == nil && g.IsRole(name) {
		return qerr.ErrAlreadyExists.New("role %s already exists: users and roles share names", name)
	}
	return err
}
