package stage

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
)

// SpecVersion is the version of every wire struct in this file. A worker
// refuses a spec of another version rather than misreading it.
const SpecVersion = 2

// QueryID names one query across the cluster.
type QueryID string

// FragmentID names a fragment within a query. Fragment 0 is the root.
type FragmentID int

// TaskID names one task: a fragment times a partition.
type TaskID struct {
	Fragment FragmentID `json:"fragment"`
	Index    int        `json:"index"`
}

func (t TaskID) String() string { return fmt.Sprintf("%d.%d", t.Fragment, t.Index) }

// OutputKind says where a task's output goes.
type OutputKind string

const (
	// OutputNormal hash-partitions rows on Keys into one buffer per consumer task.
	OutputNormal OutputKind = "normal"
	// OutputExpansive copies every row to every consumer task (broadcast).
	OutputExpansive OutputKind = "expansive"
	// OutputConvergent sends every row to the single consumer task (gather).
	OutputConvergent OutputKind = "convergent"
	// OutputResult keeps the rows in one buffer that the client fetches by do_get.
	OutputResult OutputKind = "result"
	// OutputWrite writes the rows as a new Parquet file under WriteDir and
	// reports it in TaskStatsSpec.Files; nothing is buffered.
	OutputWrite OutputKind = "write"
	// OutputAnalyze runs no SQL: the task reads the statistics of every file
	// of its scan splits (ANALYZE TABLE) and reports them in
	// TaskStatsSpec.Files, paths as the splits give them.
	OutputAnalyze OutputKind = "analyze"
)

// FieldSpec is an Arrow field on the wire.
type FieldSpec struct {
	Name string `json:"name"`
	Type string `json:"type"` // catalog.TypeString
}

// SchemaSpec is an Arrow schema on the wire. Every field is nullable.
type SchemaSpec []FieldSpec

// NewSchemaSpec encodes s.
func NewSchemaSpec(s *arrow.Schema) SchemaSpec {
	out := make(SchemaSpec, s.NumFields())
	for i, f := range s.Fields() {
		out[i] = FieldSpec{Name: f.Name, Type: catalog.TypeString(f.Type)}
	}
	return out
}

// Arrow decodes the schema.
func (s SchemaSpec) Arrow() (*arrow.Schema, error) {
	fields := make([]arrow.Field, len(s))
	for i, f := range s {
		t, err := catalog.ParseType(f.Type)
		if err != nil {
			return nil, err
		}
		fields[i] = arrow.Field{Name: f.Name, Type: t, Nullable: true}
	}
	return arrow.NewSchema(fields, nil), nil
}

// OutputSpec is where a task sends its rows.
type OutputSpec struct {
	Kind OutputKind `json:"kind"`
	// Keys are the output column positions hashed by OutputNormal.
	Keys []int `json:"keys,omitempty"`
	// Consumers is the number of consumer partitions (1 for Convergent and Result).
	Consumers int `json:"consumers"`
	// Schema is the schema the planner promised for the output; the worker
	// labels its batches with it.
	Schema SchemaSpec `json:"schema"`
	// WriteDir is the table directory, relative to the data directory, that
	// OutputWrite writes its file into.
	WriteDir string `json:"write_dir,omitempty"`
	// WriteColumns name the columns of the file OutputWrite writes (the
	// table's file names, catalog.Column.FileName), in output order;
	// empty: as Schema names them.
	WriteColumns []string `json:"write_columns,omitempty"`
	// Retain keeps an exchange output (Normal, Expansive, Convergent)
	// whole after it is read, in memory and then in spill files, until the
	// coordinator releases it (its consuming stage finished) or the query
	// ends: a later attempt of a consumer reads it again from its start,
	// so that a lost consumer runs again without its producers. An output
	// that outgrows the query's memory budget and spill cap stops being
	// retained and is read once (TaskStatsSpec.Retained says so).
	Retain bool `json:"retain,omitempty"`
	// WriteToken begins the name of every file OutputWrite writes (letters,
	// digits, '-' and '_'), in every attempt of the write, so that the
	// coordinator finds and removes the files the write does not commit:
	// those of an attempt given up, of a task whose answer never came.
	WriteToken string `json:"write_token,omitempty"`
	// Filter, when set, is the runtime filter the task builds from its
	// output rows (see FilterOutputSpec).
	Filter *FilterOutputSpec `json:"filter,omitempty"`
}

