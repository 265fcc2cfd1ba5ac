package catalog

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	bolt "go.etcd.io/bbolt"
	"go.uber.org/goleak"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/qerr"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// openTest opens a fresh catalog in a temporary directory, closed at the end
// of the test.
func openTest(t *testing.T) (*BoltCatalog, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "catalog.db")
	c, err := OpenBolt(path)
	if err != nil {
		t.Fatalf("OpenBolt: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c, path
}

// checkCode fails unless err carries want; want "" means no error.
func checkCode(t *testing.T, what string, err error, want qerr.Code) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("%s: unexpected error %v", what, err)
	case want != "" && !qerr.Has(err, want):
		t.Fatalf("%s: got error %v, want code %s", what, err, want)
	case want != "" && !errors.Is(err, want.New("")):
		t.Fatalf("%s: errors.Is does not match code %s for %v", what, want, err)
	}
}

// sampleTable is a table of the types the planner uses most.
func sampleTable(db, name string) *Table {
	return &Table{
		Database: db,
		Name:     name,
		Columns: []Column{
			{Name: "o_orderkey", Type: arrow.PrimitiveTypes.Int64},
			{Name: "o_totalprice", Type: &arrow.Decimal128Type{Precision: 15, Scale: 2}, Nullable: true},
			{Name: "o_orderdate", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
			{Name: "o_comment", Type: arrow.BinaryTypes.String, Nullable: true},
			{Name: "o_ts", Type: &arrow.TimestampType{Unit: arrow.Microsecond}, Nullable: true},
			{Name: "o_tstz", Type: &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}},
			{Name: "o_flag", Type: arrow.FixedWidthTypes.Boolean},
		},
		DistributionKeys: []string{"o_orderkey"},
		Partitions:       4,
		Options:          map[string]string{"format": "parquet", "compression": "zstd"},
	}
}

// dataFiles makes n files named after prefix, with statistics.
func dataFiles(prefix string, n int) []DataFile {
	out := make([]DataFile, n)
	for i := range out {
		out[i] = DataFile{
			Path:  fmt.Sprintf("tables/%s-%d.parquet", prefix, i),
			Rows:  int64(100 + i),
			Bytes: int64(4096 + i),
			Columns: []ColumnStats{
				{Name: "o_orderkey", NullCount: 0, Min: "1", Max: fmt.Sprint(100 + i)},
				{Name: "o_comment", NullCount: int64(i), Min: "'a'", Max: "'z''s'"},
				{Name: "o_orderdate", NullCount: 1},
			},
		}
	}
	return out
}

// sameTable fails unless got equals want field by field, comparing column
// types with arrow.TypeEqual (types are pointers with private caches, so
// reflect.DeepEqual is the wrong test for them) and times with Equal.
func sameTable(t *testing.T, got, want *Table) {
	t.Helper()
	if got == nil || want == nil {
		t.Fatalf("table: got %v, want %v", got, want)
	}
	if len(got.Columns) != len(want.Columns) {
		t.Fatalf("columns: got %d, want %d", len(got.Columns), len(want.Columns))
	}
	for i := range got.Columns {
		g, w := got.Columns[i], want.Columns[i]
		if g.Name != w.Name || g.Nullable != w.Nullable || !arrow.TypeEqual(g.Type, w.Type) {
			t.Errorf("column %d: got %s %s nullable=%v, want %s %s nullable=%v", i, g.Name, g.Type, g.Nullable, w.Name, w.Type, w.Nullable)
		}
	}
	if !got.Created.Equal(want.Created) {
		t.Errorf("created: got %v, want %v", got.Created, want.Created)
	}
	if !got.Snapshot.Committed.Equal(want.Snapshot.Committed) {
		t.Errorf("committed: got %v, want %v", got.Snapshot.Committed, want.Snapshot.Committed)
	}
	g, w := *got, *want
	g.Columns, w.Columns = nil, nil
	g.Created, w.Created = time.Time{}, time.Time{}
	g.Snapshot.Committed, w.Snapshot.Committed = time.Time{}, time.Time{}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("table:\n got %+v\nwant %+v", g, w)
	}
}

