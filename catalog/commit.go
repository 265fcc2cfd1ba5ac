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
				t, err := loadTable(tx, v, string(dbKey), string(k))
				if err != nil {
					return err
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
// A commit of appends only may share its transaction with concurrent ones
// (appendUpdate).
func (c *BoltCatalog) Commit(ctx context.Context, changes []Change) ([]*Table, error) {
	appends := true
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
		appends = appends && ch.Kind == ChangeAppend
	}
	var removed []*Table
	fn := func(tx *bolt.Tx) error {
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
	}
	var err error
	if appends {
		err = c.appendUpdate(ctx, "commit", fn)
	} else {
		err = c.update(ctx, "commit", fn)
	}
	if err != nil {
		return nil, err
	}
	return removed, nil
}

// applyChange applies one change inside a Commit and returns the table it
// removed, if any. It reads the files of the table only where the change
// needs them all (replace, drop, a rewrite or ANALYZE, which merge the
// sketches anew); an append, rename or alter writes the table's record and
// the keys of the files it adds, whatever the table holds.
func applyChange(tx *bolt.Tx, ch Change) (*Table, error) {
	dbRec, b, err := getDatabase(tx, ch.Database)
	if err != nil {
		return nil, err
	}
	var cur *Table
	if v := b.Get(nameKey(ch.Name)); v != nil {
		if cur, err = loadHeader(v, ch.Database, ch.Name); err != nil {
			return nil, err
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
		return nil, appendFiles(tx, b, ch.Database, ch.Name, cur, ch.Files)
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
			if cur.Snapshot.Files, err = readData(tx, cur.ID).list(); err != nil {
				return nil, fmt.Errorf("table %s.%s: %w", ch.Database, ch.Name, err)
			}
			if err := dropSketches(tx, cur.Snapshot.Files); err != nil {
				return nil, err
			}
			if err := dropData(tx, cur.ID); err != nil {
				return nil, err
			}
		}
		t := *ch.Table
		t.Database, t.Name, t.Created = dbRec.Name, ch.Name, now()
		t.Snapshot = Snapshot{}
		if seq := tx.Bucket(bucketTables).Sequence(); t.ID > seq {
			return nil, qerr.ErrInvalid.New("table %s.%s: id %d was never reserved", ch.Database, ch.Name, t.ID)
		}
		// A table's files are keyed by its ID: one that is in use would
		// mix two tables' files.
		if readData(tx, t.ID) != nil {
			return nil, qerr.ErrInvalid.New("table %s.%s: id %d is already in use", ch.Database, ch.Name, t.ID)
		}
		d, err := writeData(tx, t.ID)
		if err != nil {
			return nil, err
		}
		if err := d.add(files); err != nil {
			return nil, err
		}
		if len(files) > 0 {
			t.Snapshot.ID, t.Snapshot.Committed = 1, t.Created
		}
		if t.Snapshot.Columns, err = mergeSketches(tx, d, files, true); err != nil {
			return nil, err
		}
		return cur, putHeader(b, &t)
	case ChangeDrop:
		if cur.Snapshot.Files, err = readData(tx, cur.ID).list(); err != nil {
			return nil, fmt.Errorf("table %s.%s: %w", ch.Database, ch.Name, err)
		}
		if err := dropSketches(tx, cur.Snapshot.Files); err != nil {
			return nil, err
		}
		if err := dropData(tx, cur.ID); err != nil {
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
		// The files are keyed by the table's ID, which stays: only the
		// record moves.
		cur.Database, cur.Name = newRec.Name, ch.NewName
		return nil, putHeader(nb, cur)
	case ChangeRewrite:
		return rewriteFiles(tx, b, cur, ch)
	case ChangeAnalyze:
		return nil, analyzeFiles(tx, b, cur, ch.Files)
	case ChangeAlter:
		if ch.Table == nil || ch.Table.SchemaVersion != cur.SchemaVersion+1 {
			return nil, qerr.ErrConflict.New("table %s.%s was altered by another statement since this one read it: run the statement again", ch.Database, ch.Name)
		}
		cur.Columns, cur.SchemaVersion, cur.Retired = ch.Table.Columns, ch.Table.SchemaVersion, ch.Table.Retired
		cur.DistributionKeys, cur.PrimaryKey = ch.Table.DistributionKeys, ch.Table.PrimaryKey
		return nil, putHeader(b, cur)
	}
	return nil, qerr.ErrInvalid.New("change of kind %s", ch.Kind)
}

// rewriteFiles replaces the files ch.Remove of t with ch.Files (a
// ChangeRewrite) and returns t with the files it removed. Only the keys of
// those files are deleted and of the new ones written; the files that stay
// are read to merge their sketches anew, since a merge cannot take the
// removed files' values out.
func rewriteFiles(tx *bolt.Tx, b *bolt.Bucket, t *Table, ch Change) (*Table, error) {
	d, err := writeData(tx, t.ID)
	if err != nil {
		return nil, err
	}
	// Every file to remove must still be there: one that is not was
	// rewritten or removed by another statement.
	missing := 0
	for _, path := range uniquePaths(ch.Remove) {
		found, err := d.remove(path)
		if err != nil {
			return nil, err
		}
		if !found {
			missing++
		}
	}
	if missing > 0 {
		return nil, qerr.ErrConflict.New("table %s.%s was changed by another statement since this one read it (%d of its files were rewritten or removed): run the statement again", ch.Database, ch.Name, missing)
	}
	if err := validateFiles(ch.Database, ch.Name, d, ch.Files); err != nil {
		return nil, err
	}
	if err := sameSchema(t, ch.Files); err != nil {
		return nil, err
	}
	if err := dropSketches(tx, ch.Remove); err != nil {
		return nil, err
	}
	files, err := putSketches(tx, ch.Files)
	if err != nil {
		return nil, err
	}
	if err := d.add(files); err != nil {
		return nil, err
	}
	merged, fresh := files, len(ch.Remove) > 0
	if fresh {
		if merged, err = d.list(); err != nil {
			return nil, fmt.Errorf("table %s.%s: %w", ch.Database, ch.Name, err)
		}
	}
	gone := *t
	gone.Snapshot = Snapshot{ID: t.Snapshot.ID, Files: ch.Remove, Committed: t.Snapshot.Committed}
	return &gone, nextSnapshot(tx, b, t, d, merged, fresh)
}

// uniquePaths are the paths of files, each once, in order.
func uniquePaths(files []DataFile) []string {
	seen := make(map[string]bool, len(files))
	var out []string
	for _, f := range files {
		if !seen[f.Path] {
			seen[f.Path] = true
			out = append(out, f.Path)
		}
	}
	return out
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
		if err := dropData(tx, t.ID); err != nil {
			return err
		}
		d, err := writeData(tx, t.ID)
		if err != nil {
			return err
		}
		if err := d.add(stripped); err != nil {
			return err
		}
		return nextSnapshot(tx, b, t, d, stripped, true)
	}
	d, err := writeData(tx, t.ID)
	if err != nil {
		return err
	}
	byPath := make(map[string]DataFile, len(files))
	for _, f := range files {
		byPath[f.Path] = f
	}
	var present []DataFile
	for _, path := range uniquePaths(files) {
		f, ok, err := d.get(path)
		if err != nil {
			return fmt.Errorf("table %s.%s: %w", t.Database, t.Name, err)
		}
		if ok {
			f.Columns = byPath[path].Columns
			present = append(present, f)
		}
	}
	stripped, err := putSketches(tx, present)
	if err != nil {
		return err
	}
	for _, f := range stripped {
		if err := d.replace(f); err != nil {
			return err
		}
	}
	all, err := d.list()
	if err != nil {
		return fmt.Errorf("table %s.%s: %w", t.Database, t.Name, err)
	}
	return nextSnapshot(tx, b, t, d, all, true)
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
