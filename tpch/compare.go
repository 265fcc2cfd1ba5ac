package tpch

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// FloatTolerance is the relative difference below which two floating-point
// answers are equal (sums of doubles depend on the order of addition).
const FloatTolerance = 1e-6

// Cell is one normalised answer value. Integers and decimals keep their
// exact value as canonical text (5, 5.0 and 5.00 of any type are "5") and a
// float64 for comparisons with floats; scale is the decimal's scale, which
// bounds the rounding a decimal answer may carry against a float one.
type Cell struct {
	Null  bool
	Float bool    // a floating-point value
	Num   bool    // an integer or decimal
	F     float64 // the value of Float and Num cells
	Scale int32   // Num: digits after the point of its type
	Text  string  // canonical text of everything but floats
}

func (c Cell) String() string {
	switch {
	case c.Null:
		return "NULL"
	case c.Float:
		return strconv.FormatFloat(c.F, 'g', -1, 64)
	default:
		return c.Text
	}
}

// Result is a normalised query answer: its column names and rows.
type Result struct {
	Columns []string
	Rows    [][]Cell
}

// NewResult returns an empty result with the schema's column names.
func NewResult(s *arrow.Schema) *Result {
	r := &Result{}
	for _, f := range s.Fields() {
		r.Columns = append(r.Columns, f.Name)
	}
	return r
}

// Append adds a batch's rows (the batch stays the caller's).
func (r *Result) Append(rec arrow.RecordBatch) {
	n := int(rec.NumRows())
	base := len(r.Rows)
	for i := 0; i < n; i++ {
		r.Rows = append(r.Rows, make([]Cell, rec.NumCols()))
	}
	for c := 0; c < int(rec.NumCols()); c++ {
		col := rec.Column(c)
		for i := 0; i < n; i++ {
			r.Rows[base+i][c] = normalise(col, i)
		}
	}
}

func intCell(v int64) Cell { return Cell{Num: true, F: float64(v), Text: strconv.FormatInt(v, 10)} }

func decimalCell(unscaled *big.Int, scale int32) Cell {
	f, _ := new(big.Float).SetInt(unscaled).Float64()
	return Cell{Num: true, F: f / math.Pow10(int(scale)), Scale: scale, Text: decimalText(unscaled, scale)}
}

func normalise(col arrow.Array, i int) Cell {
	if col.IsNull(i) {
		return Cell{Null: true}
	}
	switch a := col.(type) {
	case *array.Int8:
		return intCell(int64(a.Value(i)))
	case *array.Int16:
		return intCell(int64(a.Value(i)))
	case *array.Int32:
		return intCell(int64(a.Value(i)))
	case *array.Int64:
		return intCell(a.Value(i))
	case *array.Uint8:
		return intCell(int64(a.Value(i)))
	case *array.Uint16:
		return intCell(int64(a.Value(i)))
	case *array.Uint32:
		return intCell(int64(a.Value(i)))
	case *array.Uint64:
		return decimalCell(new(big.Int).SetUint64(a.Value(i)), 0)
	case *array.Decimal128:
		return decimalCell(a.Value(i).BigInt(), a.DataType().(*arrow.Decimal128Type).Scale)
	case *array.Decimal256:
		return decimalCell(a.Value(i).BigInt(), a.DataType().(*arrow.Decimal256Type).Scale)
	case *array.Float32:
		return Cell{Float: true, F: float64(a.Value(i))}
	case *array.Float64:
		return Cell{Float: true, F: a.Value(i)}
	case *array.String:
		return Cell{Text: "'" + a.Value(i) + "'"}
	case *array.LargeString:
		return Cell{Text: "'" + a.Value(i) + "'"}
	case *array.StringView:
		return Cell{Text: "'" + a.Value(i) + "'"}
	case *array.Date32:
		return Cell{Text: "date " + a.Value(i).ToTime().UTC().Format("2006-01-02")}
	case *array.Date64:
		return Cell{Text: "date " + a.Value(i).ToTime().UTC().Format("2006-01-02")}
	case *array.Boolean:
		return Cell{Text: strconv.FormatBool(a.Value(i))}
	}
	return Cell{Text: col.DataType().Name() + ":" + col.ValueStr(i)}
}

// decimalText renders unscaled * 10^-scale without trailing fraction zeros.
func decimalText(unscaled *big.Int, scale int32) string {
	if scale <= 0 {
		return new(big.Int).Mul(unscaled, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-scale)), nil)).String()
	}
	neg := unscaled.Sign() < 0
	digits := new(big.Int).Abs(unscaled).String()
	for len(digits) <= int(scale) {
		digits = "0" + digits
	}
	s := digits[:len(digits)-int(scale)]
	if frac := strings.TrimRight(digits[len(digits)-int(scale):], "0"); frac != "" {
		s += "." + frac
	}
	if neg {
		s = "-" + s
	}
	return s
}

// floatsClose is true for values within FloatTolerance of each other
// (relative), or both within 1e-12 of zero.
func floatsClose(a, b float64) bool {
	if a == b {
		return true
	}
	if math.IsNaN(a) || math.IsNaN(b) {
		return false
	}
	d := math.Abs(a - b)
	return d <= 1e-12 || d <= FloatTolerance*math.Max(math.Abs(a), math.Abs(b))
}