func TestTypeStringRoundTrip(t *testing.T) {
	types := map[string]arrow.DataType{
		"decimal(1,0)":   &arrow.Decimal128Type{Precision: 1, Scale: 0},
		"decimal(15,2)":  &arrow.Decimal128Type{Precision: 15, Scale: 2},
		"decimal(38,38)": &arrow.Decimal128Type{Precision: 38, Scale: 38},
		"timestamp_s":    &arrow.TimestampType{Unit: arrow.Second},
		"timestamp_ms":   &arrow.TimestampType{Unit: arrow.Millisecond},
		"timestamp_us":   &arrow.TimestampType{Unit: arrow.Microsecond},
		"timestamp_ns":   &arrow.TimestampType{Unit: arrow.Nanosecond},
		"timestamptz_s":  &arrow.TimestampType{Unit: arrow.Second, TimeZone: "UTC"},
		"timestamptz_ms": &arrow.TimestampType{Unit: arrow.Millisecond, TimeZone: "UTC"},
		"timestamptz_us": &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"},
		"timestamptz_ns": &arrow.TimestampType{Unit: arrow.Nanosecond, TimeZone: "UTC"},
	}
	// Every type ParseType knows by name.
	for s, typ := range simpleTypes {
		types[s] = typ
	}
	for want, typ := range types {
		t.Run(want, func(t *testing.T) {
			s := TypeString(typ)
			if s != want {
				t.Fatalf("TypeString(%s) = %q, want %q", typ, s, want)
			}
			back, err := ParseType(s)
			if err != nil {
				t.Fatalf("ParseType(%q): %v", s, err)
			}
			if !arrow.TypeEqual(back, typ) {
				t.Fatalf("ParseType(%q) = %s, want %s", s, back, typ)
			}
		})
	}

	for _, bad := range []string{"", "int128", "INT64", "decimal(0,0)", "decimal(39,2)", "decimal(5,6)", "decimal(5)", "decimal(a,b)", "timestamp_xs", "timestamp"} {
		t.Run("bad/"+bad, func(t *testing.T) {
			_, err := ParseType(bad)
			checkCode(t, fmt.Sprintf("ParseType(%q)", bad), err, qerr.ErrInvalid)
		})
	}
}

