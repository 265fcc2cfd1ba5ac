package opt

import (
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// DeriveDisjuncts adds to a filter, for each OR of its conditions that
// reads several tables, the condition it implies on each table alone: the
// OR of what each of its branches says of that table, where every branch
// says something (TiDB's and DuckDB's extraction of common conditions
// from DNF). TPC-H Q7:
//
//	(n1.n_name = 'FRANCE' AND n2.n_name = 'GERMANY') OR (n1.n_name = 'GERMANY' AND n2.n_name = 'FRANCE')
//	  implies  n1.n_name = 'FRANCE' OR n1.n_name = 'GERMANY'  and the same of n2
//
// The implied conditions are only added: the OR stays, so the answer is
// the same; PushDownPredicates then takes them to their scans, so that
// both nations filter their joins instead of the last join filtering the
// product. It runs once, before the rules (Optimize): a condition
// pushed down is not derived again.
func DeriveDisjuncts(p logical.Plan) (logical.Plan, bool) {
	return logical.TransformUp(p, func(p logical.Plan) (logical.Plan, bool) {
		f, ok := p.(*logical.Filter)
		if !ok {
			return p, false
		}
		conds := logical.SplitConjuncts(f.Cond)
		seen := map[string]bool{}
		for _, c := range conds {
			seen[stage.ExprKey(c)] = true
		}
		var added []stage.Expr
		for _, c := range conds {
			for _, d := range impliedByTable(f.Input, c) {
				if k := stage.ExprKey(d); !seen[k] {
					seen[k] = true
					added = append(added, d)
				}
			}
		}
		if len(added) == 0 {
			return p, false
		}
		return &logical.Filter{Input: f.Input, Cond: logical.AndAll(append(conds, added...))}, true
	})
}

// impliedByTable is, for an OR c over the columns of in, the condition c
// implies on each scan that every branch of c says something of: one per
// such scan, when c reads more than one.
func impliedByTable(in logical.Plan, c stage.Expr) []stage.Expr {
	branches := stage.SplitDisjuncts(c)
	if len(branches) < 2 {
		return nil
	}
	// per branch, its conjuncts by the scan all of whose columns they read
	var order []*logical.Scan
	byBranch := make([]map[*logical.Scan][]stage.Expr, len(branches))
	for i, b := range branches {
		byBranch[i] = map[*logical.Scan][]stage.Expr{}
		for _, conj := range logical.SplitConjuncts(b) {
			s, ok := singleScan(in, conj)
			if !ok {
				continue
			}
			if i == 0 && byBranch[0][s] == nil {
				order = append(order, s)
			}
			byBranch[i][s] = append(byBranch[i][s], conj)
		}
	}
	var out []stage.Expr
	for _, s := range order {
		var or stage.Expr
		for i := range branches {
			conds, ok := byBranch[i][s]
			if !ok {
				or = nil
				break
			}
			or = orOf(or, logical.AndAll(conds))
		}
		if or != nil && !all(byBranch, s, branches) {
			out = append(out, or)
		}
	}
	return out
}

// all reports whether every conjunct of every branch reads scan s only:
// then the implied condition is c itself.
func all(byBranch []map[*logical.Scan][]stage.Expr, s *logical.Scan, branches []stage.Expr) bool {
	for i, b := range branches {
		if len(byBranch[i][s]) != len(logical.SplitConjuncts(b)) {
			return false
		}
	}
	return true
}

func orOf(a, b stage.Expr) stage.Expr {
	if a == nil {
		return b
	}
	return &stage.Call{Fn: "or", Args: []stage.Expr{a, b}, T: a.Type()}
}

// singleScan is the scan that every column e reads comes from, when it is
// one; an expression that reads none, an outer reference, or raises errors
// (which a copy could raise on rows the original never sees) has none.
func singleScan(in logical.Plan, e stage.Expr) (*logical.Scan, bool) {
	var scan *logical.Scan
	ok := true
	stage.WalkExpr(e, func(x stage.Expr) {
		switch x := x.(type) {
		case *stage.ColumnRef:
			if logical.IsOuter(x) {
				ok = false
				return
			}
			s, found := columnScan(in, x.Index)
			if !found || scan != nil && s != scan {
				ok = false
				return
			}
			scan = s
		case *stage.Call:
			if x.Fn == "raise_error" {
				ok = false
			}
		}
	})
	return scan, ok && scan != nil
}

// columnScan is the scan whose column column c of p is, through
// projections, filters and joins.
func columnScan(p logical.Plan, c int) (*logical.Scan, bool) {
	switch n := p.(type) {
	case *logical.Scan:
		return n, true
	case *logical.Filter, *logical.Sort, *logical.Limit:
		return columnScan(p.Children()[0], c)
	case *logical.Project:
		if ref, ok := n.Exprs[c].(*stage.ColumnRef); ok {
			return columnScan(n.Input, ref.Index)
		}
	case *logical.Join:
		if nLeft := logical.Width(n.Left); c < nLeft {
			return columnScan(n.Left, c)
		} else if n.Kind == stage.InnerJoin || n.Kind == stage.LeftJoin || n.Kind == stage.FullJoin {
			return columnScan(n.Right, c-nLeft)
		}
	}
	return nil, false
}
