package catalog

import (
	"context"
	"strconv"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	bolt "go.etcd.io/bbolt"
)

// sketchedFile is a file of column o_orderkey holding the integers
// [lo, hi), with their sketch and bounds.
func sketchedFile(t *testing.T, path string, lo, hi int) DataFile {
	t.Helper()
	sk := NewSketch()
	for i := lo; i < hi; i++ {
		sk.Insert([]byte(strconv.Itoa(i)))
	}
	b, err := sk.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return DataFile{Path: path, Rows: int64(hi - lo), Bytes: 100, Columns: []ColumnStats{
		{Name: "o_orderkey", Min: strconv.Itoa(lo), Max: strconv.Itoa(hi - 1), Sketch: b},
	}}
}

// near reports whether got is within 3% of want (HyperLogLog at 2^14
// registers errs by about 0.8%).
func near(got, want int64) bool {
	d := float64(got - want)
	return d < 0.03*float64(want) && -d < 0.03*float64(want)
}

// TestSketchesMergeAcrossFilesAndSnapshots: a snapshot's distinct count is
// that of the union of its files' values, whether the files came in one
// commit or several, overlapping or not; a rewrite drops the removed
// files' values, ANALYZE replaces a file's sketch, and a file without one
// makes the count unknown.
func TestSketchesMergeAcrossFilesAndSnapshots(t *testing.T) {
	ctx := context.Background()
	c, _ := openTest(t)
	tbl := sampleTable("main", "t")
	checkCode(t, "create", c.CreateTable(ctx, tbl, false), "")
	key := tbl.Columns[0]
	distinct := func(what string, want int64) TableColumnStats {
		t.Helper()
		got, err := c.GetTable(ctx, "main", "t")
		checkCode(t, "get", err, "")
		st := got.Snapshot.ColumnStats(key)
		if (want < 0 && st.Distinct != -1) || (want >= 0 && !near(st.Distinct, want)) {
			t.Fatalf("%s: distinct %d, want about %d", what, st.Distinct, want)
		}
		for _, f := range got.Snapshot.Files {
			for _, s := range f.Columns {
				if s.Sketch != nil {
					t.Fatalf("%s: file %s carries its sketch in the table record", what, f.Path)
				}
			}
		}
		return st
	}
	// Two overlapping files in one commit: [0, 30000) and [20000, 50000).
	_, err := c.CommitFiles(ctx, "main", "t", tbl.ID, []DataFile{sketchedFile(t, "t/1", 0, 30000), sketchedFile(t, "t/2", 20000, 50000)})
	checkCode(t, "commit 1", err, "")
	distinct("one commit", 50000)
	// A second snapshot adds [100000, 110000) by Commit.
	_, err = c.Commit(ctx, []Change{{Kind: ChangeAppend, Database: "main", Name: "t", TableID: tbl.ID,
		Files: []DataFile{sketchedFile(t, "t/3", 100000, 110000)}}})
	checkCode(t, "commit 2", err, "")
	st := distinct("two snapshots", 60000)
	if st.Min != "0" || st.Max != "109999" || st.Rows != 70000 || st.Nulls != 0 {
		t.Fatalf("merged stats %+v, want min 0, max 109999, 70000 rows, no nulls", st)
	}
	// Rewriting t/1 away leaves [20000, 50000) and [100000, 110000).
	_, err = c.Commit(ctx, []Change{{Kind: ChangeRewrite, Database: "main", Name: "t", TableID: tbl.ID,
		Remove: []DataFile{{Path: "t/1"}}}})
	checkCode(t, "rewrite", err, "")
	distinct("after rewrite", 40000)
	// A file without a sketch: unknown until ANALYZE gives it one.
	bare := sketchedFile(t, "t/4", 0, 1000)
	bare.Columns[0].Sketch = nil
	_, err = c.CommitFiles(ctx, "main", "t", tbl.ID, []DataFile{bare})
	checkCode(t, "commit bare", err, "")
	distinct("a file without a sketch", -1)
	_, err = c.Commit(ctx, []Change{{Kind: ChangeAnalyze, Database: "main", Name: "t", TableID: tbl.ID,
		Files: []DataFile{sketchedFile(t, "t/4", 0, 1000), sketchedFile(t, "gone", 0, 5)}}})
	checkCode(t, "analyze", err, "")
	distinct("after analyze", 41000)
	// Dropping the table drops its sketches.
	_, err = c.DropTable(ctx, "main", "t", false)
	checkCode(t, "drop", err, "")
	if err := c.db.View(func(tx *bolt.Tx) error {
		if k, _ := tx.Bucket(bucketSketches).Cursor().First(); k != nil {
			t.Errorf("sketch of %s left after drop", k)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestColumnStatsMerge: bounds merge by the column type's order, a file
// written before a column was added counts as NULLs, a file of NULLs only
// has no bounds.
func TestColumnStatsMerge(t *testing.T) {
	s := Snapshot{Files: []DataFile{
		{Rows: 3, Columns: []ColumnStats{{Name: "n", NullCount: 0, Min: "9", Max: "10"}, {Name: "s", NullCount: 1, Min: "'b'", Max: "'it''s'"}}},
		{Rows: 2, Columns: []ColumnStats{{Name: "n", NullCount: 2}}},
		{Rows: 4, Columns: []ColumnStats{{Name: "n", NullCount: 1, Min: "-2.5", Max: "3"}}},
	}}
	n := s.ColumnStats(Column{Name: "n", Type: &arrowDecimal})
	if n.Min != "-2.5" || n.Max != "10" || n.Nulls != 3 || n.Rows != 9 || n.Distinct != -1 {
		t.Errorf("n: %+v", n)
	}
	str := s.ColumnStats(Column{Name: "s", Type: arrowString})
	if str.Min != "'b'" || str.Max != "'it''s'" || str.Nulls != 7 {
		t.Errorf("s: %+v", str)
	}
}

var (
	arrowDecimal = arrow.Decimal128Type{Precision: 10, Scale: 1}
	arrowString  = arrow.BinaryTypes.String
)
