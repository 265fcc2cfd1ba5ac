package binder

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// scalarFunc binds a call of a scalar function to its typed stage.Call (or
// another expression) given its bound arguments.
type scalarFunc func(name string, args []stage.Expr) (stage.Expr, error)

// scalarFuncs are the scalar functions the binder knows, by lower-case name
// as TiDB's parser reports it. The renderer must know every Fn they make
// (stage.RenderFunctions).
var scalarFuncs = map[string]scalarFunc{
	"dateliteral":      typedLiteral(arrow.FixedWidthTypes.Date32),
	"timestampliteral": typedLiteral(&arrow.TimestampType{Unit: arrow.Microsecond}),
	"lower":            fixedType(1, arrow.BinaryTypes.String),
	"upper":            fixedType(1, arrow.BinaryTypes.String),
	"abs":              sameAsFirst(1),
	"coalesce":         coalesceFunc,
	"ifnull":           coalesceFunc,
}

func (b *Binder) funcCall(e *ast.FuncCallExpr, sub func(ast.ExprNode) (stage.Expr, error)) (stage.Expr, error) {
	name := e.FnName.L
	fn, ok := scalarFuncs[name]
	if !ok {
		return nil, qerr.ErrUnsupported.New("function %s", name)
	}
	args := make([]stage.Expr, len(e.Args))
	for i, a := range e.Args {
		v, err := sub(a)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	return fn(name, args)
}

func typedLiteral(t arrow.DataType) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		lit, ok := args[0].(*stage.Literal)
		if len(args) != 1 || !ok || lit.Null {
			return nil, qerr.ErrInvalid.New("%s needs a string", name)
		}
		return &stage.Literal{Text: lit.Text, T: t}, nil
	}
}

func fixedType(n int, t arrow.DataType) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if len(args) != n {
			return nil, qerr.ErrInvalid.New("%s takes %d argument(s), got %d", name, n, len(args))
		}
		return &stage.Call{Fn: name, Args: args, T: t}, nil
	}
}

func sameAsFirst(n int) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if len(args) != n {
			return nil, qerr.ErrInvalid.New("%s takes %d argument(s), got %d", name, n, len(args))
		}
		return &stage.Call{Fn: name, Args: args, T: args[0].Type()}, nil
	}
}

func coalesceFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if len(args) == 0 {
		return nil, qerr.ErrInvalid.New("%s needs arguments", name)
	}
	return &stage.Call{Fn: "coalesce", Args: args, T: args[0].Type()}, nil
}
