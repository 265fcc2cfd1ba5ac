package binder

import (
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// caseExpr binds CASE [value] WHEN ... THEN ... [ELSE ...] END as the Call
// case(cond1, result1, ..., condN, resultN, else): a simple CASE compares
// value with each WHEN as = does.
func (b *Binder) caseExpr(e *ast.CaseExpr, sub func(ast.ExprNode) (stage.Expr, error)) (stage.Expr, error) {
	var value stage.Expr
	if e.Value != nil {
		v, err := sub(e.Value)
		if err != nil {
			return nil, err
		}
		value = v
	}
	conds := make([]stage.Expr, len(e.WhenClauses))
	results := make([]stage.Expr, 0, len(e.WhenClauses)+1)
	for i, w := range e.WhenClauses {
		c, err := sub(w.Expr)
		if err != nil {
			return nil, err
		}
		if value != nil {
			c = compare("=", value, c)
		} else {
			c = truth(c)
		}
		conds[i] = c
		r, err := sub(w.Result)
		if err != nil {
			return nil, err
		}
		results = append(results, r)
	}
	var elseExpr stage.Expr = &stage.Literal{Null: true, T: arrow.Null}
	if e.ElseClause != nil {
		v, err := sub(e.ElseClause)
		if err != nil {
			return nil, err
		}
		elseExpr = v
	}
	results, t := unify(append(results, elseExpr))
	return caseCall(conds, results, t), nil
}

func caseCall(conds, results []stage.Expr, t arrow.DataType) stage.Expr {
	args := make([]stage.Expr, 0, 2*len(conds)+1)
	for i, c := range conds {
		args = append(args, c, results[i])
	}
	args = append(args, results[len(results)-1])
	return &stage.Call{Fn: "case", Args: args, T: t}
}

func ifFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 3, 3); err != nil {
		return nil, err
	}
	results, t := unify(args[1:])
	return caseCall([]stage.Expr{truth(args[0])}, results, t), nil
}

func coalesceFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if len(args) == 0 {
		return nil, qerr.ErrInvalid.New("%s needs arguments", name)
	}
	args, t := unify(args)
	return &stage.Call{Fn: "coalesce", Args: args, T: t}, nil
}

// nullifFunc: NULLIF(a, b) is a unless a = b; its type is a's.
func nullifFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	cond := compare("=", args[0], args[1])
	null := &stage.Literal{Null: true, T: args[0].Type()}
	return &stage.Call{Fn: "case", Args: []stage.Expr{cond, null, args[0]}, T: args[0].Type()}, nil
}

// extremumFunc: GREATEST and LEAST are NULL when any argument is NULL.
func extremumFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if len(args) < 2 {
		return nil, qerr.ErrInvalid.New("%s needs at least 2 arguments", name)
	}
	args, t := unify(args)
	return &stage.Call{Fn: name, Args: args, T: t}, nil
}

// ---- CAST ------------------------------------------------------------------

// castExpr binds CAST(v AS tp) / CONVERT(v, tp) with MySQL's conversions: a
// string becomes the number its numeric prefix spells (0 when none) or
// the date it spells (NULL when none); a boolean is 1 or 0.
func castExpr(v stage.Expr, tp *types.FieldType) (stage.Expr, error) {
	switch tp.GetType() {
	case mysql.TypeYear, mysql.TypeDuration, mysql.TypeJSON:
		return nil, qerr.ErrUnsupported.New("CAST to %s", types.TypeToStr(tp.GetType(), tp.GetCharset()))
	}
	t, err := ArrowType(tp)
	if err != nil {
		return nil, err
	}
	if tp.GetType() == mysql.TypeNewDecimal && tp.GetFlen() <= 0 {
		t = decimal(10, 0) // CAST(x AS DECIMAL) is DECIMAL(10,0)
	}
	if t.ID() == arrow.BOOL {
		t = arrowInt64
	}
	from := v.Type()
	switch {
	case arrow.TypeEqual(from, t):
		return v, nil
	case nullLiteral(v):
		return &stage.Literal{Null: true, T: t}, nil
	case from.ID() == arrow.BOOL:
		return convertTo(coerce(v, arrowInt64), t), nil
	case isString(from) && stage.IsInteger(t):
		if text, ok := stringLiteral(v); ok {
			if n := numericLiteral(text); n != nil && !strings.ContainsAny(text, ".eE") {
				return coerce(n, t), nil
			}
		}
		return toNumber(v, t), nil
	case isString(from) && (isDecimal(t) || isFloat(t) || isTemporal(t)):
		return convertTo(v, t), nil
	case isTemporal(from) && isNumeric(t):
		return nil, qerr.ErrUnsupported.New("CAST of %s to a number", from)
	case t.ID() == arrow.BINARY:
		return coerce(toString(v), t), nil
	case isString(t):
		return toString(v), nil
	}
	return coerce(v, t), nil
}

// convertFunc is CONVERT(x USING charset): only UTF-8 and binary.
func convertFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	cs, _ := stringLiteral(args[1])
	switch strings.ToLower(cs) {
	case "utf8", "utf8mb4", "utf8mb3":
		return toString(args[0]), nil
	case "binary":
		return coerce(toString(args[0]), arrow.BinaryTypes.Binary), nil
	}
	return nil, qerr.ErrUnsupported.New("CONVERT USING %s", cs)
}

// ---- dates -----------------------------------------------------------------
