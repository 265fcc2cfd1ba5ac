package binder

import (
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

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
