package binder

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
)

// workersSchema is a virtual schema as a later system schema would be: its
// rows come from outside the catalog.
type workersSchema struct{ rows [][]any }

func (workersSchema) Name() string { return "system" }
func (workersSchema) Tables() []VirtualTable {
	return []VirtualTable{{Name: "workers", Columns: []catalog.Column{
		{Name: "addr", Type: arrow.BinaryTypes.String},
		{Name: "tasks", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "up", Type: arrow.FixedWidthTypes.Boolean},
		{Name: "since", Type: &arrow.TimestampType{Unit: arrow.Microsecond}},
	}}}
}
func (w workersSchema) Rows(context.Context, string) ([][]any, error) { return w.rows, nil }

func openCatalog(t *testing.T) catalog.Catalog {
	t.Helper()
	cat, err := catalog.OpenBolt(filepath.Join(t.TempDir(), "catalog.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cat.Close() })
	return cat
}

// TestVirtualSchemaSeam checks that a virtual schema of the environment
// binds like information_schema: its rows become the constants of a Values
// node under the query's own operators.
func TestVirtualSchemaSeam(t *testing.T) {
	ctx := context.Background()
	since := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	env := Env{Schemas: []VirtualSchema{workersSchema{rows: [][]any{
		{"w1:1", int64(3), true, since}, {"w2:1", nil, false, since},
	}}}}
	stmt, err := Parse("SELECT addr, tasks FROM SYSTEM.Workers WHERE up")
	if err != nil {
		t.Fatal(err)
	}
	bound, err := New(openCatalog(t), catalog.DefaultDatabase).WithEnv(env).Bind(ctx, stmt)
	if err != nil {
		t.Fatal(err)
	}
	plan := logical.Format(bound.(*Query).Plan)
	if !strings.Contains(plan, "Filter: up") || !strings.Contains(plan, "Values: rows=2") {
		t.Errorf("plan of a query over a virtual table:\n%s", plan)
	}
	var values *logical.Values
	var walk func(p logical.Plan)
	walk = func(p logical.Plan) {
		if v, ok := p.(*logical.Values); ok {
			values = v
		}
		for _, c := range p.Children() {
			walk(c)
		}
	}
	walk(bound.(*Query).Plan)
	var got []string
	for _, row := range values.Rows {
		for _, e := range row {
			got = append(got, e.String())
		}
	}
	if g := strings.Join(got, " | "); g != "'w1:1' | 3 | true | 2026-01-02 03:04:05 | 'w2:1' | NULL | false | 2026-01-02 03:04:05" {
		t.Errorf("values of system.workers = %s", g)
	}
}

// TestShowCreateTableParsesBack checks that SHOW CREATE TABLE's DDL binds
// to the same columns, types, nullability, distribution and primary key.
func TestShowCreateTableParsesBack(t *testing.T) {
	ctx := context.Background()
	orig := &catalog.Table{Database: catalog.DefaultDatabase, Name: "odd `name`", Partitions: 4, DistributionKeys: []string{"id"},
		PrimaryKey: []string{"id", "k"}}
	for _, typ := range ColumnTypes() {
		if tt, ok := typ.(*arrow.TimestampType); ok && tt.TimeZone != "" {
			continue // MySQL DDL has no time zone to give back
		}
		orig.Columns = append(orig.Columns, catalog.Column{Name: "c " + SQLTypeOf(typ).DDL, Type: typ, Nullable: true})
	}
	orig.Columns = append(orig.Columns, catalog.Column{Name: "id", Type: arrow.PrimitiveTypes.Int64}, catalog.Column{Name: "k", Type: arrow.BinaryTypes.String})
	stmt, err := Parse(createTableDDL(orig))
	if err != nil {
		t.Fatalf("%s: %v", createTableDDL(orig), err)
	}
	bound, err := New(openCatalog(t), catalog.DefaultDatabase).Bind(ctx, stmt)
	if err != nil {
		t.Fatalf("%s: %v", createTableDDL(orig), err)
	}
	got := bound.(*CreateTable).Table
	if got.Name != orig.Name || len(got.Columns) != len(orig.Columns) || got.Partitions != 4 || got.DistributionKeys[0] != "id" ||
		strings.Join(got.PrimaryKey, ",") != "id,k" {
		t.Fatalf("parsed back %+v from\n%s", got, createTableDDL(orig))
	}
	for i, c := range got.Columns {
		o := orig.Columns[i]
		if c.Name != o.Name || !arrow.TypeEqual(c.Type, o.Type) || c.Nullable != o.Nullable {
			t.Errorf("column %d: %s %s nullable=%v, want %s %s nullable=%v", i, c.Name, c.Type, c.Nullable, o.Name, o.Type, o.Nullable)
		}
	}
}
