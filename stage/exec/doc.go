// Package exec is the worker runtime (the BE): it runs a worker's stage tasks
// on an embedded DuckDB and keeps their outputs in exchange buffers until
// consumers fetch them.
//
// It owns:
//
//   - Engine: one DuckDB database per worker (memory_limit, threads,
//     temp_directory); every task runs on its own connection, so tasks run
//     concurrently and a cancelled context interrupts the query.
//   - Worker: the task lifecycle. A task's input exchanges are fetched from
//     their producers (Peers: Flight do_get) and streamed into its SQL as
//     they arrive (input.go: the duck.InputFunction table function), or
//     materialized as DuckDB temp tables where a stream cannot serve (an
//     input read twice); its fragment is rendered to SQL (duck.RenderTask) and run; its
//     output streams out of DuckDB as DuckDB makes it (stream.go: DuckDB's
//     streaming result through duckdb-go-bindings), is coalesced into
//     ~64K-row batches, relabelled with the schema the planner promised and
//     routed by kind (result, convergent, expansive, hash-partitioned normal,
//     whose rows scatter.go copies straight into each partition's batch)
//     into buffers, or written as a Parquet file of a table (OutputWrite).
//   - Engine.RunLocal: a result task that reads no input and no table,
//     rendered and relabelled the same way but collected into batches for
//     its caller (the coordinator answers constant queries so).
//   - The buffer registry, keyed by (query, task, partition): buffers exist
//     before StartTask returns and readers stream while the producer runs.
//     An exchange buffer is read once: freed once drained by its one
//     reader, or when that reader goes away mid-stream. A result buffer is
//     kept whole, so that a client may fetch it again until it expires
//     (RenewQuery moves the deadline); a reader that abandons it while it
//     is still produced cancels the query. Every buffer is freed when its
//     query is cancelled or at its deadline. A query's buffers on a worker
//     share a memory budget (Config.QueryMemory); beyond it batches spill
//     to Arrow IPC files under Config.SpillDir, and beyond the spill cap a
//     result stops being kept and producers wait for readers (spill.go). A
//     task's inputs are all fetched from its start, concurrently, so a
//     fragment that reads several exchanges never starves one for another.
//   - Runtime filters (runtimefilter.go): a build task summarizes its output
//     rows' join keys into one extra buffer per probe task; a probe task
//     fetches and merges every build task's summary before it takes a
//     connection and renders it as a condition (duck.RenderEnv.Filters).
//
// It must not plan, bind or optimize, and must not import the coordinator or
// flightsrv: a worker receives fragments made of stage types and renders them
// with stage/duck. It builds no SQL of its own: every statement it runs
// (temp tables, COPY, session setup) is one stage/duck renders. It speaks no
// wire protocol: flightsrv serves the Worker to other nodes, and fetches a
// task's exchange inputs for it through the Peers it is given. This package
// returns qerr errors; only flightsrv turns them into gRPC statuses.
package exec
