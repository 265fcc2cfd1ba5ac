package binder

import (
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/auth"

	"github.com/quiverdb/quiver/qerr"
)

// UserPassword is one user of a CREATE USER or ALTER USER with the password
// it is identified by, in clear text: the coordinator hashes it and
// nothing else keeps it.
type UserPassword struct {
	// Name is the user; "" in ALTER USER USER() (the session's own).
	Name     string
	Password string
}

// CreateUser is CREATE USER [IF NOT EXISTS] name IDENTIFIED BY 'password', ...
type CreateUser struct {
	Users       []UserPassword
	IfNotExists bool
}

// AlterUser is ALTER USER [IF EXISTS] name IDENTIFIED BY 'password', ...
// (a new password, which revokes the user's tokens).
type AlterUser struct {
	Users    []UserPassword
	IfExists bool
}

// DropUser is DROP USER [IF EXISTS] name, ...
type DropUser struct {
	Names    []string
	IfExists bool
}

func (*CreateUser) isStatement() {}
func (*AlterUser) isStatement()  {}
func (*DropUser) isStatement()   {}

// bindUserStatement binds CREATE USER, ALTER USER and DROP USER. Quiver's
// users have no host part (a host other than MySQL's default '%' is
// refused) and only passwords authenticate them.
func (b *Binder) bindUserStatement(stmt ast.StmtNode) (Statement, error) {
	switch s := stmt.(type) {
	case *ast.CreateUserStmt:
		if err := noUserOptions(len(s.AuthTokenOrTLSOptions)+len(s.ResourceOptions)+len(s.PasswordOrLockOptions), s.CommentOrAttributeOption != nil || s.ResourceGroupNameOption != nil); err != nil {
			return nil, err
		}
		users, err := userPasswords(s.Specs, "CREATE USER")
		if err != nil {
			return nil, err
		}
		return &CreateUser{Users: users, IfNotExists: s.IfNotExists}, nil
	case *ast.AlterUserStmt:
		if err := noUserOptions(len(s.AuthTokenOrTLSOptions)+len(s.ResourceOptions)+len(s.PasswordOrLockOptions), s.CommentOrAttributeOption != nil || s.ResourceGroupNameOption != nil); err != nil {
			return nil, err
		}
		if s.CurrentAuth != nil {
			pw, err := password(s.CurrentAuth, "ALTER USER USER()")
			if err != nil {
				return nil, err
			}
			return &AlterUser{Users: []UserPassword{{Password: pw}}}, nil
		}
		users, err := userPasswords(s.Specs, "ALTER USER")
		if err != nil {
			return nil, err
		}
		return &AlterUser{Users: users, IfExists: s.IfExists}, nil
	case *ast.DropUserStmt:
		out := &DropUser{IfExists: s.IfExists}
		for _, u := range s.UserList {
			name, err := userName(u)
			if err != nil {
				return nil, err
			}
			out.Names = append(out.Names, name)
		}
		return out, nil
	}
	return nil, qerr.ErrUnsupported.New("statement %s", statementName(stmt))
}

func noUserOptions(n int, other bool) error {
	if n > 0 || other {
		return qerr.ErrUnsupported.New("user options other than IDENTIFIED BY (TLS, resource, password and lock options, comments, attributes, resource groups)")
	}
	return nil
}

func userPasswords(specs []*ast.UserSpec, what string) ([]UserPassword, error) {
	var out []UserPassword
	for _, spec := range specs {
		name, err := userName(spec.User)
		if err != nil {
			return nil, err
		}
		pw, err := password(spec.AuthOpt, what+" "+name)
		if err != nil {
			return nil, err
		}
		out = append(out, UserPassword{Name: name, Password: pw})
	}
	return out, nil
}

// userName is a user's name; "" for CURRENT_USER(). A host part other
// than '%' is refused: Quiver users log in from anywhere.
func userName(u *auth.UserIdentity) (string, error) {
	if u.CurrentUser {
		return "", nil
	}
	if u.Hostname != "" && u.Hostname != "%" {
		return "", qerr.ErrUnsupported.New("user %s@%s: users have no host part in Quiver (write %s or %s@'%%')", u.Username, u.Hostname, u.Username, u.Username)
	}
	return u.Username, nil
}

// password is the clear-text password of IDENTIFIED BY 'password'; a
// user without one, a hash (IDENTIFIED BY PASSWORD / AS) or a plugin is
// refused.
func password(opt *ast.AuthOption, what string) (string, error) {
	switch {
	case opt == nil:
		return "", qerr.ErrInvalid.New("%s needs IDENTIFIED BY 'password'", what)
	case opt.AuthPlugin != "" || opt.ByHashString || !opt.ByAuthString:
		return "", qerr.ErrUnsupported.New("%s: only IDENTIFIED BY 'password' authenticates users", what)
	case opt.AuthString == "":
		return "", qerr.ErrInvalid.New("%s: the password is empty", what)
	}
	return opt.AuthString, nil
}