func TestOpenBolt(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "catalog.db")

	c, err := OpenBolt(path)
	if err != nil {
		t.Fatalf("first open: %v", err)
	}
	dbs, err := c.ListDatabases(ctx)
	if err != nil || !reflect.DeepEqual(dbs, []string{DefaultDatabase}) {
		t.Fatalf("fresh catalog databases = %v, %v; want [main]", dbs, err)
	}

	// A second opener (another process in real life; flock locks conflict
	// between two descriptors of one process too) must fail, not hang.
	second, err := openBolt(path, 100*time.Millisecond)
	if err == nil {
		_ = second.Close()
		t.Fatal("second open of a locked catalog succeeded")
	}
	if !errors.Is(err, bolt.ErrTimeout) || !strings.Contains(err.Error(), "locked") || !strings.Contains(err.Error(), path) {
		t.Fatalf("second open: %v; want a lock timeout naming the file", err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	// Reopening keeps main and does not create it twice.
	c, err = OpenBolt(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	dbs, err = c.ListDatabases(ctx)
	if err != nil || !reflect.DeepEqual(dbs, []string{DefaultDatabase}) {
		t.Fatalf("reopened databases = %v, %v; want [main]", dbs, err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	t.Run("missing directory", func(t *testing.T) {
		_, err := OpenBolt(filepath.Join(dir, "nope", "catalog.db"))
		if err == nil || !strings.Contains(err.Error(), "catalog: open") {
			t.Fatalf("got %v, want an open error", err)
		}
	})
	t.Run("not a bolt file", func(t *testing.T) {
		junk := filepath.Join(dir, "junk.db")
		if err := os.WriteFile(junk, []byte(strings.Repeat("not a database ", 1000)), 0o600); err != nil {
			t.Fatal(err)
		}
		if c, err := OpenBolt(junk); err == nil {
			_ = c.Close()
			t.Fatal("opened a file that is not a bolt database")
		}
	})
	t.Run("other format version", func(t *testing.T) {
		other := filepath.Join(dir, "other.db")
		db, err := bolt.Open(other, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket(bucketMeta)
			if err != nil {
				return err
			}
			return b.Put(keyFormat, []byte("99"))
		})
		if cerr := db.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
		if c, err := OpenBolt(other); err == nil || !strings.Contains(err.Error(), `"99"`) {
			if c != nil {
				_ = c.Close()
			}
			t.Fatalf("got %v, want a format version error", err)
		}
	})
}

func TestDatabases(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	long := strings.Repeat("d", maxNameLen)
	steps := []struct {
		name string
		run  func() error
		want qerr.Code
	}{
		{"create", func() error { return c.CreateDatabase(ctx, "Sales", false) }, ""},
		{"create again, other case", func() error { return c.CreateDatabase(ctx, "SALES", false) }, qerr.ErrAlreadyExists},
		{"create again if not exists", func() error { return c.CreateDatabase(ctx, "sales", true) }, ""},
		{"create main", func() error { return c.CreateDatabase(ctx, "Main", false) }, qerr.ErrAlreadyExists},
		{"create longest name", func() error { return c.CreateDatabase(ctx, long, false) }, ""},
		{"create multibyte name", func() error { return c.CreateDatabase(ctx, "données", false) }, ""},
		{"create empty name", func() error { return c.CreateDatabase(ctx, "", false) }, qerr.ErrInvalid},
		{"create name with slash", func() error { return c.CreateDatabase(ctx, "a/b", false) }, qerr.ErrInvalid},
		{"create name with NUL", func() error { return c.CreateDatabase(ctx, "a\x00b", false) }, qerr.ErrInvalid},
		{"create dot-dot", func() error { return c.CreateDatabase(ctx, "..", false) }, qerr.ErrInvalid},
		{"create name too long", func() error { return c.CreateDatabase(ctx, long+"d", true) }, qerr.ErrInvalid},
		{"create bad UTF-8", func() error { return c.CreateDatabase(ctx, "a\xffb", false) }, qerr.ErrInvalid},
		{"drop main", func() error { return c.DropDatabase(ctx, "main", true) }, qerr.ErrInvalid},
		{"drop MAIN", func() error { return c.DropDatabase(ctx, "MAIN", false) }, qerr.ErrInvalid},
		{"drop missing", func() error { return c.DropDatabase(ctx, "nope", false) }, qerr.ErrNotFound},
		{"drop missing if exists", func() error { return c.DropDatabase(ctx, "nope", true) }, ""},
		{"create table in it", func() error { return c.CreateTable(ctx, sampleTable("sales", "t"), false) }, ""},
		{"drop non-empty", func() error { return c.DropDatabase(ctx, "sales", false) }, qerr.ErrInvalid},
		{"drop non-empty if exists", func() error { return c.DropDatabase(ctx, "sales", true) }, qerr.ErrInvalid},
		{"drop its table", func() error { _, err := c.DropTable(ctx, "sales", "t", false); return err }, ""},
		{"drop, other case", func() error { return c.DropDatabase(ctx, "sALes", false) }, ""},
		{"drop again", func() error { return c.DropDatabase(ctx, "sales", false) }, qerr.ErrNotFound},
		{"create table in dropped", func() error { return c.CreateTable(ctx, sampleTable("sales", "t"), false) }, qerr.ErrNotFound},
		{"create again after drop", func() error { return c.CreateDatabase(ctx, "archive", false) }, ""},
	}
	for _, s := range steps {
		checkCode(t, s.name, s.run(), s.want)
	}

	got, err := c.ListDatabases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"archive", long, "données", "main"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ListDatabases = %q, want %q", got, want)
	}
}

func TestCreateTableValidation(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	if err := c.CreateTable(ctx, sampleTable("main", "exists"), false); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		edit   func(*Table)
		ifNot  bool
		want   qerr.Code
		stored bool // whether the table exists afterwards
	}{
		{"valid", func(*Table) {}, false, "", true},
		{"valid, database in other case", func(t *Table) { t.Database = "MAIN" }, false, "", true},
		{"no database", func(t *Table) { t.Database = "" }, false, qerr.ErrInvalid, false},
		{"unknown database", func(t *Table) { t.Database = "nope" }, false, qerr.ErrNotFound, false},
		{"empty name", func(t *Table) { t.Name = "" }, false, qerr.ErrInvalid, false},
		{"slash in name", func(t *Table) { t.Name = "a/b" }, false, qerr.ErrInvalid, false},
		{"NUL in name", func(t *Table) { t.Name = "a\x00" }, false, qerr.ErrInvalid, false},
		{"name too long", func(t *Table) { t.Name = strings.Repeat("t", 65) }, false, qerr.ErrInvalid, false},
		{"no columns", func(t *Table) { t.Columns = nil }, false, qerr.ErrInvalid, false},
		{"empty column name", func(t *Table) { t.Columns[1].Name = "" }, false, qerr.ErrInvalid, false},
		{"duplicate column", func(t *Table) { t.Columns[1].Name = "O_ORDERKEY" }, false, qerr.ErrInvalid, false},
		{"nil type", func(t *Table) { t.Columns[0].Type = nil }, false, qerr.ErrInvalid, false},
		{"unstorable type", func(t *Table) { t.Columns[0].Type = arrow.ListOf(arrow.PrimitiveTypes.Int64) }, false, qerr.ErrUnsupported, false},
		{"zone that would be lost", func(t *Table) {
			t.Columns[0].Type = &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "Europe/Paris"}
		}, false, qerr.ErrUnsupported, false},
		{"zoned timestamp in seconds", func(t *Table) {
			t.Columns[5].Type = &arrow.TimestampType{Unit: arrow.Second, TimeZone: "UTC"}
		}, false, qerr.ErrInvalid, false},
		{"zoned timestamp in milliseconds", func(t *Table) {
			t.Columns[5].Type = &arrow.TimestampType{Unit: arrow.Millisecond, TimeZone: "UTC"}
		}, false, qerr.ErrInvalid, false},
		{"zoned timestamp in nanoseconds", func(t *Table) {
			t.Columns[5].Type = &arrow.TimestampType{Unit: arrow.Nanosecond, TimeZone: "UTC"}
		}, false, qerr.ErrInvalid, false},
		{"plain timestamp in nanoseconds", func(t *Table) {
			t.Columns[4].Type = &arrow.TimestampType{Unit: arrow.Nanosecond}
		}, false, "", true},
		{"unknown distribution key", func(t *Table) { t.DistributionKeys = []string{"nope"} }, false, qerr.ErrInvalid, false},
		{"distribution key in other case", func(t *Table) { t.DistributionKeys = []string{"O_ORDERKEY"} }, false, "", true},
		{"negative partitions", func(t *Table) { t.Partitions = -1 }, false, qerr.ErrInvalid, false},
		{"file without path", func(t *Table) { t.Snapshot.Files = []DataFile{{Rows: 1}} }, false, qerr.ErrInvalid, false},
		{"exists", func(t *Table) { t.Name = "EXISTS" }, false, qerr.ErrAlreadyExists, true},
		{"exists, if not exists", func(t *Table) { t.Name = "Exists" }, true, "", true},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tbl := sampleTable("main", fmt.Sprintf("t%d", i))
			tc.edit(tbl)
			err := c.CreateTable(ctx, tbl, tc.ifNot)
			checkCode(t, "CreateTable", err, tc.want)
			if err != nil && tbl.ID != 0 {
				t.Errorf("failed CreateTable assigned ID %d", tbl.ID)
			}
			if tc.ifNot && tbl.ID != 0 {
				t.Errorf("CREATE IF NOT EXISTS of an existing table assigned ID %d", tbl.ID)
			}
			db := tbl.Database
			if validateName("database", db) != nil {
				return
			}
			_, gerr := c.GetTable(ctx, db, tbl.Name)
			if exists := gerr == nil; exists != tc.stored {
				t.Errorf("after CreateTable, GetTable error = %v, want stored=%v", gerr, tc.stored)
			}
		})
	}
	// The existing table is untouched by the failed and the IF NOT EXISTS creates.
	got, err := c.GetTable(ctx, "main", "exists")
	if err != nil || got.Name != "exists" || got.ID != 1 {
		t.Fatalf("existing table after creates: %+v, %v", got, err)
	}
}

