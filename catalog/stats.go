package catalog

import (
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/axiomhq/hyperloglog"
)

// Statistics. Every data file carries, per column, its null count, min and
// max (ColumnStats) and a HyperLogLog sketch of its values, which the
// worker that wrote or analyzed the file computed. A snapshot's distinct
// count of a column is the estimate of the union of its files' sketches,
// merged when the snapshot is committed (ColumnSummary), so that planning
// reads one number per column and never a sketch. The sketches are kept
// apart from the table record (bolt_sketches.go): a table read by every
// query does not decode them.

// NewSketch is the distinct-value sketch of one column of one file:
// HyperLogLog with 2^14 registers (about 0.8% standard error), sparse while
// it has seen few values, so that a small file's sketch stays small.
func NewSketch() *hyperloglog.Sketch { return hyperloglog.New14() }

// ColumnSummary is a snapshot's statistics of one column that files alone
// do not give: the distinct values of all its files together.
type ColumnSummary struct {
	Name string // the column's file name (Column.FileName)
	// Distinct estimates the distinct non-null values in the snapshot.
	Distinct int64
}

// summarize merges the sketches of files (by column file name) into each
// column's distinct count. A column is left out, as unknown, when some file
// that holds it has no sketch of it (a file written before statistics, or
// whose sketch was lost); files that lack the column (written before an
// ALTER TABLE ADD COLUMN) add only NULLs and no distinct value.
func summarize(files []DataFile, sketches func(path string) map[string][]byte) []ColumnSummary {
	var m merge
	m.add(files, sketches)
	return m.summaries()
}

// merge is summarize's state part way through a snapshot's files, kept
// with the table (bolt_files.go) so that an append merges only the
// sketches of the files it adds: adding files to a merge gives what
// summarize gives for all of them in that order.
type merge struct {
	// order is the columns in the order their first sketch came.
	order   []string
	merged  map[string]*hyperloglog.Sketch
	unknown map[string]bool
}

// add merges the sketches of files, in order.
func (m *merge) add(files []DataFile, sketches func(path string) map[string][]byte) {
	if m.merged == nil {
		m.merged, m.unknown = map[string]*hyperloglog.Sketch{}, map[string]bool{}
	}
	for _, f := range files {
		sk := sketches(f.Path)
		for _, c := range f.Columns {
			if m.unknown[c.Name] {
				continue
			}
			b, ok := sk[c.Name]
			s := NewSketch()
			if !ok || s.UnmarshalBinary(b) != nil {
				m.unknown[c.Name] = true
				continue
			}
			sum := m.merged[c.Name]
			if sum == nil {
				m.merged[c.Name], m.order = s, append(m.order, c.Name)
				continue
			}
			if sum.Merge(s) != nil {
				m.unknown[c.Name] = true
			}
		}
	}
}

// summaries are the distinct counts of the columns merged so far. They
// are estimated on copies: Estimate compacts a sparse sketch, and a merge
// that goes on must hold what it would have held without the estimate.
func (m *merge) summaries() []ColumnSummary {
	var out []ColumnSummary
	for _, name := range m.order {
		if !m.unknown[name] {
			out = append(out, ColumnSummary{Name: name, Distinct: int64(m.merged[name].Clone().Estimate())})
		}
	}
	return out
}

// TableColumnStats are a column's statistics over a whole snapshot, as
// system.column_stats shows them and the planner reads them.
type TableColumnStats struct {
	Rows int64
	// Nulls is -1 when some file does not know its null count.
	Nulls int64
	// Min and Max are SQL literals, empty when some file has none (or the
	// snapshot has no file).
	Min, Max string
	// Distinct is -1 when unknown (ColumnSummary).
	Distinct int64
}

// ColumnStats merges the statistics of column c over the snapshot's files:
// a file written before c was added holds only NULLs in it.
func (s Snapshot) ColumnStats(c Column) TableColumnStats {
	out := TableColumnStats{Rows: s.Rows(), Distinct: -1}
	name := c.FileName()
	for _, sum := range s.Columns {
		if sum.Name == name {
			out.Distinct = min(sum.Distinct, out.Rows)
		}
	}
	minmax := true
	for _, f := range s.Files {
		st, found := f.Stats(name)
		switch {
		case !found:
			if out.Nulls >= 0 {
				out.Nulls += f.Rows
			}
			continue
		case st.NullCount < 0:
			out.Nulls = -1
		case out.Nulls >= 0:
			out.Nulls += st.NullCount
		}
		if st.Min == "" {
			// A file of NULLs only has no bounds and needs none.
			if st.NullCount != f.Rows {
				minmax = false
			}
			continue
		}
		if out.Min == "" || literalLess(c.Type, st.Min, out.Min) {
			out.Min = st.Min
		}
		if out.Max == "" || literalLess(c.Type, out.Max, st.Max) {
			out.Max = st.Max
		}
	}
	if !minmax {
		out.Min, out.Max = "", ""
	}
	if out.Nulls == out.Rows && out.Distinct < 0 && out.Rows > 0 {
		out.Distinct = 0
	}
	return out
}

// literalLess compares two statistics literals of type t (as the worker
// writes them: numbers plain, strings quoted, DATE '…', TIMESTAMP '…',
// TRUE / FALSE).
func literalLess(t arrow.DataType, a, b string) bool {
	switch t.ID() {
	case arrow.STRING, arrow.LARGE_STRING:
		return unquote(a) < unquote(b)
	case arrow.DATE32, arrow.DATE64, arrow.TIMESTAMP, arrow.BOOL:
		// Fixed-width text in one format: the text order is the value order
		// (FALSE < TRUE too).
		return a < b
	}
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil {
		return a < b
	}
	return x < y
}

// unquote reads a single-quoted SQL string literal ('' for ').
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}
