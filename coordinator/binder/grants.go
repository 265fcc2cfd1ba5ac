package binder

import (
	"context"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/auth"
	"github.com/pingcap/tidb/pkg/parser/mysql"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
)

// Access is one privilege a bound statement needs. The binder lists every
// one (Binder.Accesses): SELECT on each table and view a query reads, at
// any depth (joins, subqueries, CTEs, views), and what each statement kind
// writes or changes; the coordinator checks them all in one place before
// anything runs.
type Access struct {
	// Privilege is what is needed on On; 0 is any privilege at all (what
	// SHOW CREATE TABLE and DESCRIBE need to show a relation).
	Privilege catalog.Privilege
	// On is a table or view (db.t), or a database itself (Table empty).
	On catalog.Object
	// Definer is the user whose privilege it must be: the owner of the
	// view through which a table is read (SQL SECURITY DEFINER); empty for
	// the statement's own principal.
	Definer string
	// Via is the view (db.v) whose owner's privilege is checked.
	Via string
	// Admin marks a statement that only an administrator may run (GRANT,
	// REVOKE, CREATE and DROP ROLE, SHOW GRANTS for another user); it
	// needs nothing else.
	Admin bool
}

// GrantPrivileges is GRANT privileges ON object TO grantees [WITH GRANT
// OPTION], or REVOKE privileges ON object FROM grantees when Revoke.
type GrantPrivileges struct {
	Revoke      bool
	Privileges  catalog.Privilege
	On          catalog.Object
	Grantees    []string
	GrantOption bool
}

// CreateRole is CREATE ROLE.
type CreateRole struct {
	Names       []string
	IfNotExists bool
}

// DropRole is DROP ROLE.
type DropRole struct {
	Names    []string
	IfExists bool
}

// GrantRoles is GRANT roles TO users, or REVOKE roles FROM users when Revoke.
type GrantRoles struct {
	Revoke       bool
	Roles, Users []string
}

func (*GrantPrivileges) isStatement() {}
func (*CreateRole) isStatement()      {}
func (*DropRole) isStatement()        {}
func (*GrantRoles) isStatement()      {}

// Accesses are the privileges the statement bound last needs, reads and
// writes together.
func (b *Binder) Accesses() []Access { return b.access }

// need records that the statement needs p on db.t (db itself when t is
// empty), as the principal whose rights apply where it stands: the
// statement's, or inside a view its owner's.
func (b *Binder) need(p catalog.Privilege, db, t string) {
	b.access = append(b.access, Access{Privilege: p, On: catalog.Object{Database: db, Table: t}, Definer: b.definer, Via: b.via})
}

