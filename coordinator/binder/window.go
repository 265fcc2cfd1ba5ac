package binder

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// collectWindows finds the window function calls of the select list and
// ORDER BY (not those of subqueries), each distinct call once.
func collectWindows(s *ast.SelectStmt) []*ast.WindowFuncExpr {
	return collect[*ast.WindowFuncExpr](selectExprs(s)...)
}

// windows plans the window functions of a SELECT block over input. A
// Project appends every partition key, order key and argument to the input's
// columns; then one Window per distinct (PARTITION BY, ORDER BY) computes its
// functions. Afterwards each call binds (through b.windowCols) as the column
// that holds it.
func (b *Binder) windows(input logical.Plan, bind func(ast.ExprNode) (stage.Expr, error),
	wins []*ast.WindowFuncExpr, named []ast.WindowSpec) (logical.Plan, error) {
	pre := &logical.Project{Input: input}
	for i, f := range input.Schema().Fields() {
		pre.Exprs = append(pre.Exprs, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
		pre.Names = append(pre.Names, f.Name)
	}
	preIndex := map[string]int{}
	// column makes e a column of pre (constants stay constants, so that
	// lag's offset is one).
	column := func(e ast.ExprNode) (stage.Expr, error) {
		key := restore(e)
		i, ok := preIndex[key]
		if !ok {
			v, err := bind(e)
			if err != nil {
				return nil, err
			}
			if lit, ok := v.(*stage.Literal); ok {
				return lit, nil
			}
			if ref, ok := v.(*stage.ColumnRef); ok {
				return ref, nil
			}
			pre.Exprs, pre.Names = append(pre.Exprs, v), append(pre.Names, key)
			i = len(pre.Exprs) - 1
			preIndex[key] = i
		}
		return &stage.ColumnRef{Index: i, Name: pre.Names[i], T: pre.Exprs[i].Type()}, nil
	}

	type group struct {
		win  *logical.Window
		wins []*ast.WindowFuncExpr
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, w := range wins {
		spec, err := resolveSpec(&w.Spec, named)
		if err != nil {
			return nil, err
		}
		if w.IgnoreNull || w.FromLast {
			return nil, qerr.ErrUnsupported.New("IGNORE NULLS / FROM LAST in %s", w.Name)
		}
		key := ""
		win := &logical.Window{}
		if spec.PartitionBy != nil {
			for _, item := range spec.PartitionBy.Items {
				c, err := column(item.Expr)
				if err != nil {
					return nil, err
				}
				win.PartitionBy = append(win.PartitionBy, c)
				key += "p" + restore(item.Expr) + ";"
			}
		}
		if spec.OrderBy != nil {
			for _, item := range spec.OrderBy.Items {
				c, err := column(item.Expr)
				if err != nil {
					return nil, err
				}
				win.OrderBy = append(win.OrderBy, stage.SortKey{Expr: c, Desc: item.Desc, NullsFirst: !item.Desc})
				key += fmt.Sprintf("o%s %v;", restore(item.Expr), item.Desc)
			}
		}
		fn, err := b.windowFunc(w, spec, column)
		if err != nil {
			return nil, err
		}
		g, ok := byKey[key]
		if !ok {
			g = &group{win: win}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.win.Funcs = append(g.win.Funcs, fn)
		g.win.Names = append(g.win.Names, restore(w))
		g.wins = append(g.wins, w)
	}
	var plan logical.Plan = pre
	next := len(pre.Exprs)
	for _, g := range groups {
		g.win.Input = plan
		plan = g.win
		for i, w := range g.wins {
			b.windowCols[restore(w)] = &stage.ColumnRef{Index: next + i, Name: g.win.Names[i], T: g.win.Funcs[i].T}
		}
		next += len(g.wins)
	}
	return plan, nil
}

// resolveSpec follows OVER w to the WINDOW clause's definition.
func resolveSpec(spec *ast.WindowSpec, named []ast.WindowSpec) (*ast.WindowSpec, error) {
	if spec.PartitionBy != nil || spec.OrderBy != nil || spec.Frame != nil {
		if spec.Ref.L != "" {
			return nil, qerr.ErrUnsupported.New("a window that refines the named window %s", spec.Ref.O)
		}
		return spec, nil
	}
	name := spec.Name.L
	if name == "" {
		name = spec.Ref.L
	}
	if name == "" {
		return spec, nil
	}
	for i := range named {
		if named[i].Name.L == name {
			return resolveSpec(&named[i], named)
		}
	}
	return nil, qerr.ErrInvalid.New("window %s is not defined", name)
}

func (b *Binder) windowFunc(w *ast.WindowFuncExpr, spec *ast.WindowSpec, column func(ast.ExprNode) (stage.Expr, error)) (stage.WindowFunc, error) {
	name := strings.ToLower(w.Name)
	fn := stage.WindowFunc{Fn: name}
	if w.Distinct {
		return fn, qerr.ErrUnsupported.New("DISTINCT in window function %s", name)
	}
	args := make([]stage.Expr, 0, len(w.Args))
	for _, a := range w.Args {
		c, err := column(a)
		if err != nil {
			return fn, err
		}
		args = append(args, c)
	}
	need := func(lo, hi int) error {
		if len(args) < lo || len(args) > hi {
			return qerr.ErrInvalid.New("%s takes %d to %d arguments, got %d", name, lo, hi, len(args))
		}
		return nil
	}
	var err error
	switch name {
	case "row_number", "rank", "dense_rank":
		err, fn.T = need(0, 0), arrow.PrimitiveTypes.Int64
	case "ntile":
		err, fn.T = need(1, 1), arrow.PrimitiveTypes.Int64
	case "percent_rank", "cume_dist":
		err, fn.T = need(0, 0), arrow.PrimitiveTypes.Float64
	case "lag", "lead":
		if err = need(1, 3); err == nil {
			fn.T = args[0].Type()
			if len(args) == 3 {
				args[2] = coerce(args[2], fn.T)
			}
		}
	case "first_value", "last_value":
		if err = need(1, 1); err == nil {
			fn.T = args[0].Type()
		}
	case "nth_value":
		if err = need(2, 2); err == nil {
			fn.T = args[0].Type()
		}
	case "count":
		if err = need(1, 1); err == nil {
			if _, star := intLiteral(w.Args[0]); star {
				fn.Fn, args = "count_star", nil
			}
			fn.T = arrow.PrimitiveTypes.Int64
		}
	case "sum", "avg", "min", "max":
		if err = need(1, 1); err == nil {
			fn.T, err = aggregateType(stage.AggFunc(name), args[0].Type())
		}
	case "stddev_pop", "stddev_samp", "var_pop", "var_samp":
		if err = need(1, 1); err == nil {
			fn.T = arrow.PrimitiveTypes.Float64
		}
	default:
		err = qerr.ErrUnsupported.New("window function %s", name)
	}
	if err != nil {
		return fn, err
	}
	fn.Args = args
	if spec.Frame != nil {
		if rankingOrValue(name) && name != "first_value" && name != "last_value" && name != "nth_value" {
			// MySQL ignores a frame for ranking functions and lag/lead.
			return fn, nil
		}
		frame, err := windowFrame(spec.Frame)
		if err != nil {
			return fn, err
		}
		fn.Frame = frame
	}
	return fn, nil
}

func rankingOrValue(name string) bool {
	switch name {
	case "row_number", "rank", "dense_rank", "ntile", "percent_rank", "cume_dist", "lag", "lead", "first_value", "last_value", "nth_value":
		return true
	}
	return false
}

func windowFrame(f *ast.FrameClause) (*stage.WindowFrame, error) {
	if f.Type == ast.Groups {
		return nil, qerr.ErrUnsupported.New("GROUPS frames")
	}
	start, err := frameBound(&f.Extent.Start)
	if err != nil {
		return nil, err
	}
	end, err := frameBound(&f.Extent.End)
	if err != nil {
		return nil, err
	}
	return &stage.WindowFrame{Rows: f.Type == ast.Rows, Start: start, End: end}, nil
}

func frameBound(b *ast.FrameBound) (stage.FrameBound, error) {
	dir := "preceding"
	if b.Type == ast.Following {
		dir = "following"
	}
	switch {
	case b.Type == ast.CurrentRow:
		return stage.FrameBound{Kind: "current row"}, nil
	case b.UnBounded:
		return stage.FrameBound{Kind: "unbounded " + dir}, nil
	}
	n, ok := intLiteral(b.Expr)
	if !ok || n < 0 {
		return stage.FrameBound{}, qerr.ErrUnsupported.New("frame offset %s (a non-negative integer is supported)", restore(b.Expr))
	}
	return stage.FrameBound{Kind: dir, Offset: n}, nil
}
