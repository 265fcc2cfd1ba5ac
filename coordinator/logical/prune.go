package logical

import (
	"math/big"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/stage"
)

// Pruning by statistics: which files and row groups a filter can skip,
// because some conjunct "column op constant" holds for no value in a
// column's min / max. Queries prune their scans by it
// (coordinator/pruning.go), DELETE and UPDATE the files they rewrite.

// Bound is a conjunct that min / max and null counts can refute:
// "column op constant" (=, <, <=, >, >=), "column IN (constants)" (Op
// "in", Values), or "column IS NULL" (Op "isnull").
type Bound struct {
	Column string // the column's name in the files
	Op     string
	Value  statValue
	Values []statValue // of "in"
}

// BoundOf reads a conjunct over a row whose first columns are a scan's,
// named in the files as columns, as a Bound. The column may be under a
// cast only where the cast keeps every value (integers to wider numbers):
// a rounding cast could make a value outside the bound pass it. The NULLs
// of an IN list make no row pass, so only its other values count.
func BoundOf(e stage.Expr, columns []string) (Bound, bool) {
	call, isCall := e.(*stage.Call)
	if !isCall || len(call.Args) == 0 {
		return Bound{}, false
	}
	switch call.Fn {
	case "isnull", "in":
		col, ok := boundColumn(call.Args[0], columns)
		if !ok {
			return Bound{}, false
		}
		b := Bound{Column: col, Op: call.Fn}
		for _, a := range call.Args[1:] {
			lit, isLit := a.(*stage.Literal)
			if !isLit {
				return Bound{}, false
			}
			if lit.Null {
				continue
			}
			v, ok := literalStat(lit)
			if !ok {
				return Bound{}, false
			}
			b.Values = append(b.Values, v)
		}
		return b, call.Fn == "isnull" || len(b.Values) > 0
	}
	col, op, lit, ok := Comparison(e)
	if !ok || col >= len(columns) {
		return Bound{}, false
	}
	for _, a := range call.Args {
		if c, isCast := a.(*stage.Cast); isCast && !widening(c) {
			return Bound{}, false
		}
	}
	v, ok := literalStat(lit)
	return Bound{Column: columns[col], Op: op, Value: v}, ok
}

// boundColumn is the file name of the scan column e reads, directly or
// under a widening cast.
func boundColumn(e stage.Expr, columns []string) (string, bool) {
	if c, isCast := e.(*stage.Cast); isCast && widening(c) {
		e = c.Arg
	}
	r, ok := e.(*stage.ColumnRef)
	if !ok || r.Index >= len(columns) {
		return "", false
	}
	return columns[r.Index], true
}

// widening reports whether c keeps every value: an integer to a wider
// number.
func widening(c *stage.Cast) bool {
	return stage.IsInteger(c.Arg.Type()) && (c.T.ID() == arrow.FLOAT64 || c.T.ID() == arrow.DECIMAL128 || c.T.ID() == arrow.INT64)
}

// literalStat is a constant as the statistics value it compares with.
func literalStat(lit *stage.Literal) (statValue, bool) {
	switch lit.T.ID() {
	case arrow.DATE32:
		return parseStat("DATE '" + lit.Text + "'")
	case arrow.TIMESTAMP:
		if lit.T.(*arrow.TimestampType).TimeZone != "" {
			return statValue{}, false // statistics keep zoneless timestamps only
		}
		return parseStat("TIMESTAMP '" + lit.Text + "'")
	case arrow.STRING:
		return statValue{kind: statString, text: lit.Text}, true
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64,
		arrow.FLOAT32, arrow.FLOAT64, arrow.DECIMAL128:
		return parseStat(lit.Text)
	}
	return statValue{}, false
}

// statKind is what a statValue holds; values of different kinds never
// compare.
type statKind uint8

const (
	statNumber statKind = iota
	statDate
	statTimestamp
	statString
)

// statValue is a statistics value compared exactly: a number, a date (as
// its text, which orders as the date), a timestamp, or a string (compared
// byte by byte, as Quiver compares strings and Parquet orders their
// statistics).
type statValue struct {
	kind statKind
	num  *big.Rat
	text string // date or string
	ts   time.Time
}

// parseStat reads a statistics literal (catalog.ColumnStats, as
// pqstats.Literal writes it) of a number, a date, a timestamp or a
// string; other types are not compared.
func parseStat(lit string) (statValue, bool) {
	if d, ok := strings.CutPrefix(lit, "DATE '"); ok {
		return statValue{kind: statDate, text: strings.TrimSuffix(d, "'")}, true
	}
	if d, ok := strings.CutPrefix(lit, "TIMESTAMP '"); ok {
		ts, err := time.Parse("2006-01-02 15:04:05.999999999", strings.TrimSuffix(d, "'"))
		return statValue{kind: statTimestamp, ts: ts}, err == nil
	}
	if len(lit) >= 2 && lit[0] == '\'' && lit[len(lit)-1] == '\'' {
		return statValue{kind: statString, text: strings.ReplaceAll(lit[1:len(lit)-1], "''", "'")}, true
	}
	r, ok := new(big.Rat).SetString(lit)
	return statValue{kind: statNumber, num: r}, ok
}

// cmp compares a and b, ok false when they are of different kinds.
func (a statValue) cmp(b statValue) (int, bool) {
	if a.kind != b.kind {
		return 0, false
	}
	switch a.kind {
	case statNumber:
		return a.num.Cmp(b.num), true
	case statTimestamp:
		return a.ts.Compare(b.ts), true
	}
	return strings.Compare(a.text, b.text), true
}

// MayPass reports whether rows with the statistics stats (a file's or a
// row group's) may hold a row that passes every bound: false only when one
// bound fails (or is NULL) for every value the statistics allow. A column
// without statistics (one added after the file was written) may pass.
func MayPass(stats []catalog.ColumnStats, rows int64, bounds []Bound) bool {
	for _, b := range bounds {
		var st *catalog.ColumnStats
		for i := range stats {
			if strings.EqualFold(stats[i].Name, b.Column) {
				st = &stats[i]
			}
		}
		if st == nil {
			continue // unknown
		}
		if b.Op == "isnull" {
			if st.NullCount == 0 {
				return false // no NULL in any row
			}
			continue
		}
		if st.NullCount == rows && rows > 0 {
			return false // NULL in every row: no comparison is true
		}
		lo, ok1 := parseStat(st.Min)
		hi, ok2 := parseStat(st.Max)
		if st.Min == "" || !ok1 || !ok2 {
			continue
		}
		var possible bool
		if b.Op == "in" {
			for _, v := range b.Values {
				possible = possible || inRange(lo, hi, "=", v)
			}
		} else {
			possible = inRange(lo, hi, b.Op, b.Value)
		}
		if !possible {
			return false
		}
	}
	return true
}

// inRange reports whether some value in lo..hi may satisfy "value op v";
// true where they do not compare.
func inRange(lo, hi statValue, op string, v statValue) bool {
	cl, ok1 := lo.cmp(v)
	ch, ok2 := hi.cmp(v)
	if !ok1 || !ok2 {
		return true
	}
	switch op {
	case "=":
		return cl <= 0 && ch >= 0
	case "<":
		return cl < 0
	case "<=":
		return cl <= 0
	case ">":
		return ch > 0
	case ">=":
		return ch >= 0
	}
	return true
}