// needWrites records what stmt changes, by statement kind. Every kind is
// listed: one that is not is an internal error, so that a new statement
// cannot run unchecked. Reads were recorded while binding (scanTable,
// viewSource).
func (b *Binder) needWrites(stmt Statement) error {
	switch s := stmt.(type) {
	case *Query, *Use, *SetVariables:
		// Reads only; USE and SHOW resolve databases among the visible ones.
	case *CreateDatabase:
		b.need(catalog.PrivCreate, s.Name, "")
	case *DropDatabase:
		b.need(catalog.PrivDrop, s.Name, "")
	case *CreateTable:
		b.need(catalog.PrivCreate, s.Table.Database, s.Table.Name)
		if s.Table.External != nil {
			b.access = append(b.access, Access{Admin: true}) // it reads server files: MySQL's global FILE privilege
		}
	case *DropTable:
		b.need(catalog.PrivDrop, s.Database, s.Name)
	case *CreateView:
		b.need(catalog.PrivCreate, s.View.Database, s.View.Name)
		if s.OrReplace {
			b.need(catalog.PrivDrop, s.View.Database, s.View.Name) // as MySQL asks
		}
	case *DropView:
		b.need(catalog.PrivDrop, s.Database, s.Name)
	case *Insert:
		b.need(catalog.PrivInsert, s.Table.Database, s.Table.Name)
		if s.Import {
			b.access = append(b.access, Access{Admin: true}) // as CREATE EXTERNAL TABLE
		}
	case *CreateTableAs:
		b.need(catalog.PrivCreate, s.Table.Database, s.Table.Name)
		b.need(catalog.PrivInsert, s.Table.Database, s.Table.Name) // as MySQL asks
	case *Truncate:
		b.need(catalog.PrivDrop, s.Table.Database, s.Table.Name) // as MySQL asks
	case *Delete:
		b.need(catalog.PrivDelete, s.Table.Database, s.Table.Name)
	case *Update:
		b.need(catalog.PrivUpdate, s.Table.Database, s.Table.Name)
	case *Upsert:
		b.need(catalog.PrivInsert, s.Table.Database, s.Table.Name)
		if s.Replace {
			b.need(catalog.PrivDelete, s.Table.Database, s.Table.Name) // as MySQL asks
		} else {
			b.need(catalog.PrivUpdate, s.Table.Database, s.Table.Name)
		}
	case *Analyze:
		for _, t := range s.Targets {
			b.need(catalog.PrivInsert, t.Database, t.Name) // SELECT was recorded by its scan; MySQL asks both
		}
	case *CreateIndex:
		b.need(catalog.PrivCreate, s.Database, s.Table) // MySQL's INDEX privilege, which Quiver folds into CREATE
	case *AlterTable:
		// MySQL's ALTER privilege, which Quiver folds into CREATE and DROP
		// of the table (a column change is a drop and a create of its shape).
		b.need(catalog.PrivCreate, s.Table.Database, s.Table.Name)
		b.need(catalog.PrivDrop, s.Table.Database, s.Table.Name)
	case *RenameTable:
		b.need(catalog.PrivDrop, s.Database, s.Name) // as MySQL asks: ALTER and DROP of the old, CREATE and INSERT of the new
		b.need(catalog.PrivCreate, s.NewDatabase, s.NewName)
		b.need(catalog.PrivInsert, s.NewDatabase, s.NewName)
	case *GrantPrivileges, *CreateRole, *DropRole, *GrantRoles, *CreateUser, *DropUser:
		b.access = append(b.access, Access{Admin: true})
	case *AlterUser:
		for _, u := range s.Users {
			if u.Name != "" && u.Name != b.env.User {
				b.access = append(b.access, Access{Admin: true}) // another user's password
			}
		}
	default:
		return qerr.ErrInternal.New("statement %T has no privilege rule", stmt)
	}
	return nil
}

// privileges maps GRANT's privilege list to Quiver's; privileges Quiver
// does not have are refused rather than ignored.
func privileges(elems []*ast.PrivElem) (catalog.Privilege, error) {
	var p catalog.Privilege
	for _, e := range elems {
		if len(e.Cols) > 0 {
			return 0, qerr.ErrUnsupported.New("column privileges")
		}
		switch e.Priv {
		case mysql.AllPriv:
			p |= catalog.PrivAll
		case mysql.SelectPriv:
			p |= catalog.PrivSelect
		case mysql.InsertPriv:
			p |= catalog.PrivInsert
		case mysql.CreatePriv:
			p |= catalog.PrivCreate
		case mysql.DropPriv:
			p |= catalog.PrivDrop
		case mysql.UpdatePriv:
			p |= catalog.PrivUpdate
		case mysql.DeletePriv:
			p |= catalog.PrivDelete
		case mysql.UsagePriv:
		default:
			name := e.Name
			if name == "" {
				name = strings.ToUpper(e.Priv.String())
			}
			return 0, qerr.ErrUnsupported.New("privilege %s (Quiver has SELECT, INSERT, UPDATE, DELETE, CREATE, DROP and ALL)", name)
		}
	}
	return p, nil
}

// grantObject is the object of ON *.*, ON db.*, ON *, ON db.t or ON t (the
// last two in the current database).
func (b *Binder) grantObject(l *ast.GrantLevel) (catalog.Object, error) {
	db := l.DBName
	if db == "" {
		db = b.db
	}
	switch l.Level {
	case ast.GrantLevelGlobal:
		return catalog.Object{Database: catalog.Wildcard, Table: catalog.Wildcard}, nil
	case ast.GrantLevelDB:
		return catalog.Object{Database: db, Table: catalog.Wildcard}, nil
	case ast.GrantLevelTable:
		return catalog.Object{Database: db, Table: l.TableName}, nil
	}
	return catalog.Object{}, qerr.ErrUnsupported.New("grant level %v", l.Level)
}

