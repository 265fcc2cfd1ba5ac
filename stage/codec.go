package stage

import (
	"encoding/json"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
)

// planJSON is the wire form of a plan node: one flat struct for every
// operator, told apart by Op, with its inputs nested. Only the fields the
// operator has are set.
type planJSON struct {
	Op       string          `json:"op"`
	ID       int             `json:"id,omitempty"`
	Database string          `json:"database,omitempty"`
	Table    string          `json:"table,omitempty"`
	Columns  []string        `json:"columns,omitempty"`
	Types    []string        `json:"types,omitempty"`
	Files    int             `json:"files,omitempty"`
	Rows     int64           `json:"rows,omitempty"`
	Tasks    int             `json:"tasks,omitempty"`
	Buckets  int             `json:"buckets,omitempty"`
	Cond     *exprJSON       `json:"cond,omitempty"`
	Exprs    []exprJSON      `json:"exprs,omitempty"`
	Names    []string        `json:"names,omitempty"`
	Mode     string          `json:"mode,omitempty"`
	GroupBy  []exprJSON      `json:"group_by,omitempty"`
	Aggs     []aggJSON       `json:"aggs,omitempty"`
	Sort     []sortJSON      `json:"sort,omitempty"`
	Offset   int64           `json:"offset,omitempty"`
	Count    int64           `json:"count,omitempty"`
	Local    bool            `json:"local,omitempty"`
	Values   [][]exprJSON    `json:"values,omitempty"`
	From     FragmentID      `json:"from,omitempty"`
	Kind     ExchangeKind    `json:"kind,omitempty"`
	Keys     []int           `json:"keys,omitempty"`
	Schema   SchemaSpec      `json:"schema,omitempty"`
	Join     *joinJSON       `json:"join,omitempty"`
	SetOp    SetOpKind       `json:"set_op,omitempty"`
	Window   []windowJSON    `json:"window,omitempty"`
	Sets     [][]int         `json:"sets,omitempty"`
	Inputs   []planJSON      `json:"inputs,omitempty"`
	External *ExternalFormat `json:"external,omitempty"`
	MaxAbs   []float64       `json:"max_abs,omitempty"`
	Bloom    bool            `json:"bloom,omitempty"`
}

type windowJSON struct {
	Fn    string       `json:"fn"`
	Args  []exprJSON   `json:"args,omitempty"`
	Type  string       `json:"t"`
	Frame *WindowFrame `json:"frame,omitempty"`
	Start FrameBound   `json:"start"`
	End   FrameBound   `json:"end"`
}

type joinJSON struct {
	Kind      JoinKind     `json:"kind"`
	LeftKeys  []int        `json:"left_keys,omitempty"`
	RightKeys []int        `json:"right_keys,omitempty"`
	Cond      *exprJSON    `json:"cond,omitempty"`
	MarkIn    int          `json:"mark_in"`
	RightMark int          `json:"right_mark"`
	MarkName  string       `json:"mark_name,omitempty"`
	Strategy  JoinStrategy `json:"strategy,omitempty"`
}

type exprJSON struct {
	Kind  string     `json:"k"` // col, lit, call, cast
	Index int        `json:"i,omitempty"`
	Name  string     `json:"n,omitempty"`
	Text  string     `json:"v,omitempty"`
	Null  bool       `json:"null,omitempty"`
	Fn    string     `json:"fn,omitempty"`
	Args  []exprJSON `json:"args,omitempty"`
	Type  string     `json:"t"`
}

type aggJSON struct {
	Fn        AggFunc    `json:"fn"`
	Arg       *exprJSON  `json:"arg,omitempty"`
	Distinct  bool       `json:"distinct,omitempty"`
	Type      string     `json:"t"`
	Separator string     `json:"sep,omitempty"`
	Order     []sortJSON `json:"order,omitempty"`
}

type sortJSON struct {
	Expr       exprJSON `json:"e"`
	Desc       bool     `json:"desc,omitempty"`
	NullsFirst bool     `json:"nulls_first,omitempty"`
}

// EncodePlan is the wire form of a fragment's plan, carried by TaskSpec.Plan.
func EncodePlan(p Plan) (json.RawMessage, error) {
	j, err := encodePlan(p)
	if err != nil {
		return nil, err
	}
	return json.Marshal(j)
}

