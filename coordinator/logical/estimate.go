package logical

import (
	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// EstimateBytes is a coarse estimate of the Arrow bytes of p's output: its
// estimated rows times an estimated row width.
func EstimateBytes(p Plan) float64 {
	return EstimateRows(p) * rowWidth(p.Schema())
}

// rowWidth is the estimated bytes of one row of s: fixed-width types
// their width, variable-width ones an average (a planner without column
// statistics of lengths assumes a short string).
func rowWidth(s *arrow.Schema) float64 {
	var w float64
	for _, f := range s.Fields() {
		switch t := f.Type.(type) {
		case arrow.FixedWidthDataType:
			w += float64(max(t.BitWidth()/8, 1))
		default:
			w += averageVarWidth
		}
	}
	return max(w, 1)
}

// averageVarWidth is the bytes assumed of a string value with its offset.
const averageVarWidth = 24

// EstimateRows is a coarse estimate of how many rows p produces, from the
// row counts of the snapshots it scans: enough to tell a dimension table from
// a fact table when choosing between broadcast and shuffle.
func EstimateRows(p Plan) float64 {
	switch n := p.(type) {
	case *Scan:
		return float64(n.Rows)
	case *Values:
		return float64(len(n.Rows))
	case *Filter:
		return EstimateRows(n.Input) * selectivity(n)
	case *Limit:
		in := EstimateRows(n.Input)
		if n.Count >= 0 && float64(n.Count) < in {
			return float64(n.Count)
		}
		return in
	case *Expand:
		return EstimateRows(n.Input) * float64(len(n.Sets))
	case *Aggregate:
		if len(n.GroupBy) == 0 {
			return 1
		}
		return max(1, EstimateRows(n.Input)*groupSelectivity)
	case *Join:
		l, r := EstimateRows(n.Left), EstimateRows(n.Right)
		switch n.Kind {
		case stage.SemiJoin:
			return l * filterSelectivity // a semi join filters
		case stage.AntiJoin, stage.MarkJoin:
			return l
		}
		pairs := JoinPairs(n)
		if len(pairs) == 0 {
			if n.Cond == nil {
				return l * r
			}
			return max(l, r)
		}
		// |L join R| = |L| |R| / max(ndv(l.k), ndv(r.k)) for the most
		// selective key; where a key's distinct count is unknown, assume
		// it is unique on the smaller side (a foreign-key join).
		out := l * r
		best := 1.0
		for _, p := range pairs {
			ndv := max(ColumnNDV(n.Left, p[0]), ColumnNDV(n.Right, p[1]))
			if ndv <= 0 {
				ndv = min(l, r)
			}
			best = max(best, ndv)
		}
		out /= best
		if n.Kind == stage.LeftJoin || n.Kind == stage.FullJoin {
			out = max(out, l)
		}
		return max(out, 1)
	case *SetOp:
		var sum float64
		for _, in := range n.Inputs {
			sum += EstimateRows(in)
		}
		return sum
	}
	var most float64
	for _, c := range p.Children() {
		most = max(most, EstimateRows(c))
	}
	return most
}

// The selectivities a planner without histograms assumes.
const (
	filterSelectivity = 0.25
	groupSelectivity  = 0.1
)

// JoinPairs are the (left column, right column) equalities of a join: its
// keys, and the equalities between plain columns of each side in its
// condition (before the optimizer has made them keys).
func JoinPairs(j *Join) [][2]int {
	var pairs [][2]int
	for i := range j.LeftKeys {
		pairs = append(pairs, [2]int{j.LeftKeys[i], j.RightKeys[i]})
	}
	nLeft := Width(j.Left)
	var walk func(e stage.Expr)
	walk = func(e stage.Expr) {
		c, ok := e.(*stage.Call)
		if !ok {
			return
		}
		if c.Fn == "and" {
			walk(c.Args[0])
			walk(c.Args[1])
			return
		}
		if c.Fn != "=" {
			return
		}
		a, ok1 := c.Args[0].(*stage.ColumnRef)
		b, ok2 := c.Args[1].(*stage.ColumnRef)
		if !ok1 || !ok2 {
			return
		}
		if a.Index > b.Index {
			a, b = b, a
		}
		if a.Index < nLeft && b.Index >= nLeft {
			pairs = append(pairs, [2]int{a.Index, b.Index - nLeft})
		}
	}
	if j.Cond != nil {
		walk(j.Cond)
	}
	return pairs
}

// ColumnNDV estimates the distinct values of column i of p's output, from
// the scan it comes from; 0 when unknown.
func ColumnNDV(p Plan, i int) float64 {
	switch n := p.(type) {
	case *Scan:
		if i < len(n.NDV) {
			return n.NDV[i]
		}
		return 0
	case *Filter, *Sort, *Limit:
		ndv := ColumnNDV(p.Children()[0], i)
		return min(ndv, EstimateRows(p))
	case *Project:
		if c, ok := n.Exprs[i].(*stage.ColumnRef); ok {
			return ColumnNDV(n.Input, c.Index)
		}
	case *Aggregate:
		if i < len(n.GroupBy) {
			if c, ok := n.GroupBy[i].(*stage.ColumnRef); ok {
				return ColumnNDV(n.Input, c.Index)
			}
		}
	case *Join:
		nLeft := Width(n.Left)
		if i < nLeft {
			return ColumnNDV(n.Left, i)
		}
		if n.Kind == stage.InnerJoin || n.Kind == stage.LeftJoin || n.Kind == stage.FullJoin {
			return ColumnNDV(n.Right, i-nLeft)
		}
	case *Window:
		if i < Width(n.Input) {
			return ColumnNDV(n.Input, i)
		}
	case *Expand:
		nIn := Width(n.Input)
		switch {
		case i < nIn:
			return ColumnNDV(n.Input, i)
		case i < nIn+len(n.Keys):
			return ColumnNDV(n.Input, n.Keys[i-nIn]) + 1 // and NULL
		}
		return float64(len(n.Sets))
	}
	return 0
}
