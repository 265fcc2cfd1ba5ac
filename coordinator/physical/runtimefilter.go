package physical

import (
	"slices"

	"github.com/quiverdb/quiver/stage"
)

// RuntimeFilters gives runtime filters to the shuffled joins of a plan
// that EnforceDistribution prepared (Doris' runtime filters, Spark's
// dynamic pruning): where an inner or semi join shuffles both sides and
// its build (right) side is reduced by a filter, a join or a limit, the
// build side's exchange also summarizes the join keys of the rows it sends
// (each key's minimum, maximum and, up to a thousand, its distinct
// values) and the probe (left) side's fragment filters its rows by that
// summary before its exchange, so that probe rows which cannot match are
// not shuffled. It reports whether it added any.
//
//	InnerJoin (shuffle): l = r             InnerJoin (shuffle): l = r
//	  Exchange Normal hash(l)                Exchange Normal hash(l)
//	    Scan: fact                 ->          RuntimeFilter #1: l
//	  Exchange Normal hash(r)                    Scan: fact
//	    Filter: ...                          Exchange Normal hash(r) builds filter #1(r)
//	      Scan: dim                            Filter: ...
//
// Only keys of types the filter summarizes exactly (stage.Filterable)
// take part. Where the left side is estimated reverseFilterRatio times
// smaller than the right, the left builds and the right is filtered. A
// probe task waits for every build task to finish before it runs: the
// build side never depends on the probe side (the two sides of a join are
// disjoint subtrees, and every filter goes from one side of a join to the
// other, so fragments still form a DAG, which the scheduler starts builds
// first in: coordinator.startWaves), and the join's
// fragment reads the build side's exchange before the probe side's
// (stage.Cut orders its inputs so), so a build task is drained even when
// its buffers cannot spill: the wait cannot deadlock. Joins that broadcast their build side get
// none: the probe runs in the join's own fragment, where DuckDB's hash
// join already filters the probe scan by the build side.
//
// Invariants: the result is a valid single-node plan (RuntimeFilter
// passes every row where no filter arrives) with the same exchanges;
// applying the rule again adds nothing.
func RuntimeFilters(p stage.Plan) (stage.Plan, bool) {
	next := 1 + maxFilterID(p)
	out, added := addFilters(p, &next)
	return out, added
}

func addFilters(p stage.Plan, next *int) (stage.Plan, bool) {
	children := p.Children()
	added := false
	if len(children) > 0 {
		kids := make([]stage.Plan, len(children))
		for i, c := range children {
			var a bool
			kids[i], a = addFilters(c, next)
			added = added || a
		}
		if added {
			p = p.WithChildren(kids...)
		}
	}
	j, ok := p.(*stage.Join)
	if !ok || j.Strategy != stage.Shuffle || (j.Kind != stage.InnerJoin && j.Kind != stage.SemiJoin) {
		return p, added
	}
	probe, ok1 := j.Left.(*stage.Exchange)
	build, ok2 := j.Right.(*stage.Exchange)
	if !ok1 || !ok2 {
		return p, added
	}
	probeKeys, buildKeys := j.LeftKeys, j.RightKeys
	// Rows of either side that the other cannot match leave an inner or
	// semi join's answer as it is, so where the left side is estimated
	// much smaller, it builds the filter and the right side is filtered
	// (TPC-H Q4: a quarter's orders filter the lineitems). The join's
	// fragment then reads the left exchange first (buildFirst).
	reversed := j.LeftRows > 0 && j.LeftRows*reverseFilterRatio < j.RightRows
	if reversed {
		probe, build, probeKeys, buildKeys = build, probe, buildKeys, probeKeys
	}
	if probe.Kind != stage.Normal || build.Kind != stage.Normal || probe.Filter != nil || build.Filter != nil || !reduces(build.Input) {
		return p, added
	}
	ps, bs := probe.Schema(), build.Schema()
	var pk, bk []int
	sameTypes := true // every pair's: both exchanges hash its values alike
	for i := range probeKeys {
		pt, bt := ps.Field(probeKeys[i]).Type, bs.Field(buildKeys[i]).Type
		same := pt.ID() == bt.ID() && pt.String() == bt.String()
		sameTypes = sameTypes && same
		if same && stage.Filterable(pt) {
			pk, bk = append(pk, probeKeys[i]), append(bk, buildKeys[i])
		}
	}
	if len(pk) == 0 {
		return p, added
	}
	id := *next
	*next++
	// Rows that join hash alike where both exchanges hash on the join's
	// key pairs in order: then a Bloom filter of the build rows' hashes
	// drops the probe rows that cannot match (stage/exec bloom.go).
	bloom := slices.Equal(probe.Keys, probeKeys) && slices.Equal(build.Keys, buildKeys) && sameTypes
	pr := *probe
	pr.Input = &stage.RuntimeFilter{Input: probe.Input, ID: id, Keys: pk, Bloom: bloom}
	bu := *build
	bu.Filter = &stage.FilterBuild{ID: id, Keys: bk, Bloom: bloom}
	if reversed {
		return j.WithChildren(&bu, &pr), true
	}
	return j.WithChildren(&pr, &bu), true
}

// reverseFilterRatio is how much smaller than its right side a join's
// left side must be estimated for the left to build the runtime filter.
const reverseFilterRatio = 8

// reduces reports whether a build side keeps fewer key values than the
// tables it scans: it filters, joins (other than LEFT or FULL) or limits
// them. A whole table's keys filter nothing.
func reduces(p stage.Plan) bool {
	switch n := p.(type) {
	case *stage.Filter, *stage.Limit, *stage.RuntimeFilter:
		return true
	case *stage.Join:
		if n.Kind == stage.InnerJoin || n.Kind == stage.SemiJoin || n.Kind == stage.AntiJoin {
			return true
		}
	}
	for _, c := range p.Children() {
		if reduces(c) {
			return true
		}
	}
	return false
}

// maxFilterID is the largest runtime filter ID in p (0 if none), so that
// the rule run again numbers new filters after the old.
func maxFilterID(p stage.Plan) int {
	id := 0
	if rf, ok := p.(*stage.RuntimeFilter); ok {
		id = rf.ID
	}
	for _, c := range p.Children() {
		id = max(id, maxFilterID(c))
	}
	return id
}