// DecodePlan reads a plan written by EncodePlan.
func DecodePlan(b json.RawMessage) (Plan, error) {
	var j planJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return nil, qerr.ErrInvalid.Wrap(err, "decode plan")
	}
	return decodePlan(&j)
}

func encodePlan(p Plan) (planJSON, error) {
	var j planJSON
	for _, c := range p.Children() {
		cj, err := encodePlan(c)
		if err != nil {
			return j, err
		}
		j.Inputs = append(j.Inputs, cj)
	}
	switch p := p.(type) {
	case *Scan:
		j.Op, j.ID, j.Database, j.Table, j.Columns = "scan", p.ID, p.Database, p.Table, p.Columns
		j.Types, j.Files, j.Rows, j.Tasks = encodeTypes(p.Types), p.Files, p.Rows, p.Tasks
		j.Buckets, j.Keys, j.External, j.MaxAbs = p.Buckets, p.BucketKeys, p.External, p.MaxAbs
	case *Filter:
		c := encodeExpr(p.Cond)
		j.Op, j.Cond = "filter", &c
	case *RuntimeFilter:
		j.Op, j.ID, j.Keys, j.Bloom = "runtime_filter", p.ID, p.Keys, p.Bloom
	case *Project:
		j.Op, j.Exprs, j.Names = "project", encodeExprs(p.Exprs), p.Names
	case *Aggregate:
		j.Op, j.Mode, j.GroupBy, j.Names = "aggregate", string(p.Mode), encodeExprs(p.GroupBy), p.Names
		for _, row := range p.Defaults {
			j.Values = append(j.Values, encodeExprs(row))
		}
		for _, a := range p.Aggs {
			aj := aggJSON{Fn: a.Fn, Distinct: a.Distinct, Type: catalog.TypeString(a.T), Separator: a.Separator}
			for _, k := range a.Order {
				aj.Order = append(aj.Order, sortJSON{Expr: encodeExpr(k.Expr), Desc: k.Desc, NullsFirst: k.NullsFirst})
			}
			if a.Arg != nil {
				e := encodeExpr(a.Arg)
				aj.Arg = &e
			}
			j.Aggs = append(j.Aggs, aj)
		}
	case *Sort:
		j.Op, j.Local = "sort", p.Local
		for _, k := range p.Keys {
			j.Sort = append(j.Sort, sortJSON{Expr: encodeExpr(k.Expr), Desc: k.Desc, NullsFirst: k.NullsFirst})
		}
	case *Limit:
		j.Op, j.Offset, j.Count, j.Local = "limit", p.Offset, p.Count, p.Local
	case *Values:
		j.Op, j.Names, j.Types = "values", p.Names, encodeTypes(p.Types)
		for _, row := range p.Rows {
			j.Values = append(j.Values, encodeExprs(row))
		}
	case *ExchangeSource:
		j.Op, j.From, j.Kind, j.Keys, j.Tasks = "exchange_source", p.From, p.Kind, p.Keys, p.Tasks
		j.Schema = NewSchemaSpec(p.schema)
	case *Join:
		jj := &joinJSON{Kind: p.Kind, LeftKeys: p.LeftKeys, RightKeys: p.RightKeys, MarkIn: p.MarkIn,
			RightMark: p.RightMark, MarkName: p.MarkName, Strategy: p.Strategy}
		if p.Cond != nil {
			c := encodeExpr(p.Cond)
			jj.Cond = &c
		}
		j.Op, j.Join = "join", jj
	case *SetOp:
		j.Op, j.SetOp = "set_op", p.Kind
	case *Expand:
		// An empty grouping set is an empty list, not a missing one.
		j.Op, j.Keys, j.Sets = "expand", p.Keys, make([][]int, len(p.Sets))
		for i, set := range p.Sets {
			j.Sets[i] = append([]int{}, set...)
		}
	case *Window:
		j.Op, j.GroupBy, j.Names = "window", encodeExprs(p.PartitionBy), p.Names
		for _, k := range p.OrderBy {
			j.Sort = append(j.Sort, sortJSON{Expr: encodeExpr(k.Expr), Desc: k.Desc, NullsFirst: k.NullsFirst})
		}
		for _, f := range p.Funcs {
			wj := windowJSON{Fn: f.Fn, Args: encodeExprs(f.Args), Type: catalog.TypeString(f.T), Frame: f.Frame}
			if f.Frame != nil {
				wj.Start, wj.End = f.Frame.Start, f.Frame.End
			}
			j.Window = append(j.Window, wj)
		}
	default:
		return j, qerr.ErrInternal.New("encode plan: %T cannot travel to a worker", p)
	}
	return j, nil
}

