package catalog

import (
	"fmt"
	"time"
)

// dbRecord is a database as stored.
type dbRecord struct {
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
}

// The stored form of a table is its own set of structs, not Table itself,
// so that renaming an exported field never changes the file format and
// column types are stored in TypeString's stable text form.
type tableRecord struct {
	ID               uint64            `json:"id"`
	Database         string            `json:"database"`
	Name             string            `json:"name"`
	Columns          []columnRecord    `json:"columns"`
	DistributionKeys []string          `json:"distribution_keys,omitempty"`
	Partitions       int               `json:"partitions,omitempty"`
	PrimaryKey       []string          `json:"primary_key,omitempty"`
	Options          map[string]string `json:"options,omitempty"`
	Created          time.Time         `json:"created"`
	Snapshot         snapshotRecord    `json:"snapshot"`
	SchemaVersion    uint64            `json:"schema_version,omitempty"`
	Retired          []string          `json:"retired,omitempty"`
	External         *externalRecord   `json:"external,omitempty"`
}

type externalRecord struct {
	Location string            `json:"location"`
	Format   string            `json:"format"`
	Options  map[string]string `json:"options,omitempty"`
}

type columnRecord struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Nullable bool   `json:"nullable"`
	File     string `json:"file,omitempty"`
	Since    uint64 `json:"since,omitempty"`
}

// snapshotRecord is a snapshot without its files, which are stored apart
// (bolt_files.go).
type snapshotRecord struct {
	ID        uint64          `json:"id"`
	Committed time.Time       `json:"committed"`
	Columns   []summaryRecord `json:"columns,omitempty"`
}

type summaryRecord struct {
	Name     string `json:"name"`
	Distinct int64  `json:"distinct"`
}

type fileRecord struct {
	Path    string        `json:"path"`
	Rows    int64         `json:"rows"`
	Bytes   int64         `json:"bytes"`
	Bucket  int           `json:"bucket,omitempty"`
	Columns []statsRecord `json:"columns,omitempty"`
	Schema  uint64        `json:"schema,omitempty"`
}

type statsRecord struct {
	Name      string `json:"name"`
	NullCount int64  `json:"null_count"`
	Min       string `json:"min,omitempty"`
	Max       string `json:"max,omitempty"`
}

func encodeTable(t *Table) tableRecord {
	r := tableRecord{
		ID:               t.ID,
		Database:         t.Database,
		Name:             t.Name,
		Columns:          make([]columnRecord, len(t.Columns)),
		DistributionKeys: t.DistributionKeys,
		Partitions:       t.Partitions,
		PrimaryKey:       t.PrimaryKey,
		Options:          t.Options,
		Created:          t.Created,
		Snapshot:         encodeSnapshot(t.Snapshot),
		SchemaVersion:    t.SchemaVersion,
		Retired:          t.Retired,
	}
	if e := t.External; e != nil {
		r.External = &externalRecord{Location: e.Location, Format: e.Format, Options: e.Options}
	}
	for i, col := range t.Columns {
		r.Columns[i] = columnRecord{Name: col.Name, Type: TypeString(col.Type), Nullable: col.Nullable, File: col.File, Since: col.Since}
	}
	return r
}

func encodeSnapshot(s Snapshot) snapshotRecord {
	r := snapshotRecord{ID: s.ID, Committed: s.Committed}
	for _, c := range s.Columns {
		r.Columns = append(r.Columns, summaryRecord{Name: c.Name, Distinct: c.Distinct})
	}
	return r
}

func encodeFile(f DataFile) fileRecord {
	r := fileRecord{Path: f.Path, Rows: f.Rows, Bytes: f.Bytes, Bucket: f.Bucket, Schema: f.Schema}
	if len(f.Columns) > 0 {
		r.Columns = make([]statsRecord, len(f.Columns))
		for j, s := range f.Columns {
			r.Columns[j] = statsRecord{Name: s.Name, NullCount: s.NullCount, Min: s.Min, Max: s.Max}
		}
	}
	return r
}

func (r *tableRecord) decode() (*Table, error) {
	t := &Table{
		ID:               r.ID,
		Database:         r.Database,
		Name:             r.Name,
		Columns:          make([]Column, len(r.Columns)),
		DistributionKeys: r.DistributionKeys,
		Partitions:       r.Partitions,
		PrimaryKey:       r.PrimaryKey,
		Options:          r.Options,
		Created:          r.Created,
		Snapshot:         r.Snapshot.decode(),
		SchemaVersion:    r.SchemaVersion,
		Retired:          r.Retired,
	}
	if e := r.External; e != nil {
		t.External = &External{Location: e.Location, Format: e.Format, Options: e.Options}
	}
	for i, col := range r.Columns {
		typ, err := ParseType(col.Type)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", col.Name, err)
		}
		t.Columns[i] = Column{Name: col.Name, Type: typ, Nullable: col.Nullable, File: col.File, Since: col.Since}
	}
	return t, nil
}

func (r *snapshotRecord) decode() Snapshot {
	s := Snapshot{ID: r.ID, Committed: r.Committed}
	for _, c := range r.Columns {
		s.Columns = append(s.Columns, ColumnSummary{Name: c.Name, Distinct: c.Distinct})
	}
	return s
}

func (r *fileRecord) decode() DataFile {
	f := DataFile{Path: r.Path, Rows: r.Rows, Bytes: r.Bytes, Bucket: r.Bucket, Schema: r.Schema}
	if len(r.Columns) > 0 {
		f.Columns = make([]ColumnStats, len(r.Columns))
		for j, st := range r.Columns {
			f.Columns[j] = ColumnStats{Name: st.Name, NullCount: st.NullCount, Min: st.Min, Max: st.Max}
		}
	}
	return f
}
