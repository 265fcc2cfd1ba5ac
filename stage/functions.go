package stage

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// callRenderer renders a Call whose arguments are already rendered.
type callRenderer func(e *Call, args []string) string

// callRenderers hold every Call.Fn whose DuckDB spelling or semantics differ
// from a plain call of the same name. A Fn not listed renders as
// fn(args...) cast to the planned type.
var callRenderers = map[string]callRenderer{
	"+": arithmetic("+"), "-": arithmetic("-"), "*": arithmetic("*"), "%": arithmetic("%"),
	"div": arithmetic("//"),
	"=":   infix("="), "<>": infix("<>"), "<": infix("<"), "<=": infix("<="), ">": infix(">"), ">=": infix(">="),
	"and": infix("AND"), "or": infix("OR"), "like": infix("LIKE"), "not like": infix("NOT LIKE"),
	"/":         divide,
	"not":       func(_ *Call, a []string) string { return "(NOT " + a[0] + ")" },
	"neg":       func(e *Call, a []string) string { return castTo("(-"+a[0]+")", e.T) },
	"isnull":    func(_ *Call, a []string) string { return "(" + a[0] + " IS NULL)" },
	"isnotnull": func(_ *Call, a []string) string { return "(" + a[0] + " IS NOT NULL)" },
	"in":        inList("IN"),
	"not in":    inList("NOT IN"),
}

func infix(op string) callRenderer {
	return func(_ *Call, a []string) string { return "(" + a[0] + " " + op + " " + a[1] + ")" }
}

func arithmetic(op string) callRenderer {
	return func(e *Call, a []string) string { return castTo("("+a[0]+" "+op+" "+a[1]+")", e.T) }
}

func inList(op string) callRenderer {
	return func(_ *Call, a []string) string {
		return "(" + a[0] + " " + op + " (" + strings.Join(a[1:], ", ") + "))"
	}
}

// divide renders MySQL's /, which never truncates: as a double, or as a
// decimal when the planner typed the result a decimal. Division by zero is
// NULL, as in MySQL.
func divide(e *Call, a []string) string {
	if _, ok := e.T.(*arrow.Decimal128Type); ok {
		return castTo(fmt.Sprintf("(CAST(%s AS DECIMAL(38,10)) / nullif(%s, 0))", a[0], a[1]), e.T)
	}
	return castTo(fmt.Sprintf("(CAST(%s AS DOUBLE) / nullif(%s, 0))", a[0], a[1]), e.T)
}
