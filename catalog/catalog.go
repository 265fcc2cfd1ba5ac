// Package catalog is Quiver's metadata: databases, tables with their Arrow
// schemas and distribution, users (with password hashes), and table snapshots (the immutable Parquet files
// that make up a table, with row counts, sizes and per-column statistics).
//
// The catalog owns metadata only. It never reads or writes table data; workers
// write files and the coordinator commits them here as a new snapshot in one
// transaction, so a write is either wholly visible or not at all. It imports
// no other Quiver package but qerr.
package catalog

import (
	"context"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// DefaultDatabase is the database that exists from the first start and that
// unqualified names resolve to.
const DefaultDatabase = "main"

// Column is one column of a table.
type Column struct {
	Name     string
	Type     arrow.DataType
	Nullable bool
	// File is the column's name inside the table's data files, when it is
	// not Name: a column keeps the name it was written under through
	// ALTER TABLE ... RENAME COLUMN, so files are never rewritten, and a
	// column added under a name some data file already uses gets a fresh one.
	File string
	// Since is the table's SchemaVersion that added the column (ALTER TABLE
	// ... ADD COLUMN): files written under an earlier version lack it, and
	// their rows read NULL in it.
	Since uint64
}

// FileName is the column's name inside the table's data files.
func (c Column) FileName() string {
	if c.File != "" {
		return c.File
	}
	return c.Name
}

// Table is a table's definition and its current snapshot.
type Table struct {
	// ID is unique over the catalog's lifetime: a table dropped and created
	// again under the same name gets a new ID, so a commit prepared against the
	// old one fails.
	ID       uint64
	Database string
	Name     string
	Columns  []Column
	// DistributionKeys name the columns that rows are hash-placed by
	// (PARTITION BY HASH); empty means placement by file.
	DistributionKeys []string
	Partitions       int
	// PrimaryKey names the columns of the PRIMARY KEY (NOT NULL), empty
	// for none. REPLACE and INSERT ... ON DUPLICATE KEY UPDATE match rows
	// by it; INSERT does not check it (coordinator/binder says why).
	PrimaryKey []string
	Options    map[string]string
	Created    time.Time
	Snapshot   Snapshot
	// SchemaVersion counts the column changes of ALTER TABLE; every data
	// file records the version it was written under (DataFile.Schema).
	SchemaVersion uint64
	// Retired are the file names of dropped columns, which old files still
	// hold and a column added later must not take.
	Retired []string
	// External is set for an external table: its rows are the files at a
	// location outside the data directory, read in place and never written,
	// so its Snapshot stays empty and dropping it leaves the files.
	External *External
}

// External is where an external table's files are and how they read.
type External struct {
	// Location is an absolute path or glob (Go's filepath.Match syntax in
	// each path element), expanded when a query is planned.
	Location string
	// Format is "parquet" or "csv".
	Format string
	// Options are the format's reading options (csv: header, delimiter).
	Options map[string]string
}

// External formats and the options each reads.
var externalOptions = map[string][]string{
	"parquet": nil,
	"csv":     {"header", "delimiter"},
}

// Schema is the table's Arrow schema.
func (t *Table) Schema() *arrow.Schema {
	fields := make([]arrow.Field, len(t.Columns))
	for i, c := range t.Columns {
		fields[i] = arrow.Field{Name: c.Name, Type: c.Type, Nullable: c.Nullable}
	}
	return arrow.NewSchema(fields, nil)
}

// FileSchema is the schema of the table's data files as they are written
// now: the table's columns under their file names.
func (t *Table) FileSchema() *arrow.Schema {
	fields := make([]arrow.Field, len(t.Columns))
	for i, c := range t.Columns {
		fields[i] = arrow.Field{Name: c.FileName(), Type: c.Type, Nullable: c.Nullable}
	}
	return arrow.NewSchema(fields, nil)
}

// ColumnIndex returns the position of the column named name (case-insensitive,
// as MySQL resolves column names), or -1.
func (t *Table) ColumnIndex(name string) int {
	for i, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

// View is a named query, expanded where it is referenced.
type View struct {
	Database string
	Name     string
	// SQL is the view's SELECT, as the binder restored it.
	SQL string
	// Columns rename the query's columns when set (CREATE VIEW v (a, b)).
	Columns []string
	// Owner is the user who created the view: a read through the view
	// checks the view's tables against the owner's privileges (MySQL's SQL
	// SECURITY DEFINER). Empty for a view made by the anonymous principal
	// or before views had owners: its tables are checked as the reader's.
	Owner string
}

// Snapshot is one committed version of a table's data.
type Snapshot struct {
	ID        uint64 // 0 for a table that has never been written
	Files     []DataFile
	Committed time.Time
	// Columns are the statistics merged over Files at commit (stats.go):
	// the distinct count of each column whose files all have a sketch.
	Columns []ColumnSummary
}

// Rows is the snapshot's total row count.
func (s Snapshot) Rows() int64 {
	var n int64
	for _, f := range s.Files {
		n += f.Rows
	}
	return n
}

// DataFile is one immutable Parquet file of a table.
type DataFile struct {
	// Path is relative to the data directory, so that every node that mounts
	// the shared data directory resolves it.
	Path  string
	Rows  int64
	Bytes int64
	// Bucket is the hash bucket whose rows the file holds, in a table with
	// DistributionKeys: every row's hash of the keys modulo Partitions.
	Bucket  int
	Columns []ColumnStats
	// Schema is the table's SchemaVersion the file was written under: the
	// columns added since are not in it.
	Schema uint64
	// RowGroups are an external Parquet file's row groups with their
	// statistics, read from its footer when a query is planned, so that
	// scans split and prune by row group. Never stored: a managed file's
	// row groups are about as large as a task's share.
	RowGroups []RowGroup `json:",omitempty"`
}

// RowGroup is one row group of a Parquet file: rows [Offset, Offset+Rows)
// of the file, with its columns' statistics.
type RowGroup struct {
	Offset, Rows int64
	Columns      []ColumnStats
}

// Stats returns the file's statistics of the column stored under the file
// name name (Column.FileName).
func (f DataFile) Stats(name string) (ColumnStats, bool) {
	for _, s := range f.Columns {
		if s.Name == name {
			return s, true
		}
	}
	return ColumnStats{}, false
}

// ColumnStats are one column's statistics in one file. Min and Max are SQL
// literals of the column's type (strings quoted), empty when unknown.
type ColumnStats struct {
	Name      string
	NullCount int64
	Min, Max  string
	// Sketch is the HyperLogLog sketch of the column's non-null values in
	// the file (NewSketch, marshalled), nil when unknown. It travels from
	// the worker to the commit; the catalog keeps it apart from the table
	// (bolt_sketches.go), so a DataFile read back from the catalog has none.
	Sketch []byte `json:",omitempty"`
}

// Catalog is the metadata store. Every method is one transaction; an error
// leaves the catalog as it was. Implementations are safe for concurrent use.
//
// Errors carry qerr codes: ErrNotFound for a missing database or table,
// ErrAlreadyExists for a CREATE of an existing one.
type Catalog interface {
	CreateDatabase(ctx context.Context, name string, ifNotExists bool) error
	DropDatabase(ctx context.Context, name string, ifExists bool) error
	ListDatabases(ctx context.Context) ([]string, error)

	// CreateTable stores t and assigns t.ID and t.Created. The database must exist.
	CreateTable(ctx context.Context, t *Table, ifNotExists bool) error
	// DropTable removes a table and returns it, so that the caller can delete
	// its files; nil, nil when ifExists and there is no such table.
	DropTable(ctx context.Context, db, name string, ifExists bool) (*Table, error)
	GetTable(ctx context.Context, db, name string) (*Table, error)
	ListTables(ctx context.Context, db string) ([]*Table, error)

	// CommitFiles appends files to the current snapshot of the table with the
	// given ID, making a new snapshot atomically. It fails with ErrNotFound if
	// that table no longer exists under that name.
	CommitFiles(ctx context.Context, db, name string, tableID uint64, files []DataFile) (Snapshot, error)
	// Commit applies changes to several tables in one transaction (commit.go)
	// and returns the tables it replaced or dropped, for their files.
	Commit(ctx context.Context, changes []Change) ([]*Table, error)
	// ReserveTableID hands out a fresh table ID for a table committed later
	// with its data (ChangeCreate, ChangeReplace).
	ReserveTableID(ctx context.Context) (uint64, error)
	// Tables reads every table of every database at one instant.
	Tables(ctx context.Context) ([]*Table, error)

	// CreateView stores a view; a view and a table may not share a name.
	CreateView(ctx context.Context, v *View, orReplace bool) error
	// DropView removes a view (ErrNotFound unless ifExists).
	DropView(ctx context.Context, db, name string, ifExists bool) error
	// GetView returns a view by name (ErrNotFound if there is none).
	GetView(ctx context.Context, db, name string) (*View, error)
	ListViews(ctx context.Context, db string) ([]*View, error)

	// Grants reads the privilege state: roles and grants (grants.go).
	Grants(ctx context.Context) (*Grants, error)
	// UpdateGrants changes the privilege state in one transaction: fn
	// edits the state as read within it, and an error from fn changes
	// nothing.
	UpdateGrants(ctx context.Context, fn func(*Grants) error) error

	// ReferencedFiles is the set of every file path that any table's current
	// snapshot refers to; files under the data directory outside it are orphans.
	ReferencedFiles(ctx context.Context) (map[string]bool, error)

	// Users (users.go): CreateUser assigns u.Version and u.Created;
	// AlterUser replaces the password hash and the version.
	CreateUser(ctx context.Context, u *User, ifNotExists bool) error
	AlterUser(ctx context.Context, name string, passwordHash []byte, ifExists bool) error
	DropUser(ctx context.Context, name string, ifExists bool) error
	GetUser(ctx context.Context, name string) (*User, error)
	ListUsers(ctx context.Context) ([]*User, error)

	Close() error
}
