package binder

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
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

var (
	dateRE     = regexp.MustCompile(`^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$`)
	datetimeRE = regexp.MustCompile(`^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d{1,6})?\s*$`)
)

// temporalText validates a date or datetime string as MySQL reads it in a
// literal and returns its canonical text for type t (DATE or TIMESTAMP).
func temporalText(s string, t arrow.DataType) (string, bool) {
	var tm time.Time
	if m := dateRE.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		tm = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if tm.Month() != time.Month(mo) || tm.Day() != d {
			return "", false
		}
	} else if m := datetimeRE.FindStringSubmatch(s); m != nil {
		n := make([]int, 6)
		for i := range n {
			n[i], _ = strconv.Atoi(m[i+1])
		}
		frac := 0
		if m[7] != "" {
			f := (m[7][1:] + "000000")[:6]
			frac, _ = strconv.Atoi(f)
		}
		tm = time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], frac*1000, time.UTC)
		if tm.Month() != time.Month(n[1]) || tm.Day() != n[2] || tm.Hour() != n[3] || tm.Minute() != n[4] || tm.Second() != n[5] {
			return "", false
		}
	} else {
		return "", false
	}
	if t.ID() == arrow.DATE32 {
		return tm.Format("2006-01-02"), true
	}
	if tm.Nanosecond() != 0 {
		return tm.Format("2006-01-02 15:04:05.000000"), true
	}
	return tm.Format("2006-01-02 15:04:05"), true
}

func isString(t arrow.DataType) bool { return t.ID() == arrow.STRING }

func isTemporal(t arrow.DataType) bool {
	return t.ID() == arrow.DATE32 || t.ID() == arrow.TIMESTAMP
}

func isNullType(t arrow.DataType) bool { return t.ID() == arrow.NULL }

func stringLiteral(e stage.Expr) (string, bool) {
	if l, ok := e.(*stage.Literal); ok && !l.Null && isString(l.T) {
		return l.Text, true
	}
	return "", false
}

func nullLiteral(e stage.Expr) bool {
	l, ok := e.(*stage.Literal)
	return ok && l.Null
}

// toString converts e as MySQL does where a string is expected.
func toString(e stage.Expr) stage.Expr {
	t := e.Type()
	switch {
	case isString(t):
		return e
	case t.ID() == arrow.BOOL:
		return coerce(coerce(e, arrowInt64), stringType)
	case isFloat(t):
		if nullLiteral(e) {
			return &stage.Literal{Null: true, T: stringType}
		}
		return &stage.Call{Fn: "double_str", Args: []stage.Expr{coerce(e, float64Type)}, T: stringType}
	}
	return coerce(e, stringType)
}

// numericLiteral reads a string literal as the number MySQL makes of it
// when the text is a whole number: the literal retyped, or nil.
var numberRE = regexp.MustCompile(`^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$`)

func numericLiteral(text string) stage.Expr {
	if !numberRE.MatchString(text) {
		return nil
	}
	s := strings.TrimSpace(text)
	if strings.ContainsAny(s, "eE") {
		return &stage.Literal{Text: s, T: float64Type}
	}
	digits := strings.TrimLeft(strings.NewReplacer("-", "", "+", "", ".", "").Replace(s), "0")
	scale := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		scale = len(s) - i - 1
	}
	if len(digits) > maxDecimalPrecision {
		return &stage.Literal{Text: s, T: float64Type}
	}
	return &stage.Literal{Text: strings.TrimPrefix(s, "+"), T: decimal(int32(max(len(digits), scale, 1)), int32(scale))}
}

// toNumber converts a string to a number of type t the way MySQL reads a
// string as a number: its longest numeric prefix, 0 when there is none.
func toNumber(e stage.Expr, t arrow.DataType) stage.Expr {
	if nullLiteral(e) {
		return &stage.Literal{Null: true, T: t}
	}
	return &stage.Call{Fn: "mysql_num", Args: []stage.Expr{e}, T: t}
}

