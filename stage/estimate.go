package stage

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
		return EstimateRows(n.Input) * filterSelectivity
	case *Limit:
		in := EstimateRows(n.Input)
		if n.Count >= 0 && float64(n.Count) < in {
			return float64(n.Count)
		}
		return in
	case *Aggregate:
		if len(n.GroupBy) == 0 {
			return 1
		}
		return max(1, EstimateRows(n.Input)*groupSelectivity)
	case *Join:
		l, r := EstimateRows(n.Left), EstimateRows(n.Right)
		switch {
		case n.Kind == SemiJoin || n.Kind == AntiJoin || n.Kind == MarkJoin:
			return l
		case len(n.LeftKeys) == 0 && n.Cond == nil:
			return l * r
		}
		return max(l, r)
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
