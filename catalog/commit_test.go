package catalog

import (
	"context"
	"testing"

	"github.com/quiverdb/quiver/qerr"
)

func files(paths ...string) []DataFile {
	out := make([]DataFile, len(paths))
	for i, p := range paths {
		out[i] = DataFile{Path: p, Rows: 10, Bytes: 100}
	}
	return out
}

// newDef is a table definition with a reserved ID, for create and replace.
func newDef(t *testing.T, c *BoltCatalog, db, name string) *Table {
	t.Helper()
	def := sampleTable(db, name)
	id, err := c.ReserveTableID(context.Background())
	checkCode(t, "reserve", err, "")
	def.ID = id
	return def
}

// TestCommitAtomic: several tables change in one commit, or none does.
func TestCommitAtomic(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	a := sampleTable("main", "a")
	checkCode(t, "create a", c.CreateTable(ctx, a, false), "")
	old := sampleTable("main", "old")
	checkCode(t, "create old", c.CreateTable(ctx, old, false), "")
	_, err := c.CommitFiles(ctx, "main", "old", old.ID, files("old/1"))
	checkCode(t, "fill old", err, "")

	fresh := newDef(t, c, "main", "fresh")
	replacement := newDef(t, c, "main", "old")
	removed, err := c.Commit(ctx, []Change{
		{Kind: ChangeAppend, Database: "main", Name: "a", TableID: a.ID, Files: files("a/1", "a/2")},
		{Kind: ChangeCreate, Database: "main", Name: "fresh", Table: fresh, Files: files("fresh/1")},
		{Kind: ChangeReplace, Database: "main", Name: "old", TableID: old.ID, Table: replacement, Files: files("new/1")},
	})
	checkCode(t, "commit", err, "")
	if len(removed) != 1 || removed[0].ID != old.ID || len(removed[0].Snapshot.Files) != 1 {
		t.Fatalf("removed = %+v, want the old table with its one file", removed)
	}
	for name, want := range map[string]int64{"a": 20, "fresh": 10, "old": 10} {
		got, err := c.GetTable(ctx, "main", name)
		checkCode(t, "get "+name, err, "")
		if got.Snapshot.Rows() != want {
			t.Errorf("%s has %d rows, want %d", name, got.Snapshot.Rows(), want)
		}
	}
	if got, _ := c.GetTable(ctx, "main", "old"); got.ID != replacement.ID || got.Snapshot.Files[0].Path != "new/1" {
		t.Errorf("old is %d with %v, want the replacement %d", got.ID, got.Snapshot.Files, replacement.ID)
	}

	// A conflict in the last change undoes the first.
	_, err = c.Commit(ctx, []Change{
		{Kind: ChangeAppend, Database: "main", Name: "a", TableID: a.ID, Files: files("a/3")},
		{Kind: ChangeAppend, Database: "main", Name: "old", TableID: old.ID, Files: files("x/1")},
	})
	checkCode(t, "commit against the replaced table", err, qerr.ErrConflict)
	if got, _ := c.GetTable(ctx, "main", "a"); got.Snapshot.Rows() != 20 {
		t.Errorf("a has %d rows after a failed commit, want 20", got.Snapshot.Rows())
	}
	_, err = c.Commit(ctx, []Change{{Kind: ChangeCreate, Database: "main", Name: "a", Table: newDef(t, c, "main", "a")}})
	checkCode(t, "create over an existing table", err, qerr.ErrAlreadyExists)
	_, err = c.Commit(ctx, []Change{{Kind: ChangeCreate, Database: "main", Name: "b", Table: sampleTable("main", "b")}})
	checkCode(t, "create without a reserved id", err, qerr.ErrInvalid)

	removed, err = c.Commit(ctx, []Change{{Kind: ChangeDrop, Database: "main", Name: "fresh", TableID: fresh.ID}})
	checkCode(t, "drop", err, "")
	if len(removed) != 1 || removed[0].Name != "fresh" {
		t.Fatalf("drop removed %+v", removed)
	}
	all, err := c.Tables(ctx)
	checkCode(t, "tables", err, "")
	if len(all) != 2 {
		t.Errorf("Tables = %d tables, want 2 (a, old)", len(all))
	}
}

// TestCommitRewrite: a rewrite replaces the files it read with new ones; a
// second rewrite of a file already rewritten conflicts, and files appended
// in between stay.
func TestCommitRewrite(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	a := sampleTable("main", "a")
	checkCode(t, "create a", c.CreateTable(ctx, a, false), "")
	_, err := c.CommitFiles(ctx, "main", "a", a.ID, files("a/1", "a/2"))
	checkCode(t, "fill a", err, "")
	read, err := c.GetTable(ctx, "main", "a")
	checkCode(t, "read a", err, "")

	_, err = c.CommitFiles(ctx, "main", "a", a.ID, files("a/3"))
	checkCode(t, "append a/3", err, "")
	removed, err := c.Commit(ctx, []Change{{Kind: ChangeRewrite, Database: "main", Name: "a", TableID: a.ID,
		Remove: read.Snapshot.Files, Files: files("a/1b")}})
	checkCode(t, "rewrite", err, "")
	if len(removed) != 1 || len(removed[0].Snapshot.Files) != 2 {
		t.Fatalf("removed = %+v, want the two rewritten files", removed)
	}
	got, err := c.GetTable(ctx, "main", "a")
	checkCode(t, "get a", err, "")
	var paths []string
	for _, f := range got.Snapshot.Files {
		paths = append(paths, f.Path)
	}
	if len(paths) != 2 || paths[0] != "a/3" || paths[1] != "a/1b" {
		t.Errorf("files after the rewrite = %v, want [a/3 a/1b]", paths)
	}
	if got.Snapshot.ID != read.Snapshot.ID+2 {
		t.Errorf("snapshot %d, want %d", got.Snapshot.ID, read.Snapshot.ID+2)
	}

	// A second writer that read the same files conflicts, and changes nothing.
	_, err = c.Commit(ctx, []Change{{Kind: ChangeRewrite, Database: "main", Name: "a", TableID: a.ID,
		Remove: read.Snapshot.Files[:1], Files: files("a/1c")}})
	checkCode(t, "second rewrite", err, qerr.ErrConflict)
	if again, _ := c.GetTable(ctx, "main", "a"); again.Snapshot.ID != got.Snapshot.ID {
		t.Errorf("a conflicting rewrite made snapshot %d", again.Snapshot.ID)
	}
}

