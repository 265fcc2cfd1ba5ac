package coordinator

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/stage"
)

// orphanFixture is a coordinator over a real bbolt catalog and data
// directory, without workers: files are made on disk by hand, as a
// worker's write would leave them, and committed as a write commits them.
type orphanFixture struct {
	t    *testing.T
	c    *Coordinator
	dir  string
	sess *Session
}

func newOrphanFixture(t *testing.T, cfg Config) *orphanFixture {
	t.Helper()
	cfg.DataDir = t.TempDir()
	cfg.QueryTimeout = time.Minute
	cat, err := catalog.OpenBolt(filepath.Join(cfg.DataDir, "catalog.db"))
	if err != nil {
		t.Fatal(err)
	}
	c := New(cfg, cat, NewMembership(nil, time.Second, zap.NewNop()), stage.NewTicketSigner([]byte("test secret")), zap.NewNop())
	t.Cleanup(func() {
		c.Close()
		_ = cat.Close()
	})
	return &orphanFixture{t: t, c: c, dir: cfg.DataDir, sess: NewSession("", false)}
}

// table creates table name and returns it.
func (f *orphanFixture) table(name string) *catalog.Table {
	f.t.Helper()
	ctx := context.Background()
	if _, err := f.c.ExecuteUpdate(ctx, f.sess, "CREATE TABLE "+name+" (a INT)"); err != nil {
		f.t.Fatal(err)
	}
	tbl, err := f.c.Catalog().GetTable(ctx, catalog.DefaultDatabase, name)
	if err != nil {
		f.t.Fatal(err)
	}
	return tbl
}

// file writes a file at rel (under the data directory) last modified age
// ago, and returns it as a data file.
func (f *orphanFixture) file(rel string, age time.Duration) catalog.DataFile {
	f.t.Helper()
	path := filepath.Join(f.dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("PAR1"), 0o600); err != nil {
		f.t.Fatal(err)
	}
	at := time.Now().Add(-age)
	if err := os.Chtimes(path, at, at); err != nil {
		f.t.Fatal(err)
	}
	return catalog.DataFile{Path: rel, Rows: 1, Bytes: 4}
}

// fileIn is file in t's directory.
func (f *orphanFixture) fileIn(t *catalog.Table, name string, age time.Duration) catalog.DataFile {
	return f.file(filepath.ToSlash(filepath.Join(tableDir(t), name)), age)
}

func (f *orphanFixture) commit(ctx context.Context, t *catalog.Table, files ...catalog.DataFile) {
	f.t.Helper()
	if _, err := f.c.apply(ctx, appendChange(t, files)); err != nil {
		f.t.Fatal(err)
	}
}

// collect runs one periodic collection and returns what it removed.
func (f *orphanFixture) collect() []string {
	f.t.Helper()
	removed, err := f.c.collectOrphans(context.Background(), f.c.orphanCutoff(time.Now()))
	if err != nil {
		f.t.Fatal(err)
	}
	slices.Sort(removed)
	return removed
}

func (f *orphanFixture) exists(df catalog.DataFile) bool {
	_, err := os.Stat(filepath.Join(f.dir, df.Path))
	return err == nil
}

func wantRemoved(t *testing.T, got []string, want ...catalog.DataFile) {
	t.Helper()
	var paths []string
	for _, df := range want {
		paths = append(paths, df.Path)
	}
	slices.Sort(paths)
	if !slices.Equal(got, paths) {
		t.Fatalf("removed %q, want %q", got, paths)
	}
}