func TestTables(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	if err := c.CreateDatabase(ctx, "Shop", false); err != nil {
		t.Fatal(err)
	}
	created := map[string]*Table{}
	for _, name := range []string{"Orders", "lineitem", "CUSTOMER", "a_first"} {
		tbl := sampleTable("shop", name)
		before := time.Now()
		if err := c.CreateTable(ctx, tbl, false); err != nil {
			t.Fatalf("CreateTable %s: %v", name, err)
		}
		if tbl.ID == 0 || tbl.Created.Before(before.Add(-time.Second)) || tbl.Created.After(time.Now().Add(time.Second)) {
			t.Fatalf("CreateTable %s assigned ID %d, Created %v", name, tbl.ID, tbl.Created)
		}
		created[strings.ToLower(name)] = tbl
	}

	t.Run("get", func(t *testing.T) {
		cases := []struct {
			db, name string
			want     string // stored spelling; "" for an error
			code     qerr.Code
		}{
			{"shop", "orders", "Orders", ""},
			{"SHOP", "ORDERS", "Orders", ""},
			{"Shop", "Customer", "CUSTOMER", ""},
			{"shop", "nope", "", qerr.ErrNotFound},
			{"nope", "orders", "", qerr.ErrNotFound},
			{"main", "orders", "", qerr.ErrNotFound},
		}
		for _, tc := range cases {
			got, err := c.GetTable(ctx, tc.db, tc.name)
			checkCode(t, fmt.Sprintf("GetTable(%s, %s)", tc.db, tc.name), err, tc.code)
			if tc.code != "" {
				if got != nil {
					t.Errorf("GetTable(%s, %s) returned a table with an error", tc.db, tc.name)
				}
				continue
			}
			if got.Name != tc.want || got.Database != "Shop" {
				t.Errorf("GetTable(%s, %s) = %s.%s, want Shop.%s", tc.db, tc.name, got.Database, got.Name, tc.want)
			}
			want := *created[strings.ToLower(tc.want)]
			want.Database = "Shop" // the database's own spelling, not the caller's
			sameTable(t, got, &want)
			if got.Snapshot.ID != 0 || len(got.Snapshot.Files) != 0 || got.Snapshot.Rows() != 0 {
				t.Errorf("new table has snapshot %+v", got.Snapshot)
			}
			if got.Schema().NumFields() != 7 || got.ColumnIndex("O_TOTALPRICE") != 1 {
				t.Errorf("schema of the stored table: %s", got.Schema())
			}
		}
	})

	t.Run("get returns a copy", func(t *testing.T) {
		a, err := c.GetTable(ctx, "shop", "orders")
		if err != nil {
			t.Fatal(err)
		}
		a.Options["format"] = "csv"
		a.Columns[0].Name = "changed"
		b, err := c.GetTable(ctx, "shop", "orders")
		if err != nil {
			t.Fatal(err)
		}
		if b.Options["format"] != "parquet" || b.Columns[0].Name != "o_orderkey" {
			t.Fatalf("changing a returned table changed the catalog: %+v", b)
		}
	})

	t.Run("list", func(t *testing.T) {
		cases := []struct {
			db   string
			want []string
			code qerr.Code
		}{
			{"shop", []string{"a_first", "CUSTOMER", "lineitem", "Orders"}, ""},
			{"SHOP", []string{"a_first", "CUSTOMER", "lineitem", "Orders"}, ""},
			{"main", nil, ""},
			{"nope", nil, qerr.ErrNotFound},
		}
		for _, tc := range cases {
			tables, err := c.ListTables(ctx, tc.db)
			checkCode(t, "ListTables("+tc.db+")", err, tc.code)
			var names []string
			for _, tbl := range tables {
				names = append(names, tbl.Name)
				if tbl.Columns[1].Type.ID() != arrow.DECIMAL128 {
					t.Errorf("listed table %s has column types %v", tbl.Name, tbl.Schema())
				}
			}
			if !reflect.DeepEqual(names, tc.want) {
				t.Errorf("ListTables(%s) = %q, want %q", tc.db, names, tc.want)
			}
		}
	})

	t.Run("drop", func(t *testing.T) {
		files := dataFiles("orders", 2)
		if _, err := c.CommitFiles(ctx, "shop", "orders", created["orders"].ID, files); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			db, name string
			ifExists bool
			want     string // name of the returned table; "" for nil
			code     qerr.Code
		}{
			{"SHOP", "ORDERS", false, "Orders", ""},
			{"shop", "orders", false, "", qerr.ErrNotFound},
			{"shop", "orders", true, "", ""},
			{"nope", "orders", false, "", qerr.ErrNotFound},
			{"nope", "orders", true, "", ""},
			{"shop", "lineitem", true, "lineitem", ""},
		}
		for _, tc := range cases {
			what := fmt.Sprintf("DropTable(%s, %s, %v)", tc.db, tc.name, tc.ifExists)
			got, err := c.DropTable(ctx, tc.db, tc.name, tc.ifExists)
			checkCode(t, what, err, tc.code)
			switch {
			case tc.want == "" && got != nil:
				t.Errorf("%s returned %+v, want nil", what, got)
			case tc.want != "" && (got == nil || got.Name != tc.want):
				t.Errorf("%s returned %+v, want table %s", what, got, tc.want)
			}
		}
		// The dropped table comes back with its files, for the caller to delete.
		tables, err := c.ListTables(ctx, "shop")
		if err != nil {
			t.Fatal(err)
		}
		if len(tables) != 2 {
			t.Fatalf("after drops, %d tables remain, want 2", len(tables))
		}
	})

	t.Run("drop returns files", func(t *testing.T) {
		id := created["customer"].ID
		files := dataFiles("customer", 3)
		if _, err := c.CommitFiles(ctx, "shop", "customer", id, files); err != nil {
			t.Fatal(err)
		}
		got, err := c.DropTable(ctx, "shop", "customer", false)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != id || got.Snapshot.ID != 1 || !reflect.DeepEqual(got.Snapshot.Files, files) {
			t.Fatalf("dropped table: %+v, want its ID %d and files %+v", got, id, files)
		}
	})
}

