package binder

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

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
	// An untyped NULL takes the other side's type: DuckDB would otherwise
	// convert that side to the NULL's own (x <=> NULL on a string column
	// failed converting the strings to integers).
	switch {
	case isNullType(r.Type()) && !isNullType(l.Type()):
		return l, convertTo(r, l.Type())
	case isNullType(l.Type()) && !isNullType(r.Type()):
		return convertTo(l, r.Type()), r
	}
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
	if isNullType(v.Type()) {
		return &stage.Literal{Null: true, T: boolType} // NULL [NOT] IN (a list) is NULL
	}
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