// CellsEqual compares two cells: exact numbers exactly (whatever their
// scale), a float with a float or with an exact number within
// FloatTolerance, where a decimal may also differ from a float by one unit
// of its last digit (MySQL's decimal AVG and division against a DOUBLE: half
// a unit for one rounded quotient, up to a unit for a sum of a few of them,
// as TPC-DS Q66's sum(sales / sq_ft)); everything else by canonical text.
func CellsEqual(a, b Cell) bool {
	switch {
	case a.Null || b.Null:
		return a.Null == b.Null
	case a.Num && b.Num:
		return a.Text == b.Text
	case a.Float || b.Float:
		if !(a.Float || a.Num) || !(b.Float || b.Num) {
			return false
		}
		if floatsClose(a.F, b.F) {
			return true
		}
		dec := a
		if !dec.Num {
			dec = b
		}
		return dec.Num && math.Abs(a.F-b.F) <= math.Pow10(-int(dec.Scale))*(1+1e-9)
	}
	return a.Text == b.Text
}

func rowsEqual(a, b []Cell) bool {
	if a == nil || b == nil || len(a) != len(b) {
		return false
	}
	for i := range a {
		if !CellsEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// sortKey orders rows by their exact cells first and their numbers (to 6
// significant digits) last, so that float noise cannot reorder rows that
// differ elsewhere. Numbers are keyed by value, so that a decimal and a
// float answer sort alike.
func sortKey(r []Cell) string {
	var exact, approx strings.Builder
	for _, c := range r {
		switch {
		case c.Null:
			exact.WriteString("\x00N")
		case c.Float || c.Num:
			approx.WriteString(strconv.FormatFloat(c.F, 'e', 5, 64))
			approx.WriteByte('\x01')
			exact.WriteString("\x00F")
		default:
			exact.WriteString("\x00" + c.Text)
		}
		exact.WriteByte('\x01')
	}
	return exact.String() + "\x02" + approx.String()
}

func sortRows(rows [][]Cell) [][]Cell {
	ks := make([]string, len(rows))
	idx := make([]int, len(rows))
	for i, r := range rows {
		ks[i], idx[i] = sortKey(r), i
	}
	sort.SliceStable(idx, func(i, j int) bool { return ks[idx[i]] < ks[idx[j]] })
	out := make([][]Cell, len(rows))
	for i, k := range idx {
		out[i] = rows[k]
	}
	return out
}

// keysEqual reports whether two rows agree on the columns keys.
func keysEqual(a, b []Cell, keys []int) bool {
	for _, k := range keys {
		if k >= len(a) || k >= len(b) || !CellsEqual(a[k], b[k]) {
			return false
		}
	}
	return true
}

// Diff returns "" when got equals want, else a readable account of the
// first differences. Without orderKeys the row order is ignored; with them
// rows must come in the same order, except that runs of rows tied on the
// keys (in want) compare as sets.
func Diff(got, want *Result, orderKeys []int) string {
	return DiffTop(got, want, orderKeys, 0)
}

// DiffTop is Diff for an answer cut by LIMIT limit (0: none): when want
// holds limit rows, the rows of the last run tied on orderKeys are compared
// on the keys only, since either side may keep any of the tied rows that
// the cut splits.
func DiffTop(got, want *Result, orderKeys []int, limit int) string {
	if len(got.Columns) != len(want.Columns) {
		return fmt.Sprintf("got %d columns %v, want %d columns %v", len(got.Columns), got.Columns, len(want.Columns), want.Columns)
	}
	g, w := got.Rows, want.Rows
	cut := len(w) + len(g) // rows from here on compare on the keys only
	var b strings.Builder
	if len(g) != len(w) {
		fmt.Fprintf(&b, "got %d rows, want %d\n", len(g), len(w))
	}
	if len(orderKeys) == 0 {
		g, w = sortRows(g), sortRows(w)
	} else {
		// Sort each run of ties the same way on both sides.
		g, w = append([][]Cell(nil), g...), append([][]Cell(nil), w...)
		for start := 0; start < len(w); {
			if limit > 0 && len(w) == limit {
				cut = start // the last run's start, once the loop ends
			}
			end := start + 1
			for end < len(w) && keysEqual(w[start], w[end], orderKeys) {
				end++
			}
			copy(w[start:end], sortRows(w[start:end]))
			if end <= len(g) {
				copy(g[start:end], sortRows(g[start:end]))
			}
			start = end
		}
	}
	shown := 0
	for i := 0; i < max(len(g), len(w)) && shown < 8; i++ {
		var gr, wr []Cell
		if i < len(g) {
			gr = g[i]
		}
		if i < len(w) {
			wr = w[i]
		}
		if rowsEqual(gr, wr) || (i >= cut && gr != nil && wr != nil && keysEqual(gr, wr, orderKeys)) {
			continue
		}
		shown++
		fmt.Fprintf(&b, "row %d:\n   got  %s\n   want %s\n", i, rowText(gr), rowText(wr))
	}
	return b.String()
}

func rowText(r []Cell) string {
	if r == nil {
		return "<missing>"
	}
	parts := make([]string, len(r))
	for i, c := range r {
		parts[i] = c.String()
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