func TestDropAndRecreate(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	old := sampleTable("main", "t")
	if err := c.CreateTable(ctx, old, false); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DropTable(ctx, "main", "t", false); err != nil {
		t.Fatal(err)
	}
	// Another table in between, so the test does not rely on IDs being
	// consecutive.
	if err := c.CreateTable(ctx, sampleTable("main", "other"), false); err != nil {
		t.Fatal(err)
	}
	fresh := sampleTable("main", "T")
	if err := c.CreateTable(ctx, fresh, false); err != nil {
		t.Fatal(err)
	}
	if fresh.ID == old.ID || fresh.ID <= old.ID {
		t.Fatalf("re-created table has ID %d, old one had %d", fresh.ID, old.ID)
	}

	// A write prepared against the old table must not land in the new one.
	_, err := c.CommitFiles(ctx, "main", "t", old.ID, dataFiles("stale", 1))
	checkCode(t, "CommitFiles with the dropped table's ID", err, qerr.ErrNotFound)
	got, err := c.GetTable(ctx, "main", "t")
	if err != nil {
		t.Fatal(err)
	}
	if got.Snapshot.ID != 0 || len(got.Snapshot.Files) != 0 {
		t.Fatalf("a failed commit changed the table: %+v", got.Snapshot)
	}
	if _, err := c.CommitFiles(ctx, "main", "t", fresh.ID, dataFiles("fresh", 1)); err != nil {
		t.Fatalf("CommitFiles with the new ID: %v", err)
	}
}

