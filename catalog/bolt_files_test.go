package catalog

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/qerr"
)

// appendTo commits files to tbl by Commit, as INSERT does.
func appendTo(t *testing.T, c *BoltCatalog, tbl *Table, files []DataFile) {
	t.Helper()
	_, err := c.Commit(context.Background(), []Change{{Kind: ChangeAppend, Database: tbl.Database, Name: tbl.Name, TableID: tbl.ID, Files: files}})
	checkCode(t, "append", err, "")
}

// storedKeys are the keys of table id's files, paths and merge, as stored.
type storedKeys struct {
	files map[string][]byte // key -> value
	paths map[string]bool
}

func readStored(t *testing.T, c *BoltCatalog, id uint64) (storedKeys, bool) {
	t.Helper()
	s := storedKeys{files: map[string][]byte{}, paths: map[string]bool{}}
	found := false
	err := c.db.View(func(tx *bolt.Tx) error {
		d := readData(tx, id)
		if d == nil {
			return nil
		}
		found = true
		if err := d.files.ForEach(func(k, v []byte) error {
			s.files[string(k)] = bytes.Clone(v)
			return nil
		}); err != nil {
			return err
		}
		return d.paths.ForEach(func(k, _ []byte) error {
			s.paths[string(k)] = true
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, found
}

func paths(files []DataFile) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Path
	}
	return out
}

// TestAppendCostIndependentOfTableSize: an append writes its own files'
// keys and the table's small record, and leaves the other files' keys as
// they were, so the pages it writes do not grow with the table. Format 1
// rewrote a record holding every file: at 4,000 files, about 250 pages.
func TestAppendCostIndependentOfTableSize(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	tbl := sampleTable("main", "t")
	checkCode(t, "create", c.CreateTable(ctx, tbl, false), "")
	var pages []int64
	for round, size := range []int{100, 4000} {
		for n := len(mustGet(t, c, tbl).Snapshot.Files); n < size; n += 500 {
			appendTo(t, c, tbl, dataFiles(fmt.Sprintf("fill-%d-%d", round, n), min(500, size-n)))
		}
		before, _ := readStored(t, c, tbl.ID)
		stats := c.db.Stats()
		appendTo(t, c, tbl, dataFiles(fmt.Sprintf("probe-%d", round), 16))
		after := c.db.Stats()
		pages = append(pages, after.TxStats.GetWrite()-stats.TxStats.GetWrite())
		got, _ := readStored(t, c, tbl.ID)
		if len(got.files) != len(before.files)+16 || len(got.paths) != len(got.files) {
			t.Fatalf("%d files: the append left %d files and %d paths, want %d", size, len(got.files), len(got.paths), len(before.files)+16)
		}
		for k, v := range before.files {
			if !bytes.Equal(got.files[k], v) {
				t.Fatalf("%d files: the append changed the key of another file", size)
			}
		}
		err := c.db.View(func(tx *bolt.Tx) error {
			if v := tx.Bucket(bucketTables).Bucket(nameKey("main")).Get(nameKey("t")); len(v) > 2048 || bytes.Contains(v, []byte("fill-")) {
				t.Errorf("%d files: the table record is %d bytes and holds files: %s", size, len(v), v)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("an append of 16 files wrote %d pages at 100 files, %d at 4,000", pages[0], pages[1])
	// Bigger trees are deeper and the 16 paths land on more leaves of the
	// path index, but the cost stays far from the files' size.
	if pages[1] > 64 || pages[1] > 3*pages[0]+16 {
		t.Fatalf("an append wrote %d pages at 100 files and %d at 4,000", pages[0], pages[1])
	}
}

func mustGet(t *testing.T, c *BoltCatalog, tbl *Table) *Table {
	t.Helper()
	got, err := c.GetTable(context.Background(), tbl.Database, tbl.Name)
	checkCode(t, "get "+tbl.Name, err, "")
	return got
}

// TestFileKeysFollowTheSnapshot: every change that takes files out of a
// snapshot deletes their keys and only theirs; the order of the files is
// the order they were committed in, through rewrites; a rename moves no
// file; ReferencedFiles is the files of the tables there are.
func TestFileKeysFollowTheSnapshot(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	tbl := sampleTable("main", "t")
	checkCode(t, "create", c.CreateTable(ctx, tbl, false), "")
	appendTo(t, c, tbl, files("a", "b", "c"))
	appendTo(t, c, tbl, files("d", "e"))
	want := func(what string, id uint64, want ...string) {
		t.Helper()
		s, _ := readStored(t, c, id)
		if len(s.files) != len(want) || len(s.paths) != len(want) {
			t.Fatalf("%s: %d file keys and %d paths stored, want %d", what, len(s.files), len(s.paths), len(want))
		}
		for _, p := range want {
			if !s.paths[p] {
				t.Fatalf("%s: no key for %s", what, p)
			}
		}
	}
	want("appended", tbl.ID, "a", "b", "c", "d", "e")

	// A rewrite removes b and d and adds x after the files that stay.
	removed, err := c.Commit(ctx, []Change{{Kind: ChangeRewrite, Database: "main", Name: "t", TableID: tbl.ID,
		Remove: files("d", "b", "d"), Files: files("x")}})
	checkCode(t, "rewrite", err, "")
	if len(removed) != 1 || removed[0].Snapshot.ID != 2 {
		t.Fatalf("rewrite removed %+v", removed)
	}
	want("rewritten", tbl.ID, "a", "c", "e", "x")
	appendTo(t, c, tbl, files("b"))
	if got := paths(mustGet(t, c, tbl).Snapshot.Files); !reflect.DeepEqual(got, []string{"a", "c", "e", "x", "b"}) {
		t.Fatalf("files in order %v", got)
	}
	// A rewrite of a file that is gone fails and removes nothing.
	_, err = c.Commit(ctx, []Change{{Kind: ChangeRewrite, Database: "main", Name: "t", TableID: tbl.ID,
		Remove: files("a", "d")}})
	checkCode(t, "stale rewrite", err, qerr.ErrConflict)
	want("after a failed rewrite", tbl.ID, "a", "c", "e", "x", "b")

	// A rename keeps the ID and with it the files.
	_, err = c.Commit(ctx, []Change{{Kind: ChangeRename, Database: "main", Name: "t", TableID: tbl.ID, NewDatabase: "main", NewName: "u"}})
	checkCode(t, "rename", err, "")
	tbl.Name = "u"
	want("renamed", tbl.ID, "a", "c", "e", "x", "b")

	// TRUNCATE: a rewrite of all files.
	all := mustGet(t, c, tbl).Snapshot.Files
	_, err = c.Commit(ctx, []Change{{Kind: ChangeRewrite, Database: "main", Name: "u", TableID: tbl.ID, Remove: all}})
	checkCode(t, "truncate", err, "")
	want("truncated", tbl.ID)
	if got := mustGet(t, c, tbl); got.Snapshot.Files != nil || got.Snapshot.ID != 5 {
		t.Fatalf("truncated snapshot %+v", got.Snapshot)
	}
	appendTo(t, c, tbl, files("f"))

	// A replace drops the old table's files and keys the new one's by its ID.
	def := newDef(t, c, "main", "u")
	removed, err = c.Commit(ctx, []Change{{Kind: ChangeReplace, Database: "main", Name: "u", TableID: tbl.ID, Table: def, Files: files("g", "h")}})
	checkCode(t, "replace", err, "")
	if len(removed) != 1 || !reflect.DeepEqual(paths(removed[0].Snapshot.Files), []string{"f"}) {
		t.Fatalf("replace removed %+v", removed)
	}
	if _, found := readStored(t, c, tbl.ID); found {
		t.Fatal("the replaced table's files are still stored")
	}
	want("replacement", def.ID, "g", "h")

	other := sampleTable("main", "other")
	checkCode(t, "create other", c.CreateTable(ctx, other, false), "")
	appendTo(t, c, other, files("o"))
	refs, err := c.ReferencedFiles(ctx)
	checkCode(t, "referenced", err, "")
	if !reflect.DeepEqual(refs, map[string]bool{"g": true, "h": true, "o": true}) {
		t.Fatalf("referenced files %v", refs)
	}

	// DROP TABLE and a dropping Commit delete the files.
	dropped, err := c.DropTable(ctx, "main", "u", false)
	checkCode(t, "drop", err, "")
	if !reflect.DeepEqual(paths(dropped.Snapshot.Files), []string{"g", "h"}) {
		t.Fatalf("drop returned %v", paths(dropped.Snapshot.Files))
	}
	if _, found := readStored(t, c, def.ID); found {
		t.Fatal("the dropped table's files are still stored")
	}
	removed, err = c.Commit(ctx, []Change{{Kind: ChangeDrop, Database: "main", Name: "other", TableID: other.ID}})
	checkCode(t, "drop by commit", err, "")
	if len(removed) != 1 || !reflect.DeepEqual(paths(removed[0].Snapshot.Files), []string{"o"}) {
		t.Fatalf("drop by commit removed %+v", removed)
	}
	if _, found := readStored(t, c, other.ID); found {
		t.Fatal("the table dropped by commit has its files still stored")
	}
	if refs, err := c.ReferencedFiles(ctx); err != nil || len(refs) != 0 {
		t.Fatalf("referenced files after the drops: %v, %v", refs, err)
	}
}

// TestCreateRefusesAnIDInUse: files are keyed by table ID, so a create
// with the ID of a table that exists would mix their files.
func TestCreateRefusesAnIDInUse(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	def := newDef(t, c, "main", "a")
	_, err := c.Commit(ctx, []Change{{Kind: ChangeCreate, Database: "main", Name: "a", Table: def, Files: files("a/1")}})
	checkCode(t, "create a", err, "")
	again := *def
	again.Name = "b"
	_, err = c.Commit(ctx, []Change{{Kind: ChangeCreate, Database: "main", Name: "b", Table: &again}})
	checkCode(t, "create b with a's ID", err, qerr.ErrInvalid)
}

// TestIncrementalMergeIsTheWholeMerge: the distinct counts an append
// merges onto the stored merge are the ones summarize gives for all the
// snapshot's files at once, exactly, through sparse sketches and dense.
func TestIncrementalMergeIsTheWholeMerge(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	tbl := sampleTable("main", "t")
	checkCode(t, "create", c.CreateTable(ctx, tbl, false), "")
	var all []DataFile
	for i := range 12 {
		f := sketchedFile(t, fmt.Sprintf("t/%d", i), i*700, i*700+100*(i+1)*(i+1))
		all = append(all, f)
		appendTo(t, c, tbl, []DataFile{f})
		whole := summarize(all, func(path string) map[string][]byte {
			for _, f := range all {
				if f.Path == path {
					return map[string][]byte{"o_orderkey": f.Columns[0].Sketch}
				}
			}
			return nil
		})
		if got := mustGet(t, c, tbl).Snapshot.Columns; !reflect.DeepEqual(got, whole) {
			t.Fatalf("after %d appends: %v, merged at once %v", i+1, got, whole)
		}
	}
}

// TestGroupCommit: appends that queue behind a committing transaction run
// together in the next one; one that fails there runs again alone with its
// own error (or panic), and the others commit without it.
func TestGroupCommit(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	bucket := []byte("group-test")
	if err := c.db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket(bucket); return err }); err != nil {
		t.Fatal(err)
	}
	put := func(key string, txID *int, runs *int) func(tx *bolt.Tx) error {
		return func(tx *bolt.Tx) error {
			*runs++
			*txID = tx.ID()
			return tx.Bucket(bucket).Put([]byte(key), []byte("v"))
		}
	}
	waitQueued := func(n int) {
		for {
			c.group.mu.Lock()
			k := len(c.group.queue)
			c.group.mu.Unlock()
			if k == n {
				return
			}
			runtime.Gosched()
		}
	}

	release := make(chan struct{})
	entered := make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- c.appendUpdate(ctx, "first", func(tx *bolt.Tx) error {
			close(entered)
			<-release
			return nil
		})
	}()
	<-entered
	var txB, txD, runsB, runsD, runsC int
	results := make(chan error, 3)
	errMine := errors.New("mine")
	panicked := make(chan any, 1)
	go func() { results <- c.appendUpdate(ctx, "b", put("b", &txB, &runsB)) }()
	waitQueued(1)
	go func() {
		results <- c.appendUpdate(ctx, "c", func(tx *bolt.Tx) error {
			runsC++
			if err := tx.Bucket(bucket).Put([]byte("c"), []byte("v")); err != nil {
				return err
			}
			return errMine
		})
	}()
	waitQueued(2)
	go func() {
		defer func() { panicked <- recover() }()
		_ = c.appendUpdate(ctx, "p", func(tx *bolt.Tx) error { panic("boom") })
	}()
	waitQueued(3)
	go func() { results <- c.appendUpdate(ctx, "d", put("d", &txD, &runsD)) }()
	waitQueued(4)
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	var errs []error
	for range 3 {
		errs = append(errs, <-results)
	}
	if p := <-panicked; p != "boom" {
		t.Fatalf("the panicking call recovered %v, want its own panic", p)
	}
	failed := 0
	for _, err := range errs {
		switch {
		case err == nil:
		case errors.Is(err, errMine):
			failed++
		default:
			t.Fatalf("unexpected error %v", err)
		}
	}
	if failed != 1 {
		t.Fatalf("errors %v, want only c's own", errs)
	}
	if txB != txD {
		t.Errorf("b and d committed in transactions %d and %d, want one", txB, txD)
	}
	// The group [b c p d] failed on c, then [b p d] on p, then [b d]
	// committed; c and p ran again alone.
	if runsB != 3 || runsD != 1 || runsC != 2 {
		t.Errorf("runs: b %d, c %d, d %d; want 3, 2 and 1", runsB, runsC, runsD)
	}
	err := c.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		if b.Get([]byte("b")) == nil || b.Get([]byte("d")) == nil || b.Get([]byte("c")) != nil {
			t.Errorf("stored b %q, c %q, d %q: want b and d only", b.Get([]byte("b")), b.Get([]byte("c")), b.Get([]byte("d")))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestMigrateV1: a catalog written by format 1, which kept every table's
// files in its record, opens with its tables as they were, files in their
// order, and goes on from there: appends merge sketches onto what the old
// files had, IDs continue, and the next open finds format 2.
func TestMigrateV1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "catalog.db")
	old := []DataFile{
		sketchedFile(t, "tables/main/orders/1.parquet", 0, 3000),
		sketchedFile(t, "tables/main/orders/2.parquet", 2000, 9000),
		{Path: "tables/main/orders/3.parquet", Rows: 7, Bytes: 300, Bucket: 2, Schema: 1, Columns: []ColumnStats{
			{Name: "o_orderkey", NullCount: 1, Min: "5", Max: "9"}}},
	}
	old[2].Columns[0].Sketch = sketchedFile(t, "x", 5, 10).Columns[0].Sketch
	sketches := func(path string) map[string][]byte {
		for _, f := range old {
			if f.Path == path {
				return map[string][]byte{"o_orderkey": f.Columns[0].Sketch}
			}
		}
		return nil
	}
	distinct := summarize(old, sketches)[0].Distinct
	// The records as format 1 wrote them.
	orders := fmt.Sprintf(`{"id":3,"database":"main","name":"Orders","columns":[{"name":"o_orderkey","type":"int64","nullable":false},{"name":"o_note","type":"utf8","nullable":true,"since":1}],`+
		`"distribution_keys":["o_orderkey"],"partitions":4,"created":"2025-01-02T03:04:05Z","schema_version":1,`+
		`"snapshot":{"id":4,"files":[`+
		`{"path":"tables/main/orders/1.parquet","rows":3000,"bytes":100,"columns":[{"name":"o_orderkey","null_count":0,"min":"0","max":"2999"}]},`+
		`{"path":"tables/main/orders/2.parquet","rows":7000,"bytes":100,"columns":[{"name":"o_orderkey","null_count":0,"min":"2000","max":"8999"}]},`+
		`{"path":"tables/main/orders/3.parquet","rows":7,"bytes":300,"bucket":2,"columns":[{"name":"o_orderkey","null_count":1,"min":"5","max":"9"}],"schema":1}],`+
		`"committed":"2025-01-03T00:00:00Z","columns":[{"name":"o_orderkey","distinct":%d}]}}`, distinct)
	empty := `{"id":5,"database":"main","name":"empty","columns":[{"name":"a","type":"int64","nullable":true}],"created":"2025-01-02T03:04:05Z","snapshot":{"id":0,"committed":"0001-01-01T00:00:00Z"}}`
	external := `{"id":6,"database":"TPCH","name":"ext","columns":[{"name":"a","type":"int64","nullable":true}],"created":"2025-01-02T03:04:05Z",` +
		`"snapshot":{"id":1,"files":[{"path":"/data/ext/a.parquet","rows":10,"bytes":10}],"committed":"2025-01-03T00:00:00Z"},` +
		`"external":{"location":"/data/ext/*.parquet","format":"parquet"}}`
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		put := func(b *bolt.Bucket, k, v string) {
			if err == nil {
				err = b.Put([]byte(k), []byte(v))
			}
		}
		meta, _ := tx.CreateBucket(bucketMeta)
		put(meta, "format", "1")
		dbs, _ := tx.CreateBucket(bucketDatabases)
		put(dbs, "main", `{"name":"main","created":"2025-01-01T00:00:00Z"}`)
		put(dbs, "tpch", `{"name":"TPCH","created":"2025-01-01T00:00:00Z"}`)
		tables, _ := tx.CreateBucket(bucketTables)
		if err := tables.SetSequence(7); err != nil {
			return err
		}
		mainTables, _ := tables.CreateBucket([]byte("main"))
		put(mainTables, "orders", orders)
		put(mainTables, "empty", empty)
		tpchTables, _ := tables.CreateBucket([]byte("tpch"))
		put(tpchTables, "ext", external)
		sk, _ := tx.CreateBucket(bucketSketches)
		for _, f := range old {
			v, _ := json.Marshal(sketches(f.Path))
			put(sk, f.Path, string(v))
		}
		return err
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}

	c, err := OpenBolt(path)
	if err != nil {
		t.Fatalf("open a format 1 catalog: %v", err)
	}
	got, err := c.GetTable(ctx, "main", "orders")
	checkCode(t, "get orders", err, "")
	wantFiles := make([]DataFile, len(old))
	for i, f := range old {
		wantFiles[i] = f
		wantFiles[i].Columns = []ColumnStats{f.Columns[0]}
		wantFiles[i].Columns[0].Sketch = nil
	}
	if !reflect.DeepEqual(got.Snapshot.Files, wantFiles) {
		t.Fatalf("migrated files\n got %+v\nwant %+v", got.Snapshot.Files, wantFiles)
	}
	if got.ID != 3 || got.Name != "Orders" || got.Snapshot.ID != 4 || got.SchemaVersion != 1 || got.Columns[1].Since != 1 ||
		!reflect.DeepEqual(got.Snapshot.Columns, []ColumnSummary{{Name: "o_orderkey", Distinct: distinct}}) {
		t.Fatalf("migrated table %+v", got)
	}
	ext, err := c.GetTable(ctx, "tpch", "ext")
	checkCode(t, "get ext", err, "")
	if ext.External == nil || !reflect.DeepEqual(paths(ext.Snapshot.Files), []string{"/data/ext/a.parquet"}) {
		t.Fatalf("migrated external table %+v", ext)
	}
	all, err := c.Tables(ctx)
	if err != nil || len(all) != 3 {
		t.Fatalf("tables %v, %v", all, err)
	}
	refs, err := c.ReferencedFiles(ctx)
	checkCode(t, "referenced", err, "")
	if want := map[string]bool{old[0].Path: true, old[1].Path: true, old[2].Path: true, "/data/ext/a.parquet": true}; !reflect.DeepEqual(refs, want) {
		t.Fatalf("referenced files %v, want %v", refs, want)
	}
	err = c.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyFormat); string(v) != formatVersion {
			t.Errorf("format %q after migration", v)
		}
		if v := tx.Bucket(bucketTables).Bucket([]byte("main")).Get([]byte("orders")); bytes.Contains(v, []byte(`"files"`)) {
			t.Errorf("the migrated record still holds its files: %s", v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Appending goes on from the old files' merge.
	next := sketchedFile(t, "tables/main/orders/4.parquet", 8000, 12000)
	next.Schema = 1
	appendTo(t, c, got, []DataFile{next})
	old = append(old, next)
	if got := mustGet(t, c, got); got.Snapshot.ID != 5 || !reflect.DeepEqual(got.Snapshot.Columns, summarize(old, sketches)) {
		t.Fatalf("after an append: snapshot %d, summaries %v, want 5 and %v", got.Snapshot.ID, got.Snapshot.Columns, summarize(old, sketches))
	}
	fresh := sampleTable("main", "fresh")
	checkCode(t, "create", c.CreateTable(ctx, fresh, false), "")
	if fresh.ID != 8 {
		t.Fatalf("new table ID %d, want 8: the sequence goes on", fresh.ID)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c, err = OpenBolt(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer c.Close()
	if got := mustGet(t, c, got); len(got.Snapshot.Files) != 4 {
		t.Fatalf("reopened: %d files", len(got.Snapshot.Files))
	}
}

// TestConcurrentAppends: many writers append at once, by Commit and by
// CommitFiles, beside appends that fail (a file already committed, a
// table that was replaced); every good file is there exactly once, each
// writer's files in its order, each writer sees snapshot IDs grow, and
// the failures fail alone, with their own errors.
func TestConcurrentAppends(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	tbl := sampleTable("main", "t")
	checkCode(t, "create", c.CreateTable(ctx, tbl, false), "")
	const writers, commits, perCommit = 16, 25, 4
	var g errgroup.Group
	for w := range writers {
		g.Go(func() error {
			var last uint64
			for i := range commits {
				files := dataFiles(fmt.Sprintf("w%d/%03d", w, i), perCommit)
				var id uint64
				if i%2 == 0 {
					snap, err := c.CommitFiles(ctx, "main", "t", tbl.ID, files)
					if err != nil {
						return err
					}
					id = snap.ID
					if len(snap.Files) < perCommit*int(id) {
						return fmt.Errorf("snapshot %d has %d files", id, len(snap.Files))
					}
				} else {
					if _, err := c.Commit(ctx, []Change{{Kind: ChangeAppend, Database: "main", Name: "t", TableID: tbl.ID, Files: files}}); err != nil {
						return err
					}
					got, err := c.GetTable(ctx, "main", "t")
					if err != nil {
						return err
					}
					id = got.Snapshot.ID
				}
				if id <= last {
					return fmt.Errorf("writer %d saw snapshot %d after %d", w, id, last)
				}
				last = id
				// A duplicate of a file just committed, and an append to a
				// table ID that is not there: both must fail, alone.
				if _, err := c.CommitFiles(ctx, "main", "t", tbl.ID, files[:1]); !qerr.Has(err, qerr.ErrInvalid) {
					return fmt.Errorf("duplicate append: %v", err)
				}
				if _, err := c.Commit(ctx, []Change{{Kind: ChangeAppend, Database: "main", Name: "t", TableID: tbl.ID + 100, Files: dataFiles(fmt.Sprintf("stale%d/%d", w, i), 1)}}); !qerr.Has(err, qerr.ErrConflict) {
					return fmt.Errorf("stale append: %v", err)
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	got := mustGet(t, c, tbl)
	if got.Snapshot.ID != writers*commits || len(got.Snapshot.Files) != writers*commits*perCommit {
		t.Fatalf("snapshot %d with %d files, want %d with %d", got.Snapshot.ID, len(got.Snapshot.Files), writers*commits, writers*commits*perCommit)
	}
	seen := map[string]bool{}
	lastOf := map[string]string{}
	for _, f := range got.Snapshot.Files {
		if seen[f.Path] {
			t.Fatalf("file %s twice", f.Path)
		}
		seen[f.Path] = true
		writer := strings.Split(f.Path, "/")[1] // tables/w<writer>/<commit>-<file>
		if f.Path < lastOf[writer] {
			t.Fatalf("file %s after %s", f.Path, lastOf[writer])
		}
		lastOf[writer] = f.Path
	}
}
