package binder

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// VirtualSchema is a schema whose tables are computed when a statement reads
// them rather than stored: information_schema, built here from the catalog,
// and later system schemas whose rows the coordinator provides (running
// queries, workers). A statement binds a virtual table as a Values node
// holding its rows as of binding, so that filters, joins and aggregates over
// it are planned and run like any query.
type VirtualSchema interface {
	// Name is the schema's name; references match it case-insensitively.
	Name() string
	// Tables are the schema's tables, sorted by name.
	Tables() []VirtualTable
	// Rows returns the named table's rows now, one value per column in
	// column order, each nil (NULL), string, int64, bool or time.Time.
	Rows(ctx context.Context, table string) ([][]any, error)
}

// VirtualTable is the definition of one virtual table.
type VirtualTable struct {
	Name    string
	Columns []catalog.Column
}

// virtualSchemas are the statement's virtual schemas: information_schema
// first, then the environment's.
func (b *Binder) virtualSchemas() []VirtualSchema {
	return append([]VirtualSchema{&infoSchema{b: b}}, b.env.Schemas...)
}

// virtualSchema returns the virtual schema named name, or nil.
func (b *Binder) virtualSchema(name string) VirtualSchema {
	for _, vs := range b.virtualSchemas() {
		if strings.EqualFold(vs.Name(), name) {
			return vs
		}
	}
	return nil
}

// virtualTable finds a table of vs by name (case-insensitive).
func virtualTable(vs VirtualSchema, name string) (VirtualTable, bool) {
	for _, t := range vs.Tables() {
		if strings.EqualFold(t.Name, name) {
			return t, true
		}
	}
	return VirtualTable{}, false
}

// virtualSource binds a reference to a virtual table: its rows now, as
// constants.
func (b *Binder) virtualSource(ctx context.Context, vs VirtualSchema, name, alias string) (logical.Plan, *scope, error) {
	t, ok := virtualTable(vs, name)
	if !ok {
		return nil, nil, qerr.ErrNotFound.New("table %s.%s does not exist", vs.Name(), name)
	}
	rows, err := vs.Rows(ctx, t.Name)
	if err != nil {
		return nil, nil, qerr.CodeOf(err).Wrap(err, "rows of %s.%s", vs.Name(), t.Name)
	}
	if alias == "" {
		alias = strings.ToLower(t.Name)
	}
	v := &logical.Values{}
	sc := &scope{}
	for _, c := range t.Columns {
		v.Names, v.Types = append(v.Names, c.Name), append(v.Types, c.Type)
		sc.cols = append(sc.cols, scopeColumn{table: alias, name: c.Name, typ: c.Type})
	}
	for _, row := range rows {
		if len(row) != len(t.Columns) {
			return nil, nil, qerr.ErrInternal.New("%s.%s: a row of %d values for %d columns", vs.Name(), t.Name, len(row), len(t.Columns))
		}
		out := make([]stage.Expr, len(row))
		for i, val := range row {
			lit, err := virtualLiteral(val, t.Columns[i])
			if err != nil {
				return nil, nil, qerr.ErrInternal.Wrap(err, "%s.%s", vs.Name(), t.Name)
			}
			out[i] = lit
		}
		v.Rows = append(v.Rows, out)
	}
	return v, sc, nil
}

// virtualLiteral is the constant of one value of a virtual row.
func virtualLiteral(val any, c catalog.Column) (*stage.Literal, error) {
	lit := &stage.Literal{T: c.Type}
	switch val := val.(type) {
	case nil:
		lit.Null = true
	case string:
		lit.Text = val
	case int64:
		lit.Text = strconv.FormatInt(val, 10)
	case bool:
		lit.Text = strconv.FormatBool(val)
	case time.Time:
		lit.Text = val.UTC().Format("2006-01-02 15:04:05.999999")
	default:
		return nil, fmt.Errorf("column %s: value of Go type %T", c.Name, val)
	}
	return lit, nil
}
