package logical

import "github.com/quiverdb/quiver/stage"

// Exprs are the scalar expressions a node itself holds (not its children's).
func Exprs(p Plan) []stage.Expr {
	var out []stage.Expr
	add := func(es ...stage.Expr) {
		for _, e := range es {
			if e != nil {
				out = append(out, e)
			}
		}
	}
	sortKeys := func(keys []stage.SortKey) {
		for _, k := range keys {
			add(k.Expr)
		}
	}
	switch n := p.(type) {
	case *Filter:
		add(n.Cond)
	case *Project:
		add(n.Exprs...)
	case *Join:
		add(n.Cond)
	case *Apply:
		add(n.Cond)
	case *Aggregate:
		add(n.GroupBy...)
		for _, a := range n.Aggs {
			add(a.Arg)
			sortKeys(a.Order)
		}
	case *Window:
		add(n.PartitionBy...)
		sortKeys(n.OrderBy)
		for _, f := range n.Funcs {
			add(f.Args...)
		}
	case *Sort:
		sortKeys(n.Keys)
	case *Values:
		for _, row := range n.Rows {
			add(row...)
		}
	}
	return out
}

// HasOuterRefs reports whether p holds outer references of its own: those
// inside the inner side of an Apply within p are that Apply's.
func HasOuterRefs(p Plan) bool {
	for _, e := range Exprs(p) {
		if HasOuter(e) {
			return true
		}
	}
	if a, ok := p.(*Apply); ok {
		return HasOuterRefs(a.Outer)
	}
	for _, c := range p.Children() {
		if HasOuterRefs(c) {
			return true
		}
	}
	return false
}

// MapExprs returns p with fn applied to each expression it holds itself
// (those Exprs lists), and whether fn changed any; fn reports its own
// changes.
func MapExprs(p Plan, fn func(stage.Expr) (stage.Expr, bool)) (Plan, bool) {
	changed := false
	one := func(e stage.Expr) stage.Expr {
		if e == nil {
			return nil
		}
		out, ok := fn(e)
		changed = changed || ok
		return out
	}
	all := func(es []stage.Expr) []stage.Expr {
		out := make([]stage.Expr, len(es))
		for i, e := range es {
			out[i] = one(e)
		}
		return out
	}
	sortKeys := func(keys []stage.SortKey) []stage.SortKey {
		out := make([]stage.SortKey, len(keys))
		for i, k := range keys {
			out[i] = k
			out[i].Expr = one(k.Expr)
		}
		return out
	}
	var out Plan
	switch n := p.(type) {
	case *Filter:
		c := *n
		c.Cond = one(n.Cond)
		out = &c
	case *Project:
		c := *n
		c.Exprs = all(n.Exprs)
		out = &c
	case *Join:
		c := *n
		c.Cond = one(n.Cond)
		out = &c
	case *Apply:
		c := *n
		c.Cond = one(n.Cond)
		out = &c
	case *Aggregate:
		c := *n
		c.GroupBy = all(n.GroupBy)
		c.Aggs = make([]stage.AggCall, len(n.Aggs))
		for i, a := range n.Aggs {
			c.Aggs[i] = a
			c.Aggs[i].Arg = one(a.Arg)
			if a.Order != nil {
				c.Aggs[i].Order = sortKeys(a.Order)
			}
		}
		out = &c
	case *Window:
		c := *n
		c.PartitionBy = all(n.PartitionBy)
		c.OrderBy = sortKeys(n.OrderBy)
		c.Funcs = make([]stage.WindowFunc, len(n.Funcs))
		for i, f := range n.Funcs {
			c.Funcs[i] = f
			c.Funcs[i].Args = all(f.Args)
		}
		out = &c
	case *Sort:
		c := *n
		c.Keys = sortKeys(n.Keys)
		out = &c
	case *Values:
		c := *n
		c.Rows = make([][]stage.Expr, len(n.Rows))
		for i, row := range n.Rows {
			c.Rows[i] = all(row)
		}
		out = &c
	default:
		return p, false
	}
	if !changed {
		return p, false
	}
	return out, true
}