// toDouble converts any argument of a math function to DOUBLE.
func toDouble(e stage.Expr) stage.Expr {
	t := e.Type()
	switch {
	case isString(t):
		if text, ok := stringLiteral(e); ok {
			if n := numericLiteral(text); n != nil {
				return coerce(n, float64Type)
			}
		}
		return toNumber(e, float64Type)
	case t.ID() == arrow.BOOL:
		return coerce(coerce(e, arrowInt64), float64Type)
	}
	return coerce(e, float64Type)
}

// toNumeric leaves numbers alone and makes others a number (strings a
// DOUBLE, as MySQL does).
func toNumeric(e stage.Expr) stage.Expr {
	t := e.Type()
	if isNumeric(t) && t.ID() != arrow.BOOL {
		return e
	}
	if t.ID() == arrow.BOOL {
		return coerce(e, arrowInt64)
	}
	if isNullType(t) {
		return &stage.Literal{Null: true, T: float64Type}
	}
	if isString(t) {
		if text, ok := stringLiteral(e); ok {
			if n := numericLiteral(text); n != nil {
				return n
			}
		}
	}
	return toDouble(e)
}

// toInt converts a position or length argument to BIGINT.
func toInt(e stage.Expr) stage.Expr {
	t := e.Type()
	switch {
	case stage.IsInteger(t) && t.ID() != arrow.BOOL:
		return coerce(e, arrowInt64)
	case isString(t):
		if text, ok := stringLiteral(e); ok {
			if v, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64); err == nil {
				return &stage.Literal{Text: strconv.FormatInt(v, 10), T: arrowInt64}
			}
			if n := numericLiteral(text); n != nil {
				return coerce(n, arrowInt64)
			}
		}
		return toNumber(e, arrowInt64)
	}
	return coerce(e, arrowInt64)
}

// toTemporal converts a date function's argument to DATE or TIMESTAMP. A
// string becomes the temporal value it spells (NULL where it spells none,
// as in MySQL); withTime asks for TIMESTAMP where the string is not known
// to be a bare date.
func toTemporal(name string, e stage.Expr, withTime bool) (stage.Expr, error) {
	t := e.Type()
	switch {
	case isTemporal(t):
		return e, nil
	case isNullType(t):
		return &stage.Literal{Null: true, T: date32Type}, nil
	case isString(t):
		if text, ok := stringLiteral(e); ok {
			if d, ok := temporalText(text, date32Type); ok && dateRE.MatchString(text) {
				return &stage.Literal{Text: d, T: date32Type}, nil
			}
			if ts, ok := temporalText(text, timestampType); ok {
				return &stage.Literal{Text: ts, T: timestampType}, nil
			}
			return &stage.Literal{Null: true, T: date32Type}, nil
		}
		target := arrow.DataType(date32Type)
		if withTime {
			target = timestampType
		}
		return &stage.Call{Fn: "try_cast", Args: []stage.Expr{e}, T: target}, nil
	}
	return nil, qerr.ErrUnsupported.New("%s of %s", name, t)
}

// truth is e as a condition: MySQL treats any non-zero number as true.
func truth(e stage.Expr) stage.Expr {
	t := e.Type()
	switch {
	case t.ID() == arrow.BOOL:
		return e
	case isNullType(t):
		return &stage.Literal{Null: true, T: boolType}
	case isNumeric(t):
		return &stage.Call{Fn: "<>", Args: []stage.Expr{e, &stage.Literal{Text: "0", T: arrowInt64}}, T: boolType}
	}
	return &stage.Call{Fn: "<>", Args: []stage.Expr{toDouble(e), &stage.Literal{Text: "0", T: float64Type}}, T: boolType}
}

// ---- common types ----------------------------------------------------------

// commonType is the type MySQL gives the result of CASE, IF, COALESCE,
// GREATEST and LEAST over arguments of types ts: NULLs are ignored, numbers
// widen (any float makes a DOUBLE, any decimal an exact decimal that holds
// all), dates widen to DATETIME, and any other mix is a string.
func commonType(ts []arrow.DataType) arrow.DataType {
	var out arrow.DataType
	for _, t := range ts {
		if isNullType(t) {
			continue
		}
		if out == nil {
			out = t
			continue
		}
		out = common2(out, t)
	}
	if out == nil {
		return arrow.Null
	}
	return out
}

