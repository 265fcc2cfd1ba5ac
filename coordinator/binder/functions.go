package binder

import (
	"sort"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// scalarFunc binds a call of a scalar function to its typed stage.Call (or
// another expression) given its bound arguments. Arguments that are syntax
// rather than values (a TimeUnitExpr, a TrimDirectionExpr) arrive as string
// literals holding their keyword (see funcCall).
type scalarFunc func(name string, args []stage.Expr) (stage.Expr, error)

// scalarFuncs are the scalar functions the binder knows, by lower-case name
// as TiDB's parser reports it. The renderer must know every Fn they make
// (duck.RendersCall): MySQL's semantics and result types are decided here,
// the DuckDB spelling in stage/duck/functions.go.
var scalarFuncs map[string]scalarFunc

// FunctionGroup is a kind of scalar function, as Flight SQL's GetSqlInfo
// lists them.
type FunctionGroup string

// The function groups.
const (
	FunctionsNumeric  FunctionGroup = "numeric"
	FunctionsString   FunctionGroup = "string"
	FunctionsDateTime FunctionGroup = "datetime"
	FunctionsSystem   FunctionGroup = "system" // control flow and the session's
)

// functionGroups are the scalar functions by group; scalarFuncs is their
// union.
var functionGroups map[FunctionGroup]map[string]scalarFunc

// Functions lists the names of a group's functions, sorted.
func Functions(g FunctionGroup) []string {
	var names []string
	for name := range functionGroups[g] {
		names = append(names, name)
	}
	if g == FunctionsSystem {
		for name := range sessionFuncs {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

func init() {
	functionGroups = map[FunctionGroup]map[string]scalarFunc{
		FunctionsSystem: {
			"coalesce": coalesceFunc,
			"ifnull":   arity(2, coalesceFunc),
			"if":       ifFunc,
			"nullif":   nullifFunc,
			"greatest": extremumFunc,
			"least":    extremumFunc,
		},
		FunctionsDateTime: {
			"date_add":          dateArith(false),
			"adddate":           dateArith(false),
			"date_sub":          dateArith(true),
			"subdate":           dateArith(true),
			"extract":           extractFunc,
			"year":              datePart("YEAR"),
			"quarter":           datePart("QUARTER"),
			"month":             datePart("MONTH"),
			"day":               datePart("DAY"),
			"dayofmonth":        datePart("DAY"),
			"hour":              datePart("HOUR"),
			"minute":            datePart("MINUTE"),
			"second":            datePart("SECOND"),
			"microsecond":       datePart("MICROSECOND"),
			"dayofweek":         datePart("DAYOFWEEK"),
			"weekday":           datePart("WEEKDAY"),
			"dayofyear":         datePart("DAYOFYEAR"),
			"week":              weekFunc,
			"datediff":          datediffFunc,
			"date_format":       dateFormatFunc,
			"last_day":          lastDayFunc,
			"date":              dateFunc,
			"curdate":           nullary("curdate", arrow.FixedWidthTypes.Date32),
			"current_date":      nullary("curdate", arrow.FixedWidthTypes.Date32),
			"now":               nullary("now", timestampType),
			"current_timestamp": nullary("now", timestampType),
			"localtime":         nullary("now", timestampType),
			"localtimestamp":    nullary("now", timestampType),
		},
		FunctionsString: {
			"substring":        substringFunc,
			"substr":           substringFunc,
			"mid":              arity(3, substringFunc),
			"concat":           concatFunc,
			"concat_ws":        concatWSFunc,
			"upper":            stringFunc("upper", "s"),
			"dayname":          typedFunc("dayname", "x", stringType),
			"monthname":        typedFunc("monthname", "x", stringType),
			"strcmp":           intFunc("strcmp", "ss"),
			"ucase":            stringFunc("upper", "s"),
			"lower":            stringFunc("lower", "s"),
			"lcase":            stringFunc("lower", "s"),
			"reverse":          stringFunc("reverse", "s"),
			"trim":             trimFunc,
			"ltrim":            stringFunc("ltrim", "s"),
			"rtrim":            stringFunc("rtrim", "s"),
			"length":           intFunc("length", "s"),
			"octet_length":     intFunc("length", "s"),
			"char_length":      intFunc("char_length", "s"),
			"character_length": intFunc("char_length", "s"),
			"replace":          stringFunc("replace", "sss"),
			"left":             stringFunc("left", "si"),
			"right":            stringFunc("right", "si"),
			"lpad":             stringFunc("lpad", "sis"),
			"rpad":             stringFunc("rpad", "sis"),
			"repeat":           stringFunc("repeat", "si"),
			"space":            stringFunc("space", "i"),
			"locate":           locateFunc,
			"position":         locateFunc,
			"instr":            instrFunc,
			"ascii":            intFunc("ascii", "s"),
			"convert":          convertFunc,
		},
		FunctionsNumeric: {
			"abs":      absFunc,
			"sign":     doubleArgs("sign", 1, arrowInt64),
			"round":    roundFunc("round"),
			"truncate": roundFunc("truncate"),
			"floor":    floorFunc("floor"),
			"ceil":     floorFunc("ceil"),
			"ceiling":  floorFunc("ceil"),
			"mod":      modFunc,
			"power":    doubleArgs("power", 2, float64Type),
			"pow":      doubleArgs("power", 2, float64Type),
			"sqrt":     doubleArgs("sqrt", 1, float64Type),
			"exp":      doubleArgs("exp", 1, float64Type),
			"ln":       doubleArgs("ln", 1, float64Type),
			"log":      logFunc,
			"log10":    doubleArgs("log10", 1, float64Type),
			"log2":     doubleArgs("log2", 1, float64Type),
			"pi":       nullary("pi", float64Type),
		},
	}
	// DATE '...' and TIMESTAMP '...' parse as calls, not functions to list.
	scalarFuncs = map[string]scalarFunc{
		ast.DateLiteral:      typedLiteral(arrow.FixedWidthTypes.Date32),
		ast.TimestampLiteral: typedLiteral(timestampType),
	}
	for _, group := range functionGroups {
		for name, fn := range group {
			scalarFuncs[name] = fn
		}
	}
}

var (
	timestampType = &arrow.TimestampType{Unit: arrow.Microsecond}
	float64Type   = arrow.PrimitiveTypes.Float64
	stringType    = arrow.BinaryTypes.String
	date32Type    = arrow.FixedWidthTypes.Date32
)

func (b *Binder) funcCall(e *ast.FuncCallExpr, sub func(ast.ExprNode) (stage.Expr, error)) (stage.Expr, error) {
	name := e.FnName.L
	if v, ok, err := b.sessionFunc(name, e.Args); ok {
		return v, err
	}
	fn, ok := scalarFuncs[name]
	if !ok {
		return nil, qerr.ErrUnsupported.New("function %s", name)
	}
	args := make([]stage.Expr, len(e.Args))
	for i, a := range e.Args {
		switch a := a.(type) {
		case *ast.TimeUnitExpr:
			args[i] = &stage.Literal{Text: a.Unit.String(), T: stringType}
			continue
		case *ast.TrimDirectionExpr:
			dir := "BOTH"
			switch a.Direction {
			case ast.TrimLeading:
				dir = "LEADING"
			case ast.TrimTrailing:
				dir = "TRAILING"
			}
			args[i] = &stage.Literal{Text: dir, T: stringType}
			continue
		}
		v, err := sub(a)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	return fn(name, args)
}

// ---- helpers: arity, literals, conversions --------------------------------

func nargs(name string, args []stage.Expr, lo, hi int) error {
	if len(args) < lo || len(args) > hi {
		if lo == hi {
			return qerr.ErrInvalid.New("%s takes %d argument(s), got %d", name, lo, len(args))
		}
		return qerr.ErrInvalid.New("%s takes %d to %d arguments, got %d", name, lo, hi, len(args))
	}
	return nil
}

func arity(n int, f scalarFunc) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if err := nargs(name, args, n, n); err != nil {
			return nil, err
		}
		return f(name, args)
	}
}

func typedLiteral(t arrow.DataType) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if len(args) != 1 {
			return nil, qerr.ErrInvalid.New("%s needs a string", name)
		}
		lit, ok := args[0].(*stage.Literal)
		if !ok || lit.Null {
			return nil, qerr.ErrInvalid.New("%s needs a string", name)
		}
		text, ok := temporalText(lit.Text, t)
		if !ok {
			return nil, qerr.ErrInvalid.New("incorrect %s value: '%s'", sqlKind(t), lit.Text)
		}
		return &stage.Literal{Text: text, T: t}, nil
	}
}

func sqlKind(t arrow.DataType) string {
	if t.ID() == arrow.DATE32 {
		return "DATE"
	}
	return "DATETIME"
}

func nullary(fn string, t arrow.DataType) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if len(args) > 0 {
			return nil, qerr.ErrUnsupported.New("%s with arguments", name)
		}
		return &stage.Call{Fn: fn, T: t}, nil
	}
}

// ---- strings ---------------------------------------------------------------

// stringFunc binds fn(args) returning a string; kinds has one letter per
// argument: s a string, i an integer.
func stringFunc(fn, kinds string) scalarFunc {
	return typedFunc(fn, kinds, stringType)
}

func intFunc(fn, kinds string) scalarFunc {
	return typedFunc(fn, kinds, arrowInt64)
}

func typedFunc(fn, kinds string, t arrow.DataType) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if err := nargs(name, args, len(kinds), len(kinds)); err != nil {
			return nil, err
		}
		return &stage.Call{Fn: fn, Args: convertArgs(args, kinds), T: t}, nil
	}
}

func convertArgs(args []stage.Expr, kinds string) []stage.Expr {
	out := make([]stage.Expr, len(args))
	for i, a := range args {
		switch kinds[min(i, len(kinds)-1)] {
		case 's':
			out[i] = toString(a)
		case 'i':
			out[i] = toInt(a)
		default:
			out[i] = a
		}
	}
	return out
}
