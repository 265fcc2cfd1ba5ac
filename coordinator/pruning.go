package coordinator

import (
	"math/big"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// pruneScans narrows what each scan directly under a filter reads to the
// files, and for an external Parquet table the row groups, where some row
// may pass the filter by their min / max statistics: a file or row group in
// which one conjunct "column op constant" holds for no value in the
// column's range (or whose column is NULL in every row) holds no row of
// the filter's output, so leaving it out changes no answer. tables (by
// scan ID, as bound) gets the narrowed copies, which the scheduler splits;
// the plan gets scans whose Files, Rows and Skipped say what they read. A
// scan that occurs more than once in the plan is left whole.
func pruneScans(p logical.Plan, tables map[int]*catalog.Table) logical.Plan {
	if len(tables) == 0 {
		return p
	}
	seen := map[int]int{}
	var count func(logical.Plan)
	count = func(n logical.Plan) {
		if s, ok := n.(*logical.Scan); ok {
			seen[s.ID]++
		}
		for _, c := range n.Children() {
			count(c)
		}
	}
	count(p)
	out, _ := logical.TransformUp(p, func(n logical.Plan) (logical.Plan, bool) {
		f, ok := n.(*logical.Filter)
		if !ok {
			return n, false
		}
		s, ok := f.Input.(*logical.Scan)
		if !ok || seen[s.ID] != 1 || tables[s.ID] == nil {
			return n, false
		}
		t := tables[s.ID]
		var bounds []bound
		for _, c := range logical.SplitConjuncts(f.Cond) {
			if b, ok := boundOf(c, s); ok {
				bounds = append(bounds, b)
			}
		}
		if len(bounds) == 0 {
			return n, false
		}
		kept, skipped := pruneFiles(t.Snapshot.Files, bounds)
		if skipped == (stage.Skipped{}) {
			return n, false
		}
		pruned := *t
		pruned.Snapshot.Files = kept
		tables[s.ID] = &pruned
		ns := *s
		ns.Files, ns.Rows, ns.Skipped = len(kept), 0, skipped
		for _, f := range kept {
			ns.Rows += keptRows(f)
		}
		return &logical.Filter{Input: &ns, Cond: f.Cond}, true
	})
	return out
}

// bound is a conjunct "column op constant" that statistics can refute.
type bound struct {
	column string // the column's name in the files
	op     string
	value  statValue
}

// boundOf reads a conjunct over s's output as a bound. The column may be
// under a cast only where the cast keeps every value (integers to wider
// numbers): a rounding cast could make a value outside the bound pass it.
func boundOf(e stage.Expr, s *logical.Scan) (bound, bool) {
	col, op, lit, ok := logical.Comparison(e)
	if !ok || col >= len(s.Columns) {
		return bound{}, false
	}
	call := e.(*stage.Call)
	for _, a := range call.Args {
		if c, isCast := a.(*stage.Cast); isCast && !(stage.IsInteger(c.Arg.Type()) && (c.T.ID() == arrow.FLOAT64 || c.T.ID() == arrow.DECIMAL128 || c.T.ID() == arrow.INT64)) {
			return bound{}, false
		}
	}
	var v statValue
	switch lit.T.ID() {
	case arrow.DATE32:
		v, ok = parseStat("DATE '" + lit.Text + "'")
	case arrow.TIMESTAMP:
		if lit.T.(*arrow.TimestampType).TimeZone != "" {
			return bound{}, false // statistics keep zoneless timestamps only
		}
		v, ok = parseStat("TIMESTAMP '" + lit.Text + "'")
	case arrow.STRING:
		v, ok = statValue{kind: statString, text: lit.Text}, true
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64,
		arrow.FLOAT32, arrow.FLOAT64, arrow.DECIMAL128:
		v, ok = parseStat(lit.Text)
	default:
		ok = false
	}
	return bound{column: s.Columns[col], op: op, value: v}, ok
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

// pruneFiles keeps the files, and of a file with row groups the row
// groups, that some row of may pass every bound.
func pruneFiles(files []catalog.DataFile, bounds []bound) ([]catalog.DataFile, stage.Skipped) {
	var kept []catalog.DataFile
	var skipped stage.Skipped
	for _, f := range files {
		if len(f.RowGroups) == 0 {
			if mayPass(f.Columns, f.Rows, bounds) {
				kept = append(kept, f)
			} else {
				skipped.Files++
			}
			continue
		}
		var groups []catalog.RowGroup
		for _, g := range f.RowGroups {
			if mayPass(g.Columns, g.Rows, bounds) {
				groups = append(groups, g)
			} else {
				skipped.RowGroups++
			}
		}
		if len(groups) == 0 {
			skipped.Files++
			continue
		}
		f.RowGroups = groups // Rows stays the file's: splits read what is left by row
		kept = append(kept, f)
	}
	return kept, skipped
}

// keptRows is the rows of f a scan reads: those of its row groups when it
// has them.
func keptRows(f catalog.DataFile) int64 {
	if len(f.RowGroups) == 0 {
		return f.Rows
	}
	var n int64
	for _, g := range f.RowGroups {
		n += g.Rows
	}
	return n
}

// mayPass reports whether rows with the statistics stats may hold a row
// that passes every bound: false only when one bound fails (or is NULL) for
// every value the statistics allow.
func mayPass(stats []catalog.ColumnStats, rows int64, bounds []bound) bool {
	for _, b := range bounds {
		var st *catalog.ColumnStats
		for i := range stats {
			if strings.EqualFold(stats[i].Name, b.column) {
				st = &stats[i]
			}
		}
		if st == nil {
			continue // unknown
		}
		if st.NullCount == rows && rows > 0 {
			return false // NULL in every row: no comparison is true
		}
		lo, ok1 := parseStat(st.Min)
		hi, ok2 := parseStat(st.Max)
		if st.Min == "" || !ok1 || !ok2 {
			continue
		}
		cl, ok1 := lo.cmp(b.value)
		ch, ok2 := hi.cmp(b.value)
		if !ok1 || !ok2 {
			continue
		}
		var possible bool
		switch b.op {
		case "=":
			possible = cl <= 0 && ch >= 0
		case "<":
			possible = cl < 0
		case "<=":
			possible = cl <= 0
		case ">":
			possible = ch > 0
		case ">=":
			possible = ch >= 0
		default:
			possible = true
		}
		if !possible {
			return false
		}
	}
	return true
}
