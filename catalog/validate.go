package catalog

import (
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
	for _, k := range t.DistributionKeys {
		if t.ColumnIndex(k) < 0 {
			return qerr.ErrInvalid.New("table %s.%s: distribution key %s is not a column", t.Database, t.Name, k)
		}
	}
	if t.Partitions < 0 {
		return qerr.ErrInvalid.New("table %s.%s: negative partition count %d", t.Database, t.Name, t.Partitions)
	}
	return validateFiles(t.Database, t.Name, nil, t.Snapshot.Files)
}

// validateFiles checks files about to join a snapshot that already holds
// existing. A path may appear once: a retried commit must not count its
// rows twice.
func validateFiles(db, name string, existing, files []DataFile) error {
	paths := make(map[string]bool, len(existing)+len(files))
	for _, f := range existing {
		paths[f.Path] = true
	}
	for _, f := range files {
		switch {
		case f.Path == "":
			return qerr.ErrInvalid.New("table %s.%s: a data file has an empty path", db, name)
		case paths[f.Path]:
			return qerr.ErrInvalid.New("table %s.%s: data file %s is already in the snapshot", db, name, f.Path)
		case f.Rows < 0 || f.Bytes < 0:
			return qerr.ErrInvalid.New("table %s.%s: data file %s has negative rows or bytes", db, name, f.Path)
		}
		paths[f.Path] = true
	}
	return nil
}

// view runs fn in a read transaction; update in a write transaction. Both
// refuse a done context before starting (bbolt transactions themselves
// cannot be interrupted) and wrap storage failures with op, while qerr errors
// from fn pass through unchanged so that their message is the user's.
