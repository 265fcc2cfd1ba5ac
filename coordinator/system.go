package coordinator

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/qerr"
)

// SystemDatabase is the name of the virtual database of the coordinator's
// live state: system.queries, stages, tasks, workers and sessions, and the
// catalog's statistics: system.column_stats.
const SystemDatabase = "system"

// systemSchema serves the system database to the binder
// (binder.VirtualSchema): each table's rows are read from the query
// registry, the membership and the session source when a statement binds
// it, so that the tables join and aggregate like any other. A query sees the
// registry as it was before the query itself started.
//
// A user who is not an administrator sees only its own queries and
// sessions (and their stages and tasks), as MySQL's process list shows a
// user without PROCESS only its own threads.
type systemSchema struct {
	c    *Coordinator
	sess *Session // the reader's
}

var _ binder.VirtualSchema = systemSchema{}

// systemTable is one table of the system database and how to list its rows.
type systemTable struct {
	binder.VirtualTable
	rows func(ctx context.Context, s systemSchema) [][]any
}

var (
	varchar   = arrow.BinaryTypes.String
	bigint    = arrow.PrimitiveTypes.Int64
	timestamp = &arrow.TimestampType{Unit: arrow.Microsecond}
)

func columns(defs ...any) []catalog.Column {
	var out []catalog.Column
	for i := 0; i < len(defs); i += 2 {
		out = append(out, catalog.Column{Name: defs[i].(string), Type: defs[i+1].(arrow.DataType), Nullable: true})
	}
	return out
}

// systemTables are the tables of the system database, sorted by name.
var systemTables = []systemTable{
	{binder.VirtualTable{Name: "column_stats", Columns: columns(
		"table_schema", varchar, "table_name", varchar, "column_name", varchar, "snapshot_id", bigint,
		"data_files", bigint, "row_count", bigint, "null_count", bigint, "distinct_count", bigint,
		"min_value", varchar, "max_value", varchar,
	)}, columnStatsRows},
	{binder.VirtualTable{Name: "queries", Columns: columns(
		"query_id", varchar, "statement", varchar, "user", varchar, "state", varchar,
		"started", timestamp, "ended", timestamp, "duration_ms", bigint,
		"tasks", bigint, "tasks_done", bigint, "result_rows", bigint, "result_bytes", bigint, "error", varchar,
	)}, queryRows},
	{binder.VirtualTable{Name: "sessions", Columns: columns(
		"session_id", varchar, "user", varchar, "db", varchar,
		"statement_timeout_ms", bigint, "parallelism", bigint, "last_used", timestamp,
	)}, sessionRows},
	{binder.VirtualTable{Name: "stages", Columns: columns(
		"query_id", varchar, "stage", bigint, "kind", varchar, "tasks", bigint, "consumer", bigint,
		"operators", varchar, "state", varchar, "rows_in", bigint, "rows_out", bigint, "bytes_in", bigint, "bytes_out", bigint,
	)}, stageRows},
	{binder.VirtualTable{Name: "tasks", Columns: columns(
		"query_id", varchar, "stage", bigint, "task", bigint, "task_id", varchar, "worker", varchar, "state", varchar,
		"rows_in", bigint, "rows_out", bigint, "bytes_in", bigint, "bytes_out", bigint,
		"wall_ms", bigint, "peak_bytes", bigint, "spilled_bytes", bigint, "error", varchar, "attempt", bigint,
	)}, taskRows},
	{binder.VirtualTable{Name: "workers", Columns: columns(
		"address", varchar, "state", varchar, "last_heartbeat", timestamp, "heartbeat_age_ms", bigint,
		"running_tasks", bigint, "queries", bigint, "buffered_bytes", bigint, "spill_bytes", bigint,
		"memory_bytes", bigint, "temp_bytes", bigint, "error", varchar,
	)}, workerRows},
}

func (systemSchema) Name() string { return SystemDatabase }

func (systemSchema) Tables() []binder.VirtualTable {
	out := make([]binder.VirtualTable, len(systemTables))
	for i, t := range systemTables {
		out[i] = t.VirtualTable
	}
	return out
}

func (s systemSchema) Rows(ctx context.Context, table string) ([][]any, error) {
	for _, t := range systemTables {
		if strings.EqualFold(t.Name, table) {
			return t.rows(ctx, s), nil
		}
	}
	return nil, qerr.ErrNotFound.New("table %s.%s does not exist", SystemDatabase, table)
}

