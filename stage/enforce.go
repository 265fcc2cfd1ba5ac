package stage

import "slices"

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
func EnforceDistribution(p Plan, opts Options) Plan {
	out, _ := opts.enforce(p)
	return out
}

// Options are the scatter step's parameters.
type Options struct {
	// Tasks is the parallelism of partitioned stages (the live workers).
	Tasks int
	// BroadcastRows is the estimated row count up to which a join's right
	// side is broadcast rather than both sides shuffled.
	BroadcastRows float64
}

// DefaultBroadcastRows is the broadcast threshold unless configured.
const DefaultBroadcastRows = 100_000

func (o Options) enforce(p Plan) (Plan, Partitioning) {
	tasks := o.Tasks
	children := p.Children()
	parts := make([]Partitioning, len(children))
	newChildren := make([]Plan, len(children))
	for i, c := range children {
		newChildren[i], parts[i] = o.enforce(c)
	}
	if j, ok := p.(*Join); ok && j.Strategy == "" {
		p = o.chooseStrategy(j, parts)
	}
	req := p.Required()
	if copartitioned(req) {
		if allSingle(parts) {
			return p.WithChildren(newChildren...), p.Delivered(parts)
		}
		newChildren, parts = o.coPartition(req, newChildren, parts)
		p = p.WithChildren(newChildren...)
		return p, p.Delivered(parts)
	}
	// An input already hashed into some number of tasks (a bucketed table)
	// fixes the parallelism: a sibling shuffled to meet it must use the same.
	// Hashed inputs of one operator must agree on the task count too.
	hashedTasks := 0
	for i := range newChildren {
		if parts[i].Kind == PartHash && parts[i].Satisfies(req[i]) && req[i].Kind == DistHash {
			tasks, hashedTasks = parts[i].Tasks, parts[i].Tasks
			break
		}
	}
	for i := range newChildren {
		misaligned := hashedTasks > 0 && parts[i].Kind == PartHash && parts[i].Tasks != hashedTasks
		if parts[i].Satisfies(req[i]) && !misaligned && !(req[i].Kind != DistSingle && mixesSingle(parts, i)) {
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

// mixesSingle reports whether input i runs in a single task while a sibling
// runs in several: its subtree would then run in each of the siblings'
// tasks and repeat its rows, so it must be spread out by an exchange.
func mixesSingle(parts []Partitioning, i int) bool {
	if parts[i].Kind != PartSingle {
		return false
	}
	for _, p := range parts {
		if p.Kind != PartSingle && p.Kind != PartBroadcast && p.Tasks > 1 {
			return true
		}
	}
	return false
}

// chooseStrategy picks how a join is distributed: shuffle when both sides
// are already hashed on their keys (colocated: nothing moves), broadcast the
// right side when it is small or when there are no keys to hash on, shuffle
// both sides otherwise. A FULL join without keys runs in one task.
func (o Options) chooseStrategy(j *Join, parts []Partitioning) *Join {
	c := *j
	hasKeys := len(j.LeftKeys) > 0
	switch {
	case j.Kind == FullJoin && !hasKeys:
		c.Strategy = Gather
	case hasKeys && parts[0].Satisfies(Distribution{Kind: DistHash, Keys: j.LeftKeys}) &&
		parts[1].Satisfies(Distribution{Kind: DistHash, Keys: j.RightKeys}) &&
		parts[0].Kind == PartHash && parts[1].Kind == PartHash && parts[0].Tasks == parts[1].Tasks &&
		len(parts[0].Keys) == len(parts[1].Keys) && alignedKeys(j, parts):
		c.Strategy = Shuffle
	case j.Kind == FullJoin:
		c.Strategy = Shuffle
	case !hasKeys || EstimateRows(j.Right) <= o.broadcastRows():
		c.Strategy = Broadcast
	default:
		c.Strategy = Shuffle
	}
	return &c
}

// alignedKeys reports whether both sides are hashed on corresponding join
// keys, in the same order, so that equal keys sit in the same task.
func alignedKeys(j *Join, parts []Partitioning) bool {
	for i, lk := range parts[0].Keys {
		pos := -1
		for k, key := range j.LeftKeys {
			if key == lk {
				pos = k
			}
		}
		if pos < 0 || parts[1].Keys[i] != j.RightKeys[pos] {
			return false
		}
	}
	return true
}

func (o Options) broadcastRows() float64 {
	if o.BroadcastRows > 0 {
		return o.BroadcastRows
	}
	return DefaultBroadcastRows
}

// exchangeFor gathers or shuffles child to meet req, leaving below the
// exchange the local half of the operator p that asked for it.
func exchangeFor(p Plan, child Plan, req Distribution, tasks int) (Plan, Partitioning) {
	switch req.Kind {
	case DistHash:
		ex := &Exchange{Input: child, Kind: Normal, Keys: req.Keys, Tasks: tasks}
		return ex, ex.Delivered(nil)
	case DistBroadcast:
		ex := &Exchange{Input: child, Kind: Expansive, Tasks: tasks}
		return ex, ex.Delivered(nil)
	case DistAny:
		// A single-task input beside partitioned siblings: spread its rows.
		ex := &Exchange{Input: child, Kind: Normal, Keys: allColumns(child.Schema().NumFields()), Tasks: tasks}
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

// copartitioned reports whether an operator hashes two or more inputs on
// corresponding keys (a shuffle join, a set operation): rows that must meet
// have equal keys, so every input must be hashed alike.
func copartitioned(req []Distribution) bool {
	if len(req) < 2 {
		return false
	}
	for _, r := range req {
		if r.Kind != DistHash || len(r.Keys) != len(req[0].Keys) {
			return false
		}
	}
	return true
}

func allSingle(parts []Partitioning) bool {
	for _, p := range parts {
		if p.Kind != PartSingle {
			return false
		}
	}
	return true
}

// coPartition makes the inputs of a co-partitioned operator hashed on the
// same positions of their key lists, in the same order, into the same
// number of tasks. Hashing on a subset of the keys is enough, but only the
// same subset on every side: an input already hashed on some of its keys
// (a bucketed table) anchors the others, which are shuffled on the
// corresponding keys; with no such input, every input is shuffled on all of
// its keys.
func (o Options) coPartition(req []Distribution, children []Plan, parts []Partitioning) ([]Plan, []Partitioning) {
	anchor, positions := -1, []int(nil)
	for i, part := range parts {
		if pos, ok := keyPositions(part, req[i].Keys); ok {
			anchor, positions = i, pos
			break
		}
	}
	tasks := o.Tasks
	if anchor >= 0 {
		tasks = parts[anchor].Tasks
	} else {
		positions = allColumns(len(req[0].Keys))
	}
	for i := range children {
		want := make([]int, len(positions))
		for k, pos := range positions {
			want[k] = req[i].Keys[pos]
		}
		if parts[i].Kind == PartHash && slices.Equal(parts[i].Keys, want) && parts[i].Tasks == tasks {
			continue
		}
		ex := &Exchange{Input: children[i], Kind: Normal, Keys: want, Tasks: tasks}
		children[i], parts[i] = ex, ex.Delivered(nil)
	}
	return children, parts
}

// keyPositions finds, for a hash partitioning on some of keys, the
// positions in keys of its hash columns, in its order.
func keyPositions(part Partitioning, keys []int) ([]int, bool) {
	if part.Kind != PartHash || len(part.Keys) == 0 {
		return nil, false
	}
	pos := make([]int, len(part.Keys))
	for i, k := range part.Keys {
		at := slices.Index(keys, k)
		if at < 0 {
			return nil, false
		}
		pos[i] = at
	}
	return pos, true
}
