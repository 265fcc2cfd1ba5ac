package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Registry holds every metric of this process: the ones below, the Go
// runtime's and the process's. httpsrv serves it at /metrics.
var Registry = prometheus.NewRegistry()

// Statement kinds, the values of StatementSeconds' kind label.
const (
	KindQuery    = "query"    // a statement that returns rows, from its start to its last task's end
	KindUpdate   = "update"   // DDL and DML (DoPutCommandStatementUpdate and prepared updates)
	KindIngest   = "ingest"   // a bulk load (DoPutCommandStatementIngest)
	KindMetadata = "metadata" // catalogs, schemas, tables, types, SQL info
)

var (
	// StatementSeconds is the latency of statements by kind (KindQuery ...).
	StatementSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "quiver_statement_duration_seconds",
		Help:    "Latency of statements by kind: query (start to last task's end), update, ingest, metadata.",
		Buckets: prometheus.ExponentialBuckets(0.001, 4, 10), // 1 ms to 262 s
	}, []string{"kind"})

	// QueriesEnded counts queries (statements that return rows) by how
	// they ended: finished, failed, cancelled. Writes are update statements.
	QueriesEnded = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "quiver_queries_total",
		Help: "Queries (statements that return rows) that ended, by final state (finished, failed, cancelled).",
	}, []string{"state"})

	// TaskRows counts the rows tasks sent to their outputs, by worker and
	// output kind: normal, expansive, convergent (exchanges), result, write.
	TaskRows = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "quiver_exchange_rows_total",
		Help: "Rows that finished tasks sent to their output, by worker and exchange kind (normal, expansive, convergent, result, write).",
	}, []string{"worker", "kind"})

	// TaskBytes counts the Arrow bytes tasks sent to their outputs, by
	// worker and output kind.
	TaskBytes = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "quiver_exchange_bytes_total",
		Help: "Arrow bytes that finished tasks sent to their output, by worker and exchange kind.",
	}, []string{"worker", "kind"})

	// TasksEnded counts tasks by worker and outcome (finished, failed).
	TasksEnded = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "quiver_tasks_total",
		Help: "Tasks that ended on a worker, by outcome (finished, failed).",
	}, []string{"worker", "outcome"})

	// SpilledBytes counts bytes written to spill files by worker.
	SpilledBytes = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "quiver_spilled_bytes_total",
		Help: "Bytes that exchange and result buffers wrote to spill files, by worker.",
	}, []string{"worker"})

	// IngestRows counts rows received by bulk ingest.
	IngestRows = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "quiver_ingest_rows_total",
		Help: "Rows received by bulk ingest (CommandStatementIngest).",
	})

	// IngestBytes counts Arrow bytes received by bulk ingest.
	IngestBytes = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "quiver_ingest_bytes_total",
		Help: "Arrow bytes received by bulk ingest.",
	})

	// OrphanFiles counts the data files the orphan collector removed.
	OrphanFiles = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "quiver_orphan_files_removed_total",
		Help: "Data files no snapshot referred to that the coordinator's orphan collection removed (at start and periodically).",
	})

	// OrphanBytes counts the bytes of the files OrphanFiles counts.
	OrphanBytes = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "quiver_orphan_bytes_removed_total",
		Help: "Bytes of the orphan data files the coordinator removed.",
	})
)

// Descriptions of the gauges httpsrv collects at scrape time.
var (
	// Queries: queries the coordinator's registry holds, by state.
	Queries = prometheus.NewDesc("quiver_queries",
		"Queries the coordinator holds now (running, and ended ones until their results expire), by state.", []string{"state"}, nil)
	// Admission: queries holding a running slot and waiting for one
	// (--max-running-queries).
	Admission = prometheus.NewDesc("quiver_admission_queries",
		"Queries holding a running slot (running) and waiting in line for one (queued).", []string{"state"}, nil)
	// LiveWorkers: workers whose heartbeats arrive.
	LiveWorkers = prometheus.NewDesc("quiver_workers_live",
		"Workers whose heartbeats the coordinator receives.", nil, nil)
	// HeartbeatAge: seconds since each live worker's last heartbeat.
	HeartbeatAge = prometheus.NewDesc("quiver_worker_heartbeat_age_seconds",
		"Seconds since the coordinator last heard from each live worker.", []string{"worker"}, nil)
	// WorkerUp: 1 for a worker whose process serves this endpoint.
	WorkerUp = prometheus.NewDesc("quiver_worker_up",
		"1 for each worker this process runs, 0 once it is closed.", []string{"worker"}, nil)
	// RunningTasks: tasks running on a worker.
	RunningTasks = prometheus.NewDesc("quiver_worker_running_tasks",
		"Tasks running on the worker now.", []string{"worker"}, nil)
	// BufferedBytes: bytes of exchange and result batches held in memory.
	BufferedBytes = prometheus.NewDesc("quiver_exchange_buffered_bytes",
		"Bytes of exchange and result batches the worker holds in memory.", []string{"worker"}, nil)
	// SpillBytes: bytes of spill files on disk now.
	SpillBytes = prometheus.NewDesc("quiver_spill_bytes",
		"Bytes of the worker's spill files on disk now.", []string{"worker"}, nil)
	// DuckDBMemory: DuckDB's memory use (duckdb_memory()).
	DuckDBMemory = prometheus.NewDesc("quiver_duckdb_memory_bytes",
		"Memory the worker's DuckDB database uses (sum of duckdb_memory()).", []string{"worker"}, nil)
	// DuckDBTemp: DuckDB's temporary storage (its own spilling).
	DuckDBTemp = prometheus.NewDesc("quiver_duckdb_temp_bytes",
		"Temporary storage the worker's DuckDB database uses on disk (sum of duckdb_memory()).", []string{"worker"}, nil)
)

func init() {
	Registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		StatementSeconds, QueriesEnded, TaskRows, TaskBytes, TasksEnded, SpilledBytes, IngestRows, IngestBytes,
		OrphanFiles, OrphanBytes,
	)
}

// ObserveStatement records a statement of kind that began at began and
// ends now.
func ObserveStatement(kind string, began time.Time) {
	StatementSeconds.WithLabelValues(kind).Observe(time.Since(began).Seconds())
}

// ObserveTask records a task that ended on worker: the rows and bytes it
// sent to its output of kind, and the bytes its buffers spilled.
func ObserveTask(worker, kind string, rows, bytes, spilled int64, err error) {
	outcome := "finished"
	if err != nil {
		outcome = "failed"
	}
	TasksEnded.WithLabelValues(worker, outcome).Inc()
	TaskRows.WithLabelValues(worker, kind).Add(float64(rows))
	TaskBytes.WithLabelValues(worker, kind).Add(float64(bytes))
	if spilled > 0 {
		SpilledBytes.WithLabelValues(worker).Add(float64(spilled))
	}
}