func TestCommitFiles(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	tbl := sampleTable("main", "Orders")
	if err := c.CreateTable(ctx, tbl, false); err != nil {
		t.Fatal(err)
	}
	id := tbl.ID
	batch1, batch2 := dataFiles("a", 2), dataFiles("b", 3)

	cases := []struct {
		name     string
		db, tbl  string
		id       uint64
		files    []DataFile
		code     qerr.Code
		wantSnap uint64 // snapshot ID after the call
		wantN    int    // files in the snapshot after the call
	}{
		{"first commit", "main", "orders", id, batch1, "", 1, 2},
		{"second commit, other case", "MAIN", "ORDERS", id, batch2, "", 2, 5},
		{"no files is a no-op", "main", "orders", id, nil, "", 2, 5},
		{"no files, wrong id", "main", "orders", id + 100, nil, qerr.ErrNotFound, 2, 5},
		{"wrong id", "main", "orders", id + 100, dataFiles("c", 1), qerr.ErrNotFound, 2, 5},
		{"unknown table", "main", "nope", id, dataFiles("c", 1), qerr.ErrNotFound, 2, 5},
		{"unknown database", "nope", "orders", id, dataFiles("c", 1), qerr.ErrNotFound, 2, 5},
		{"file already committed", "main", "orders", id, batch1[:1], qerr.ErrInvalid, 2, 5},
		{"same file twice in one commit", "main", "orders", id, []DataFile{{Path: "x"}, {Path: "x"}}, qerr.ErrInvalid, 2, 5},
		{"empty path", "main", "orders", id, []DataFile{{Path: "y"}, {Rows: 3}}, qerr.ErrInvalid, 2, 5},
		{"negative rows", "main", "orders", id, []DataFile{{Path: "y", Rows: -1}}, qerr.ErrInvalid, 2, 5},
		{"third commit", "main", "orders", id, dataFiles("c", 1), "", 3, 6},
	}
	var lastCommitted time.Time
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := time.Now().Add(-time.Second)
			snap, err := c.CommitFiles(ctx, tc.db, tc.tbl, tc.id, tc.files)
			checkCode(t, "CommitFiles", err, tc.code)
			got, gerr := c.GetTable(ctx, "main", "orders")
			if gerr != nil {
				t.Fatal(gerr)
			}
			if got.Snapshot.ID != tc.wantSnap || len(got.Snapshot.Files) != tc.wantN {
				t.Fatalf("snapshot after call: id %d with %d files, want id %d with %d", got.Snapshot.ID, len(got.Snapshot.Files), tc.wantSnap, tc.wantN)
			}
			if err != nil {
				if snap.ID != 0 || snap.Files != nil {
					t.Errorf("failed CommitFiles returned snapshot %+v", snap)
				}
				return
			}
			if !reflect.DeepEqual(snap, got.Snapshot) {
				t.Errorf("returned snapshot %+v differs from stored %+v", snap, got.Snapshot)
			}
			if len(tc.files) > 0 {
				if snap.Committed.Before(before) || snap.Committed.Before(lastCommitted) {
					t.Errorf("Committed = %v, want about now", snap.Committed)
				}
				tail := snap.Files[len(snap.Files)-len(tc.files):]
				if !reflect.DeepEqual(tail, tc.files) {
					t.Errorf("appended files %+v, want %+v", tail, tc.files)
				}
			} else if !snap.Committed.Equal(lastCommitted) {
				t.Errorf("an empty commit changed Committed from %v to %v", lastCommitted, snap.Committed)
			}
			lastCommitted = snap.Committed
		})
	}

	got, err := c.GetTable(ctx, "main", "orders")
	if err != nil {
		t.Fatal(err)
	}
	var rows int64
	for _, f := range append(append(append([]DataFile{}, batch1...), batch2...), dataFiles("c", 1)...) {
		rows += f.Rows
	}
	if got.Snapshot.Rows() != rows {
		t.Fatalf("Rows() = %d, want %d", got.Snapshot.Rows(), rows)
	}
}

