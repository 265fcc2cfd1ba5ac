package opt

import (
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
)

// Rule is one rewrite of a logical plan; Apply reports whether it fired.
type Rule struct {
	Name  string
	Apply func(logical.Plan) (logical.Plan, bool)
}

// Rules are the optimizer's rules. Optimize applies them in turn until
// none fires: each is correct on its own, and the list's order only
// decides which gets the first chance on each round.
var Rules = []Rule{
	{"DecorrelateApply", DecorrelateApply},
	{"FoldConstants", FoldConstants},
	{"PushDownPredicates", PushDownPredicates},
	{"SplitDistinctAggregates", SplitDistinctAggregates},
	{"PushSemiJoinsDown", PushSemiJoinsDown},
	{"ReduceAggregates", ReduceAggregates},
	{"ReorderJoins", ReorderJoins},
	{"PruneColumns", PruneColumns},
}

// Step is one rule that fired and the plan it left.
type Step struct {
	Rule string
	Plan logical.Plan
}

// maxRounds bounds the rounds of Optimize. Every rule only fires while it
// has something left to do, so the loop ends in a few rounds; reaching
// the bound means two rules undo each other, a bug.
const maxRounds = 20

// Optimize applies the rules to a bound plan until none fires, then
// NarrowInputs once, and returns the optimized plan with the rules that
// fired, in order.
func Optimize(p logical.Plan) (logical.Plan, []Step, error) {
	var steps []Step
	for round := 0; round < maxRounds; round++ {
		fired := false
		for _, r := range Rules {
			out, ok := r.Apply(p)
			if !ok {
				continue
			}
			p, fired = out, true
			steps = append(steps, Step{Rule: r.Name, Plan: p})
		}
		if !fired {
			if out, ok := NarrowInputs(p); ok {
				p = out
				steps = append(steps, Step{Rule: "NarrowInputs", Plan: p})
			}
			return p, steps, nil
		}
	}
	return nil, steps, qerr.ErrInternal.New("optimizer rules still firing after %d rounds (last: %s)", maxRounds, steps[len(steps)-1].Rule)
}
