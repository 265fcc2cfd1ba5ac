package coordinator

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/datadriven"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// newCheckingCoordinator is a coordinator with privileges on, a fresh
// catalog and no workers: statements bind and are checked, DDL and grants
// run; queries are only bound.
func newCheckingCoordinator(t *testing.T) *Coordinator {
	t.Helper()
	cat, err := catalog.OpenBolt(filepath.Join(t.TempDir(), "catalog.db"))
	if err != nil {
		t.Fatal(err)
	}
	c := New(Config{CheckPrivileges: true, QueryTimeout: time.Minute, ResultTTL: time.Minute}, cat, NewMembership(nil, time.Second, zap.NewNop()), nil, zap.NewNop())
	t.Cleanup(func() {
		c.Close()
		_ = cat.Close()
	})
	return c
}

// TestPrivileges runs the goldens in testdata/privileges. Commands:
//
//	exec user=U     statements run as U, one per line; the first error is printed
//	check user=U    each statement bound and checked as U: ok or the error
//	show user=U     each statement (SHOW ...) bound as U: its rows
//	list user=U     the databases and relations U's metadata listings show
//	accesses user=U each statement bound as U (unchecked): the statement,
//	                for GRANT and the like its fields, and every access it needs
//
// Rewrite the expectations with `go test ./coordinator -run TestPrivileges -rewrite`.
func TestPrivileges(t *testing.T) {
	datadriven.Walk(t, "testdata/privileges", func(t *testing.T, path string) {
		ctx := context.Background()
		c := newCheckingCoordinator(t)
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			var user string
			d.ScanArgs(t, "user", &user)
			sess := NewSession(user, user == AdminUser)
			lines := strings.Split(strings.TrimSpace(d.Input), "\n")
			var out strings.Builder
			switch d.Cmd {
			case "exec":
				for _, sql := range lines {
					if _, err := c.ExecuteUpdate(ctx, sess, sql); err != nil {
						return errorText(err)
					}
				}
			case "check":
				for _, sql := range lines {
					if _, _, err := c.plan(ctx, sess, sql); err != nil {
						out.WriteString(errorText(err))
					} else {
						out.WriteString("ok\n")
					}
				}
			case "show":
				for _, sql := range lines {
					pl, _, err := c.plan(ctx, sess, sql)
					if err != nil {
						out.WriteString(errorText(err))
						continue
					}
					v := pl.Stmt.(*binder.Query).Plan.(*logical.Values)
					for _, row := range v.Rows {
						for i, e := range row {
							if i > 0 {
								out.WriteString(" | ")
							}
							out.WriteString(e.(*stage.Literal).Text)
						}
						out.WriteString("\n")
					}
				}
			case "accesses":
				for _, sql := range lines {
					out.WriteString(accessesText(ctx, c, sess, sql))
				}
			case "list":
				dbs, err := c.Databases(ctx, sess)
				if err != nil {
					return errorText(err)
				}
				fmt.Fprintf(&out, "databases: %s\n", strings.Join(dbs, " "))
				rels, err := c.Relations(ctx, sess, "", false)
				if err != nil {
					return errorText(err)
				}
				for _, r := range rels {
					if r.Type != binder.TableTypeSystem {
						fmt.Fprintf(&out, "%s.%s %s\n", r.Database, r.Name, r.Type)
					}
				}
			default:
				t.Fatalf("unknown command %s", d.Cmd)
			}
			return out.String()
		})
	})
}

// accessesText binds sql for sess without checking it and prints what
// it binds to and needs.
func accessesText(ctx context.Context, c *Coordinator, sess *Session, sql string) string {
	tree, err := binder.Parse(sql)
	if err != nil {
		return errorText(err)
	}
	b := binder.New(c.cat, sess.Database()).WithEnv(c.env(sess))
	stmt, err := b.Bind(ctx, tree)
	if err != nil {
		return errorText(err)
	}
	var out strings.Builder
	switch s := stmt.(type) {
	case *binder.GrantPrivileges:
		fmt.Fprintf(&out, "%+v\n", *s)
	case *binder.GrantRoles:
		fmt.Fprintf(&out, "%+v\n", *s)
	case *binder.CreateRole:
		fmt.Fprintf(&out, "%+v\n", *s)
	case *binder.DropRole:
		fmt.Fprintf(&out, "%+v\n", *s)
	default:
		fmt.Fprintf(&out, "%T\n", stmt)
	}
	for _, a := range b.Accesses() {
		priv := a.Privilege.String()
		if a.Privilege == 0 {
			priv = "any privilege"
		}
		switch {
		case a.Admin:
			out.WriteString("  needs an administrator\n")
		case a.Definer != "":
			fmt.Fprintf(&out, "  needs %s on %s as %s (view %s)\n", priv, objectText(a.On), a.Definer, a.Via)
		default:
			fmt.Fprintf(&out, "  needs %s on %s\n", priv, objectText(a.On))
		}
	}
	return out.String()
}

