// Package tpcds is Quiver's TPC-DS kit, built on the TPC-H kit's pieces
// (package tpch: the Flight SQL client, the loader, the DuckDB side, the
// answer comparison and the benchmark report): a generator that writes the
// 24 tables as Parquet, the schema with its distribution keys, and the 99
// queries in MySQL dialect with DuckDB's own texts as the oracle.
//
// The data comes from DuckDB's tpcds extension (dsdgen), which ships on PyPI
// as duckdb-ext-tpcds for the Python duckdb 1.4.4. The DuckDB that Quiver
// embeds (1.5.5) cannot load that build (its init fails on the C++ ABI
// of another version, even with allow_extensions_metadata_mismatch) and
// cannot download extensions, so Generate runs gen.py with the Python of a
// small venv of its own (`make venv-tpcds`: .venv-tpcds).
//
// The query texts (queries/qNN.sql) are StarRocks' (Apache-2.0; the commit
// of each file is in queries/sources.tsv), whose substitution parameters are
// those of DuckDB's tpcds_queries(); for the two-part queries they hold
// 14-1, 23-2, 24-1 and 39-1.
//
// Like package tpch, this package is a client of Quiver: it talks to a
// server only through Flight SQL and never imports the engine's packages.
package tpcds