func TestPersistence(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "catalog.db")
	c, err := OpenBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CreateDatabase(ctx, "TPCH", false); err != nil {
		t.Fatal(err)
	}
	tbl := sampleTable("tpch", "Orders")
	if err := c.CreateTable(ctx, tbl, false); err != nil {
		t.Fatal(err)
	}
	dropped := sampleTable("tpch", "gone")
	if err := c.CreateTable(ctx, dropped, false); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DropTable(ctx, "tpch", "gone", false); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := c.CommitFiles(ctx, "tpch", "orders", tbl.ID, dataFiles(fmt.Sprintf("s%d", i), i+1)); err != nil {
			t.Fatal(err)
		}
	}
	before, err := c.GetTable(ctx, "tpch", "orders")
	if err != nil {
		t.Fatal(err)
	}
	refsBefore, err := c.ReferencedFiles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	c, err = OpenBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	after, err := c.GetTable(ctx, "TPCH", "ORDERS")
	if err != nil {
		t.Fatal(err)
	}
	sameTable(t, after, before)
	if after.Snapshot.ID != 3 || len(after.Snapshot.Files) != 6 {
		t.Fatalf("reopened snapshot: id %d, %d files; want 3 and 6", after.Snapshot.ID, len(after.Snapshot.Files))
	}
	wantTypes := []string{"int64", "decimal(15,2)", "date32", "utf8", "timestamp_us", "timestamptz_us", "bool"}
	for i, col := range after.Columns {
		if TypeString(col.Type) != wantTypes[i] {
			t.Errorf("column %s reads back as %s, want %s", col.Name, TypeString(col.Type), wantTypes[i])
		}
	}
	dbs, err := c.ListDatabases(ctx)
	if err != nil || !reflect.DeepEqual(dbs, []string{"main", "TPCH"}) {
		t.Fatalf("reopened databases = %q, %v", dbs, err)
	}
	refsAfter, err := c.ReferencedFiles(ctx)
	if err != nil || !reflect.DeepEqual(refsAfter, refsBefore) {
		t.Fatalf("reopened referenced files = %v, %v; want %v", refsAfter, err, refsBefore)
	}
	// The ID sequence survives the restart: no ID is handed out twice, not
	// even a dropped table's.
	next := sampleTable("tpch", "gone")
	if err := c.CreateTable(ctx, next, false); err != nil {
		t.Fatal(err)
	}
	if next.ID <= dropped.ID || next.ID <= tbl.ID {
		t.Fatalf("table created after reopen has ID %d, earlier IDs were %d and %d", next.ID, tbl.ID, dropped.ID)
	}
}