func common2(a, b arrow.DataType) arrow.DataType {
	if arrow.TypeEqual(a, b) {
		return a
	}
	if a.ID() == arrow.BOOL && isNumeric(b) {
		a = arrowInt64
	}
	if b.ID() == arrow.BOOL && isNumeric(a) {
		b = arrowInt64
	}
	switch {
	case isNumeric(a) && isNumeric(b):
		if isFloat(a) || isFloat(b) {
			return float64Type
		}
		if isDecimal(a) || isDecimal(b) || a.ID() == arrow.UINT64 != (b.ID() == arrow.UINT64) {
			p1, s1 := decimalOf(a)
			p2, s2 := decimalOf(b)
			s := max(s1, s2)
			return decimal(max(p1-s1, p2-s2)+s, s)
		}
		return arrowInt64
	case isTemporal(a) && isTemporal(b):
		return timestampType
	}
	return stringType
}

// unify coerces every argument to the common type of all, which it returns.
func unify(args []stage.Expr) ([]stage.Expr, arrow.DataType) {
	ts := make([]arrow.DataType, len(args))
	for i, a := range args {
		ts[i] = a.Type()
	}
	t := commonType(ts)
	out := make([]stage.Expr, len(args))
	for i, a := range args {
		out[i] = convertTo(a, t)
	}
	return out, t
}

// convertTo converts e to t with MySQL's conversions (a string read as a
// number or a date) where a plain cast would differ or fail.
func convertTo(e stage.Expr, t arrow.DataType) stage.Expr {
	from := e.Type()
	switch {
	case arrow.TypeEqual(from, t) || isNullType(t):
		return e
	case nullLiteral(e):
		return &stage.Literal{Null: true, T: t}
	case isString(t):
		return toString(e)
	case isString(from) && isNumeric(t):
		if text, ok := stringLiteral(e); ok {
			if n := numericLiteral(text); n != nil {
				return coerce(n, t)
			}
		}
		return toNumber(e, t)
	case isString(from) && isTemporal(t):
		if text, ok := stringLiteral(e); ok {
			if v, ok := temporalText(text, t); ok {
				return &stage.Literal{Text: v, T: t}
			}
			return &stage.Literal{Null: true, T: t}
		}
		return &stage.Call{Fn: "try_cast", Args: []stage.Expr{e}, T: t}
	}
	return coerce(e, t)
}

// ---- comparison, IN, LIKE, IS TRUE -----------------------------------------

// comparisonType is the type MySQL compares two values of types l and r in:
// nil where DuckDB's own comparison already agrees.
func comparisonType(l, r arrow.DataType) arrow.DataType {
	switch {
	case isNullType(l) || isNullType(r) || arrow.TypeEqual(l, r):
		return nil
	case isString(l) && isTemporal(r):
		return r
	case isTemporal(l) && isString(r):
		return l
	case isTemporal(l) && isTemporal(r):
		return timestampType
	case isString(l) && isNumeric(r), isNumeric(l) && isString(r):
		return float64Type
	case l.ID() == arrow.BOOL && isNumeric(r) || isNumeric(l) && r.ID() == arrow.BOOL:
		return common2(l, r)
	}
	return nil
}

// compareOperands converts l and r to a type both compare in, as MySQL
// does: a string against a date compares as a date, a string against a
// number as a number (a numeric string literal keeps its exact value).
func compareOperands(l, r stage.Expr) (stage.Expr, stage.Expr) {
	t := comparisonType(l.Type(), r.Type())
	if t == nil {
		return l, r
	}
	if t.ID() == arrow.FLOAT64 {
		// A numeric string literal against a number compares exactly.
		if text, ok := stringLiteral(r); ok && isNumeric(l.Type()) {
			if n := numericLiteral(text); n != nil {
				return l, n
			}
		}
		if text, ok := stringLiteral(l); ok && isNumeric(r.Type()) {
			if n := numericLiteral(text); n != nil {
				return n, r
			}
		}
	}
	return convertTo(l, t), convertTo(r, t)
}

// compare binds the comparison l op r.
func compare(op string, l, r stage.Expr) stage.Expr {
	l, r = compareOperands(l, r)
	return &stage.Call{Fn: op, Args: []stage.Expr{l, r}, T: boolType}
}

