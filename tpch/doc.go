// Package tpch is Quiver's TPC-H kit: the schema, a data generator that writes
// Parquet, a loader that creates the tables in a running Quiver and fills them
// by Flight SQL bulk ingest, the 22 query texts, and the two sides of a
// benchmark: Quiver through Flight SQL (every endpoint fetched) and
// single-process DuckDB over the same Parquet files, with an answer
// comparison that both the benchmark and the integration tests use.
//
// Data at a whole scale factor of 1 and above comes from
// github.com/pingcap/go-tpc/tpch/dbgen, a port of TPC-H dbgen 2.4, so the
// official reference answers apply. That package keeps its state in globals:
// Generate serialises its use. Fractional scale factors (0.01, 0.1) come from
// this package's own generator, which follows the schema and value domains of
// the specification (keys, foreign keys, dates, two-digit decimals, the
// text grammar) and is deterministic for a seed; the oracle there is DuckDB on
// the same files, not the official answers.
//
// The package is a client of Quiver: it talks to a server only through Flight
// SQL and never imports the engine's packages (coordinator, stage, catalog),
// so it measures and checks what any client sees.
//
// Arrow memory: every function takes an allocator or uses the one in its
// config; batches handed to a callback are released by the caller after the
// callback returns.
package tpch
