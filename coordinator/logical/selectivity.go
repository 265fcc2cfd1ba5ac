package logical

import (
	"strconv"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// Range is a column's span of values from its snapshot's min / max
// statistics, as numbers (a date as days since 1970): what a filter's
// comparisons with constants are estimated against.
type Range struct {
	Lo, Hi float64
	Known  bool
}

// Comparison reads a comparison of a column (possibly under a cast, which
// keeps the order of numbers) with a non-null constant as "column op
// constant", the column on the left: op is one of = < <= > >=.
func Comparison(e stage.Expr) (col int, op string, lit *stage.Literal, ok bool) {
	call, isCall := e.(*stage.Call)
	if !isCall || len(call.Args) != 2 {
		return 0, "", nil, false
	}
	flip := map[string]string{"=": "=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
	if _, cmp := flip[call.Fn]; !cmp {
		return 0, "", nil, false
	}
	ref, other, op := call.Args[0], call.Args[1], call.Fn
	if _, isLit := ref.(*stage.Literal); isLit {
		ref, other, op = other, ref, flip[op]
	}
	if c, isCast := ref.(*stage.Cast); isCast && isOrdered(c.T) && isOrdered(c.Arg.Type()) {
		ref = c.Arg
	}
	r, isRef := ref.(*stage.ColumnRef)
	l, isLit := other.(*stage.Literal)
	if !isRef || !isLit || l.Null {
		return 0, "", nil, false
	}
	return r.Index, op, l, true
}

// isOrdered reports whether t's values compare as numbers.
func isOrdered(t arrow.DataType) bool {
	switch t.ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64,
		arrow.FLOAT32, arrow.FLOAT64, arrow.DECIMAL128, arrow.DATE32:
		return true
	}
	return false
}

// LiteralNumber is a numeric or date constant as a number (dates as days).
func LiteralNumber(l *stage.Literal) (float64, bool) {
	if l.T.ID() == arrow.DATE32 {
		d, err := time.Parse("2006-01-02", l.Text)
		if err != nil {
			return 0, false
		}
		return float64(d.Unix() / 86400), true
	}
	if !isOrdered(l.T) {
		return 0, false
	}
	v, err := strconv.ParseFloat(l.Text, 64)
	return v, err == nil
}

// ColumnRange is the range of column i of p's output, from the scan it
// comes from.
func ColumnRange(p Plan, i int) Range {
	switch n := p.(type) {
	case *Scan:
		if i < len(n.Ranges) {
			return n.Ranges[i]
		}
	case *Filter, *Sort, *Limit:
		return ColumnRange(p.Children()[0], i)
	case *Project:
		if c, ok := n.Exprs[i].(*stage.ColumnRef); ok {
			return ColumnRange(n.Input, c.Index)
		}
	case *Join:
		nLeft := Width(n.Left)
		if i < nLeft {
			return ColumnRange(n.Left, i)
		}
		if n.Kind == stage.InnerJoin {
			return ColumnRange(n.Right, i-nLeft)
		}
	}
	return Range{}
}

// selectivity estimates the fraction of f's input rows that pass it. A
// conjunct "column = constant" keeps 1/ndv of the rows where the column's
// distinct count is known; comparisons of a column with constants keep the
// part of its statistics' range that they allow (values assumed uniform
// over it). The conjuncts estimated so are taken as independent; the rest,
// if any, together keep filterSelectivity, as a filter without statistics.
func selectivity(f *Filter) float64 {
	type span struct {
		lo, hi float64
		eq     bool
	}
	spans := map[int]*span{}
	var cols []int
	sel, rest := 1.0, false
	for _, c := range SplitConjuncts(f.Cond) {
		col, op, lit, ok := Comparison(c)
		if !ok {
			rest = true
			continue
		}
		if op == "=" {
			if ndv := ColumnNDV(f.Input, col); ndv > 0 {
				sel /= ndv
				continue
			}
		}
		r := ColumnRange(f.Input, col)
		v, isNum := LiteralNumber(lit)
		if !r.Known || !isNum {
			rest = true
			continue
		}
		s := spans[col]
		if s == nil {
			s = &span{lo: r.Lo, hi: r.Hi}
			spans[col], cols = s, append(cols, col)
		}
		// Over integers (and days) x < v is x <= v - 1.
		step := discrete(f.Input.Schema().Field(col).Type)
		switch op {
		case "=":
			s.lo, s.hi, s.eq = max(s.lo, v), min(s.hi, v), true
		case "<":
			s.hi = min(s.hi, v-step)
		case "<=":
			s.hi = min(s.hi, v)
		case ">":
			s.lo = max(s.lo, v+step)
		case ">=":
			s.lo = max(s.lo, v)
		}
	}
	for _, col := range cols {
		s, r := spans[col], ColumnRange(f.Input, col)
		// [lo, hi] of integers holds hi - lo + 1 values.
		discrete := discrete(f.Input.Schema().Field(col).Type)
		width := r.Hi - r.Lo + discrete
		switch {
		case s.hi < s.lo:
			sel = 0
		case width <= 0 || s.eq:
			// One value in range, as likely as any other: without a distinct
			// count, the filter of a constant.
			sel *= filterSelectivity
		default:
			sel *= min(1, (s.hi-s.lo+discrete)/width)
		}
	}
	if rest {
		sel *= filterSelectivity
	}
	return sel
}

// discrete is 1 for a type of whole steps (integers, dates), else 0.
func discrete(t arrow.DataType) float64 {
	if stage.IsInteger(t) || t.ID() == arrow.DATE32 {
		return 1
	}
	return 0
}