// inList binds v [NOT] IN (list): typed as MySQL compares v with each item.
func inList(fn string, v stage.Expr, list []stage.Expr) stage.Expr {
	typed := make([]stage.Expr, len(list))
	for i, x := range list {
		typed[i] = x
		if nullLiteral(x) && !isNullType(v.Type()) {
			typed[i] = &stage.Literal{Null: true, T: v.Type()} // a NULL item compares as v's type
		}
	}
	list = typed
	ts := []arrow.DataType{}
	for _, x := range list {
		if t := comparisonType(v.Type(), x.Type()); t != nil {
			ts = append(ts, t)
		}
	}
	args := make([]stage.Expr, 0, len(list)+1)
	if len(ts) == 0 {
		args = append(append(args, v), list...)
		return &stage.Call{Fn: fn, Args: args, T: boolType}
	}
	if isNumeric(v.Type()) {
		// Items are converted to v's side: numeric strings keep their value.
		args = append(args, v)
		for _, x := range list {
			_, x = compareOperands(v, x)
			args = append(args, x)
		}
		return &stage.Call{Fn: fn, Args: args, T: boolType}
	}
	t := commonType(ts)
	args = append(args, convertTo(v, t))
	for _, x := range list {
		args = append(args, convertTo(x, t))
	}
	return &stage.Call{Fn: fn, Args: args, T: boolType}
}

// between binds v [NOT] BETWEEN lo AND hi.
func between(v, lo, hi stage.Expr, not bool) stage.Expr {
	c := &stage.Call{Fn: "and", T: boolType, Args: []stage.Expr{compare(">=", v, lo), compare("<=", v, hi)}}
	if not {
		return &stage.Call{Fn: "not", Args: []stage.Expr{c}, T: boolType}
	}
	return c
}

// like binds v [NOT] LIKE pattern ESCAPE esc as like(v, pattern[, esc]);
// without esc the escape is MySQL's default, the backslash.
func like(v, p stage.Expr, escape byte, not bool) stage.Expr {
	fn := "like"
	if not {
		fn = "not like"
	}
	args := []stage.Expr{toString(v), toString(p)}
	if escape != 0 && escape != '\\' {
		args = append(args, &stage.Literal{Text: string(rune(escape)), T: stringType})
	}
	return &stage.Call{Fn: fn, Args: args, T: boolType}
}

// isTruth binds v IS [NOT] TRUE|FALSE: never NULL.
func isTruth(v stage.Expr, isTrue, not bool) stage.Expr {
	fn := "istrue"
	if !isTrue {
		fn = "isfalse"
	}
	c := &stage.Call{Fn: fn, Args: []stage.Expr{truth(v)}, T: boolType}
	if not {
		return &stage.Call{Fn: "not", Args: []stage.Expr{c}, T: boolType}
	}
	return c
}

// ---- CASE, IF, COALESCE, NULLIF, GREATEST ----------------------------------

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

// dateUnits are the INTERVAL units of DATE_ADD and DATE_SUB, with whether a
// DATE stays a DATE under them.
var dateUnits = map[string]bool{
	"MICROSECOND": false, "SECOND": false, "MINUTE": false, "HOUR": false,
	"DAY": true, "WEEK": true, "MONTH": true, "QUARTER": true, "YEAR": true,
}