// ProducerSpec is one producer task of an input exchange: where it runs and
// the signed ticket for this consumer's partition of its output.
type ProducerSpec struct {
	Task    TaskID `json:"task"`
	Address string `json:"address"` // host:port of the producer's worker
	Ticket  []byte `json:"ticket"`
}

// InputSpec is one exchange that the task reads: every producer's stream for
// this task's partition, merged.
type InputSpec struct {
	Exchange  FragmentID     `json:"exchange"` // the producing fragment
	Schema    SchemaSpec     `json:"schema"`
	Producers []ProducerSpec `json:"producers"`
}

// ScanSplit is the part of a table that one scan in this task reads.
type ScanSplit struct {
	Scan  int      `json:"scan"`  // the Scan node's ID within the fragment
	Files []string `json:"files"` // relative to the data directory
	// Missing, when set, has one entry per file: the scan's output
	// positions that the file lacks (columns added after it was written,
	// which read NULL in its rows).
	Missing [][]int `json:"missing,omitempty"`
	// Ranges, when set, has one entry per file: the rows of the file to
	// read (its row groups this task reads), or nil for the whole file.
	Ranges [][]RowRange `json:"ranges,omitempty"`
}

// RowRange is rows [Offset, Offset+Rows) of a Parquet file.
type RowRange struct {
	Offset int64 `json:"offset"`
	Rows   int64 `json:"rows"`
}

// TaskSpec is everything a worker needs to run one task. It is what
// ActionRunTask carries.
type TaskSpec struct {
	Version int     `json:"version"`
	Query   QueryID `json:"query"`
	Task    TaskID  `json:"task"`
	// Attempt is which run of the task this is, from 1 (0 reads as 1): a
	// query that lost a worker runs the tasks it lost, and those that
	// depend on their output, again as the query's next attempt, under the
	// same query ID (the others keep their attempt). A worker keys tasks
	// and buffers by it, so that what is left of one attempt never mixes
	// with the next.
	Attempt  int             `json:"attempt,omitempty"`
	Plan     json.RawMessage `json:"plan"` // EncodePlan of the fragment's root
	Splits   []ScanSplit     `json:"splits,omitempty"`
	Inputs   []InputSpec     `json:"inputs,omitempty"`
	Output   OutputSpec      `json:"output"`
	Deadline time.Time       `json:"deadline"` // the task and its buffers are freed after it
	// Filters are the runtime filters the task applies; it fetches them
	// all before it runs (see FilterInputSpec).
	Filters []FilterInputSpec `json:"filters,omitempty"`
}

// TaskStatsSpec is what a task reports when it ends: the last message of
// ActionRunTask's result stream.
type TaskStatsSpec struct {
	Version   int                `json:"version"`
	Task      TaskID             `json:"task"`
	Attempt   int                `json:"attempt,omitempty"` // TaskSpec's
	Worker    string             `json:"worker"`
	RowsIn    int64              `json:"rows_in"`
	BytesIn   int64              `json:"bytes_in"`
	RowsOut   int64              `json:"rows_out"`
	BytesOut  int64              `json:"bytes_out"`
	Wall      time.Duration      `json:"wall_ns"`
	PeakBytes int64              `json:"peak_bytes"`
	Files     []catalog.DataFile `json:"files,omitempty"` // OutputWrite and OutputAnalyze only
	// SpilledBytes is what the task's output buffers wrote to spill files.
	SpilledBytes int64 `json:"spilled_bytes,omitempty"`
	// Started is when the task began on its worker (by the worker's clock):
	// with Wall, it shows which tasks of a query overlapped in time.
	Started time.Time `json:"started,omitzero"`
	// Retained reports that the task's exchange output was retained
	// whole to its end (OutputSpec.Retain): a later attempt of a consumer
	// can read it again.
	Retained bool `json:"retained,omitempty"`
}