// TestCollectOrphans: a periodic collection removes, under tables/ and the
// staging area, exactly the files no snapshot refers to that were last
// modified more than the grace period ago: an orphan data file, the hidden
// temporary file of a write that died, a staged file of a load that never
// finished. A committed file, however old, stays, and so does a young
// orphan (what a write that began just now is writing).
func TestCollectOrphans(t *testing.T) {
	f := newOrphanFixture(t, Config{OrphanGrace: time.Minute})
	tbl := f.table("t")
	old := f.fileIn(tbl, "committed.parquet", time.Hour)
	f.commit(context.Background(), tbl, old)
	orphan := f.fileIn(tbl, "orphan.parquet", time.Hour)
	tmp := f.fileIn(tbl, ".dead.parquet.tmp", time.Hour)
	staged := f.file(stagingDir+"/q1/staged.parquet", time.Hour)
	young := f.fileIn(tbl, "young.parquet", 0)

	wantRemoved(t, f.collect(), orphan, tmp, staged)
	for _, df := range []catalog.DataFile{old, young} {
		if !f.exists(df) {
			t.Errorf("%s was removed", df.Path)
		}
	}
	if n := f.rows("t"); n != 1 {
		t.Errorf("t has %d rows after collection, want 1", n)
	}
	// At start everything unreferenced goes, however young.
	if err := f.c.CollectOrphans(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f.exists(young) || !f.exists(old) {
		t.Errorf("start-up collection: young orphan exists %v, committed file exists %v; want false, true", f.exists(young), f.exists(old))
	}
}

// TestCollectOrphansKeepsRunningWrites: the files of a write that has run
// for longer than the grace period, and the pending files of a transaction
// open for as long, are not collected (they are older than the grace
// period, but not older than their write); once the write has committed
// they are in a snapshot, and once it ended without committing they go.
func TestCollectOrphansKeepsRunningWrites(t *testing.T) {
	ctx := context.Background()
	f := newOrphanFixture(t, Config{OrphanGrace: time.Minute})
	tbl := f.table("t")

	// A write that began two hours ago and wrote its file an hour later,
	// and one that began at the same time and will fail.
	end := f.c.writes.begin(time.Now().Add(-2 * time.Hour))
	endFailed := f.c.writes.begin(time.Now().Add(-2 * time.Hour))
	written := f.fileIn(tbl, "written.parquet", time.Hour)
	failed := f.fileIn(tbl, "failed.parquet", time.Hour)
	wantRemoved(t, f.collect())
	f.commit(ctx, tbl, written)
	end()
	wantRemoved(t, f.collect()) // the failing write still holds the cutoff back
	endFailed()
	wantRemoved(t, f.collect(), failed)

	// A transaction that began two hours ago with a pending append.
	txn, err := f.c.BeginTxn(ctx, f.sess)
	if err != nil {
		t.Fatal(err)
	}
	txn.started = time.Now().Add(-2 * time.Hour)
	pending := f.fileIn(tbl, "pending.parquet", time.Hour)
	if _, err := f.c.apply(WithTxn(ctx, txn), appendChange(tbl, []catalog.DataFile{pending})); err != nil {
		t.Fatal(err)
	}
	wantRemoved(t, f.collect())
	if err := f.c.CommitTxn(ctx, txn); err != nil {
		t.Fatal(err)
	}
	wantRemoved(t, f.collect())
	if n := f.rows("t"); n != 2 {
		t.Errorf("t has %d rows, want 2 (the committed write's and the transaction's)", n)
	}
}

// TestCollectOrphansKeepsLeasedFiles: the files of a dropped table that a
// query still reads (its lease predates the drop) are no snapshot's, but
// the collector leaves them to the lease, whose release deletes them.
func TestCollectOrphansKeepsLeasedFiles(t *testing.T) {
	ctx := context.Background()
	f := newOrphanFixture(t, Config{OrphanGrace: time.Minute})
	tbl := f.table("t")
	df := f.fileIn(tbl, "read.parquet", time.Hour)
	f.commit(ctx, tbl, df)
	l := f.c.acquireFiles()
	if _, err := f.c.ExecuteUpdate(ctx, f.sess, "DROP TABLE t"); err != nil {
		t.Fatal(err)
	}
	wantRemoved(t, f.collect())
	if !f.exists(df) {
		t.Fatal("the collector removed a file a reader holds")
	}
	f.c.releaseFiles(l)
	if f.exists(df) {
		t.Error("the file of the dropped table outlived its last lease")
	}
}

// TestCollectOrphansPeriodically: with OrphanInterval set, the coordinator
// collects by itself while it runs.
func TestCollectOrphansPeriodically(t *testing.T) {
	f := newOrphanFixture(t, Config{OrphanInterval: 10 * time.Millisecond, OrphanGrace: time.Minute})
	tbl := f.table("t")
	orphan := f.fileIn(tbl, "orphan.parquet", time.Hour)
	for deadline := time.Now().Add(30 * time.Second); f.exists(orphan); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the orphan is still there 30 s later")
		}
	}
}

// rows is the row count of table's current snapshot.
func (f *orphanFixture) rows(table string) int64 {
	f.t.Helper()
	tbl, err := f.c.Catalog().GetTable(context.Background(), catalog.DefaultDatabase, table)
	if err != nil {
		f.t.Fatal(err)
	}
	return tbl.Snapshot.Rows()
}