func decodePlan(j *planJSON) (Plan, error) {
	inputs := make([]Plan, len(j.Inputs))
	for i := range j.Inputs {
		p, err := decodePlan(&j.Inputs[i])
		if err != nil {
			return nil, err
		}
		inputs[i] = p
	}
	need := map[string]int{"scan": 0, "values": 0, "exchange_source": 0,
		"filter": 1, "runtime_filter": 1, "project": 1, "aggregate": 1, "sort": 1, "limit": 1, "window": 1, "expand": 1}
	n, ok := need[j.Op]
	switch j.Op {
	case "join":
		n, ok = 2, j.Join != nil
	case "set_op":
		n, ok = len(inputs), len(inputs) >= 2
	}
	if !ok || n != len(inputs) {
		return nil, qerr.ErrInvalid.New("decode plan: operator %q with %d inputs", j.Op, len(inputs))
	}
	d := decoder{}
	var p Plan
	switch j.Op {
	case "scan":
		p = &Scan{ID: j.ID, Database: j.Database, Table: j.Table, Columns: j.Columns,
			Types: d.types(j.Types), Files: j.Files, Rows: j.Rows, Tasks: j.Tasks, Buckets: j.Buckets, BucketKeys: j.Keys, External: j.External, MaxAbs: j.MaxAbs}
	case "filter":
		if j.Cond == nil {
			return nil, qerr.ErrInvalid.New("decode plan: filter without condition")
		}
		p = &Filter{Input: inputs[0], Cond: d.expr(j.Cond)}
	case "runtime_filter":
		p = &RuntimeFilter{Input: inputs[0], ID: j.ID, Keys: j.Keys, Bloom: j.Bloom}
	case "project":
		p = &Project{Input: inputs[0], Exprs: d.exprs(j.Exprs), Names: j.Names}
	case "aggregate":
		a := &Aggregate{Input: inputs[0], Mode: AggregateMode(j.Mode), GroupBy: d.exprs(j.GroupBy), Names: j.Names}
		for _, row := range j.Values {
			a.Defaults = append(a.Defaults, d.exprs(row))
		}
		for _, aj := range j.Aggs {
			call := AggCall{Fn: aj.Fn, Distinct: aj.Distinct, T: d.typ(aj.Type), Separator: aj.Separator}
			for _, k := range aj.Order {
				call.Order = append(call.Order, SortKey{Expr: d.expr(&k.Expr), Desc: k.Desc, NullsFirst: k.NullsFirst})
			}
			if aj.Arg != nil {
				call.Arg = d.expr(aj.Arg)
			}
			a.Aggs = append(a.Aggs, call)
		}
		p = a
	case "sort":
		s := &Sort{Input: inputs[0], Local: j.Local}
		for _, k := range j.Sort {
			s.Keys = append(s.Keys, SortKey{Expr: d.expr(&k.Expr), Desc: k.Desc, NullsFirst: k.NullsFirst})
		}
		p = s
	case "limit":
		p = &Limit{Input: inputs[0], Offset: j.Offset, Count: j.Count, Local: j.Local}
	case "values":
		v := &Values{Names: j.Names, Types: d.types(j.Types)}
		for _, row := range j.Values {
			v.Rows = append(v.Rows, d.exprs(row))
		}
		p = v
	case "exchange_source":
		schema, err := j.Schema.Arrow()
		if err != nil {
			return nil, err
		}
		p = &ExchangeSource{From: j.From, Kind: j.Kind, Keys: j.Keys, Tasks: j.Tasks, schema: schema}
	case "join":
		jj := j.Join
		join := &Join{Left: inputs[0], Right: inputs[1], Kind: jj.Kind, LeftKeys: jj.LeftKeys, RightKeys: jj.RightKeys,
			MarkIn: jj.MarkIn, RightMark: jj.RightMark, MarkName: jj.MarkName, Strategy: jj.Strategy}
		if jj.Cond != nil {
			join.Cond = d.expr(jj.Cond)
		}
		p = join
	case "set_op":
		p = &SetOp{Inputs: inputs, Kind: j.SetOp}
	case "expand":
		e, err := decodeExpand(inputs[0], j)
		if err != nil {
			return nil, err
		}
		p = e
	case "window":
		w := &Window{Input: inputs[0], PartitionBy: d.exprs(j.GroupBy), Names: j.Names}
		for _, k := range j.Sort {
			w.OrderBy = append(w.OrderBy, SortKey{Expr: d.expr(&k.Expr), Desc: k.Desc, NullsFirst: k.NullsFirst})
		}
		for _, wj := range j.Window {
			f := WindowFunc{Fn: wj.Fn, Args: d.exprs(wj.Args), T: d.typ(wj.Type)}
			if wj.Frame != nil {
				frame := *wj.Frame
				frame.Start, frame.End = wj.Start, wj.End
				f.Frame = &frame
			}
			w.Funcs = append(w.Funcs, f)
		}
		p = w
	}
	if d.err != nil {
		return nil, d.err
	}
	return p, nil
}

