package stage

import "slices"

// EnforceDistribution is the scatter step: it walks the plan bottom-up and,
// wherever an input does not deliver what its operator requires, inserts the
// StagePlan that makes it so; it returns the plan and the partitioning its
// root delivers, which Cut takes. tasks is the parallelism of partitioned
// stages (the live workers).
//
//   - A requirement of Single gathers with a Convergent exchange.
//   - A requirement of Hash(keys) shuffles with a Normal exchange on keys.
//   - A requirement of Broadcast copies with an Expansive exchange.
//   - Operators that hash several inputs alike (a shuffle join, a set
//     operation) get them hashed on corresponding keys into as many tasks.
//
// It chooses nothing else: join strategies, the halves of a split
// aggregation and the local halves of a sort or limit are the physical
// planner's, which builds on Enforced to know what each input will deliver.
//
// Invariants: the output satisfies every operator's requirement; a plan that
// already satisfies them is returned unchanged (the rule is idempotent); the
// order of a sorted input is preserved up to the operator that needs it.
// Before fragmenting, the result is still a valid single-node plan.
func EnforceDistribution(p Plan, tasks int) (Plan, Partitioning) {
	children := p.Children()
	parts := make([]Partitioning, len(children))
	newChildren := make([]Plan, len(children))
	for i, c := range children {
		newChildren[i], parts[i] = EnforceDistribution(c, tasks)
	}
	if ex, ok := p.(*Exchange); ok {
		c := *ex
		c.InputTasks = taskCount(parts[0])
		p = &c
	}
	return enforceNode(p, newChildren, parts, tasks)
}

// Enforced is the partitioning p delivers once EnforceDistribution has made
// its inputs, which deliver parts, meet its requirements.
func Enforced(p Plan, parts []Partitioning, tasks int) Partitioning {
	_, part := enforceNode(p, slices.Clone(p.Children()), slices.Clone(parts), tasks)
	return part
}

// enforceNode inserts the exchanges that p's inputs (children, delivering
// parts) need below p, and returns p over them with its partitioning.
func enforceNode(p Plan, children []Plan, parts []Partitioning, tasks int) (Plan, Partitioning) {
	req := p.Required()
	switch {
	case copartitioned(req):
		if !allSingle(parts) {
			children, parts = coPartition(req, children, parts, tasks)
		}
	default:
		// An input already hashed into some number of tasks (a bucketed
		// table) fixes the parallelism: a sibling shuffled to meet it must
		// use the same. Hashed inputs of one operator must agree on the
		// task count too.
		hashedTasks := 0
		for i := range children {
			if parts[i].Kind == PartHash && parts[i].Satisfies(req[i]) && req[i].Kind == DistHash {
				tasks, hashedTasks = parts[i].Tasks, parts[i].Tasks
				break
			}
		}
		for i := range children {
			misaligned := hashedTasks > 0 && parts[i].Kind == PartHash && parts[i].Tasks != hashedTasks
			if parts[i].Satisfies(req[i]) && !misaligned && !(req[i].Kind != DistSingle && mixesSingle(parts, i)) {
				continue
			}
			children[i], parts[i] = exchangeFor(children[i], parts[i], req[i], tasks)
		}
	}
	if len(children) > 0 {
		p = p.WithChildren(children...)
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

// exchangeFor gathers, shuffles or copies child (delivering part) to meet
// req.
func exchangeFor(child Plan, part Partitioning, req Distribution, tasks int) (Plan, Partitioning) {
	var ex *Exchange
	switch req.Kind {
	case DistHash:
		ex = newExchange(child, part, Normal, req.Keys, tasks)
	case DistBroadcast:
		ex = newExchange(child, part, Expansive, nil, tasks)
	case DistAny:
		// A single-task input beside partitioned siblings: spread its rows.
		ex = newExchange(child, part, Normal, allColumns(child.Schema().NumFields()), tasks)
	default:
		ex = newExchange(child, part, Convergent, nil, 0)
	}
	return ex, ex.Delivered(nil)
}

// newExchange is an exchange of input, which delivers part.
func newExchange(input Plan, part Partitioning, kind ExchangeKind, keys []int, tasks int) *Exchange {
	return &Exchange{Input: input, Kind: kind, Keys: keys, Tasks: tasks, InputTasks: taskCount(part)}
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
func coPartition(req []Distribution, children []Plan, parts []Partitioning, tasks int) ([]Plan, []Partitioning) {
	anchor, positions := -1, []int(nil)
	for i, part := range parts {
		if pos, ok := keyPositions(part, req[i].Keys); ok {
			anchor, positions = i, pos
			break
		}
	}
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
		ex := newExchange(children[i], parts[i], Normal, want, tasks)
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