// TestPrivilegesOff: with privileges off (--auth none) the anonymous
// principal may do everything, and its views have no owner.
func TestPrivilegesOff(t *testing.T) {
	ctx := context.Background()
	c := newCheckingCoordinator(t)
	c.cfg.CheckPrivileges = false
	sess := NewSession("", true)
	for _, sql := range []string{"CREATE TABLE t (a INT)", "CREATE VIEW v AS SELECT a FROM t", "CREATE USER alice IDENTIFIED BY 'alice-pw-1'", "GRANT SELECT ON main.t TO alice", "CREATE ROLE r"} {
		if _, err := c.ExecuteUpdate(ctx, sess, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	if _, _, err := c.plan(ctx, sess, "SELECT * FROM v"); err != nil {
		t.Fatal(err)
	}
	v, err := c.cat.GetView(ctx, "main", "v")
	if err != nil || v.Owner != "" {
		t.Fatalf("view %+v, %v: want no owner", v, err)
	}
}

// TestIngestAccess: what each kind of bulk ingest needs.
func TestIngestAccess(t *testing.T) {
	for kind, want := range map[catalog.ChangeKind]catalog.Privilege{
		catalog.ChangeAppend:  catalog.PrivInsert,
		catalog.ChangeCreate:  catalog.PrivCreate,
		catalog.ChangeReplace: catalog.PrivCreate | catalog.PrivDrop,
	} {
		got := ingestAccess(catalog.Change{Kind: kind, Database: "main", Name: "t"})
		if len(got) != 1 || got[0].Privilege != want || got[0].On != (catalog.Object{Database: "main", Table: "t"}) {
			t.Errorf("%s: %+v, want %s on main.t", kind, got, want)
		}
	}
}

// TestQueryOwnership: another user's query is unknown to a user's poll and
// cannot be cancelled by it; its owner and an administrator reach it.
func TestQueryOwnership(t *testing.T) {
	ctx := context.Background()
	c := newCheckingCoordinator(t)
	q := c.newQuery(withStatement(ctx, NewSession("alice", false), "SELECT 1"), gatherPlan(1), func() {})
	q.newAttempt(1, nil)
	q.moveLocked(QueryRunning)
	c.queries.add(q)
	alice, bob, admin := NewSession("alice", false), NewSession("bob", false), NewSession(AdminUser, true)
	if _, err := c.Poll(ctx, bob, q.id, 0); !qerr.Has(err, qerr.ErrNotFound) {
		t.Errorf("bob polls alice's query: %v, want NOT_FOUND", err)
	}
	if ok, err := c.Cancel(ctx, bob, q.id); ok || err != nil {
		t.Errorf("bob cancels alice's query: %v, %v", ok, err)
	}
	for _, sess := range []*Session{alice, admin} {
		if !c.mayControl(ctx, sess, "alice") {
			t.Errorf("%s cannot reach alice's query", sess.User())
		}
	}
	for sess, want := range map[*Session]int{alice: 1, bob: 0, admin: 1} {
		if got := len(systemSchema{c: c, sess: sess}.queries(ctx)); got != want {
			t.Errorf("system.queries of %s: %d rows, want %d", sess.User(), got, want)
		}
	}
	if ok, err := c.Cancel(ctx, alice, q.id); !ok || err != nil {
		t.Errorf("alice cancels her query: %v, %v", ok, err)
	}
	if q.ctx.Err() == nil {
		t.Error("the query's context is not cancelled")
	}
}
