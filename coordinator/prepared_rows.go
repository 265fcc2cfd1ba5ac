package coordinator

import (
	"context"
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// loadBatchRows is how many bound rows loadRows puts in one batch.
const loadBatchRows = 64 << 10

// loadRows writes rows bound to ins (INSERT ... VALUES of markers only) as
// a bulk ingest of batches of the table's columns: column ins.Fill[i] takes
// parameter i, the others NULL.
func (c *Coordinator) loadRows(ctx context.Context, sess *Session, ins *binder.Insert, rows [][]*stage.Literal, mem memory.Allocator) (int64, error) {
	t := ins.Table
	param := make([]int, len(t.Columns)) // the parameter that fills each column, or -1
	for j := range param {
		param[j] = -1
	}
	for i, j := range ins.Fill {
		param[j] = i
	}
	schema := t.Schema()
	var batches []arrow.RecordBatch
	defer func() {
		for _, b := range batches {
			b.Release()
		}
	}()
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	for start := 0; start < len(rows); start += loadBatchRows {
		for r, row := range rows[start:min(start+loadBatchRows, len(rows))] {
			for j, col := range t.Columns {
				var v *stage.Literal
				if param[j] >= 0 {
					v = row[param[j]]
				}
				if err := appendLiteral(b.Field(j), v); err != nil {
					return 0, qerr.ErrInvalid.Wrap(err, "parameter row %d, column %s", start+r+1, col.Name)
				}
				if !col.Nullable && (v == nil || v.Null) {
					return 0, qerr.ErrInvalid.New("parameter row %d: column %s cannot be NULL", start+r+1, col.Name)
				}
			}
		}
		batches = append(batches, b.NewRecordBatch())
	}
	rdr, err := array.NewRecordReader(schema, batches)
	if err != nil {
		return 0, qerr.ErrInternal.Wrap(err, "bound rows")
	}
	defer rdr.Release()
	return c.Ingest(ctx, sess, IngestRequest{Database: t.Database, Table: t.Name}, rdr)
}

// appendLiteral appends a bound value (nil or a NULL: a null) to a builder
// of its type. Strings go in as they are (a builder reads "(null)" from text
// as a null); other types from their literal text.
func appendLiteral(b array.Builder, v *stage.Literal) error {
	switch {
	case v == nil || v.Null:
		b.AppendNull()
		return nil
	case v.T.ID() == arrow.STRING:
		b.(*array.StringBuilder).Append(v.Text)
		return nil
	case v.T.ID() == arrow.BINARY:
		b.(*array.BinaryBuilder).Append(binder.BlobBytes(v.Text))
		return nil
	}
	return b.AppendValueFromString(v.Text)
}

// unionRows is the query bound with several parameter rows: the plans bound
// per row under UNION ALL, each tagged with its row number, sorted by it
// and by the query's own ORDER BY, the tag projected away:
//
//	Project (the query's columns)
//	  Sort: row, the query's ORDER BY keys
//	    SetOp UNION ALL
//	      Project: 0 AS row, columns...
//	        (the plan bound with row 0)
//	      Project: 1 AS row, columns...
//	        (the plan bound with row 1)
//
// so the results come in parameter-row order, each in its own order. Scan
// IDs are renumbered apart; every row's plan reads the same snapshot.
func unionRows(pls []*Planned) (*binder.Query, error) {
	first := pls[0].Stmt.(*binder.Query)
	if first.Explain {
		return nil, qerr.ErrInvalid.New("EXPLAIN binds one parameter row, not %d", len(pls))
	}
	keys, ok := orderOf(first.Plan)
	if !ok {
		return nil, qerr.ErrUnsupported.New("a query bound with several parameter rows cannot ORDER BY a column it does not return")
	}
	schema := first.Plan.Schema()
	out := &binder.Query{Tables: map[int]*catalog.Table{}}
	union := &logical.SetOp{Kind: stage.UnionAll}
	offset := 0
	for i, pl := range pls {
		q := pl.Stmt.(*binder.Query)
		tag := &logical.Project{Input: renumberScans(q.Plan, offset), Names: []string{"row"},
			Exprs: []stage.Expr{&stage.Literal{Text: fmt.Sprint(i), T: arrow.PrimitiveTypes.Int64}}}
		for j, f := range schema.Fields() {
			tag.Names = append(tag.Names, f.Name)
			tag.Exprs = append(tag.Exprs, &stage.ColumnRef{Index: j, Name: f.Name, T: f.Type})
		}
		union.Inputs = append(union.Inputs, tag)
		n := 0
		for id, t := range q.Tables {
			out.Tables[id+offset] = t
			n = max(n, id+1)
		}
		offset += n
	}
	sort := &logical.Sort{Input: union, Keys: []stage.SortKey{{Expr: &stage.ColumnRef{Index: 0, Name: "row", T: arrow.PrimitiveTypes.Int64}}}}
	for _, k := range keys {
		ref := k.Expr.(*stage.ColumnRef)
		k.Expr = &stage.ColumnRef{Index: ref.Index + 1, Name: ref.Name, T: ref.T}
		sort.Keys = append(sort.Keys, k)
	}
	top := &logical.Project{Input: sort}
	for j, f := range schema.Fields() {
		top.Names = append(top.Names, f.Name)
		top.Exprs = append(top.Exprs, &stage.ColumnRef{Index: j + 1, Name: f.Name, T: f.Type})
	}
	out.Plan = top
	return out, nil
}

// orderOf is the ORDER BY of a query plan in terms of its output columns:
// the keys of the Sort under its top Projects and Limits. ok is false when
// a key is not an output column.
func orderOf(p logical.Plan) (keys []stage.SortKey, ok bool) {
	// out[k] is the output column that column k of the current node reaches.
	var out []int
	for i := range p.Schema().NumFields() {
		out = append(out, i)
	}
	for {
		switch n := p.(type) {
		case *logical.Limit:
			p = n.Input
			continue
		case *logical.Project:
			in := make([]int, n.Input.Schema().NumFields())
			for k := range in {
				in[k] = -1
			}
			for j, e := range n.Exprs {
				if ref, isRef := e.(*stage.ColumnRef); isRef && out[j] >= 0 && in[ref.Index] < 0 {
					in[ref.Index] = out[j]
				}
			}
			out, p = in, n.Input
			continue
		case *logical.Sort:
			for _, k := range n.Keys {
				ref, isRef := k.Expr.(*stage.ColumnRef)
				if !isRef || out[ref.Index] < 0 {
					return nil, false
				}
				k.Expr = &stage.ColumnRef{Index: out[ref.Index], Name: ref.Name, T: ref.T}
				keys = append(keys, k)
			}
		}
		return keys, true
	}
}

// renumberScans adds offset to the ID of every Scan of p, those of its
// subqueries (an Apply's inner side) too.
func renumberScans(p logical.Plan, offset int) logical.Plan {
	if s, ok := p.(*logical.Scan); ok {
		c := *s
		c.ID += offset
		return &c
	}
	ch := p.Children()
	if len(ch) == 0 || offset == 0 {
		return p
	}
	out := make([]logical.Plan, len(ch))
	for i, c := range ch {
		out[i] = renumberScans(c, offset)
	}
	return p.WithChildren(out...)
}

// concatInserts is one INSERT of the rows of several, bound from the same
// statement.
func concatInserts(pls []*Planned) (*binder.Insert, error) {
	first, ok := pls[0].Stmt.(*binder.Insert)
	if !ok {
		return nil, qerr.ErrInvalid.New("only INSERT runs with several parameter rows, not %d", len(pls))
	}
	if _, ok := first.Plan.(*logical.Values); !ok {
		return nil, qerr.ErrUnsupported.New("INSERT ... SELECT with several parameter rows: bind one row at a time")
	}
	values := *first.Plan.(*logical.Values)
	values.Rows = nil
	for _, pl := range pls {
		values.Rows = append(values.Rows, pl.Stmt.(*binder.Insert).Plan.(*logical.Values).Rows...)
	}
	return &binder.Insert{Table: first.Table, Plan: &values}, nil
}
