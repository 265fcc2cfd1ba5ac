// Package coordinator is the brain of a Quiver cluster: it plans statements
// through one pipeline (Plan, in planner.go: parse and bind into a logical
// plan, coordinator/binder and coordinator/logical; optimize,
// coordinator/opt; build stage operators for the cluster,
// coordinator/physical; enforce their distribution and cut them into
// fragments, package stage), places tasks on the live workers (Membership,
// the scheduler), runs DDL against the catalog, commits writes as
// snapshots, runs transactions over pinned snapshots (txn.go), owns each
// query from its launch to the expiry of its results (query.go) and keeps
// the registry of them (registry.go).
//
// The coordinator does no bulk data work: workers scan, compute and write;
// the coordinator relays only ingest streams, which arrive at it, and holds
// only the small results it computes itself (EXPLAIN: held.go; queries that
// read no table, which its own one-thread DuckDB runs as a worker would:
// local.go). It never
// speaks gRPC itself beyond the WorkerConn seam and never maps errors to gRPC
// codes (flightsrv does).
package coordinator
