// Package httpsrv is a node's HTTP surface: /metrics (Prometheus text
// format, the metrics package's registry plus gauges collected from live
// state on every scrape), /healthz (the process is alive), /readyz (a
// coordinator's catalog is open and a worker is live; a worker is
// registered with its coordinator), and on a coordinator the web console
// under /ui/ with the JSON API it polls under /api/ (queries, one query's
// stage graph and tasks, its EXPLAIN ANALYZE, the workers).
//
// It reads the coordinator (Queries, QueryPlan, AnalyzeLines, Members) and
// stage/exec's Worker (Stats, Load) and changes nothing. Every handler goes
// through Node.Wrap, the seam where authentication goes. Only cmd imports
// this package.
package httpsrv
