package catalog

import (
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/quiverdb/quiver/qerr"
)

// ChangeKind says what a Change does to its table.
type ChangeKind int

// The kinds of Change.
const (
	// ChangeAppend adds Files to the current snapshot of table TableID.
	ChangeAppend ChangeKind = iota + 1
	// ChangeCreate stores Table, whose ID came from ReserveTableID, with
	// Files as its first snapshot. The name must be free.
	ChangeCreate
	// ChangeReplace puts Table (a new ID from ReserveTableID) with Files in
	// the place of table TableID: readers see the old table or the new one.
	ChangeReplace
	// ChangeDrop removes table TableID.
	ChangeDrop
	// ChangeRewrite replaces the files Remove of table TableID's current
	// snapshot with Files, in one new snapshot: a copy-on-write DELETE or
	// UPDATE, or a TRUNCATE (no Files). Every file in Remove must still be
	// in the snapshot; if another statement removed or rewrote one since
	// this one read it, the commit fails with ErrConflict, so that neither
	// statement loses the other's rows. Files appended meanwhile stay.
	ChangeRewrite
	// ChangeRename moves table TableID to NewDatabase.NewName, which must be
	// free, with its ID, definition and snapshot (its files stay where they
	// are: their paths are in the snapshot).
	ChangeRename
	// ChangeAlter gives table TableID the columns of Table (ALTER TABLE ...
	// ADD / DROP / RENAME COLUMN) with its SchemaVersion and Retired, which
	// must be one more than the current version: the files stay, and their
	// columns are read by file name (Column.File, Column.Since).
	ChangeAlter
	// ChangeAnalyze replaces the statistics of the files of table TableID
	// that Files name (by path) with theirs, in a new snapshot of the same
	// files: ANALYZE TABLE. A file no longer in the snapshot (rewritten
	// since it was read) is skipped: its replacement has statistics of its
	// own.
	ChangeAnalyze
)

// String is the kind's name, as logs print it.
func (k ChangeKind) String() string {
	switch k {
	case ChangeAppend:
		return "append"
	case ChangeCreate:
		return "create"
	case ChangeReplace:
		return "replace"
	case ChangeDrop:
		return "drop"
	case ChangeRewrite:
		return "rewrite"
	case ChangeRename:
		return "rename"
	case ChangeAlter:
		return "alter"
	case ChangeAnalyze:
		return "analyze"
	}
	return fmt.Sprintf("ChangeKind(%d)", int(k))
}

// Change is one table's part of a Commit.
type Change struct {
	Kind           ChangeKind
	Database, Name string
	// TableID is the table the change was prepared against (append, replace,
	// drop). If the name holds another table at commit, or none, the commit
	// fails with ErrConflict: the change would land on something its author
	// never saw.
	TableID uint64
	// Table is the new definition of a create or replace; its Snapshot is
	// ignored (Files make it).
	Table *Table
	// Files are the data files the change adds (append, rewrite) or that
	// make the new table's first snapshot (create, replace).
	Files []DataFile
	// Remove are the files a rewrite takes out of the snapshot.
	Remove []DataFile
	// NewDatabase and NewName are where a rename moves the table.
	NewDatabase, NewName string
}

// ReserveTableID hands out a table ID that no table has had or will get, for
// a table whose files are written before it is created (a create or replace
// committed with its data). An ID reserved and never committed is simply
// never used.
func (c *BoltCatalog) ReserveTableID(ctx context.Context) (uint64, error) {
	var id uint64
	err := c.update(ctx, "reserve table id", func(tx *bolt.Tx) error {
		var err error
		id, err = tx.Bucket(bucketTables).NextSequence()
		return err
	})
	return id, err
}

