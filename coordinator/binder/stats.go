package binder

import (
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// columnEstimates are what the planner knows of each column of t's
// snapshot (catalog.Snapshot.ColumnStats): its distinct values, from the
// files' sketches merged at commit, and for numbers and dates its range.
// Without sketches (files written before statistics, until ANALYZE TABLE),
// an integer or date column's distinct values are bounded by its range
// (and by the row count): what tells a key from a low-cardinality attribute
// when ordering joins. 0 and an unknown Range where nothing is known.
func columnEstimates(t *catalog.Table) ([]float64, []logical.Range) {
	ndv := make([]float64, len(t.Columns))
	ranges := make([]logical.Range, len(t.Columns))
	if len(t.Snapshot.Files) == 0 {
		return ndv, ranges
	}
	for i, c := range t.Columns {
		st := t.Snapshot.ColumnStats(c)
		lo, okLo := statNumber(c.Type, st.Min)
		hi, okHi := statNumber(c.Type, st.Max)
		if okLo && okHi {
			ranges[i] = logical.Range{Lo: lo, Hi: hi, Known: true}
		}
		switch {
		case st.Distinct >= 0:
			ndv[i] = float64(max(st.Distinct, 1))
		case ranges[i].Known && (stage.IsInteger(c.Type) || c.Type.ID() == arrow.DATE32):
			ndv[i] = max(1, min(hi-lo+1, float64(st.Rows)))
		}
	}
	return ndv, ranges
}

// statNumber reads a statistics literal of a number or a date (as days).
func statNumber(t arrow.DataType, lit string) (float64, bool) {
	if lit == "" {
		return 0, false
	}
	if t.ID() == arrow.DATE32 {
		d, ok := strings.CutPrefix(lit, "DATE '")
		if !ok {
			return 0, false
		}
		day, err := time.Parse("2006-01-02", strings.TrimSuffix(d, "'"))
		if err != nil {
			return 0, false
		}
		return float64(day.Unix() / 86400), true
	}
	if !stage.IsInteger(t) && t.ID() != arrow.FLOAT32 && t.ID() != arrow.FLOAT64 && t.ID() != arrow.DECIMAL128 {
		return 0, false
	}
	v, err := strconv.ParseFloat(lit, 64)
	return v, err == nil
}