// TestCommitAlter: an ALTER keeps the files and survives a restart; a write
// prepared under the schema before it, and a second ALTER prepared against
// the same version, are conflicts.
func TestCommitAlter(t *testing.T) {
	ctx := context.Background()
	c, path := openTest(t)
	tbl := sampleTable("main", "t")
	checkCode(t, "create", c.CreateTable(ctx, tbl, false), "")
	_, err := c.CommitFiles(ctx, "main", "t", tbl.ID, files("t/1"))
	checkCode(t, "fill", err, "")

	altered := *tbl
	altered.SchemaVersion = 1
	altered.Columns = append([]Column(nil), tbl.Columns...)
	altered.Columns[1].File, altered.Columns[1].Name = altered.Columns[1].Name, "renamed"
	altered.Columns = append(altered.Columns, Column{Name: "added", Type: tbl.Columns[0].Type, Nullable: true, Since: 1})
	altered.Retired = []string{"gone"}
	alter := Change{Kind: ChangeAlter, Database: "main", Name: "t", TableID: tbl.ID, Table: &altered}
	_, err = c.Commit(ctx, []Change{alter})
	checkCode(t, "alter", err, "")
	_, err = c.Commit(ctx, []Change{alter})
	checkCode(t, "second alter of version 0", err, qerr.ErrConflict)

	stale := Change{Kind: ChangeAppend, Database: "main", Name: "t", TableID: tbl.ID, Files: files("t/2")}
	_, err = c.Commit(ctx, []Change{stale})
	checkCode(t, "append written under version 0", err, qerr.ErrConflict)
	fresh := files("t/3")
	fresh[0].Schema = 1
	_, err = c.Commit(ctx, []Change{{Kind: ChangeAppend, Database: "main", Name: "t", TableID: tbl.ID, Files: fresh}})
	checkCode(t, "append written under version 1", err, "")

	c.Close()
	c2, err := OpenBolt(path)
	checkCode(t, "reopen", err, "")
	defer c2.Close()
	got, err := c2.GetTable(ctx, "main", "t")
	checkCode(t, "get", err, "")
	if got.SchemaVersion != 1 || got.Columns[1].FileName() != tbl.Columns[1].Name || got.Columns[1].Name != "renamed" ||
		got.Columns[len(got.Columns)-1].Since != 1 || len(got.Retired) != 1 || len(got.Snapshot.Files) != 2 || got.Snapshot.Files[1].Schema != 1 {
		t.Fatalf("after reopen: %+v", got)
	}
}

// TestExternalTable: an external table keeps its location, format and
// options across a reopen, is refused data files by every commit path, and
// its definition is checked.
func TestExternalTable(t *testing.T) {
	ctx := context.Background()
	c, dir := openTest(t)
	ext := sampleTable("main", "ext")
	ext.DistributionKeys, ext.Partitions = nil, 0
	ext.External = &External{Location: "/data/in/*.csv", Format: "csv", Options: map[string]string{"header": "false"}}
	checkCode(t, "create", c.CreateTable(ctx, ext, false), "")
	_, err := c.CommitFiles(ctx, "main", "ext", ext.ID, files("x/1"))
	checkCode(t, "commit files", err, qerr.ErrInvalid)
	for _, kind := range []ChangeKind{ChangeAppend, ChangeRewrite} {
		_, err = c.Commit(ctx, []Change{{Kind: kind, Database: "main", Name: "ext", TableID: ext.ID, Files: files("x/2")}})
		checkCode(t, "commit "+kind.String(), err, qerr.ErrInvalid)
	}
	checkCode(t, "close", c.Close(), "")
	c, err = OpenBolt(dir)
	checkCode(t, "reopen", err, "")
	t.Cleanup(func() { _ = c.Close() })
	got, err := c.GetTable(ctx, "main", "ext")
	checkCode(t, "get", err, "")
	if e := got.External; e == nil || e.Location != "/data/in/*.csv" || e.Format != "csv" || e.Options["header"] != "false" || len(got.Snapshot.Files) != 0 {
		t.Fatalf("read back %+v with %+v", got.External, got.Snapshot)
	}
	for name, e := range map[string]*External{
		"format":   {Location: "/a", Format: "json"},
		"relative": {Location: "a/*.parquet", Format: "parquet"},
		"option":   {Location: "/a", Format: "parquet", Options: map[string]string{"header": "true"}},
	} {
		bad := sampleTable("main", "bad_"+name)
		bad.DistributionKeys, bad.Partitions = nil, 0
		bad.External = e
		checkCode(t, "create with a bad "+name, c.CreateTable(ctx, bad, false), qerr.ErrInvalid)
	}
}