func TestConcurrentCommitFiles(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	tbl := sampleTable("main", "t")
	if err := c.CreateTable(ctx, tbl, false); err != nil {
		t.Fatal(err)
	}
	const writers, commits, perCommit = 8, 20, 3
	var g errgroup.Group
	for w := range writers {
		g.Go(func() error {
			for i := range commits {
				files := dataFiles(fmt.Sprintf("w%d-c%d", w, i), perCommit)
				if _, err := c.CommitFiles(ctx, "main", "t", tbl.ID, files); err != nil {
					return err
				}
				// Readers run beside the writers and always see whole commits.
				got, err := c.GetTable(ctx, "main", "t")
				if err != nil {
					return err
				}
				if len(got.Snapshot.Files) != perCommit*int(got.Snapshot.ID) {
					return fmt.Errorf("snapshot %d has %d files", got.Snapshot.ID, len(got.Snapshot.Files))
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetTable(ctx, "main", "t")
	if err != nil {
		t.Fatal(err)
	}
	if got.Snapshot.ID != writers*commits {
		t.Errorf("snapshot ID %d, want %d", got.Snapshot.ID, writers*commits)
	}
	paths := map[string]bool{}
	for _, f := range got.Snapshot.Files {
		paths[f.Path] = true
	}
	for w := range writers {
		for i := range commits {
			for _, f := range dataFiles(fmt.Sprintf("w%d-c%d", w, i), perCommit) {
				if !paths[f.Path] {
					t.Errorf("file %s was lost", f.Path)
				}
			}
		}
	}
	if len(got.Snapshot.Files) != writers*commits*perCommit || len(paths) != len(got.Snapshot.Files) {
		t.Errorf("%d files (%d distinct), want %d", len(got.Snapshot.Files), len(paths), writers*commits*perCommit)
	}
}

func TestReferencedFiles(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	refs, err := c.ReferencedFiles(ctx)
	if err != nil || len(refs) != 0 {
		t.Fatalf("empty catalog references %v, %v", refs, err)
	}
	if err := c.CreateDatabase(ctx, "other", false); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, tc := range []struct {
		db, name string
		batches  int
		drop     bool
	}{
		{"main", "a", 2, false},
		{"main", "empty", 0, false},
		{"other", "b", 1, false},
		{"other", "dropped", 2, true},
	} {
		tbl := sampleTable(tc.db, tc.name)
		if err := c.CreateTable(ctx, tbl, false); err != nil {
			t.Fatal(err)
		}
		for i := range tc.batches {
			files := dataFiles(fmt.Sprintf("%s/%s/%d", tc.db, tc.name, i), 2)
			if _, err := c.CommitFiles(ctx, tc.db, tc.name, tbl.ID, files); err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				want[f.Path] = !tc.drop
			}
		}
		if tc.drop {
			if _, err := c.DropTable(ctx, tc.db, tc.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	for p, live := range want {
		if !live {
			delete(want, p)
		}
	}
	refs, err = c.ReferencedFiles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(refs, want) {
		t.Fatalf("ReferencedFiles = %v, want %v", refs, want)
	}
}

func TestDoneContextAndClosed(t *testing.T) {
	c, _ := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := map[string]func(context.Context) error{
		"CreateDatabase": func(ctx context.Context) error { return c.CreateDatabase(ctx, "x", false) },
		"DropDatabase":   func(ctx context.Context) error { return c.DropDatabase(ctx, "x", true) },
		"ListDatabases":  func(ctx context.Context) error { _, err := c.ListDatabases(ctx); return err },
		"CreateTable":    func(ctx context.Context) error { return c.CreateTable(ctx, sampleTable("main", "x"), false) },
		"DropTable":      func(ctx context.Context) error { _, err := c.DropTable(ctx, "main", "x", false); return err },
		"GetTable":       func(ctx context.Context) error { _, err := c.GetTable(ctx, "main", "x"); return err },
		"ListTables":     func(ctx context.Context) error { _, err := c.ListTables(ctx, "main"); return err },
		"CommitFiles": func(ctx context.Context) error {
			_, err := c.CommitFiles(ctx, "main", "x", 1, dataFiles("x", 1))
			return err
		},
		"ReferencedFiles": func(ctx context.Context) error { _, err := c.ReferencedFiles(ctx); return err },
	}
	for name, call := range calls {
		if err := call(ctx); qerr.CodeOf(err) != qerr.ErrCancelled {
			t.Errorf("%s with a cancelled context: %v, want a cancellation", name, err)
		}
	}
	if tables, err := c.ListTables(context.Background(), "main"); err != nil || len(tables) != 0 {
		t.Fatalf("cancelled calls changed the catalog: %v, %v", tables, err)
	}

	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	for name, call := range calls {
		err := call(context.Background())
		if err == nil || !errors.Is(err, bolt.ErrDatabaseNotOpen) || !strings.HasPrefix(err.Error(), "catalog: ") {
			t.Errorf("%s on a closed catalog: %v, want a wrapped ErrDatabaseNotOpen", name, err)
		}
	}
}
