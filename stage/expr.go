package stage

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/catalog"
)

// Expr is a typed scalar expression over the columns of an operator's input.
// Expressions are immutable; the binder types every one of them with the
// Arrow type the planner promises, and the renderer casts to it.
type Expr interface {
	// Type is the expression's result type.
	Type() arrow.DataType
	// String is the expression as EXPLAIN prints it.
	String() string
	isExpr()
}

// ColumnRef is the Index-th column of the operator's input. Name is for
// EXPLAIN only; resolution is by position.
type ColumnRef struct {
	Index int
	Name  string
	T     arrow.DataType
}

// Literal is a constant. Text is the value's canonical text (a number's
// digits, a date's YYYY-MM-DD, a string's characters unescaped); Null marks
// the typed NULL.
type Literal struct {
	Text string
	Null bool
	T    arrow.DataType
}

// Call is an operator or function applied to arguments. Fn is one of the
// names the renderer knows (see callTemplates): "+", "=", "and", "like",
// "isnull", "in", "lower", ...
type Call struct {
	Fn   string
	Args []Expr
	T    arrow.DataType
}

// Cast converts Arg to T.
type Cast struct {
	Arg Expr
	T   arrow.DataType
}

func (c *ColumnRef) Type() arrow.DataType { return c.T }
func (l *Literal) Type() arrow.DataType   { return l.T }
func (c *Call) Type() arrow.DataType      { return c.T }
func (c *Cast) Type() arrow.DataType      { return c.T }

func (*ColumnRef) isExpr() {}
func (*Literal) isExpr()   {}
func (*Call) isExpr()      {}
func (*Cast) isExpr()      {}

var (
	_ Expr = (*ColumnRef)(nil)
	_ Expr = (*Literal)(nil)
	_ Expr = (*Call)(nil)
	_ Expr = (*Cast)(nil)
)

func (c *ColumnRef) String() string {
	if c.Name != "" {
		return c.Name
	}
	return fmt.Sprintf("#%d", c.Index)
}

func (l *Literal) String() string {
	switch {
	case l.Null:
		return "NULL"
	case l.T.ID() == arrow.STRING:
		return "'" + strings.ReplaceAll(l.Text, "'", "''") + "'"
	case l.T.ID() == arrow.DATE32:
		return "DATE '" + l.Text + "'"
	}
	return l.Text
}

var infixOps = map[string]bool{
	"+": true, "-": true, "*": true, "/": true, "%": true, "div": true,
	"=": true, "<>": true, "<": true, "<=": true, ">": true, ">=": true,
	"and": true, "or": true, "like": true, "not like": true,
}

func (c *Call) String() string {
	switch {
	case infixOps[c.Fn] && len(c.Args) == 2:
		return fmt.Sprintf("(%s %s %s)", c.Args[0], strings.ToUpper(c.Fn), c.Args[1])
	case c.Fn == "not":
		return fmt.Sprintf("NOT %s", c.Args[0])
	case c.Fn == "neg":
		return fmt.Sprintf("-%s", c.Args[0])
	case c.Fn == "isnull":
		return fmt.Sprintf("%s IS NULL", c.Args[0])
	case c.Fn == "isnotnull":
		return fmt.Sprintf("%s IS NOT NULL", c.Args[0])
	case c.Fn == "in" || c.Fn == "not in":
		return fmt.Sprintf("%s %s (%s)", c.Args[0], strings.ToUpper(c.Fn), joinExprs(c.Args[1:]))
	}
	return fmt.Sprintf("%s(%s)", c.Fn, joinExprs(c.Args))
}

func (c *Cast) String() string {
	return fmt.Sprintf("CAST(%s AS %s)", c.Arg, catalog.TypeString(c.T))
}

func joinExprs(es []Expr) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.String()
	}
	return strings.Join(parts, ", ")
}

// ExprKey is a key of e that tells expressions apart that print alike but
// read other columns (two instances of one table, two sides of a join).
func ExprKey(e Expr) string {
	k := e.String()
	WalkExpr(e, func(x Expr) {
		if c, ok := x.(*ColumnRef); ok {
			k += " #" + strconv.Itoa(c.Index)
		}
	})
	return k
}

// SplitDisjuncts is e's operands of OR, nested ORs flattened.
func SplitDisjuncts(e Expr) []Expr {
	if c, ok := e.(*Call); ok && c.Fn == "or" && len(c.Args) == 2 {
		return append(SplitDisjuncts(c.Args[0]), SplitDisjuncts(c.Args[1])...)
	}
	return []Expr{e}
}

// WalkExpr calls fn on e and every sub-expression, parents first.
func WalkExpr(e Expr, fn func(Expr)) {
	fn(e)
	switch e := e.(type) {
	case *Call:
		for _, a := range e.Args {
			WalkExpr(a, fn)
		}
	case *Cast:
		WalkExpr(e.Arg, fn)
	}
}

// RewriteColumns returns e with every ColumnRef replaced by fn(ref).
func RewriteColumns(e Expr, fn func(*ColumnRef) Expr) Expr {
	switch e := e.(type) {
	case *ColumnRef:
		return fn(e)
	case *Call:
		args := make([]Expr, len(e.Args))
		for i, a := range e.Args {
			args[i] = RewriteColumns(a, fn)
		}
		return &Call{Fn: e.Fn, Args: args, T: e.T}
	case *Cast:
		return &Cast{Arg: RewriteColumns(e.Arg, fn), T: e.T}
	}
	return e
}

// AggFunc is an aggregate function.
type AggFunc string

const (
	AggCount     AggFunc = "count"
	AggCountStar AggFunc = "count_star"
	AggSum       AggFunc = "sum"
	AggMin       AggFunc = "min"
	AggMax       AggFunc = "max"
	AggAvg       AggFunc = "avg"
	// The statistical aggregates follow MySQL: STD and STDDEV are the
	// population deviation, VARIANCE the population variance.
	AggStddevPop  AggFunc = "stddev_pop"
	AggStddevSamp AggFunc = "stddev_samp"
	AggVarPop     AggFunc = "var_pop"
	AggVarSamp    AggFunc = "var_samp"
	// AggGroupConcat joins a group's non-NULL values with Separator, in
	// Order when given.
	AggGroupConcat AggFunc = "group_concat"
	// AggAnyValue is some value of the group (DuckDB's any_value).
	AggAnyValue AggFunc = "any_value"
)

// AggCall is one aggregate of an Aggregate node. Arg is nil for count(*).
type AggCall struct {
	Fn       AggFunc
	Arg      Expr
	Distinct bool
	T        arrow.DataType // the final result type
	// Separator and Order are GROUP_CONCAT's.
	Separator string
	Order     []SortKey
}

func (a AggCall) String() string {
	if a.Fn == AggCountStar {
		return "count(*)"
	}
	if a.Distinct {
		return fmt.Sprintf("%s(DISTINCT %s)", a.Fn, a.Arg)
	}
	return fmt.Sprintf("%s(%s)", a.Fn, a.Arg)
}
