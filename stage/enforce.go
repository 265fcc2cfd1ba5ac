package stage

// EnforceDistribution is the scatter step: it walks the plan bottom-up and,
// wherever an input does not deliver what its operator requires, inserts the
// StagePlan that makes it so. tasks is the parallelism of partitioned stages
// (the live workers).
//
//   - A requirement of Single gathers with a Convergent exchange. Below it, a
//     global Sort leaves a Local sort and a global Limit a Local limit of
//     Offset+Count, so each task sends only what can survive the gather; a
//     Limit over a Sort over such a gather pushes its Local limit below the
//     gather as well (top-N before and after).
//   - A requirement of Hash(keys) shuffles with a Normal exchange on keys.
//   - A complete Aggregate whose input is not already co-located on its group
//     keys is split into AggregatePartial, the exchange, and AggregateFinal,
//     so that only partial states cross the network.
//
// Invariants: the output satisfies every operator's requirement; a plan that
// already satisfies them is returned unchanged (the rule is idempotent); the
// order of a sorted input is preserved up to the operator that needs it.
// Before fragmenting, the result is still a valid single-node plan.
func EnforceDistribution(p Plan, tasks int) Plan {
	out, _ := enforce(p, tasks)
	return out
}

func enforce(p Plan, tasks int) (Plan, Partitioning) {
	children := p.Children()
	parts := make([]Partitioning, len(children))
	newChildren := make([]Plan, len(children))
	for i, c := range children {
		newChildren[i], parts[i] = enforce(c, tasks)
	}
	req := p.Required()
	for i := range newChildren {
		if parts[i].Satisfies(req[i]) {
			continue
		}
		if agg, ok := p.(*Aggregate); ok && agg.Mode == AggregateComplete && agg.Splittable() {
			return splitAggregate(agg, newChildren[0], parts[0], tasks)
		}
		newChildren[i], parts[i] = exchangeFor(p, newChildren[i], req[i], tasks)
	}
	if len(children) > 0 {
		p = p.WithChildren(newChildren...)
	}
	if l, ok := p.(*Limit); ok && !l.Local {
		p = pushTopN(l)
	}
	return p, p.Delivered(parts)
}

// exchangeFor gathers or shuffles child to meet req, leaving below the
// exchange the local half of the operator p that asked for it.
func exchangeFor(p Plan, child Plan, req Distribution, tasks int) (Plan, Partitioning) {
	switch req.Kind {
	case DistHash:
		ex := &Exchange{Input: child, Kind: Normal, Keys: req.Keys, Tasks: tasks}
		return ex, ex.Delivered(nil)
	}
	switch op := p.(type) {
	case *Sort:
		child = &Sort{Input: child, Keys: op.Keys, Local: true}
	case *Limit:
		if op.Count >= 0 {
			child = &Limit{Input: child, Count: op.Count + op.Offset, Local: true}
		}
	}
	ex := &Exchange{Input: child, Kind: Convergent}
	return ex, ex.Delivered(nil)
}

// splitAggregate turns Aggregate(child) into
// AggregateFinal(Exchange(AggregatePartial(child))).
func splitAggregate(agg *Aggregate, child Plan, part Partitioning, tasks int) (Plan, Partitioning) {
	partial := &Aggregate{Input: child, Mode: AggregatePartial, GroupBy: agg.GroupBy, Aggs: agg.Aggs, Names: agg.Names}
	groups := make([]Expr, len(agg.GroupBy))
	keys := make([]int, len(agg.GroupBy))
	states := partial.Schema()
	for i, g := range agg.GroupBy {
		groups[i] = &ColumnRef{Index: i, Name: agg.Names[i], T: g.Type()}
		keys[i] = i
	}
	finalAggs := make([]AggCall, len(agg.Aggs))
	pos := len(groups)
	for i, a := range agg.Aggs {
		f := states.Field(pos)
		finalAggs[i] = AggCall{Fn: a.Fn, Arg: &ColumnRef{Index: pos, Name: f.Name, T: f.Type}, T: a.T}
		if a.Fn == AggCountStar {
			finalAggs[i].Arg = nil
		}
		pos += len(PartialStates(a))
	}
	var ex *Exchange
	if len(keys) == 0 {
		ex = &Exchange{Input: partial, Kind: Convergent}
	} else {
		ex = &Exchange{Input: partial, Kind: Normal, Keys: keys, Tasks: tasks}
	}
	final := &Aggregate{Input: ex, Mode: AggregateFinal, GroupBy: groups, Aggs: finalAggs, Names: agg.Names}
	return final, final.Delivered([]Partitioning{ex.Delivered(nil)})
}

// pushTopN copies a global Limit over a Sort over a Convergent gather of a
// Local sort below the gather, so each task ships at most Offset+Count rows.
func pushTopN(l *Limit) Plan {
	s, ok := l.Input.(*Sort)
	if !ok || s.Local || l.Count < 0 {
		return l
	}
	ex, ok := s.Input.(*Exchange)
	if !ok || ex.Kind != Convergent {
		return l
	}
	local, ok := ex.Input.(*Sort)
	if !ok || !local.Local {
		return l
	}
	topN := &Limit{Input: local, Count: l.Count + l.Offset, Local: true}
	return l.WithChildren(s.WithChildren(ex.WithChildren(topN)))
}
