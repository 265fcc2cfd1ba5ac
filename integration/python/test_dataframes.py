"""DataFrames read from Quiver through ADBC Flight SQL: polars
(pl.read_database on an ADBC DB-API connection) and pandas (pd.read_sql on
the same connection, and the cursor's fetch_df).

The rows are generated here, bulk-ingested, read back through each library
and compared with the same rows converted by that library from the Arrow
table they were made from; aggregates are compared with the library's own
group_by over those rows.
"""

import datetime
import decimal

import adbc_driver_flightsql.dbapi as flight_sql
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from polars.testing import assert_frame_equal as pl_assert_frame_equal

N_ROWS = 20_000
LARGE_ROWS = 300_000

SCHEMA = pa.schema(
    [
        ("k", pa.int64()),
        ("g", pa.string()),
        ("i", pa.int32()),
        ("d", pa.decimal128(15, 2)),
        ("dt", pa.date32()),
        ("ts", pa.timestamp("us")),
        ("b", pa.bool_()),
        ("f", pa.float64()),
    ]
)
COLUMNS = ", ".join(SCHEMA.names)


def make_rows(n):
    """Row k: every type, a NULL in each column now and then, six groups."""
    day = datetime.date(2021, 3, 1)
    t0 = datetime.datetime(2024, 1, 1, 12, 0, 0)
    cols = {name: [] for name in SCHEMA.names}
    for k in range(n):
        cols["k"].append(k)
        cols["g"].append(None if k % 97 == 0 else f"g{k % 6}")
        cols["i"].append(None if k % 89 == 0 else (k * 7919) % 2001 - 1000)
        cols["d"].append(None if k % 83 == 0 else decimal.Decimal(k * 37 % 100_000 - 50_000).scaleb(-2))
        cols["dt"].append(None if k % 79 == 0 else day + datetime.timedelta(days=k % 900))
        cols["ts"].append(None if k % 73 == 0 else t0 + datetime.timedelta(seconds=k * 61, microseconds=k % 1000))
        cols["b"].append(None if k % 71 == 0 else k % 3 == 0)
        cols["f"].append(None if k % 67 == 0 else k / 8 - 1000.0)
    return pa.table([pa.array(cols[f.name], type=f.type) for f in SCHEMA], schema=SCHEMA)


@pytest.fixture(scope="module")
def conn(quiver_server):
    c = flight_sql.connect(quiver_server.uri, autocommit=True)
    yield c
    c.close()


@pytest.fixture(scope="module")
def source(conn):
    """Table df_t in Quiver and the Arrow table it was ingested from."""
    tbl = make_rows(N_ROWS)
    with conn.cursor() as cur:
        cur.adbc_ingest("df_t", tbl, mode="create")
    return tbl


@pytest.mark.feature("dataframes: polars")
def test_polars_read_database(conn, source):
    got = pl.read_database(f"SELECT {COLUMNS} FROM df_t ORDER BY k", connection=conn)
    want = pl.from_arrow(source)
    assert got.schema == want.schema
    assert got.dtypes == [pl.Int64, pl.String, pl.Int32, pl.Decimal(15, 2), pl.Date, pl.Datetime("us"), pl.Boolean, pl.Float64]
    pl_assert_frame_equal(got, want)


@pytest.mark.feature("dataframes: polars")
def test_polars_aggregate_matches_polars(conn, source):
    got = pl.read_database(
        "SELECT g, count(*) AS n, count(i) AS n_i, sum(i) AS sum_i, max(dt) AS max_dt, min(ts) AS min_ts "
        "FROM df_t GROUP BY g ORDER BY g",
        connection=conn,
    )
    want = (
        pl.from_arrow(source)
        .group_by("g")
        .agg(
            pl.len().alias("n"),
            pl.col("i").count().alias("n_i"),
            pl.col("i").cast(pl.Int64).sum().alias("sum_i"),
            pl.col("dt").max().alias("max_dt"),
            pl.col("ts").min().alias("min_ts"),
        )
        .sort("g", nulls_last=False)
    )
    # MySQL types: count is BIGINT, SUM of INT is DECIMAL(38,0).
    assert got.schema["sum_i"] == pl.Decimal(38, 0)
    got = got.with_columns(pl.col("sum_i").cast(pl.Int64), pl.col("n").cast(pl.UInt32), pl.col("n_i").cast(pl.UInt32))
    pl_assert_frame_equal(got, want)


@pytest.mark.feature("dataframes: polars")
@pytest.mark.feature("large result")
def test_polars_iter_batches(conn, source):
    """A larger result in batches: df_t crossed with a table of 15 rows."""
    with conn.cursor() as cur:
        cur.adbc_ingest("df_x", pa.table({"x": pa.array(range(15), pa.int64())}), mode="create")
    n = 0
    total = 0
    for frame in pl.read_database(
        "SELECT k, x FROM df_t CROSS JOIN df_x", connection=conn, iter_batches=True, batch_size=50_000
    ):
        n += frame.height
        total += frame["x"].sum()
    assert n == N_ROWS * 15 == LARGE_ROWS
    assert total == N_ROWS * sum(range(15))


@pytest.mark.feature("dataframes: pandas")
def test_pandas_read_sql(conn, source):
    got = pd.read_sql(f"SELECT {COLUMNS} FROM df_t ORDER BY k", conn)
    pd.testing.assert_frame_equal(got, source.to_pandas())


@pytest.mark.feature("dataframes: pandas")
def test_pandas_read_sql_arrow_dtypes(conn, source):
    got = pd.read_sql(f"SELECT {COLUMNS} FROM df_t ORDER BY k", conn, dtype_backend="pyarrow")
    want = source.to_pandas(types_mapper=pd.ArrowDtype)
    assert list(got.dtypes) == list(want.dtypes)
    pd.testing.assert_frame_equal(got, want)


@pytest.mark.feature("dataframes: pandas")
def test_pandas_fetch_df_aggregate(conn, source):
    with conn.cursor() as cur:
        cur.execute("SELECT g, count(*) AS n, count(f) AS n_f, sum(f) AS sum_f FROM df_t WHERE g IS NOT NULL GROUP BY g ORDER BY g")
        got = cur.fetch_df()
    df = source.to_pandas()
    df = df[df["g"].notna()]
    want = (
        df.groupby("g")
        .agg(n=("k", "size"), n_f=("f", "count"), sum_f=("f", "sum"))
        .reset_index()
        .sort_values("g", ignore_index=True)
    )
    assert list(got.columns) == ["g", "n", "n_f", "sum_f"]
    pd.testing.assert_frame_equal(got, want, check_dtype=False, rtol=1e-12)
