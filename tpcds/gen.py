"""Writes TPC-DS at a scale factor as Parquet, with DuckDB's own 99 query
texts, using DuckDB's tpcds extension (dsdgen) from the duckdb-ext-tpcds
wheel. Run by the Go package tpcds (Generate) with the Python of
.venv-tpcds: `python gen.py SF DIR`. Prints one line per table written,
"<table> <rows>", so that the caller can show progress; writes nothing
else to stdout.
"""

import os
import sys

import duckdb
import duckdb_ext  # the namespace package of duckdb-ext-tpcds' extension files


def main():
    sf, out = float(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.join(out, "duckdb-queries"), exist_ok=True)
    con = duckdb.connect()
    # The wheel lays the extension out as an extension directory
    # (extensions/v<duckdb version>/<platform>/tpcds.duckdb_extension).
    con.execute("SET extension_directory = ?", [os.path.join(list(duckdb_ext.__path__)[0], "extensions")])
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET enable_progress_bar = false")
    con.execute("LOAD tpcds")
    con.execute(f"CALL dsdgen(sf = {sf!r})")
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables ORDER BY table_name").fetchall()]
    for t in tables:
        path = os.path.join(out, t + ".parquet")
        con.execute(f"COPY {t} TO '{path}' (FORMAT parquet, COMPRESSION snappy)")
        rows = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        print(t, rows, flush=True)
    for n, text in con.execute("SELECT query_nr, query FROM tpcds_queries() ORDER BY query_nr").fetchall():
        with open(os.path.join(out, "duckdb-queries", f"q{n:02d}.sql"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
