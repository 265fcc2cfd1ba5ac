package opt

import (
	"context"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
)

// Rule is one rewrite of a logical plan; Apply reports whether it fired.
// A rule whose pass over a plan of many joins takes long checks ctx at
// each join and stops rewriting once it is done (what it answers then is
// discarded: Optimize fails).
type Rule struct {
	Name  string
	Apply func(ctx context.Context, p logical.Plan) (logical.Plan, bool)
}

// Rules are the optimizer's rules. Optimize applies them in turn until
// none fires: each is correct on its own, and the list's order only
// decides which gets the first chance on each round.
var Rules = []Rule{
	{"DecorrelateApply", Plain(DecorrelateApply)},
	{"NullSafeKeys", Plain(NullSafeKeys)},
	{"FoldConstants", Plain(FoldConstants)},
	{"PushDownPredicates", Plain(PushDownPredicates)},
	{"SplitDistinctAggregates", Plain(SplitDistinctAggregates)},
	{"PushSemiJoinsDown", Plain(PushSemiJoinsDown)},
	{"ReduceAggregates", ReduceAggregates},
	{"ReorderJoins", ReorderJoins},
	{"PruneColumns", Plain(PruneColumns)},
}

// Plain is the Rule.Apply of a rule quick enough not to check ctx.
func Plain(rule func(logical.Plan) (logical.Plan, bool)) func(context.Context, logical.Plan) (logical.Plan, bool) {
	return func(_ context.Context, p logical.Plan) (logical.Plan, bool) { return rule(p) }
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

// Optimize applies DeriveDisjuncts once, then the rules to a bound plan
// until none fires, then NarrowInputs once, and returns the optimized plan with the rules that
// fired, in order. It checks ctx before each rule: one pass of a rule over
// a plan of thousands of joins takes a fraction of a second, the whole loop
// seconds, and a cancelled statement stops within one pass with
// ErrCancelled.
func Optimize(ctx context.Context, p logical.Plan) (logical.Plan, []Step, error) {
	var steps []Step
	if out, ok := DeriveDisjuncts(p); ok {
		p = out
		steps = append(steps, Step{Rule: "DeriveDisjuncts", Plan: p})
	}
	for round := 0; round < maxRounds; round++ {
		fired := false
		for _, r := range Rules {
			if ctx.Err() != nil {
				return nil, steps, qerr.ErrCancelled.Wrap(context.Cause(ctx), "optimizing (round %d, before %s)", round+1, r.Name)
			}
			out, ok := r.Apply(ctx, p)
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