// dateArith binds DATE_ADD(d, n, unit) and DATE_SUB (n negated):
// date_add(d, n, 'UNIT'). A DATE plus days, weeks, months, quarters or
// years is a DATE, clamped to the month's end as MySQL does; anything else
// is a DATETIME.
func dateArith(sub bool) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if err := nargs(name, args, 3, 3); err != nil {
			return nil, err
		}
		unit, _ := stringLiteral(args[2])
		keepsDate, ok := dateUnits[unit]
		if !ok {
			return nil, qerr.ErrUnsupported.New("INTERVAL unit %s", unit)
		}
		d, err := toTemporal(name, args[0], !keepsDate)
		if err != nil {
			return nil, err
		}
		n := toInt(args[1])
		if text, ok := stringLiteral(args[1]); ok && numericLiteral(text) != nil && strings.ContainsAny(text, ".eE") {
			n = coerce(toDouble(args[1]), arrowInt64)
		}
		if lit, ok := n.(*stage.Literal); ok && sub && !lit.Null {
			n = negateLiteral(lit)
		} else if sub {
			n = &stage.Call{Fn: "neg", Args: []stage.Expr{n}, T: arrowInt64}
		}
		t := arrow.DataType(timestampType)
		if keepsDate && d.Type().ID() == arrow.DATE32 {
			t = date32Type // the optimizer folds a constant one (opt.FoldConstants)
		}
		return &stage.Call{Fn: "date_add", Args: []stage.Expr{d, n, args[2]}, T: t}, nil
	}
}

// extractUnits are the units of EXTRACT that Quiver computes, as
// extract('UNIT', d) (see stage's renderer for each).
var extractUnits = map[string]bool{
	"YEAR": false, "QUARTER": false, "MONTH": false, "WEEK": false, "DAY": false,
	"HOUR": true, "MINUTE": true, "SECOND": true, "MICROSECOND": true,
	"YEAR_MONTH": false, "DAYOFWEEK": false, "WEEKDAY": false, "DAYOFYEAR": false,
}

func extractFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	unit, _ := stringLiteral(args[0])
	if _, ok := extractUnits[unit]; !ok || unit == "DAYOFWEEK" || unit == "WEEKDAY" || unit == "DAYOFYEAR" {
		return nil, qerr.ErrUnsupported.New("EXTRACT(%s FROM ...)", unit)
	}
	return datePart(unit)(name, args[1:])
}

// datePart binds YEAR(d), MONTH(d), ...: extract('UNIT', d), a BIGINT.
func datePart(unit string) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if err := nargs(name, args, 1, 1); err != nil {
			return nil, err
		}
		d, err := toTemporal(name, args[0], extractUnits[unit])
		if err != nil {
			return nil, err
		}
		unitLit := &stage.Literal{Text: unit, T: stringType}
		return &stage.Call{Fn: "extract", Args: []stage.Expr{unitLit, d}, T: arrowInt64}, nil
	}
}

// weekFunc: WEEK(d) in MySQL's default mode 0 (weeks start on Sunday;
// days before the year's first Sunday are week 0).
func weekFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 1, 2); err != nil {
		return nil, err
	}
	if len(args) == 2 {
		if l, ok := args[1].(*stage.Literal); !ok || l.Null || l.Text != "0" {
			return nil, qerr.ErrUnsupported.New("WEEK with a mode other than 0")
		}
	}
	return datePart("WEEK")(name, args[:1])
}

// datediffFunc: DATEDIFF(a, b) is a - b in days, times ignored.
func datediffFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	ds := make([]stage.Expr, 2)
	for i, a := range args {
		d, err := toTemporal(name, a, false)
		if err != nil {
			return nil, err
		}
		ds[i] = convertTo(d, date32Type)
	}
	return &stage.Call{Fn: "datediff", Args: ds, T: arrowInt64}, nil
}

// dateFunc: DATE(x) is x's date part.
func dateFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 1, 1); err != nil {
		return nil, err
	}
	d, err := toTemporal(name, args[0], false)
	if err != nil {
		return nil, err
	}
	return convertTo(d, date32Type), nil
}

func lastDayFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 1, 1); err != nil {
		return nil, err
	}
	d, err := toTemporal(name, args[0], false)
	if err != nil {
		return nil, err
	}
	return &stage.Call{Fn: "last_day", Args: []stage.Expr{d}, T: date32Type}, nil
}

// dateFormatFunc: DATE_FORMAT(d, 'format') with a constant format, whose
// MySQL specifiers the renderer translates (duck.StrftimeFormat).
func dateFormatFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	format, ok := stringLiteral(args[1])
	if !ok {
		if nullLiteral(args[1]) {
			return &stage.Literal{Null: true, T: stringType}, nil
		}
		return nil, qerr.ErrUnsupported.New("DATE_FORMAT with a format that is not a constant string")
	}
	if _, err := duck.DateFormatParts(format); err != nil {
		return nil, err
	}
	d, err := toTemporal(name, args[0], true)
	if err != nil {
		return nil, err
	}
	return &stage.Call{Fn: "date_format", Args: []stage.Expr{d, args[1]}, T: stringType}, nil
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

