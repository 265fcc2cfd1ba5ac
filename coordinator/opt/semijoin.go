package opt

import (
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// PushSemiJoinsDown moves a semi or anti join below the inner joins of its
// left input, onto the one input whose columns its keys and condition read:
//
//	Semi(Inner(A, B), R)  =>  Inner(Semi(A, R), B)
//
// A semi join only removes rows, so it commutes with an inner join it does
// not look through; applied early it shrinks what the joins above carry
// (TPC-H Q18 keeps 57 orders of 1.5 million before joining lineitem). It
// moves only a semi join whose right side is estimated much smaller than
// the input it moves onto. The output columns are unchanged.
func PushSemiJoinsDown(p logical.Plan) (logical.Plan, bool) {
	return logical.TransformUp(p, func(p logical.Plan) (logical.Plan, bool) {
		s, ok := p.(*logical.Join)
		if !ok || (s.Kind != stage.SemiJoin && s.Kind != stage.AntiJoin) {
			return p, false
		}
		pushed, ok := pushSemi(s)
		if !ok {
			return p, false
		}
		// The semi join now sits one join lower: push it on from there.
		out, _ := PushSemiJoinsDown(pushed)
		return out, true
	})
}

// semiPushRatio is how much smaller than the input it moves onto a semi
// join's right side must be estimated for the move.
const semiPushRatio = 4

// pushSemi moves s below the inner join on its left, if its left columns
// all come from one side of it.
func pushSemi(s *logical.Join) (logical.Plan, bool) {
	j, ok := s.Left.(*logical.Join)
	if !ok || j.Kind != stage.InnerJoin {
		return nil, false
	}
	nA := logical.Width(j.Left)
	nJ := logical.Width(s.Left)
	lo, hi := nJ, -1 // the range of left columns s reads
	read := func(i int) {
		if i < nJ {
			lo, hi = min(lo, i), max(hi, i)
		}
	}
	for _, k := range s.LeftKeys {
		read(k)
	}
	if s.Cond != nil {
		stage.WalkExpr(s.Cond, func(e stage.Expr) {
			if c, ok := e.(*stage.ColumnRef); ok {
				read(c.Index)
			}
		})
	}
	if hi < 0 {
		return nil, false // reads no left column: a filter on R's existence, leave it
	}
	onA := hi < nA
	if !onA && lo < nA {
		return nil, false // reads both sides
	}
	// Renumber s's left++right columns for its new left input.
	base, width := 0, nA // the new left input's columns within the old left
	if !onA {
		base, width = nA, nJ-nA
	}
	remap := func(i int) int {
		if i < nJ {
			return i - base
		}
		return i - nJ + width
	}
	moved := *s
	moved.LeftKeys = make([]int, len(s.LeftKeys))
	for i, k := range s.LeftKeys {
		moved.LeftKeys[i] = remap(k)
	}
	if s.Cond != nil {
		moved.Cond = stage.RewriteColumns(s.Cond, func(c *stage.ColumnRef) stage.Expr {
			return &stage.ColumnRef{Index: remap(c.Index), Name: c.Name, T: c.T}
		})
	}
	// Only a semi join against a small set pays off early: against a large
	// one it would join more rows below than it saves above (TPC-H Q21's
	// EXISTS on lineitem belongs after the filters of the other joins).
	target := j.Right
	if onA {
		target = j.Left
	}
	if logical.EstimateRows(s.Right)*semiPushRatio > logical.EstimateRows(target) {
		return nil, false
	}
	out := *j
	if onA {
		moved.Left = j.Left
		out.Left = &moved
	} else {
		moved.Left = j.Right
		out.Right = &moved
	}
	return &out, true
}