// TaskAttempt names one attempt of one task.
type TaskAttempt struct {
	Task    TaskID `json:"task"`
	Attempt int    `json:"attempt"`
}

func (t TaskAttempt) String() string { return fmt.Sprintf("%s#%d", t.Task, t.Attempt) }

// WriteSpec asks a worker to write the batches of a DoPut stream as one new
// Parquet file of a table. It is the DoPut descriptor's command.
type WriteSpec struct {
	Version int        `json:"version"`
	Query   QueryID    `json:"query"`
	Dir     string     `json:"dir"` // table directory relative to the data directory
	Schema  SchemaSpec `json:"schema"`
	// Token begins the name of the file, as OutputSpec.WriteToken does.
	Token string `json:"token,omitempty"`
}

// CheckVersion refuses a spec of another version.
func CheckVersion(v int) error {
	if v != SpecVersion {
		return qerr.ErrInvalid.New("spec version %d, this node speaks %d", v, SpecVersion)
	}
	return nil
}

// Runtime filters: a build task summarizes the join keys of its output
// rows and a probe task of the other side of the join filters its rows by
// the summaries of every build task before it sends them through its
// exchange (coordinator/physical.RuntimeFilters).

// FilterOutputSpec is the runtime filter a build task sends: it
// summarizes its output's Keys and keeps the summary in one more buffer
// per probe task, partitions FilterPartition(Consumers, t) for probe
// task t, read once like an exchange buffer, in FilterSchema.
type FilterOutputSpec struct {
	ID     int   `json:"id"`
	Keys   []int `json:"keys"`
	Probes int   `json:"probes"`
	// Bloom: the task also sends a Bloom filter of its rows' hashes
	// (FilterBuild.Bloom).
	Bloom bool `json:"bloom,omitempty"`
}

// FilterInputSpec is a runtime filter a probe task applies: every build
// task's summary for this task, in Schema (FilterSchema of the keys'
// types), to merge.
type FilterInputSpec struct {
	ID        int            `json:"id"`
	Schema    SchemaSpec     `json:"schema"`
	Producers []ProducerSpec `json:"producers"`
}

// FilterPartition is the buffer of a build task's output with consumers
// exchange partitions that holds the runtime filter for probe task t.
func FilterPartition(consumers, t int) int { return consumers + t }

// Summary rows of a runtime filter (FilterSchema's role column): a key's
// minimum, maximum, one of its distinct values, or the mark that it has
// more distinct values than a filter lists.
const (
	FilterMin      int8 = 0
	FilterMax      int8 = 1
	FilterValue    int8 = 2
	FilterOverflow int8 = 3
	// FilterBloom carries a build task's Bloom filter of its rows' hashes
	// in the bloom column.
	FilterBloom int8 = 4
)

// FilterSchema is how a runtime filter over keys of types travels: one
// row per summary item, its role (FilterMin ...), the key it is of
// (an index into types), and the value in that key's column k<i> (NULL
// in the others and for FilterOverflow); a last column bloom holds the
// bits of a FilterBloom row.
func FilterSchema(types []arrow.DataType) *arrow.Schema {
	fields := []arrow.Field{{Name: "role", Type: arrow.PrimitiveTypes.Int8}, {Name: "key", Type: arrow.PrimitiveTypes.Int8}}
	for i, t := range types {
		fields = append(fields, arrow.Field{Name: fmt.Sprintf("k%d", i), Type: t, Nullable: true})
	}
	fields = append(fields, arrow.Field{Name: "bloom", Type: arrow.BinaryTypes.Binary, Nullable: true})
	return arrow.NewSchema(fields, nil)
}