// substringFunc: SUBSTRING(s, pos[, len]), pos counted from the end when
// negative; pos 0 or a length below 1 give ”.
func substringFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 3); err != nil {
		return nil, err
	}
	return &stage.Call{Fn: "substring", Args: convertArgs(args, "sii"), T: stringType}, nil
}

// concatFunc: CONCAT is NULL when any argument is NULL.
func concatFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if len(args) == 0 {
		return nil, qerr.ErrInvalid.New("%s needs arguments", name)
	}
	return &stage.Call{Fn: "concat", Args: convertArgs(args, "s"), T: stringType}, nil
}

// concatWSFunc: CONCAT_WS skips NULL arguments; a NULL separator gives NULL.
func concatWSFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if len(args) < 2 {
		return nil, qerr.ErrInvalid.New("%s needs a separator and an argument", name)
	}
	return &stage.Call{Fn: "concat_ws", Args: convertArgs(args, "s"), T: stringType}, nil
}

// trimFunc: TRIM(s), TRIM(r FROM s), TRIM(BOTH|LEADING|TRAILING [r] FROM s)
// as trim(s, r, 'DIRECTION'). MySQL removes the whole string r, repeated,
// so r must be a constant (the renderer needs it to build the pattern).
func trimFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 1, 3); err != nil {
		return nil, err
	}
	s := toString(args[0])
	var r stage.Expr = &stage.Literal{Text: " ", T: stringType}
	if len(args) >= 2 {
		r = args[1]
	}
	dir := stage.Expr(&stage.Literal{Text: "BOTH", T: stringType})
	if len(args) == 3 {
		dir = args[2]
	}
	if nullLiteral(r) {
		return &stage.Literal{Null: true, T: stringType}, nil
	}
	if _, ok := stringLiteral(r); !ok {
		if l, isLit := r.(*stage.Literal); isLit {
			r = &stage.Literal{Text: l.Text, T: stringType}
		} else {
			return nil, qerr.ErrUnsupported.New("TRIM of a string that is not a constant")
		}
	}
	return &stage.Call{Fn: "trim", Args: []stage.Expr{s, r, dir}, T: stringType}, nil
}

// locateFunc: LOCATE(sub, s[, pos]) and POSITION(sub IN s): the 1-based
// position of sub in s at or after pos, 0 when absent.
func locateFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 3); err != nil {
		return nil, err
	}
	return &stage.Call{Fn: "locate", Args: convertArgs(args, "ssi"), T: arrowInt64}, nil
}

// instrFunc: INSTR(s, sub) is LOCATE(sub, s).
func instrFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	return locateFunc(name, []stage.Expr{args[1], args[0]})
}

// ---- math ------------------------------------------------------------------

// doubleArgs binds a function of DOUBLE arguments with result type t.
func doubleArgs(fn string, n int, t arrow.DataType) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if err := nargs(name, args, n, n); err != nil {
			return nil, err
		}
		conv := make([]stage.Expr, n)
		for i, a := range args {
			conv[i] = toDouble(a)
		}
		return &stage.Call{Fn: fn, Args: conv, T: t}, nil
	}
}

// logFunc: LOG(x) is ln(x); LOG(b, x) is the logarithm of x to base b.
func logFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 1, 2); err != nil {
		return nil, err
	}
	if len(args) == 1 {
		return doubleArgs("ln", 1, float64Type)(name, args)
	}
	return doubleArgs("log", 2, float64Type)(name, args)
}

func absFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 1, 1); err != nil {
		return nil, err
	}
	x := toNumeric(args[0])
	t := x.Type()
	if stage.IsInteger(t) && t.ID() != arrow.UINT64 {
		t = arrowInt64
	}
	return &stage.Call{Fn: "abs", Args: []stage.Expr{x}, T: t}, nil
}

