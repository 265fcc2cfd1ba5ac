package binder

import (
	"context"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Env is what a statement sees beyond the catalog: the session it runs in,
// the server, and the virtual schemas besides information_schema. The
// coordinator fills it per statement; the zero Env is a session without
// variables.
type Env struct {
	// User is the session's principal, as current_user() reports it.
	User string
	// Principal is the user whose privileges the statement is checked
	// against and who owns the views it creates; empty when privileges are
	// not checked (the anonymous principal under --auth none).
	Principal string
	// Version is the server's version, as version() and @@version report it.
	Version string
	// Variables are the session's variables as SHOW VARIABLES lists them.
	Variables []Variable
	// Schemas are further virtual schemas (a system schema), each resolved
	// like information_schema.
	Schemas []VirtualSchema
}

// Variable is one session variable and its value as text.
type Variable struct {
	Name, Value string
}

// WithEnv sets the statement's environment and returns b.
func (b *Binder) WithEnv(env Env) *Binder {
	b.env = env
	return b
}

// Use is USE db: the session's current database becomes Database, which
// existed when the statement was bound.
type Use struct {
	Database string
}

// SetVariables is SET name = value, ...: session variables for the
// coordinator to validate and apply, all or none.
type SetVariables struct {
	Assignments []Variable
}

func (*Use) isStatement()          {}
func (*SetVariables) isStatement() {}

func (b *Binder) bindUse(ctx context.Context, s *ast.UseStmt) (Statement, error) {
	db, err := b.resolveDatabase(ctx, s.DBName)
	if err != nil {
		return nil, err
	}
	return &Use{Database: db}, nil
}

// bindSet binds SET of session variables; each value must be a constant.
func (b *Binder) bindSet(s *ast.SetStmt) (Statement, error) {
	out := &SetVariables{}
	for _, v := range s.Variables {
		switch {
		case !v.IsSystem:
			return nil, qerr.ErrUnsupported.New("user variable @%s", v.Name)
		case v.IsGlobal || v.IsInstance:
			return nil, qerr.ErrUnsupported.New("SET GLOBAL %s: only session variables can be set", v.Name)
		case v.Value == nil:
			return nil, qerr.ErrUnsupported.New("SET %s without a value", v.Name)
		}
		e, err := b.expr(&scope{}, v.Value)
		if err != nil {
			return nil, qerr.CodeOf(err).Wrap(err, "SET %s", v.Name)
		}
		lit, ok := e.(*stage.Literal)
		if !ok || lit.Null {
			return nil, qerr.ErrInvalid.New("SET %s needs a constant value", v.Name)
		}
		out.Assignments = append(out.Assignments, Variable{Name: strings.ToLower(v.Name), Value: lit.Text})
	}
	return out, nil
}

// variable binds @@name (any scope spelling) to the session variable's
// value, a string.
func (b *Binder) variable(v *ast.VariableExpr) (stage.Expr, error) {
	if !v.IsSystem {
		return nil, qerr.ErrUnsupported.New("user variable @%s", v.Name)
	}
	for _, sv := range b.env.Variables {
		if strings.EqualFold(sv.Name, v.Name) {
			return &stage.Literal{Text: sv.Value, T: stringType}, nil
		}
	}
	return nil, qerr.ErrNotFound.New("unknown system variable %s", v.Name)
}

// sessionFuncs are the functions whose value is the session's or the
// server's, fixed when the statement is bound.
var sessionFuncs = map[string]func(b *Binder) string{
	"database":     func(b *Binder) string { return b.db },
	"schema":       func(b *Binder) string { return b.db },
	"current_user": func(b *Binder) string { return b.env.User },
	"user":         func(b *Binder) string { return b.env.User },
	"session_user": func(b *Binder) string { return b.env.User },
	"system_user":  func(b *Binder) string { return b.env.User },
	"version":      func(b *Binder) string { return b.env.Version },
}

// sessionFunc binds a call of one of sessionFuncs to a string literal;
// handled is false for any other function.
func (b *Binder) sessionFunc(name string, args []ast.ExprNode) (e stage.Expr, handled bool, err error) {
	value, ok := sessionFuncs[name]
	if !ok {
		return nil, false, nil
	}
	if len(args) > 0 {
		return nil, true, qerr.ErrInvalid.New("%s takes no arguments", name)
	}
	return &stage.Literal{Text: value(b), T: stringType}, true, nil
}