// decodeExpand checks what the renderer relies on: keys are input
// columns, sets index the keys.
func decodeExpand(input Plan, j *planJSON) (*Expand, error) {
	n := input.Schema().NumFields()
	for _, k := range j.Keys {
		if k < 0 || k >= n {
			return nil, qerr.ErrInvalid.New("decode plan: expand key %d of %d columns", k, n)
		}
	}
	if len(j.Sets) == 0 {
		return nil, qerr.ErrInvalid.New("decode plan: expand without grouping sets")
	}
	for _, set := range j.Sets {
		for _, k := range set {
			if k < 0 || k >= len(j.Keys) {
				return nil, qerr.ErrInvalid.New("decode plan: expand set index %d of %d keys", k, len(j.Keys))
			}
		}
	}
	return &Expand{Input: input, Keys: j.Keys, Sets: j.Sets}, nil
}

func encodeTypes(ts []arrow.DataType) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = catalog.TypeString(t)
	}
	return out
}

func encodeExprs(es []Expr) []exprJSON {
	out := make([]exprJSON, len(es))
	for i, e := range es {
		out[i] = encodeExpr(e)
	}
	return out
}

func encodeExpr(e Expr) exprJSON {
	j := exprJSON{Type: catalog.TypeString(e.Type())}
	switch e := e.(type) {
	case *ColumnRef:
		j.Kind, j.Index, j.Name = "col", e.Index, e.Name
	case *Literal:
		j.Kind, j.Text, j.Null = "lit", e.Text, e.Null
	case *Call:
		j.Kind, j.Fn, j.Args = "call", e.Fn, encodeExprs(e.Args)
	case *Cast:
		j.Kind, j.Args = "cast", []exprJSON{encodeExpr(e.Arg)}
	}
	return j
}

// decoder collects the first error of a decode so that the node cases read
// straight through.
type decoder struct{ err error }

func (d *decoder) typ(s string) arrow.DataType {
	t, err := catalog.ParseType(s)
	if err != nil && d.err == nil {
		d.err = err
	}
	if t == nil {
		return arrow.Null
	}
	return t
}

func (d *decoder) types(ss []string) []arrow.DataType {
	out := make([]arrow.DataType, len(ss))
	for i, s := range ss {
		out[i] = d.typ(s)
	}
	return out
}

func (d *decoder) exprs(js []exprJSON) []Expr {
	out := make([]Expr, len(js))
	for i := range js {
		out[i] = d.expr(&js[i])
	}
	return out
}

func (d *decoder) expr(j *exprJSON) Expr {
	t := d.typ(j.Type)
	switch j.Kind {
	case "col":
		return &ColumnRef{Index: j.Index, Name: j.Name, T: t}
	case "lit":
		return &Literal{Text: j.Text, Null: j.Null, T: t}
	case "call":
		return &Call{Fn: j.Fn, Args: d.exprs(j.Args), T: t}
	case "cast":
		if len(j.Args) == 1 {
			return &Cast{Arg: d.expr(&j.Args[0]), T: t}
		}
	}
	if d.err == nil {
		d.err = qerr.ErrInvalid.New("decode plan: bad expression kind %q", j.Kind)
	}
	return &Literal{Null: true, T: t}
}