// roundFunc binds ROUND(x[, d]) and TRUNCATE(x, d). The result keeps x's
// kind: an integer stays BIGINT, a DOUBLE a DOUBLE (rounded half to even,
// as MySQL's rint), a DECIMAL(p,s) becomes a DECIMAL of scale max(d, 0)
// for a constant d, with one more integer digit where rounding can carry
// (exact, half away from zero).
func roundFunc(fn string) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		lo := 1
		if fn == "truncate" {
			lo = 2
		}
		if err := nargs(name, args, lo, 2); err != nil {
			return nil, err
		}
		x := toNumeric(args[0])
		var d stage.Expr = &stage.Literal{Text: "0", T: arrowInt64}
		if len(args) == 2 {
			d = toInt(args[1])
		}
		t := x.Type()
		switch {
		case isFloat(t):
			t = float64Type
		case stage.IsInteger(t):
			if t.ID() != arrow.UINT64 {
				t = arrowInt64
			}
		case isDecimal(t):
			lit, ok := d.(*stage.Literal)
			if !ok || lit.Null {
				return nil, qerr.ErrUnsupported.New("%s of a DECIMAL to a number of places that is not a constant", name)
			}
			places, err := strconv.Atoi(lit.Text)
			if err != nil {
				return nil, qerr.ErrInvalid.New("%s: bad number of places %s", name, lit.Text)
			}
			// MySQL: the scale is d (at least 0); rounding away digits
			// may carry into one more integer digit.
			p, s := decimalOf(t)
			ds := min(max(int32(places), 0), maxDecimalPrecision)
			carry := int32(0)
			if fn == "round" && (int32(places) < s || places < 0) {
				carry = 1
			}
			t = decimal(p-s+ds+carry, ds)
		}
		return &stage.Call{Fn: fn, Args: []stage.Expr{x, d}, T: t}, nil
	}
}

// floorFunc binds FLOOR and CEIL: an integer stays BIGINT, a DOUBLE a
// DOUBLE, a DECIMAL(p,s) becomes BIGINT when its integer part fits
// (as MySQL) and DECIMAL(p-s+1, 0) otherwise.
func floorFunc(fn string) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if err := nargs(name, args, 1, 1); err != nil {
			return nil, err
		}
		x := toNumeric(args[0])
		t := x.Type()
		switch {
		case isFloat(t):
			t = float64Type
		case isDecimal(t):
			p, s := decimalOf(t)
			if p-s+1 < 19 {
				t = arrowInt64
			} else {
				t = decimal(p-s+1, 0)
			}
		case t.ID() != arrow.UINT64:
			t = arrowInt64
		}
		return &stage.Call{Fn: fn, Args: []stage.Expr{x}, T: t}, nil
	}
}

// modFunc: MOD(a, b) is a % b (NULL when b is 0).
func modFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	return arithmetic("%", args[0], args[1])
}

// arithmetic binds l op r for + - * / % DIV with MySQL's types; strings
// and booleans are numbers there.
func arithmetic(op string, l, r stage.Expr) (stage.Expr, error) {
	operand := func(e stage.Expr) stage.Expr {
		switch t := e.Type(); {
		case isString(t):
			return toDouble(e) // MySQL computes with a string as a DOUBLE
		case t.ID() == arrow.BOOL:
			return coerce(e, arrowInt64)
		}
		return e
	}
	l, r = operand(l), operand(r)
	t, err := arithmeticType(op, l.Type(), r.Type())
	if err != nil {
		return nil, err
	}
	return &stage.Call{Fn: op, Args: []stage.Expr{l, r}, T: t}, nil
}

// negateLiteral folds the minus of a numeric constant into the constant, so
// that ROUND(x, -1) and the like see a constant.
func negateLiteral(l *stage.Literal) *stage.Literal {
	text := "-" + l.Text
	if strings.HasPrefix(l.Text, "-") {
		text = l.Text[1:]
	}
	t := l.T
	// -9223372036854775808 arrives as the minus of an unsigned literal
	// (its magnitude does not fit BIGINT); its negation does.
	if t.ID() == arrow.UINT64 && text == "-9223372036854775808" {
		t = arrowInt64
	}
	return &stage.Literal{Text: text, T: t}
}
