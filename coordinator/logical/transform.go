package logical

// A Rewrite returns a node's replacement and whether it replaced it.
type Rewrite func(Plan) (Plan, bool)

// The walks below do not enter the inner side of an Apply: its outer
// references are column positions of the Apply's outer side, which a
// rewrite of the inner plan alone cannot keep track of. A subquery's plan
// is rewritten once it is decorrelated into a join.

// TransformUp rewrites p bottom-up: each node's children first, then the
// node (over its rewritten children). It reports whether fn replaced any
// node; an unchanged subtree is returned as it was.
func TransformUp(p Plan, fn Rewrite) (Plan, bool) {
	p, changed := transformChildren(p, func(c Plan) (Plan, bool) { return TransformUp(c, fn) })
	out, ok := fn(p)
	return out, changed || ok
}

// TransformDown rewrites p top-down: the node first, then the children of
// what it became. It reports whether fn replaced any node.
func TransformDown(p Plan, fn Rewrite) (Plan, bool) {
	p, changed := fn(p)
	out, ok := transformChildren(p, func(c Plan) (Plan, bool) { return TransformDown(c, fn) })
	return out, changed || ok
}

func transformChildren(p Plan, fn Rewrite) (Plan, bool) {
	children := p.Children()
	if _, ok := p.(*Apply); ok {
		children = children[:1]
	}
	if len(children) == 0 {
		return p, false
	}
	changed := false
	out := make([]Plan, len(children))
	for i, c := range children {
		var ok bool
		out[i], ok = fn(c)
		changed = changed || ok
	}
	if !changed {
		return p, false
	}
	if a, ok := p.(*Apply); ok {
		return a.WithChildren(out[0], a.Inner), true
	}
	return p.WithChildren(out...), true
}
