package opt

import (
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// SplitDistinctAggregates plans an aggregation whose aggregates are all
// DISTINCT over one and the same column as two levels:
//
//	Aggregate: group=[g] aggs=[count(x), sum(x)]      <- plain aggregates
//	  Aggregate: group=[g, x] aggs=[]                 <- the distinct values
//
// Both levels split into partial and final halves, so only deduplicated
// values cross the network, instead of every raw row being shuffled to the
// task that owns its group.
func SplitDistinctAggregates(p logical.Plan) (logical.Plan, bool) {
	return logical.TransformUp(p, func(p logical.Plan) (logical.Plan, bool) {
		agg, ok := p.(*logical.Aggregate)
		if !ok {
			return p, false
		}
		x, ok := distinctColumn(agg)
		if !ok {
			return p, false
		}
		g := len(agg.GroupBy)
		inner := &logical.Aggregate{Input: agg.Input,
			GroupBy: append(append([]stage.Expr(nil), agg.GroupBy...), x),
			Names:   append(append([]string(nil), agg.Names[:g]...), x.Name)}
		outer := &logical.Aggregate{Input: inner, Names: agg.Names, Defaults: agg.Defaults}
		for i, e := range agg.GroupBy {
			outer.GroupBy = append(outer.GroupBy, &stage.ColumnRef{Index: i, Name: agg.Names[i], T: e.Type()})
		}
		value := &stage.ColumnRef{Index: g, Name: x.Name, T: x.T}
		for _, a := range agg.Aggs {
			a.Distinct, a.Arg = false, value
			outer.Aggs = append(outer.Aggs, a)
		}
		return outer, true
	})
}

// distinctColumn returns the column that every aggregate of agg is
// DISTINCT over, if there is one and every aggregate can then run plainly.
func distinctColumn(agg *logical.Aggregate) (*stage.ColumnRef, bool) {
	var x *stage.ColumnRef
	for _, a := range agg.Aggs {
		ref, ok := a.Arg.(*stage.ColumnRef)
		if !a.Distinct || !ok {
			return nil, false
		}
		switch a.Fn {
		case stage.AggCount, stage.AggSum, stage.AggAvg, stage.AggMin, stage.AggMax:
		default:
			return nil, false
		}
		if x != nil && x.Index != ref.Index {
			return nil, false
		}
		x = ref
	}
	return x, x != nil
}
