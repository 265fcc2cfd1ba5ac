package stage

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// FrameBound is one end of a window frame.
type FrameBound struct {
	// Kind is "unbounded preceding", "preceding", "current row",
	// "following" or "unbounded following".
	Kind   string `json:"kind"`
	Offset int64  `json:"offset,omitempty"` // for preceding and following
}

// WindowFrame is a ROWS or RANGE frame.
type WindowFrame struct {
	Rows       bool       `json:"rows"`
	Start, End FrameBound `json:"-"`
}

// WindowFunc is one function computed over a window: a ranking function
// (row_number, rank, dense_rank, ntile, percent_rank, cume_dist), a value
// function (lag, lead, first_value, last_value, nth_value) or an aggregate.
type WindowFunc struct {
	Fn    string
	Args  []Expr
	T     arrow.DataType
	Frame *WindowFrame // nil: SQL's default frame
}

// Window computes Funcs over the rows of each partition, ordered by
// OrderBy, and appends one column per function to its input's. Partition
// keys are plain input columns, so that a Window can ask for its input
// hashed on them.
type Window struct {
	Input       Plan
	PartitionBy []Expr
	OrderBy     []SortKey
	Funcs       []WindowFunc
	Names       []string
}

var _ Plan = (*Window)(nil)

func (*Window) isPlan()            {}
func (w *Window) Children() []Plan { return []Plan{w.Input} }
func (w *Window) WithChildren(ch ...Plan) Plan {
	c := *w
	c.Input = ch[0]
	return &c
}

func (w *Window) Schema() *arrow.Schema { return WindowSchema(w.Input.Schema(), w.Funcs, w.Names) }

// Required: a partition's rows together (hash of the partition keys), or
// every row in one task when there are none.
func (w *Window) Required() []Distribution {
	keys, ok := columnPositions(w.PartitionBy)
	if !ok || len(keys) == 0 {
		return singleInput
	}
	return []Distribution{{Kind: DistHash, Keys: keys}}
}

func (w *Window) Delivered(in []Partitioning) Partitioning { return in[0] }

func (w *Window) Explain() string { return ExplainWindow(w.PartitionBy, w.OrderBy, w.Funcs) }

// ExplainWindow is a window's line.
func ExplainWindow(partitionBy []Expr, orderBy []SortKey, fns []WindowFunc) string {
	funcs := make([]string, len(fns))
	for i, f := range fns {
		funcs[i] = fmt.Sprintf("%s(%s)", f.Fn, joinExprs(f.Args))
		if f.Frame != nil {
			funcs[i] += " " + f.Frame.String()
		}
	}
	keys := make([]string, len(orderBy))
	for i, k := range orderBy {
		keys[i] = k.Expr.String()
		if k.Desc {
			keys[i] += " DESC"
		}
	}
	return fmt.Sprintf("Window: partition=[%s] order=[%s] funcs=[%s]", joinExprs(partitionBy), strings.Join(keys, ", "), strings.Join(funcs, ", "))
}

// WindowSchema is a window's output: its input's columns, then one per
// function.
func WindowSchema(in *arrow.Schema, funcs []WindowFunc, names []string) *arrow.Schema {
	fields := append([]arrow.Field(nil), in.Fields()...)
	for i, f := range funcs {
		fields = append(fields, arrow.Field{Name: names[i], Type: f.T, Nullable: true})
	}
	return arrow.NewSchema(fields, nil)
}

// String is the frame in SQL: ROWS BETWEEN 1 PRECEDING AND CURRENT ROW.
func (f *WindowFrame) String() string {
	kind := "RANGE"
	if f.Rows {
		kind = "ROWS"
	}
	return fmt.Sprintf("%s BETWEEN %s AND %s", kind, f.Start, f.End)
}

// String is the bound in SQL: 1 PRECEDING, CURRENT ROW, UNBOUNDED FOLLOWING.
func (b FrameBound) String() string {
	switch b.Kind {
	case "preceding", "following":
		return fmt.Sprintf("%d %s", b.Offset, strings.ToUpper(b.Kind))
	}
	return strings.ToUpper(b.Kind)
}
