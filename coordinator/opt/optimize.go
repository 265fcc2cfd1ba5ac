package opt

import "github.com/quiverdb/quiver/stage"

// Rule is one rewrite of a logical plan; it reports whether it fired.
type Rule struct {
	Name  string
	Apply func(stage.Plan) (stage.Plan, bool)
}

// Rules run in this order. Each is correct on its own; the order only
// decides how much each can do (pruning after pushdown sees the filters in
// their final places).
var Rules = []Rule{
	{"PushDownPredicates", PushDownPredicates},
	{"SplitDistinctAggregates", SplitDistinctAggregates},
	{"PushSemiJoinsDown", PushSemiJoinsDown},
	{"ReorderJoins", ReorderJoins},
	// Again: the reordered joins hold their conditions whole.
	{"PushDownPredicates", PushDownPredicates},
	{"PruneColumns", PruneColumns},
}

// Optimize applies every rule to a bound plan.
func Optimize(p stage.Plan) stage.Plan {
	for _, r := range Rules {
		p, _ = r.Apply(p)
	}
	return p
}