// Tables returns every table of every database, read in one transaction: a
// consistent picture of all table snapshots at one instant, which a
// transaction pins at its start.
func (c *BoltCatalog) Tables(ctx context.Context) ([]*Table, error) {
	var out []*Table
	err := c.view(ctx, "read all tables", func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTables).ForEachBucket(func(dbKey []byte) error {
			return tx.Bucket(bucketTables).Bucket(dbKey).ForEach(func(k, v []byte) error {
				rec, err := unmarshalTable(v, string(dbKey), string(k))
				if err != nil {
					return err
				}
				t, err := rec.decode()
				if err != nil {
					return fmt.Errorf("table %s.%s: %w", dbKey, k, err)
				}
				out = append(out, t)
				return nil
			})
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Commit applies changes in order in one transaction: all of them or, on
// any error, none. It returns the tables that a replace or drop removed, as
// they were, and for a rewrite the table with only the files it removed, so
// that the caller deletes their files. A change prepared
// against a table that is no longer the one under its name fails with
// ErrConflict; a create whose name is taken fails with ErrAlreadyExists.
func (c *BoltCatalog) Commit(ctx context.Context, changes []Change) ([]*Table, error) {
	for _, ch := range changes {
		if (ch.Kind == ChangeCreate || ch.Kind == ChangeReplace) && (ch.Table == nil || ch.Table.ID == 0) {
			return nil, qerr.ErrInvalid.New("%s %s.%s: no table with a reserved ID", ch.Kind, ch.Database, ch.Name)
		}
		if ch.Table != nil {
			t := *ch.Table
			t.Snapshot = Snapshot{}
			if err := ValidateTable(&t); err != nil {
				return nil, err
			}
		}
	}
	var removed []*Table
	err := c.update(ctx, "commit", func(tx *bolt.Tx) error {
		removed = nil
		for _, ch := range changes {
			old, err := applyChange(tx, ch)
			if err != nil {
				return err
			}
			if old != nil {
				removed = append(removed, old)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return removed, nil
}

// applyChange applies one change inside a Commit and returns the table it
// removed, if any.
func applyChange(tx *bolt.Tx, ch Change) (*Table, error) {
	dbRec, b, err := getDatabase(tx, ch.Database)
	if err != nil {
		return nil, err
	}
	var cur *Table
	if v := b.Get(nameKey(ch.Name)); v != nil {
		rec, err := unmarshalTable(v, ch.Database, ch.Name)
		if err != nil {
			return nil, err
		}
		if cur, err = rec.decode(); err != nil {
			return nil, fmt.Errorf("table %s.%s: %w", ch.Database, ch.Name, err)
		}
	}
	if ch.Kind != ChangeCreate && (cur == nil || cur.ID != ch.TableID) {
		return nil, qerr.ErrConflict.New("table %s.%s was dropped, replaced or created again by another statement since this one read it", ch.Database, ch.Name)
	}
	if cur != nil && cur.External != nil && (ch.Kind == ChangeAppend || ch.Kind == ChangeRewrite) {
		return nil, qerr.ErrInvalid.New("table %s.%s is external and read-only", ch.Database, ch.Name)
	}
	switch ch.Kind {
	case ChangeAppend:
		if len(ch.Files) == 0 {
			return nil, nil
		}
		if err := validateFiles(ch.Database, ch.Name, cur.Snapshot.Files, ch.Files); err != nil {
			return nil, err
		}
		if err := sameSchema(cur, ch.Files); err != nil {
			return nil, err
		}
		files, err := putSketches(tx, ch.Files)
		if err != nil {
			return nil, err
		}
		cur.Snapshot = Snapshot{ID: cur.Snapshot.ID + 1, Files: append(cur.Snapshot.Files, files...), Committed: now()}
		summarizeIn(tx, &cur.Snapshot)
		rec := encodeTable(cur)
		return nil, putTableRecord(b, &rec)
	case ChangeCreate, ChangeReplace:
		if ch.Kind == ChangeCreate && cur != nil {
			return nil, qerr.ErrAlreadyExists.New("table %s.%s already exists", ch.Database, ch.Name)
		}
		if v := viewsOf(tx, ch.Database); v != nil && v.Get(nameKey(ch.Name)) != nil {
			return nil, qerr.ErrAlreadyExists.New("view %s.%s already exists", ch.Database, ch.Name)
		}
		if err := validateFiles(ch.Database, ch.Name, nil, ch.Files); err != nil {
			return nil, err
		}
		files, err := putSketches(tx, ch.Files)
		if err != nil {
			return nil, err
		}
		if cur != nil {
			if err := dropSketches(tx, cur.Snapshot.Files); err != nil {
				return nil, err
			}
		}
		t := *ch.Table
		t.Database, t.Name, t.Created = dbRec.Name, ch.Name, now()
		t.Snapshot = Snapshot{Files: files}
		if len(files) > 0 {
			t.Snapshot.ID, t.Snapshot.Committed = 1, t.Created
			summarizeIn(tx, &t.Snapshot)
		}
		if seq := tx.Bucket(bucketTables).Sequence(); t.ID > seq {
			return nil, qerr.ErrInvalid.New("table %s.%s: id %d was never reserved", ch.Database, ch.Name, t.ID)
		}
		rec := encodeTable(&t)
		return cur, putTableRecord(b, &rec)
	case ChangeDrop:
		if err := dropSketches(tx, cur.Snapshot.Files); err != nil {
			return nil, err
		}
		return cur, b.Delete(nameKey(ch.Name))
	case ChangeRename:
		newRec, nb, err := getDatabase(tx, ch.NewDatabase)
		if err != nil {
			return nil, err
		}
		if err := validateName("table", ch.NewName); err != nil {
			return nil, err
		}
		if nb.Get(nameKey(ch.NewName)) != nil {
			return nil, qerr.ErrAlreadyExists.New("table %s.%s already exists", ch.NewDatabase, ch.NewName)
		}
		if v := viewsOf(tx, ch.NewDatabase); v != nil && v.Get(nameKey(ch.NewName)) != nil {
			return nil, qerr.ErrAlreadyExists.New("view %s.%s already exists", ch.NewDatabase, ch.NewName)
		}
		if err := b.Delete(nameKey(ch.Name)); err != nil {
			return nil, err
		}
		cur.Database, cur.Name = newRec.Name, ch.NewName
		rec := encodeTable(cur)
		return nil, putTableRecord(nb, &rec)
	case ChangeRewrite:
		keep, err := withoutFiles(ch.Database, ch.Name, cur.Snapshot.Files, ch.Remove)
		if err != nil {
			return nil, err
		}
		if err := validateFiles(ch.Database, ch.Name, keep, ch.Files); err != nil {
			return nil, err
		}
		if err := sameSchema(cur, ch.Files); err != nil {
			return nil, err
		}
		if err := dropSketches(tx, ch.Remove); err != nil {
			return nil, err
		}
		files, err := putSketches(tx, ch.Files)
		if err != nil {
			return nil, err
		}
		gone := *cur
		gone.Snapshot = Snapshot{ID: cur.Snapshot.ID, Files: ch.Remove, Committed: cur.Snapshot.Committed}
		cur.Snapshot = Snapshot{ID: cur.Snapshot.ID + 1, Files: append(keep, files...), Committed: now()}
		summarizeIn(tx, &cur.Snapshot)
		rec := encodeTable(cur)
		return &gone, putTableRecord(b, &rec)
	case ChangeAnalyze:
		return nil, analyzeFiles(tx, b, cur, ch.Files)
	case ChangeAlter:
		if ch.Table == nil || ch.Table.SchemaVersion != cur.SchemaVersion+1 {
			return nil, qerr.ErrConflict.New("table %s.%s was altered by another statement since this one read it: run the statement again", ch.Database, ch.Name)
		}
		cur.Columns, cur.SchemaVersion, cur.Retired = ch.Table.Columns, ch.Table.SchemaVersion, ch.Table.Retired
		cur.DistributionKeys, cur.PrimaryKey = ch.Table.DistributionKeys, ch.Table.PrimaryKey
		rec := encodeTable(cur)
		return nil, putTableRecord(b, &rec)
	}
	return nil, qerr.ErrInvalid.New("change of kind %s", ch.Kind)
}

// analyzeFiles gives the files of t that files name their statistics
// there, in a new snapshot.
//
// An external table's snapshot is not its files (they are listed anew by
// every query) but what ANALYZE found: the files as described, whose
// sketches give the distinct counts, read while the same files are there.
func analyzeFiles(tx *bolt.Tx, b *bolt.Bucket, t *Table, files []DataFile) error {
	if t.External != nil {
		stripped, err := putSketches(tx, files)
		if err != nil {
			return err
		}
		t.Snapshot = Snapshot{ID: t.Snapshot.ID + 1, Files: stripped, Committed: now()}
		summarizeIn(tx, &t.Snapshot)
		rec := encodeTable(t)
		return putTableRecord(b, &rec)
	}
	byPath := make(map[string]DataFile, len(files))
	for _, f := range files {
		byPath[f.Path] = f
	}
	var present []DataFile
	next := make([]DataFile, len(t.Snapshot.Files))
	for i, f := range t.Snapshot.Files {
		next[i] = f
		if a, ok := byPath[f.Path]; ok {
			next[i].Columns = a.Columns
			present = append(present, next[i])
		}
	}
	stripped, err := putSketches(tx, present)
	if err != nil {
		return err
	}
	for i, j := 0, 0; i < len(next) && j < len(stripped); i++ {
		if next[i].Path == stripped[j].Path {
			next[i] = stripped[j]
			j++
		}
	}
	t.Snapshot = Snapshot{ID: t.Snapshot.ID + 1, Files: next, Committed: now()}
	summarizeIn(tx, &t.Snapshot)
	rec := encodeTable(t)
	return putTableRecord(b, &rec)
}

// sameSchema refuses files written under another schema version than the
// table's: a write that read the table before an ALTER TABLE would add
// files whose columns the table no longer describes.
func sameSchema(t *Table, files []DataFile) error {
	for _, f := range files {
		if f.Schema != t.SchemaVersion {
			return qerr.ErrConflict.New("table %s.%s was altered by another statement since this one read it: run the statement again", t.Database, t.Name)
		}
	}
	return nil
}

// withoutFiles is files less remove, each of which must be among them: a
// file that is not was rewritten or removed by another statement.
func withoutFiles(db, name string, files, remove []DataFile) ([]DataFile, error) {
	drop := make(map[string]bool, len(remove))
	for _, f := range remove {
		drop[f.Path] = true
	}
	keep := make([]DataFile, 0, len(files))
	for _, f := range files {
		if drop[f.Path] {
			delete(drop, f.Path)
			continue
		}
		keep = append(keep, f)
	}
	if len(drop) > 0 {
		return nil, qerr.ErrConflict.New("table %s.%s was changed by another statement since this one read it (%d of its files were rewritten or removed): run the statement again", db, name, len(drop))
	}
	return keep, nil
}
