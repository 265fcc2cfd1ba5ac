package coordinator

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
)

// TestTxnStage: a transaction keeps one change per table, whatever sequence
// of statements touched it, and supersedes files rather than losing them.
func TestTxnStage(t *testing.T) {
	const pinnedID, newID, otherID = 1, 7, 8
	f := func(p string) []catalog.DataFile { return []catalog.DataFile{{Path: p, Rows: 1}} }
	def := func(id uint64) *catalog.Table { return &catalog.Table{ID: id, Database: "main", Name: "t"} }
	appendTo := func(id uint64, p string) catalog.Change {
		return catalog.Change{Kind: catalog.ChangeAppend, Database: "main", Name: "t", TableID: id, Files: f(p)}
	}
	create := func(id uint64, p string) catalog.Change {
		return catalog.Change{Kind: catalog.ChangeCreate, Database: "main", Name: "t", Table: def(id), Files: f(p)}
	}
	replace := func(old, id uint64, p string) catalog.Change {
		return catalog.Change{Kind: catalog.ChangeReplace, Database: "main", Name: "t", TableID: old, Table: def(id), Files: f(p)}
	}
	drop := func(id uint64) catalog.Change {
		return catalog.Change{Kind: catalog.ChangeDrop, Database: "main", Name: "t", TableID: id}
	}
	files := func(ps ...string) []catalog.DataFile {
		var out []catalog.DataFile
		for _, p := range ps {
			out = append(out, f(p)...)
		}
		return out
	}
	rewrite := func(id uint64, remove []string, add ...string) catalog.Change {
		return catalog.Change{Kind: catalog.ChangeRewrite, Database: "main", Name: "t", TableID: id, Remove: files(remove...), Files: files(add...)}
	}
	for _, tc := range []struct {
		name    string
		steps   []catalog.Change
		want    []catalog.Change // what Commit gets
		garbage []string
		err     qerr.Code // of the last step
	}{
		{name: "appends merge", steps: []catalog.Change{appendTo(pinnedID, "a"), appendTo(pinnedID, "b")},
			want: []catalog.Change{{Kind: catalog.ChangeAppend, Database: "main", Name: "t", TableID: pinnedID, Files: files("a", "b")}}},
		{name: "append joins a created table", steps: []catalog.Change{create(newID, "a"), appendTo(newID, "b")},
			want: []catalog.Change{{Kind: catalog.ChangeCreate, Database: "main", Name: "t", Table: def(newID), Files: files("a", "b")}}},
		{name: "replace supersedes appends", steps: []catalog.Change{appendTo(pinnedID, "a"), replace(pinnedID, newID, "b")},
			want: []catalog.Change{replace(pinnedID, newID, "b")}, garbage: []string{"a"}},
		{name: "replace twice replaces the pinned table", steps: []catalog.Change{replace(pinnedID, newID, "a"), replace(newID, otherID, "b")},
			want: []catalog.Change{replace(pinnedID, otherID, "b")}, garbage: []string{"a"}},
		{name: "replace of a created table is a create", steps: []catalog.Change{create(newID, "a"), replace(newID, otherID, "b")},
			want: []catalog.Change{create(otherID, "b")}, garbage: []string{"a"}},
		{name: "created then dropped is nothing", steps: []catalog.Change{create(newID, "a"), drop(newID)},
			want: []catalog.Change{}, garbage: []string{"a"}},
		{name: "dropped then created is a replace", steps: []catalog.Change{drop(pinnedID), create(newID, "a")},
			want: []catalog.Change{replace(pinnedID, newID, "a")}},
		{name: "replaced then dropped drops the pinned table", steps: []catalog.Change{replace(pinnedID, newID, "a"), drop(newID)},
			want: []catalog.Change{drop(pinnedID)}, garbage: []string{"a"}},
		{name: "append to the replaced version conflicts", steps: []catalog.Change{replace(pinnedID, newID, "a"), appendTo(pinnedID, "b")},
			err: qerr.ErrConflict},
		{name: "create over a pending table", steps: []catalog.Change{appendTo(pinnedID, "a"), create(newID, "b")},
			err: qerr.ErrAlreadyExists},
		// A rewrite of files t wrote drops them from its pending files; of
		// committed files, it removes them at commit.
		{name: "rewrite of pending and committed files", steps: []catalog.Change{appendTo(pinnedID, "a"), rewrite(pinnedID, []string{"a", "c"}, "b")},
			want: []catalog.Change{rewrite(pinnedID, []string{"c"}, "b")}, garbage: []string{"a"}},
		{name: "append after a rewrite", steps: []catalog.Change{rewrite(pinnedID, []string{"c"}, "b"), appendTo(pinnedID, "d")},
			want: []catalog.Change{rewrite(pinnedID, []string{"c"}, "b", "d")}},
		{name: "rewrite of a created table stays a create", steps: []catalog.Change{create(newID, "a"), rewrite(newID, []string{"a"}, "b")},
			want: []catalog.Change{create(newID, "b")}, garbage: []string{"a"}},
		{name: "rewrite after a drop conflicts", steps: []catalog.Change{drop(pinnedID), rewrite(pinnedID, []string{"c"})},
			err: qerr.ErrConflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			txn := &Txn{id: "test", changes: map[string]*catalog.Change{}}
			var err error
			for i, st := range tc.steps {
				if err = txn.stage(st); err != nil && i < len(tc.steps)-1 {
					t.Fatalf("step %d: %v", i, err)
				}
			}
			if tc.err != "" {
				if !qerr.Has(err, tc.err) {
					t.Fatalf("last step: %v, want %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("last step: %v", err)
			}
			if got := txn.pending(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("pending:\n got %+v\nwant %+v", got, tc.want)
			}
			var garbage []string
			for _, g := range txn.garbage {
				garbage = append(garbage, g.Path)
			}
			if fmt.Sprint(garbage) != fmt.Sprint(tc.garbage) {
				t.Errorf("garbage %v, want %v", garbage, tc.garbage)
			}
		})
	}
}

// TestFileLeases: retired files outlive every lease taken before they were
// retired, and only those.
func TestFileLeases(t *testing.T) {
	var fl fileLeases
	paths := func(fs []catalog.DataFile) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Path)
		}
		return out
	}
	early := fl.acquire()
	if got := fl.retire([]catalog.DataFile{{Path: "a"}}); len(got) != 0 {
		t.Fatalf("retire under a lease freed %v", paths(got))
	}
	late := fl.acquire() // began after a was retired: never saw it
	if got := fl.release(early); fmt.Sprint(paths(got)) != "[a]" {
		t.Fatalf("releasing the early lease freed %v, want [a]", paths(got))
	}
	if got := fl.retire([]catalog.DataFile{{Path: "b"}}); len(got) != 0 {
		t.Fatalf("retire under the late lease freed %v", paths(got))
	}
	if got := fl.release(late); fmt.Sprint(paths(got)) != "[b]" {
		t.Fatalf("releasing the late lease freed %v, want [b]", paths(got))
	}
	if got := fl.retire([]catalog.DataFile{{Path: "c"}}); fmt.Sprint(paths(got)) != "[c]" {
		t.Fatalf("retire without leases freed %v, want [c]", paths(got))
	}
}
