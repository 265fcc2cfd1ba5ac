package catalog

import (
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
)

// now is the time stamped on created objects and commits: UTC, so that a
// value read back from the file equals the one written, with no monotonic
// reading.
func now() time.Time { return time.Now().UTC() }

// validateName checks a database or table name. The limits keep names safe
// as path elements of <data-dir>/tables/<db>/<table>/ and within MySQL's
// identifier length.
func validateName(kind, name string) error {
	switch {
	case name == "":
		return qerr.ErrInvalid.New("%s name is empty", kind)
	case !utf8.ValidString(name):
		return qerr.ErrInvalid.New("%s name %q is not valid UTF-8", kind, name)
	case utf8.RuneCountInString(name) > maxNameLen:
		return qerr.ErrInvalid.New("%s name %q is longer than %d characters", kind, name, maxNameLen)
	case strings.ContainsAny(name, "/\x00"):
		return qerr.ErrInvalid.New("%s name %q contains '/' or NUL", kind, name)
	case name == "." || name == "..":
		return qerr.ErrInvalid.New("%s name %q is reserved", kind, name)
	}
	return nil
}

// nameKey is the stored key of a name: names compare case-insensitively.
func nameKey(name string) []byte { return []byte(strings.ToLower(name)) }

// ValidateTable checks a table definition before it is stored, so that what
// is in the file always reads back as it was written.
func ValidateTable(t *Table) error {
	if err := validateName("database", t.Database); err != nil {
		return err
	}
	if err := validateName("table", t.Name); err != nil {
		return err
	}
	if len(t.Columns) == 0 {
		return qerr.ErrInvalid.New("table %s.%s has no columns", t.Database, t.Name)
	}
	seen := make(map[string]bool, len(t.Columns))
	for _, col := range t.Columns {
		if col.Name == "" {
			return qerr.ErrInvalid.New("table %s.%s: a column name is empty", t.Database, t.Name)
		}
		if seen[strings.ToLower(col.Name)] {
			return qerr.ErrInvalid.New("table %s.%s: duplicate column %s", t.Database, t.Name, col.Name)
		}
		seen[strings.ToLower(col.Name)] = true
		if col.Type == nil {
			return qerr.ErrInvalid.New("table %s.%s: column %s has no type", t.Database, t.Name, col.Name)
		}
		// DuckDB's one zoned type, TIMESTAMPTZ, has microseconds: a zoned
		// timestamp of another unit could be stored but never scanned.
		// Ingest converts such columns (coordinator's storedType); a
		// definition that still has one is the writer's error.
		if ts, ok := col.Type.(*arrow.TimestampType); ok && ts.TimeZone != "" && ts.Unit != arrow.Microsecond {
			return qerr.ErrInvalid.New("table %s.%s: column %s: type %s cannot be stored (a timestamp with a time zone is stored in microseconds, as %s)",
				t.Database, t.Name, col.Name, col.Type, &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: ts.TimeZone})
		}
		// A type whose text form does not read back as the same type (a
		// timestamp in a zone other than UTC, a nested type) would change
		// silently across a restart, so it is refused here.
		back, err := ParseType(TypeString(col.Type))
		if err != nil || !arrow.TypeEqual(back, col.Type) {
			return qerr.ErrUnsupported.New("table %s.%s: column %s: type %s cannot be stored", t.Database, t.Name, col.Name, col.Type)
		}
	}
	for _, k := range t.PrimaryKey {
		if i := t.ColumnIndex(k); i < 0 || t.Columns[i].Nullable {
			return qerr.ErrInvalid.New("table %s.%s: primary key column %s is not a NOT NULL column", t.Database, t.Name, k)
		}
	}
	for _, k := range t.DistributionKeys {
		if t.ColumnIndex(k) < 0 {
			return qerr.ErrInvalid.New("table %s.%s: distribution key %s is not a column", t.Database, t.Name, k)
		}
	}
	if t.Partitions < 0 {
		return qerr.ErrInvalid.New("table %s.%s: negative partition count %d", t.Database, t.Name, t.Partitions)
	}
	if t.External != nil {
		return validateExternal(t)
	}
	return validateFiles(t.Database, t.Name, nil, t.Snapshot.Files)
}

// validateExternal checks an external table: a known format with its own
// options, an absolute location, and nothing of a managed table's storage.
func validateExternal(t *Table) error {
	e := t.External
	known, ok := externalOptions[e.Format]
	switch {
	case !ok:
		return qerr.ErrInvalid.New("external table %s.%s: format %q is not parquet or csv", t.Database, t.Name, e.Format)
	case !filepath.IsAbs(e.Location):
		return qerr.ErrInvalid.New("external table %s.%s: location %q is not an absolute path", t.Database, t.Name, e.Location)
	case len(t.DistributionKeys) > 0:
		return qerr.ErrInvalid.New("external table %s.%s cannot be partitioned: its files are read as they are", t.Database, t.Name)
	case len(t.Snapshot.Files) > 0:
		return qerr.ErrInvalid.New("external table %s.%s cannot hold data files", t.Database, t.Name)
	}
	for name := range e.Options {
		if !slices.Contains(known, name) {
			return qerr.ErrInvalid.New("external table %s.%s: format %s has no option %q (it has: %s)",
				t.Database, t.Name, e.Format, name, strings.Join(known, ", "))
		}
	}
	return nil
}

// validateFiles checks files about to join a snapshot whose files are in d
// (nil for none). A path may appear once: a retried commit must not count
// its rows twice.
func validateFiles(db, name string, d *tableData, files []DataFile) error {
	paths := make(map[string]bool, len(files))
	for _, f := range files {
		switch {
		case f.Path == "":
			return qerr.ErrInvalid.New("table %s.%s: a data file has an empty path", db, name)
		case paths[f.Path] || d.has(f.Path):
			return qerr.ErrInvalid.New("table %s.%s: data file %s is already in the snapshot", db, name, f.Path)
		case f.Rows < 0 || f.Bytes < 0:
			return qerr.ErrInvalid.New("table %s.%s: data file %s has negative rows or bytes", db, name, f.Path)
		}
		paths[f.Path] = true
	}
	return nil
}