func (b *Binder) bindGrant(s *ast.GrantStmt) (Statement, error) {
	if s.ObjectType != ast.ObjectTypeNone && s.ObjectType != ast.ObjectTypeTable {
		return nil, qerr.ErrUnsupported.New("GRANT on functions or procedures")
	}
	p, err := privileges(s.Privs)
	if err != nil {
		return nil, err
	}
	on, err := b.grantObject(s.Level)
	if err != nil {
		return nil, err
	}
	return &GrantPrivileges{Privileges: p, On: on, Grantees: specNames(s.Users), GrantOption: s.WithGrant}, nil
}

func (b *Binder) bindRevoke(s *ast.RevokeStmt) (Statement, error) {
	if s.ObjectType != ast.ObjectTypeNone && s.ObjectType != ast.ObjectTypeTable {
		return nil, qerr.ErrUnsupported.New("REVOKE on functions or procedures")
	}
	p, err := privileges(s.Privs)
	if err != nil {
		return nil, err
	}
	on, err := b.grantObject(s.Level)
	if err != nil {
		return nil, err
	}
	// REVOKE ALL takes the grant option too; REVOKE GRANT OPTION alone is
	// parsed as a privilege Quiver refuses above.
	return &GrantPrivileges{Revoke: true, Privileges: p, On: on, Grantees: specNames(s.Users), GrantOption: p == catalog.PrivAll}, nil
}

// specNames are the user names of user@host specs: Quiver's users have no
// host part, so the host is ignored.
func specNames(specs []*ast.UserSpec) []string {
	out := make([]string, len(specs))
	for i, s := range specs {
		out[i] = s.User.Username
	}
	return out
}

func userNames(users []*auth.UserIdentity) []string {
	out := make([]string, len(users))
	for i, u := range users {
		out[i] = u.Username
	}
	return out
}

func roleNames(roles []*auth.RoleIdentity) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = r.Username
	}
	return out
}

// bindCreateRole binds CREATE ROLE (TiDB parses it as CREATE USER).
func (b *Binder) bindCreateRole(s *ast.CreateUserStmt) (Statement, error) {
	return &CreateRole{Names: specNames(s.Specs), IfNotExists: s.IfNotExists}, nil
}

// bindDropRole binds DROP ROLE (TiDB parses it as DROP USER).
func (b *Binder) bindDropRole(s *ast.DropUserStmt) (Statement, error) {
	return &DropRole{Names: userNames(s.UserList), IfExists: s.IfExists}, nil
}

// showGrants answers SHOW GRANTS [FOR user] with one GRANT statement per
// row, as MySQL does: the user's own grants, then its roles. Another
// user's grants are an administrator's to read.
func (b *Binder) showGrants(ctx context.Context, s *ast.ShowStmt) (Statement, error) {
	user := b.env.User
	if s.User != nil && !s.User.CurrentUser && s.User.Username != b.env.User {
		user = s.User.Username
		b.access = append(b.access, Access{Admin: true})
	}
	g, err := b.cat.Grants(ctx)
	if err != nil {
		return nil, err
	}
	if user != b.env.User && !g.IsRole(user) {
		if _, err := b.cat.GetUser(ctx, user); err != nil {
			if qerr.Has(err, qerr.ErrNotFound) {
				return nil, qerr.ErrNotFound.New("there is no user or role %s", user)
			}
			return nil, err
		}
	}
	var rows []string
	to := " TO " + QuoteName(user)
	for _, x := range g.Of(user) {
		line := "GRANT " + x.Privileges.String() + " ON " + grantObjectText(x.On) + to
		if x.GrantOption {
			line += " WITH GRANT OPTION"
		}
		rows = append(rows, line)
	}
	if len(rows) == 0 {
		rows = append(rows, "GRANT USAGE ON *.*"+to)
	}
	if roles := g.RolesOf(user); len(roles) > 0 {
		quoted := make([]string, len(roles))
		for i, r := range roles {
			quoted[i] = QuoteName(r)
		}
		rows = append(rows, "GRANT "+strings.Join(quoted, ", ")+to)
	}
	return showRows("Grants for "+user, rows), nil
}

// grantObjectText is an object as GRANT writes it: *.*, `db`.*, `db`.`t`.
func grantObjectText(o catalog.Object) string {
	part := func(s string) string {
		if s == catalog.Wildcard {
			return s
		}
		return QuoteName(s)
	}
	return part(o.Database) + "." + part(o.Table)
}
