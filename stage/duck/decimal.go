package duck

import (
	"math"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// Decimal arithmetic. MySQL's +, - and * of decimals are exact, in the
// width its rules give (binder.arithmeticType). DuckDB computes them in
// 64 bits when both operands are decimals of at most 18 digits, failing
// with "Overflow in multiplication of DECIMAL(18)" when the result does not
// fit, and in 128 bits otherwise. Computing every result in 128 bits would
// be correct and is about three times slower on the expressions TPC-H is
// made of (l_extendedprice * (1 - l_discount) over a 3 M-row bucket: 383
// ms against 118 ms, DuckDB 1.4 with one thread).
//
// So the renderer bounds the magnitude of every value (magnitude): from
// the scans' min / max statistics (stage.Scan.MaxAbs) where a column is
// read straight from a table, else from its type. Where the bound proves
// that a result fits 18 digits, DuckDB computes it in 64 bits; elsewhere
// the left operand is widened to 38 digits first, so DuckDB computes in
// 128 bits and cannot fail where MySQL answers. Integer constants in such
// arithmetic are rendered as decimals of their own digits, not BIGINT,
// which DuckDB would widen to 19 digits and so to 128 bits.

// maxDigits64 is the widest decimal DuckDB stores in 64 bits.
const maxDigits64 = 18

// columns is what an expression reads: the SQL naming each input column,
// and a bound on the magnitude of its values (nil: the types' bounds).
type columns struct {
	name func(int) string
	mag  func(int) float64
}

// tableColumns reads the columns c0..cN of the enclosing FROM (t) of
// input, whose magnitudes bound them.
func (r *renderer) tableColumns(input stage.Plan) columns {
	return columns{name: tableColumn, mag: func(i int) float64 { return r.columnMagnitude(input, i) }}
}

// typeMagnitude bounds the magnitude of every value of type t (+Inf where
// t is no exact number).
func typeMagnitude(t arrow.DataType) float64 {
	switch t.ID() {
	case arrow.DECIMAL128:
		d := t.(*arrow.Decimal128Type)
		return math.Pow10(int(d.Precision - d.Scale))
	case arrow.INT8, arrow.UINT8, arrow.BOOL:
		return 1 << 8
	case arrow.INT16, arrow.UINT16:
		return 1 << 16
	case arrow.INT32, arrow.UINT32:
		return 1 << 32
	case arrow.INT64, arrow.UINT64:
		return 1 << 64
	}
	return math.Inf(1)
}

// columnMagnitude bounds the magnitude of column i of p's output, a plan
// inside the fragment being rendered. The bounds of a node's columns are
// computed once per render.
func (r *renderer) columnMagnitude(p stage.Plan, i int) float64 {
	if m, ok := r.mags[p]; ok {
		return m[i]
	}
	s := p.Schema()
	out := make([]float64, s.NumFields())
	for c := range out {
		out[c] = typeMagnitude(s.Field(c).Type)
	}
	pass := func(in stage.Plan, offset int) {
		for c := range in.Schema().NumFields() {
			if offset+c < len(out) {
				out[offset+c] = min(out[offset+c], r.columnMagnitude(in, c))
			}
		}
	}
	switch n := p.(type) {
	case *stage.Scan:
		for c, m := range n.MaxAbs {
			if m >= 0 && c < len(out) {
				out[c] = min(out[c], m)
			}
		}
	case *stage.Filter, *stage.RuntimeFilter, *stage.Sort, *stage.Limit, *stage.Window:
		pass(p.Children()[0], 0) // a Window's own columns come after its input's
	case *stage.Project:
		cols := r.tableColumns(n.Input)
		for c, e := range n.Exprs {
			out[c] = min(out[c], exprMagnitude(e, cols))
		}
	case *stage.Join:
		// NULLs padding an outer join's side have no magnitude.
		pass(n.Left, 0)
		if n.Kind != stage.SemiJoin && n.Kind != stage.AntiJoin && n.Kind != stage.MarkJoin {
			pass(n.Right, n.Left.Schema().NumFields())
		}
	}
	if r.mags == nil {
		r.mags = map[stage.Plan][]float64{}
	}
	r.mags[p] = out
	return out[i]
}

// exprMagnitude bounds the magnitude of e's values over cols.
func exprMagnitude(e stage.Expr, cols columns) float64 {
	bound := typeMagnitude(e.Type())
	arg := func(i int) float64 { return exprMagnitude(e.(*stage.Call).Args[i], cols) }
	switch e := e.(type) {
	case *stage.ColumnRef:
		if cols.mag != nil {
			return min(bound, cols.mag(e.Index))
		}
	case *stage.Literal:
		if e.Null {
			return 0
		}
		if v, err := strconv.ParseFloat(e.Text, 64); err == nil && !math.IsInf(bound, 1) {
			return min(bound, math.Abs(v))
		}
	case *stage.Cast:
		// A cast to fewer decimal places rounds, by less than one.
		if !math.IsInf(bound, 1) && !math.IsInf(typeMagnitude(e.Arg.Type()), 1) {
			return min(bound, exprMagnitude(e.Arg, cols)+1)
		}
	case *stage.Call:
		switch e.Fn {
		case "+", "-":
			return min(bound, arg(0)+arg(1))
		case "*":
			return min(bound, arg(0)*arg(1))
		case "neg", "abs":
			return min(bound, arg(0))
		case "case":
			// case(c1, r1, ..., cN, rN, else): the largest result's.
			m := arg(len(e.Args) - 1)
			for i := 1; i < len(e.Args)-1; i += 2 {
				m = max(m, arg(i))
			}
			return min(bound, m)
		case "coalesce", "ifnull":
			m := 0.0
			for i := range e.Args {
				m = max(m, arg(i))
			}
			return min(bound, m)
		}
	}
	return bound
}

// fits64 reports whether every value of magnitude below m, at scale s,
// fits DuckDB's 64-bit decimals (18 digits), with a margin for the
// statistics' rounding to float64.
func fits64(m float64, s int32) bool {
	return m*math.Pow10(int(s))*(1+1e-6) < math.Pow10(maxDigits64)
}

// renderArithmetic renders an exact decimal +, - or * (exactDecimal), whose
// arguments are rendered as args; the value is the planned one, in the
// width DuckDB computes it in, and the cast to the planned type is left to
// where the value leaves the expression.
func renderArithmetic(e *stage.Call, args []string, cols columns) string {
	d := e.T.(*arrow.Decimal128Type)
	for i, a := range e.Args {
		l, ok := a.(*stage.Literal)
		if !ok || l.Null || !stage.IsInteger(l.T) || !intRE.MatchString(l.Text) {
			continue
		}
		if digits := len(strings.TrimPrefix(l.Text, "-")); digits <= maxDigits64 {
			args[i] = castTo(QuoteString(l.Text), &arrow.Decimal128Type{Precision: int32(digits), Scale: 0})
		}
	}
	if d.Precision > maxDigits64 && !fits64(exprMagnitude(e, cols), d.Scale) {
		args[0] = castTo(args[0], &arrow.Decimal128Type{Precision: 38, Scale: int32(scaleOf(e.Args[0].Type()))})
	}
	return "(" + args[0] + " " + e.Fn + " " + args[1] + ")"
}

// comparisons are the Calls whose integer constants narrowConstants may
// narrow: the first argument is compared with each other one.
var comparisons = map[string]bool{"=": true, "<>": true, "<": true, "<=": true, ">": true, ">=": true, "<=>": true, "in": true, "not in": true}

// narrowConstants renders the integer constants that e compares with an
// integer expression of a narrower type (the binder types constants
// BIGINT) in that type where they fit it: DuckDB would otherwise widen
// the expression's every value to compare it (p_size IN (49, 14, ...) on
// an INTEGER column). The answer is the same; a constant that does not fit
// keeps its type.
func narrowConstants(e *stage.Call, args []string) {
	narrow := func(target stage.Expr, i int) {
		l, ok := e.Args[i].(*stage.Literal)
		t := target.Type()
		if !ok || l.Null || !stage.IsInteger(l.T) || !stage.IsInteger(t) || arrow.TypeEqual(l.T, t) {
			return
		}
		if _, isLit := target.(*stage.Literal); isLit {
			return
		}
		v, err := strconv.ParseFloat(l.Text, 64)
		if err != nil || math.Abs(v) >= typeMagnitude(t)/2 || v < 0 && !signed(t) {
			return // typeMagnitude is 2^bits: a signed type holds half
		}
		args[i] = renderLiteral(&stage.Literal{Text: l.Text, T: t})
	}
	if len(e.Args) == 2 && e.Fn != "in" && e.Fn != "not in" {
		narrow(e.Args[0], 1)
		narrow(e.Args[1], 0)
		return
	}
	for i := 1; i < len(e.Args); i++ {
		narrow(e.Args[0], i)
	}
}

func signed(t arrow.DataType) bool {
	switch t.ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64:
		return true
	}
	return false
}
