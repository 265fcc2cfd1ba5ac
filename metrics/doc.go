// Package metrics defines every Prometheus metric Quiver exports, in one
// place: the counters and histograms that the coordinator, the Flight SQL
// edge and the worker runtime update as things happen (statement latency,
// ended queries, task output rows and bytes by exchange kind, spilled bytes,
// ingested rows and bytes), and the descriptions of the gauges that httpsrv
// collects from live state at scrape time (queries by state, live workers
// and their heartbeat age, exchange buffers, spill files, DuckDB memory).
//
// Everything is registered on Registry, one per process; in `quiver serve`
// the coordinator and its embedded workers share it, told apart by the
// worker label. The package imports nothing of Quiver's, so that every
// layer can update its metrics without depending on the HTTP surface that
// serves them (httpsrv).
package metrics
