package opt

import (
	"slices"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// PruneColumns narrows every Scan to the columns the plan above it reads, and
// drops Project outputs nobody reads, so that Parquet reads only what the
// query needs. The plan's own output columns are all kept. Unlike the other
// rules it is not a node-by-node rewrite: what a node needs of its input
// depends on what its parent needs of it, and each node's columns are
// renumbered for its parent, so it walks the plan itself.
func PruneColumns(p logical.Plan) (logical.Plan, bool) {
	return pruner{}.root(p)
}

// NarrowInputs prunes like PruneColumns and, in addition, puts a projection
// at each input of a join, an aggregation, a window, a sort or a limit whose
// output still carries columns that the operator and the plan above it do
// not read: the columns only a filter below read, the keys of a join below.
// Those inputs are where the physical planner may put an exchange (a
// shuffle or broadcast of a join side, the shuffle of an aggregation that is
// not split, a window's partitions, the gather below a sort or a limit), so
// that every exchange carries only what its consumer needs: TPC-H Q13 no
// longer shuffles o_comment once its filter has read it. Where no exchange
// comes, the projection costs nothing (DuckDB reads what the plan reads).
// Optimize runs it once, after the rules: a projection between two joins
// would split the join tree that ReorderJoins rebuilds.
func NarrowInputs(p logical.Plan) (logical.Plan, bool) {
	return pruner{narrow: true}.root(p)
}

// pruner walks a plan for PruneColumns (narrow false) or NarrowInputs.
type pruner struct{ narrow bool }

// root prunes p, all of whose outputs are needed.
func (pr pruner) root(p logical.Plan) (logical.Plan, bool) {
	need := make([]bool, logical.Width(p))
	for i := range need {
		need[i] = true
	}
	out, _, changed := pr.prune(p, need)
	return out, changed
}

// input prunes p, an input of an operator that reads the columns in need of
// it; for NarrowInputs it also projects away what p's output still carries
// beyond need.
func (pr pruner) input(p logical.Plan, need []bool) (logical.Plan, []int, bool) {
	out, mapping, changed := pr.prune(p, need)
	if !pr.narrow {
		return out, mapping, changed
	}
	width := logical.Width(out)
	pos := make([]int, width)
	for i := range pos {
		pos[i] = -1
	}
	for i, m := range mapping {
		if need[i] && m >= 0 {
			pos[m] = 0
		}
	}
	fields := out.Schema().Fields()
	var exprs []stage.Expr
	var names []string
	for i := range pos {
		if pos[i] == 0 {
			pos[i] = len(exprs)
			exprs = append(exprs, &stage.ColumnRef{Index: i, Name: fields[i].Name, T: fields[i].Type})
			names = append(names, fields[i].Name)
		}
	}
	if len(exprs) == 0 || len(exprs) == width {
		return out, mapping, changed
	}
	narrowed := make([]int, len(mapping))
	for i, m := range mapping {
		narrowed[i] = -1
		if need[i] && m >= 0 {
			narrowed[i] = pos[m]
		}
	}
	return &logical.Project{Input: out, Exprs: exprs, Names: names}, narrowed, true
}

// prune returns the plan with outputs not in need possibly removed, and the
// old-to-new position of every kept output (-1 for dropped).
func (pr pruner) prune(p logical.Plan, need []bool) (logical.Plan, []int, bool) {
	switch n := p.(type) {
	case *logical.Scan:
		keep := slices.Index(need, true)
		if keep < 0 {
			keep = 0 // count(*) still reads one column to count rows
		}
		mapping := make([]int, len(n.Columns))
		c := *n
		c.Columns, c.Types, c.NDV, c.Ranges = nil, nil, nil, nil
		for i := range n.Columns {
			mapping[i] = -1
			if need[i] || i == keep && !slices.Contains(need, true) {
				mapping[i] = len(c.Columns)
				c.Columns = append(c.Columns, n.Columns[i])
				c.Types = append(c.Types, n.Types[i])
				// The estimates follow their columns.
				if i < len(n.NDV) {
					c.NDV = append(c.NDV, n.NDV[i])
				}
				if i < len(n.Ranges) {
					c.Ranges = append(c.Ranges, n.Ranges[i])
				}
			}
		}
		// A bucketed scan still reads bucket i in task i; it delivers the
		// hash only while it reads every key column.
		c.BucketKeys = nil
		for _, k := range n.BucketKeys {
			if mapping[k] < 0 {
				c.BucketKeys = nil
				break
			}
			c.BucketKeys = append(c.BucketKeys, mapping[k])
		}
		return &c, mapping, len(c.Columns) != len(n.Columns)
	case *logical.Project:
		childNeed := make([]bool, logical.Width(n.Input))
		mapping := make([]int, len(n.Exprs))
		var exprs []stage.Expr
		var names []string
		for i, e := range n.Exprs {
			mapping[i] = -1
			if !need[i] {
				continue
			}
			logical.ColumnsUsed(e, childNeed)
			mapping[i] = len(exprs)
			exprs, names = append(exprs, e), append(names, n.Names[i])
		}
		if len(exprs) == 0 && len(n.Exprs) > 0 { // keep the row count
			logical.ColumnsUsed(n.Exprs[0], childNeed)
			mapping[0] = 0
			exprs, names = n.Exprs[:1], n.Names[:1]
		}
		child, childMap, changed := pr.prune(n.Input, childNeed)
		out := &logical.Project{Input: child, Exprs: remapAll(exprs, childMap), Names: names}
		return out, mapping, changed || len(exprs) != len(n.Exprs)
	case *logical.Filter:
		childNeed := slices.Clone(need)
		logical.ColumnsUsed(n.Cond, childNeed)
		child, childMap, changed := pr.prune(n.Input, childNeed)
		return &logical.Filter{Input: child, Cond: remap(n.Cond, childMap)}, childMap, changed
	case *logical.Sort:
		childNeed := slices.Clone(need)
		for _, k := range n.Keys {
			logical.ColumnsUsed(k.Expr, childNeed)
		}
		child, childMap, changed := pr.input(n.Input, childNeed)
		keys := make([]stage.SortKey, len(n.Keys))
		for i, k := range n.Keys {
			keys[i] = stage.SortKey{Expr: remap(k.Expr, childMap), Desc: k.Desc, NullsFirst: k.NullsFirst}
		}
		return &logical.Sort{Input: child, Keys: keys}, childMap, changed
	case *logical.Limit:
		// A limit over a sort stays right above it (a top-N): the sort's
		// input is narrowed instead.
		walk := pr.input
		if _, sorted := n.Input.(*logical.Sort); sorted {
			walk = pr.prune
		}
		child, childMap, changed := walk(n.Input, need)
		return n.WithChildren(child), childMap, changed
	case *logical.Aggregate:
		// An aggregate's outputs are all kept; its input needs what its
		// groups and arguments read.
		childNeed := make([]bool, logical.Width(n.Input))
		for _, g := range n.GroupBy {
			logical.ColumnsUsed(g, childNeed)
		}
		for _, a := range n.Aggs {
			if a.Arg != nil {
				logical.ColumnsUsed(a.Arg, childNeed)
			}
			for _, k := range a.Order {
				logical.ColumnsUsed(k.Expr, childNeed)
			}
		}
		child, childMap, changed := pr.input(n.Input, childNeed)
		c := *n
		c.Input, c.GroupBy = child, remapAll(n.GroupBy, childMap)
		c.Aggs = make([]stage.AggCall, len(n.Aggs))
		for i, a := range n.Aggs {
			c.Aggs[i] = a
			if a.Arg != nil {
				c.Aggs[i].Arg = remap(a.Arg, childMap)
			}
			if len(a.Order) > 0 {
				c.Aggs[i].Order = make([]stage.SortKey, len(a.Order))
				for k, o := range a.Order {
					c.Aggs[i].Order[k] = stage.SortKey{Expr: remap(o.Expr, childMap), Desc: o.Desc, NullsFirst: o.NullsFirst}
				}
			}
		}
		return &c, identity(len(need)), changed
	case *logical.Join:
		return pr.pruneJoin(n, need)
	case *logical.Window:
		// Every function is kept; the input keeps what the output needs
		// plus what the partitions, orders and arguments read.
		nIn := logical.Width(n.Input)
		childNeed := slices.Clone(need[:nIn])
		for _, e := range n.PartitionBy {
			logical.ColumnsUsed(e, childNeed)
		}
		for _, k := range n.OrderBy {
			logical.ColumnsUsed(k.Expr, childNeed)
		}
		for _, f := range n.Funcs {
			for _, a := range f.Args {
				logical.ColumnsUsed(a, childNeed)
			}
		}
		child, childMap, changed := pr.input(n.Input, childNeed)
		c := *n
		c.Input, c.PartitionBy = child, remapAll(n.PartitionBy, childMap)
		c.OrderBy = make([]stage.SortKey, len(n.OrderBy))
		for i, k := range n.OrderBy {
			c.OrderBy[i] = stage.SortKey{Expr: remap(k.Expr, childMap), Desc: k.Desc, NullsFirst: k.NullsFirst}
		}
		c.Funcs = make([]stage.WindowFunc, len(n.Funcs))
		for i, f := range n.Funcs {
			c.Funcs[i] = f
			c.Funcs[i].Args = remapAll(f.Args, childMap)
		}
		return &c, appendedMapping(len(need), nIn, childMap, logical.Width(child)), changed
	case *logical.Expand:
		// The key copies and the grouping id are kept; the input keeps
		// what the output needs of its columns plus the keys.
		nIn := logical.Width(n.Input)
		childNeed := slices.Clone(need[:nIn])
		for _, k := range n.Keys {
			childNeed[k] = true
		}
		child, childMap, changed := pr.prune(n.Input, childNeed)
		c := *n
		c.Input, c.Keys = child, make([]int, len(n.Keys))
		for i, k := range n.Keys {
			c.Keys[i] = childMap[k]
		}
		return &c, appendedMapping(len(need), nIn, childMap, logical.Width(child)), changed
	case *logical.SetOp:
		// Set operations compare whole rows: every column stays.
		kids := make([]logical.Plan, len(n.Inputs))
		changed := false
		for i, in := range n.Inputs {
			all := make([]bool, logical.Width(in))
			for k := range all {
				all[k] = true
			}
			var c bool
			kids[i], _, c = pr.prune(in, all)
			changed = changed || c
		}
		return n.WithChildren(kids...), identity(len(need)), changed
	}
	return p, identity(len(need)), false
}

// pruneJoin keeps of each side what the output needs plus what the keys,
// the condition and the mark read.
func (pr pruner) pruneJoin(j *logical.Join, need []bool) (logical.Plan, []int, bool) {
	nLeft := logical.Width(j.Left)
	nRight := logical.Width(j.Right)
	needLeft, needRight := make([]bool, nLeft), make([]bool, nRight)
	copy(needLeft, need[:nLeft])
	if j.Kind == stage.InnerJoin || j.Kind == stage.LeftJoin || j.Kind == stage.FullJoin {
		copy(needRight, need[nLeft:])
	}
	for i := range j.LeftKeys {
		needLeft[j.LeftKeys[i]], needRight[j.RightKeys[i]] = true, true
	}
	if j.Cond != nil {
		stage.WalkExpr(j.Cond, func(e stage.Expr) {
			if c, ok := e.(*stage.ColumnRef); ok {
				if c.Index < nLeft {
					needLeft[c.Index] = true
				} else {
					needRight[c.Index-nLeft] = true
				}
			}
		})
	}
	if j.Kind == stage.MarkJoin && j.MarkIn >= 0 {
		needLeft[j.MarkIn], needRight[j.RightMark] = true, true
	}
	left, lmap, lc := pr.input(j.Left, needLeft)
	right, rmap, rc := pr.input(j.Right, needRight)
	newLeft := logical.Width(left)
	c := *j
	c.Left, c.Right = left, right
	c.LeftKeys, c.RightKeys = make([]int, len(j.LeftKeys)), make([]int, len(j.RightKeys))
	for i := range j.LeftKeys {
		c.LeftKeys[i], c.RightKeys[i] = lmap[j.LeftKeys[i]], rmap[j.RightKeys[i]]
	}
	both := func(ref *stage.ColumnRef) stage.Expr {
		i := lmap[min(ref.Index, nLeft-1)]
		if ref.Index >= nLeft {
			i = newLeft + rmap[ref.Index-nLeft]
		}
		return &stage.ColumnRef{Index: i, Name: ref.Name, T: ref.T}
	}
	if j.Cond != nil {
		c.Cond = stage.RewriteColumns(j.Cond, both)
	}
	if j.Kind == stage.MarkJoin && j.MarkIn >= 0 {
		c.MarkIn, c.RightMark = lmap[j.MarkIn], rmap[j.RightMark]
	}
	mapping := make([]int, len(need))
	for i := range mapping {
		switch {
		case i < nLeft:
			mapping[i] = lmap[i]
		case j.Kind == stage.MarkJoin:
			mapping[i] = newLeft
		default:
			mapping[i] = -1
			if rmap[i-nLeft] >= 0 {
				mapping[i] = newLeft + rmap[i-nLeft]
			}
		}
	}
	return &c, mapping, lc || rc
}

func identity(n int) []int {
	m := make([]int, n)
	for i := range m {
		m[i] = i
	}
	return m
}

func remap(e stage.Expr, mapping []int) stage.Expr {
	return stage.RewriteColumns(e, func(c *stage.ColumnRef) stage.Expr {
		return &stage.ColumnRef{Index: mapping[c.Index], Name: c.Name, T: c.T}
	})
}

func remapAll(es []stage.Expr, mapping []int) []stage.Expr {
	out := make([]stage.Expr, len(es))
	for i, e := range es {
		out[i] = remap(e, mapping)
	}
	return out
}

// appendedMapping is the column mapping of a node whose output is its
// input's nIn columns followed by columns of its own (Window, Expand): the
// input's columns move as the pruned child's childMap says, the node's own
// follow the newIn columns the child keeps.
func appendedMapping(n, nIn int, childMap []int, newIn int) []int {
	mapping := make([]int, n)
	for i := range mapping {
		if i < nIn {
			mapping[i] = childMap[i]
		} else {
			mapping[i] = newIn + i - nIn
		}
	}
	return mapping
}