// nullable is v, or NULL (nil) for its zero value.
func nullable[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

func ms(d time.Duration) int64 { return d.Milliseconds() }

// queries are the registry's queries the reader may see.
func (s systemSchema) queries(ctx context.Context) []QueryInfo {
	all := s.c.Queries()
	out := all[:0]
	for _, qi := range all {
		if s.c.mayControl(ctx, s.sess, qi.User) {
			out = append(out, qi)
		}
	}
	return out
}

func queryRows(ctx context.Context, s systemSchema) [][]any {
	c := s.c
	var out [][]any
	now := time.Now()
	for _, qi := range s.queries(ctx) {
		qp, ok := c.QueryPlan(qi.ID)
		var ended int
		var rows, bytes int64
		if ok {
			ended, rows, bytes = qp.Progress()
		}
		end := now
		if !qi.Ended.IsZero() {
			end = qi.Ended
		}
		out = append(out, []any{
			string(qi.ID), qi.Statement, qi.User, string(qi.State),
			qi.Started, nullable(qi.Ended), ms(end.Sub(qi.Started)),
			int64(qi.Tasks), int64(ended), rows, bytes, nullable(qi.Error),
		})
	}
	return out
}

// eachStage calls f for every stage of every query the reader may see.
func eachStage(ctx context.Context, sys systemSchema, f func(qi QueryInfo, s StageInfo)) {
	for _, qi := range sys.queries(ctx) {
		qp, ok := sys.c.QueryPlan(qi.ID)
		if !ok {
			continue
		}
		for _, s := range qp.Stages() {
			f(qi, s)
		}
	}
}

func stageRows(ctx context.Context, sys systemSchema) [][]any {
	var out [][]any
	eachStage(ctx, sys, func(qi QueryInfo, s StageInfo) {
		var consumer any
		if s.Consumer >= 0 {
			consumer = int64(s.Consumer)
		}
		out = append(out, []any{
			string(qi.ID), int64(s.ID), s.Kind, int64(s.Tasks), consumer,
			strings.Join(s.Operators, " <- "), string(s.State), s.RowsIn, s.RowsOut, s.BytesIn, s.BytesOut,
		})
	})
	return out
}

func taskRows(ctx context.Context, sys systemSchema) [][]any {
	var out [][]any
	eachStage(ctx, sys, func(qi QueryInfo, s StageInfo) {
		for _, t := range s.TaskList {
			st := t.Stats
			out = append(out, []any{
				string(qi.ID), int64(s.ID), int64(t.ID.Index), t.ID.String(), t.Worker, string(t.State),
				st.RowsIn, st.RowsOut, st.BytesIn, st.BytesOut, ms(st.Wall), st.PeakBytes, st.SpilledBytes, nullable(t.Error), int64(t.Attempt),
			})
		}
	})
	return out
}

func workerRows(ctx context.Context, sys systemSchema) [][]any {
	c := sys.c
	var out [][]any
	now := time.Now()
	for _, w := range c.WorkerStatuses(ctx) {
		l := w.Load
		out = append(out, []any{
			w.Addr, w.State, w.LastHeartbeat, ms(now.Sub(w.LastHeartbeat)),
			int64(l.Tasks), int64(l.Queries), l.BufferedBytes, l.SpillBytes, l.DuckDBMemory, l.DuckDBTemp, nullable(w.Error),
		})
	}
	return out
}

// columnStatsRows are the statistics of every column of every managed table
// the reader sees, merged over the snapshot's files (catalog.Snapshot.
// ColumnStats): what the planner estimates from. Unknown values are NULL.
// An external table has none: its files are read at each query.
func columnStatsRows(ctx context.Context, sys systemSchema) [][]any {
	cat, err := sys.c.visible(ctx, sys.sess, sys.c.catalogFor(ctx))
	if err != nil {
		return nil
	}
	dbs, err := cat.ListDatabases(ctx)
	if err != nil {
		return nil
	}
	var out [][]any
	for _, db := range dbs {
		tables, err := cat.ListTables(ctx, db)
		if err != nil {
			continue
		}
		for _, t := range tables {
			snap := t.Snapshot
			if t.External != nil {
				// What the planner reads: a Parquet table's footers, what
				// ANALYZE found in the same files; of a CSV table not
				// analyzed, rows guessed from its files' sizes.
				if snap, err = binder.ExternalSnapshot(t); err != nil {
					continue
				}
			}
			for _, col := range t.Columns {
				st := snap.ColumnStats(col)
				var nulls, distinct any
				if st.Nulls >= 0 {
					nulls = st.Nulls
				}
				if st.Distinct >= 0 {
					distinct = st.Distinct
				}
				out = append(out, []any{t.Database, t.Name, col.Name, int64(snap.ID), int64(len(snap.Files)),
					st.Rows, nulls, distinct, nullable(st.Min), nullable(st.Max)})
			}
		}
	}
	return out
}

// ListedSession is one client session a SessionLister holds.
type ListedSession struct {
	// ID names the session in system.sessions: a fingerprint of its
	// cookie, never the cookie itself (which would let a reader take the
	// session over).
	ID       string
	Session  *Session
	LastUsed time.Time
}

// SessionLister lists the live client sessions (flightsrv's cookie store).
type SessionLister interface {
	Sessions() []ListedSession
}

// sessionSource is the SessionLister behind system.sessions (a field of
// Coordinator); without one the table is empty.
type sessionSource struct {
	mu sync.Mutex
	l  SessionLister
}

// SetSessionLister makes l the source of system.sessions.
func (c *Coordinator) SetSessionLister(l SessionLister) {
	c.sessions.mu.Lock()
	defer c.sessions.mu.Unlock()
	c.sessions.l = l
}

func sessionRows(ctx context.Context, sys systemSchema) [][]any {
	c := sys.c
	c.sessions.mu.Lock()
	l := c.sessions.l
	c.sessions.mu.Unlock()
	if l == nil {
		return nil
	}
	var out [][]any
	for _, ls := range l.Sessions() {
		s := ls.Session
		user := s.User()
		if user == "" {
			user = AnonymousUser
		}
		if !c.mayControl(ctx, sys.sess, user) {
			continue
		}
		s.mu.Lock()
		db, timeout, parallelism := s.database, c.statementTimeout(s), s.parallelism
		s.mu.Unlock()
		out = append(out, []any{ls.ID, user, db, ms(timeout), int64(parallelism), ls.LastUsed})
	}
	return out
}
