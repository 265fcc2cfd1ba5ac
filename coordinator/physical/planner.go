package physical

import (
	"math"
	"slices"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/coordinator/opt"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Cluster is what the physical planner knows of the cluster.
type Cluster struct {
	// Workers is the parallelism of partitioned stages: the live workers.
	Workers int
	// BroadcastRows is the estimated row count up to which a join's right
	// side is broadcast rather than both sides shuffled
	// (DefaultBroadcastRows if 0).
	BroadcastRows float64
	// BroadcastBytes bounds the estimated bytes (rows times row width) of a
	// right side broadcast because it is small (DefaultBroadcastBytes if
	// 0): a side of few but wide rows is shuffled.
	BroadcastBytes float64
	// NoRuntimeFilters turns RuntimeFilters off.
	NoRuntimeFilters bool
}

// DefaultBroadcastRows is the broadcast threshold in rows unless
// configured.
const DefaultBroadcastRows = 100_000

// DefaultBroadcastBytes is the broadcast threshold in estimated bytes
// unless configured: Spark's autoBroadcastJoinThreshold is 10 MB.
const DefaultBroadcastBytes = 8 << 20

// maxBroadcastBytes bounds the estimated size of a right side broadcast
// because it moves fewer bytes than a shuffle: every task holds all of it.
const maxBroadcastBytes = 256 << 20

func (c Cluster) workers() int { return max(c.Workers, 1) }

func (c Cluster) broadcastRows() float64 {
	if c.BroadcastRows > 0 {
		return c.BroadcastRows
	}
	return DefaultBroadcastRows
}

func (c Cluster) broadcastBytes() float64 {
	if c.BroadcastBytes > 0 {
		return c.BroadcastBytes
	}
	return DefaultBroadcastBytes
}

// small reports whether p is small enough to broadcast whatever the
// other side: estimated at most broadcastRows rows (each task builds a
// hash table of all of them) and broadcastBytes bytes (each task receives
// all of them).
func (c Cluster) small(p logical.Plan) bool {
	return logical.EstimateRows(p) <= c.broadcastRows() && logical.EstimateBytes(p) <= c.broadcastBytes()
}

// Plan turns an optimized logical plan into stage operators for c. It
// refuses a subquery the optimizer could not decorrelate, with the reason.
func Plan(p logical.Plan, c Cluster) (stage.Plan, error) {
	out, _, err := c.build(p)
	return out, err
}

// Cut enforces the distribution of a physical plan for c, gives its
// shuffled joins runtime filters (unless NoRuntimeFilters) and cuts it
// into fragments.
func (c Cluster) Cut(p stage.Plan) *stage.DistributedPlan {
	enforced, part := stage.EnforceDistribution(p, c.workers())
	if !c.NoRuntimeFilters {
		enforced, _ = RuntimeFilters(enforced)
	}
	return stage.Cut(enforced, part)
}

// build plans p and returns what it will deliver once enforced.
func (c Cluster) build(p logical.Plan) (stage.Plan, stage.Partitioning, error) {
	if a, ok := p.(*logical.Apply); ok {
		_, err := opt.Decorrelate(a)
		if err == nil {
			err = qerr.ErrInternal.New("a correlated subquery the optimizer did not decorrelate")
		}
		return nil, stage.Partitioning{}, err
	}
	children := p.Children()
	kids := make([]stage.Plan, len(children))
	parts := make([]stage.Partitioning, len(children))
	for i, child := range children {
		var err error
		if kids[i], parts[i], err = c.build(child); err != nil {
			return nil, stage.Partitioning{}, err
		}
	}
	var out stage.Plan
	switch n := p.(type) {
	case *logical.Scan:
		tasks := c.workers()
		if n.Buckets > 0 {
			tasks = n.Buckets // task i reads bucket i
		}
		out = &stage.Scan{ID: n.ID, Database: n.Database, Table: n.Table, Columns: n.Columns, Types: n.Types,
			Files: n.Files, Rows: n.Rows, Tasks: tasks, Buckets: n.Buckets, BucketKeys: n.BucketKeys, NDV: n.NDV, MaxAbs: maxAbs(n.Ranges), External: n.External, Skipped: n.Skipped}
	case *logical.Values:
		out = &stage.Values{Rows: n.Rows, Names: n.Names, Types: n.Types}
	case *logical.Filter:
		out = &stage.Filter{Input: kids[0], Cond: n.Cond}
	case *logical.Project:
		out = &stage.Project{Input: kids[0], Exprs: n.Exprs, Names: n.Names}
	case *logical.Window:
		out = &stage.Window{Input: kids[0], PartitionBy: n.PartitionBy, OrderBy: n.OrderBy, Funcs: n.Funcs, Names: n.Names}
	case *logical.Expand:
		out = &stage.Expand{Input: kids[0], Keys: n.Keys, Sets: n.Sets}
	case *logical.SetOp:
		out = &stage.SetOp{Inputs: kids, Kind: n.Kind}
	case *logical.Join:
		j := &stage.Join{Left: kids[0], Right: kids[1], Kind: n.Kind, LeftKeys: n.LeftKeys, RightKeys: n.RightKeys, Cond: n.Cond,
			MarkIn: n.MarkIn, RightMark: n.RightMark, MarkName: n.MarkName, Strategy: c.strategy(n, parts),
			LeftRows: logical.EstimateRows(n.Left), RightRows: logical.EstimateRows(n.Right)}
		if !parts[1].Satisfies(j.Required()[1]) {
			if keys, rows, ok := c.distinctKeys(n, kids[1]); ok {
				j.Right, parts[1], j.RightKeys, j.RightRows = keys, keys.Delivered(parts[1:2]), ordinals(len(n.RightKeys)), rows
				// Few distinct keys are broadcast rather than the left
				// side shuffled to meet them.
				bytes := logical.EstimateBytes(n.Right) * rows / max(logical.EstimateRows(n.Right), 1)
				if j.Strategy == stage.Shuffle && !parts[0].Satisfies(j.Required()[0]) && rows <= c.broadcastRows() && bytes <= c.broadcastBytes() {
					j.Strategy = stage.Broadcast
				}
			}
		}
		out = j
	case *logical.Aggregate:
		if inner, ok := kids[0].(*stage.Aggregate); ok {
			if shared, part, ok := c.shareShuffle(n, inner); ok {
				kids[0], parts[0] = shared, part
			}
		}
		agg := &stage.Aggregate{Input: kids[0], Mode: stage.AggregateComplete, GroupBy: n.GroupBy, Aggs: n.Aggs, Names: n.Names, Defaults: n.Defaults}
		out = agg
		if !parts[0].Satisfies(agg.Required()[0]) && agg.Splittable() && (agg.Required()[0].Kind != stage.DistHash || partialReduces(n)) {
			// Only partial states cross the network.
			var partial *stage.Aggregate
			out, partial = splitAggregate(agg)
			parts[0] = partial.Delivered(parts)
		}
	case *logical.Sort:
		in := kids[0]
		if parts[0].Kind != stage.PartSingle {
			// Each task sorts its rows; the gather above merely merges.
			in = &stage.Sort{Input: in, Keys: n.Keys, Local: true}
		}
		out = &stage.Sort{Input: in, Keys: n.Keys}
	case *logical.Limit:
		in := kids[0]
		switch {
		case n.Count < 0:
		case parts[0].Kind != stage.PartSingle:
			// Each task sends at most what can survive the gather.
			in = &stage.Limit{Input: in, Count: n.Count + n.Offset, Local: true}
		default:
			in = topN(in, n.Count+n.Offset)
		}
		out = &stage.Limit{Input: in, Offset: n.Offset, Count: n.Count}
	default:
		return nil, stage.Partitioning{}, qerr.ErrInternal.New("no physical plan for %T", p)
	}
	return out, stage.Enforced(out, parts, c.workers()), nil
}

// distinctReduces is how many times fewer rows the distinct keys of a
// semi or anti join's right side must be than the side itself, for
// distinctKeys to deduplicate them before they move.
const distinctReduces = 2

// distinctKeys deduplicates the keys of the right side of a semi or anti
// join in each task before the exchange that moves them: the join only
// asks whether a key is there, so each task sends every key once.
// c_custkey NOT EXISTS in orders (TPC-H Q22) moves the 100,000 distinct
// o_custkey of each task instead of its 750,000 orders. It applies to a
// join with no condition beyond its keys, where the keys' distinct values
// (statistics, logical.ColumnNDV), times the tasks that each may hold all
// of them, are distinctReduces times fewer than the side's rows; keys
// that few are broadcast rather than the left side shuffled. It
// returns the deduplicating plan over right, the side already built,
// whose columns are the keys, and its estimated rows.
func (c Cluster) distinctKeys(j *logical.Join, right stage.Plan) (*stage.Aggregate, float64, bool) {
	if j.Kind != stage.SemiJoin && j.Kind != stage.AntiJoin || j.Cond != nil || len(j.RightKeys) == 0 {
		return nil, 0, false
	}
	rows := logical.EstimateRows(j.Right)
	distinct := 1.0
	for _, k := range j.RightKeys {
		ndv := logical.ColumnNDV(j.Right, k)
		if ndv <= 0 {
			return nil, 0, false
		}
		distinct *= ndv
	}
	sent := min(distinct*float64(c.workers()), rows)
	if sent*distinctReduces > rows {
		return nil, 0, false
	}
	schema := right.Schema()
	agg := &stage.Aggregate{Input: right, Mode: stage.AggregatePartial}
	for _, k := range j.RightKeys {
		f := schema.Field(k)
		agg.GroupBy = append(agg.GroupBy, &stage.ColumnRef{Index: k, Name: f.Name, T: f.Type})
		agg.Names = append(agg.Names, f.Name)
	}
	return agg, sent, true
}

// ordinals is 0, 1, ..., n-1.
func ordinals(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// topN puts a local limit of count rows below the gather of a sort whose
// tasks sort their rows locally, so that each task ships at most count.
func topN(in stage.Plan, count int64) stage.Plan {
	s, ok := in.(*stage.Sort)
	if !ok || s.Local {
		return in
	}
	local, ok := s.Input.(*stage.Sort)
	if !ok || !local.Local {
		return in
	}
	return s.WithChildren(&stage.Limit{Input: local, Count: count, Local: true})
}

// strategy picks how a join is distributed, given what its inputs
// deliver: shuffle when both sides are already hashed on their keys
// (colocated: nothing moves), broadcast the right side when it is small
// (in rows and in bytes) or
// when there are no keys to hash on, shuffle both sides otherwise. A FULL
// join without keys runs in one task.
func (c Cluster) strategy(j *logical.Join, parts []stage.Partitioning) stage.JoinStrategy {
	hasKeys := len(j.LeftKeys) > 0
	switch {
	case j.Kind == stage.FullJoin && !hasKeys:
		return stage.Gather
	case hasKeys && parts[0].Satisfies(stage.Distribution{Kind: stage.DistHash, Keys: j.LeftKeys}) &&
		parts[1].Satisfies(stage.Distribution{Kind: stage.DistHash, Keys: j.RightKeys}) &&
		parts[0].Kind == stage.PartHash && parts[1].Kind == stage.PartHash && parts[0].Tasks == parts[1].Tasks &&
		len(parts[0].Keys) == len(parts[1].Keys) && alignedKeys(j, parts):
		return stage.Shuffle
	case j.Kind == stage.FullJoin:
		return stage.Shuffle
	case !hasKeys || c.small(j.Right) || c.broadcastMovesLess(j, parts):
		return stage.Broadcast
	}
	return stage.Shuffle
}

// broadcastMovesLess reports whether broadcasting the right side of j
// moves fewer estimated bytes than shuffling what of both sides is not
// hashed on the keys already, for a right side small enough for every
// task to hold: a filtered orders joined to lineitem is broadcast rather
// than lineitem shuffled whole. A shuffle keeps 1/workers of the rows
// where they are; a broadcast sends the right side to every other task.
// LEFT joins qualify too (each task NULL-extends its own left rows); the
// others' strategies are decided above.
func (c Cluster) broadcastMovesLess(j *logical.Join, parts []stage.Partitioning) bool {
	if j.Kind != stage.InnerJoin && j.Kind != stage.LeftJoin && j.Kind != stage.SemiJoin && j.Kind != stage.AntiJoin {
		return false
	}
	w := float64(c.workers())
	right := logical.EstimateBytes(j.Right)
	if right > maxBroadcastBytes {
		return false
	}
	var shuffled float64
	if !parts[0].Satisfies(stage.Distribution{Kind: stage.DistHash, Keys: j.LeftKeys}) {
		shuffled += logical.EstimateBytes(j.Left)
	}
	if !parts[1].Satisfies(stage.Distribution{Kind: stage.DistHash, Keys: j.RightKeys}) {
		shuffled += right
	}
	return right*(w-1) < shuffled*(w-1)/w
}

// alignedKeys reports whether both sides are hashed on corresponding join
// keys, in the same order, so that equal keys sit in the same task.
func alignedKeys(j *logical.Join, parts []stage.Partitioning) bool {
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

// distinctGroups is how many times the input's estimated rows the group
// keys' distinct values must multiply to for partialReduces to call the
// groups unique.
const distinctGroups = 2

// partialReduces reports whether a partial aggregate is expected to send
// fewer rows through the shuffle than its input has. Where the group keys
// are estimated to be unique in the input, it does not: every row is its
// own group, the partial aggregate only costs a hash table, and the input
// is better shuffled on the keys and aggregated once (Spark and Databend
// skip such a partial aggregate at run time; Quiver decides when it plans).
// The keys' distinct values come from the statistics (logical.ColumnNDV),
// each bounded by the input's estimated rows, so a single key never makes
// the groups unique: the bound of a foreign key such as l_orderkey is
// lineitem's row count although four rows share each value. Two or more
// keys whose bounds multiply to distinctGroups times the rows are taken
// as unique (the inner aggregate of count(DISTINCT ps_suppkey) grouped by
// the part's attributes, TPC-H Q16; sum(l_quantity) per part and
// supplier, Q20). Unknown keys count as one value.
func partialReduces(n *logical.Aggregate) bool {
	rows := logical.EstimateRows(n.Input)
	groups := 1.0
	known := 0
	for _, g := range n.GroupBy {
		col, ok := g.(*stage.ColumnRef)
		if !ok {
			continue
		}
		if ndv := logical.ColumnNDV(n.Input, col.Index); ndv > 0 {
			groups *= min(ndv, rows)
			known++
		}
	}
	return known < 2 || groups < distinctGroups*rows
}

// hashSpread is how many times the workers the distinct values of the keys
// that shareShuffle hashes on must be, so that the shuffle does not put
// most rows into a few tasks.
const hashSpread = 4

// shareShuffle lets one shuffle serve an aggregation n and the aggregation
// below it, inner, which groups by more keys (count(DISTINCT x) GROUP BY g
// over the distinct (g, x) pairs, TPC-H Q16): inner's input is hashed on
// the keys that n groups by, which keeps equal (g, x) together and leaves
// inner's output hashed on g, where n needs it; otherwise inner's input is
// shuffled on (g, x) and its output again on g. It applies where inner's
// input is shuffled anyway and the keys' distinct-value bounds spread the
// rows over hashSpread times the workers. It returns inner asking for the
// narrower hash and what it then delivers.
func (c Cluster) shareShuffle(n *logical.Aggregate, inner *stage.Aggregate) (stage.Plan, stage.Partitioning, bool) {
	if inner.Mode == stage.AggregatePartial || len(inner.HashOn) > 0 || inner.Required()[0].Kind != stage.DistHash {
		return nil, stage.Partitioning{}, false
	}
	var on []int
	spread, rows := 1.0, logical.EstimateRows(n.Input)
	for _, g := range n.GroupBy {
		col, ok := g.(*stage.ColumnRef)
		if !ok || col.Index >= len(inner.GroupBy) {
			return nil, stage.Partitioning{}, false
		}
		if !slices.Contains(on, col.Index) {
			on = append(on, col.Index)
		}
		if ndv := logical.ColumnNDV(n.Input, col.Index); ndv > 0 {
			spread *= min(ndv, rows)
		}
	}
	if len(on) == 0 || len(on) == len(inner.GroupBy) || spread < hashSpread*float64(c.workers()) {
		return nil, stage.Partitioning{}, false
	}
	if enforced, _ := stage.EnforceDistribution(inner, c.workers()); !isExchange(enforced.Children()[0]) {
		return nil, stage.Partitioning{}, false // inner's input is hashed already: no shuffle to share
	}
	shared := *inner
	shared.HashOn = on
	_, part := stage.EnforceDistribution(&shared, c.workers())
	return &shared, part, true
}

func isExchange(p stage.Plan) bool {
	_, ok := p.(*stage.Exchange)
	return ok
}

// splitAggregate turns a complete aggregation into AggregateFinal over
// AggregatePartial; the final half groups by the partial one's leading
// columns, so that it requires its input hashed on them.
func splitAggregate(agg *stage.Aggregate) (final, partial *stage.Aggregate) {
	partial = &stage.Aggregate{Input: agg.Input, Mode: stage.AggregatePartial, GroupBy: agg.GroupBy, Aggs: agg.Aggs, Names: agg.Names,
		Defaults: agg.Defaults}
	groups := make([]stage.Expr, len(agg.GroupBy))
	states := partial.Schema()
	for i, g := range agg.GroupBy {
		groups[i] = &stage.ColumnRef{Index: i, Name: agg.Names[i], T: g.Type()}
	}
	finalAggs := make([]stage.AggCall, len(agg.Aggs))
	pos := len(groups)
	for i, a := range agg.Aggs {
		f := states.Field(pos)
		finalAggs[i] = stage.AggCall{Fn: a.Fn, Arg: &stage.ColumnRef{Index: pos, Name: f.Name, T: f.Type}, T: a.T}
		if a.Fn == stage.AggCountStar {
			finalAggs[i].Arg = nil
		}
		pos += len(stage.PartialStates(a))
	}
	final = &stage.Aggregate{Input: partial, Mode: stage.AggregateFinal, GroupBy: groups, Aggs: finalAggs, Names: agg.Names}
	return final, partial
}

// maxAbs bounds each column's absolute values by its statistics' range:
// stage.Scan.MaxAbs, negative where the range is unknown.
func maxAbs(ranges []logical.Range) []float64 {
	var out []float64
	known := false
	for _, r := range ranges {
		m := -1.0
		if r.Known {
			m, known = max(math.Abs(r.Lo), math.Abs(r.Hi)), true
		}
		out = append(out, m)
	}
	if !known {
		return nil
	}
	return out
}
