package catalog

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
)

func TestViews(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "catalog.db")
	c, err := OpenBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	v := &View{Database: "main", Name: "Recent", SQL: "SELECT 1", Columns: []string{"one"}}
	if err := c.CreateView(ctx, v, false); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateView(ctx, v, false); !qerr.Has(err, qerr.ErrAlreadyExists) {
		t.Fatalf("second CreateView: %v, want ErrAlreadyExists", err)
	}
	v.SQL = "SELECT 2"
	if err := c.CreateView(ctx, v, true); err != nil {
		t.Fatalf("CREATE OR REPLACE: %v", err)
	}
	tbl := &Table{Database: "main", Name: "recent", Columns: []Column{{Name: "a", Type: arrow.PrimitiveTypes.Int32}}}
	if err := c.CreateTable(ctx, tbl, false); !qerr.Has(err, qerr.ErrAlreadyExists) {
		t.Fatalf("table named like a view: %v, want ErrAlreadyExists", err)
	}
	if err := c.CreateDatabase(ctx, "other", false); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateView(ctx, &View{Database: "other", Name: "v", SQL: "SELECT 3"}, false); err != nil {
		t.Fatal(err)
	}
	if err := c.DropDatabase(ctx, "other", false); !qerr.Has(err, qerr.ErrInvalid) {
		t.Fatalf("dropping a database with a view: %v, want ErrInvalid", err)
	}
	c.Close()

	c, err = OpenBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	got, err := c.GetView(ctx, "MAIN", "recent")
	if err != nil || got.SQL != "SELECT 2" || got.Name != "Recent" || len(got.Columns) != 1 {
		t.Fatalf("GetView after reopen = %+v, %v", got, err)
	}
	views, err := c.ListViews(ctx, "main")
	if err != nil || len(views) != 1 {
		t.Fatalf("ListViews = %v, %v", views, err)
	}
	if err := c.DropView(ctx, "main", "recent", false); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetView(ctx, "main", "recent"); !qerr.Has(err, qerr.ErrNotFound) {
		t.Fatalf("GetView after drop: %v", err)
	}
	if err := c.DropView(ctx, "main", "recent", false); !qerr.Has(err, qerr.ErrNotFound) {
		t.Fatalf("second DropView: %v", err)
	}
	if err := c.DropView(ctx, "main", "recent", true); err != nil {
		t.Fatalf("DROP VIEW IF EXISTS: %v", err)
	}
}
