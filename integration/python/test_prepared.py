"""Prepared statements with parameters through adbc_driver_flightsql (DB-API):
cursor.execute with parameters of every type, executemany, adbc_execute_schema,
checked against the duckdb package given the same rows and parameters.
"""

import datetime
import decimal

import adbc_driver_flightsql.dbapi as flight_sql
import adbc_driver_manager
import duckdb
import pyarrow as pa
import pytest

from test_flightsql import assert_same_rows, make_table

DDL = "(i INT, f DOUBLE, s VARCHAR(20), d DATE, ts DATETIME, m DECIMAL(10,2), b BOOL)"
ORACLE_DDL = "(i INTEGER, f DOUBLE, s VARCHAR, d DATE, ts TIMESTAMP, m DECIMAL(10,2), b BOOLEAN)"


def typed_row(k):
    """Row k of table pt: a value of each type, NULL in every seventh row."""
    if k % 7 == 6:
        return (k, None, None, None, None, None, None)
    return (
        k,
        k / 4,
        f"s{k % 10}",
        datetime.date(2024, 1, 1) + datetime.timedelta(days=k % 30),
        datetime.datetime(2024, 1, 1, 12, 0, 0) + datetime.timedelta(minutes=k, microseconds=k),
        decimal.Decimal(k).scaleb(-2),
        k % 2 == 0,
    )


PT_ROWS = [typed_row(k) for k in range(300)]


@pytest.fixture(scope="module")
def conn(quiver_server):
    c = flight_sql.connect(quiver_server.uri, autocommit=True)
    yield c
    c.close()


@pytest.fixture(scope="module")
def pt(conn):
    """Table pt, loaded by executemany: one INSERT with all its rows."""
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE pt " + DDL)
        cur.executemany("INSERT INTO pt VALUES (?, ?, ?, ?, ?, ?, ?)", PT_ROWS)
        assert cur.rowcount in (-1, len(PT_ROWS))
    return "pt"


@pytest.fixture(scope="module")
def oracle(conn):
    """DuckDB with pt and t (3000 generated rows), t also loaded into Quiver."""
    data = make_table(0, 3000)
    with conn.cursor() as cur:
        cur.adbc_ingest("t", data, mode="create")
    db = duckdb.connect()
    db.execute("SET default_null_order = 'nulls_first_on_asc_last_on_desc'")
    db.execute("CREATE TABLE pt " + ORACLE_DDL)
    db.executemany("INSERT INTO pt VALUES (?, ?, ?, ?, ?, ?, ?)", PT_ROWS)
    db.register("src", data)
    db.execute("CREATE TABLE t AS SELECT * FROM src")
    db.unregister("src")
    yield db
    db.close()


def fetch(conn, sql, params=None):
    with conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


# (name, query over pt with one parameter, the parameter)
TYPED = [
    ("int", "SELECT i, s FROM pt WHERE i = ?", 42),
    ("float", "SELECT i FROM pt WHERE f > ?", 50.25),
    ("string", "SELECT i, f FROM pt WHERE s = ?", "s3"),
    ("date", "SELECT i FROM pt WHERE d = ?", datetime.date(2024, 1, 5)),
    ("timestamp", "SELECT i FROM pt WHERE ts >= ?", datetime.datetime(2024, 1, 1, 15, 0, 0, 200)),
    ("decimal", "SELECT i FROM pt WHERE m < ?", decimal.Decimal("0.57")),
    ("bool", "SELECT i, b FROM pt WHERE b = ?", True),
    ("null", "SELECT i FROM pt WHERE i = ?", None),
]


@pytest.mark.feature("prepared statement with parameters")
@pytest.mark.feature("types round trip")
@pytest.mark.parametrize("name,sql,value", TYPED, ids=[c[0] for c in TYPED])
def test_execute_with_parameter(conn, pt, oracle, name, sql, value):
    got = fetch(conn, sql, (value,))
    want = oracle.execute(sql, (value,)).fetchall()
    assert_same_rows(got, want, sql=f"{sql} with {value!r}")
    assert got or name == "null", f"{sql} with {value!r} matched nothing: a weak test"


@pytest.mark.feature("prepared statement with parameters")
@pytest.mark.feature("types round trip")
def test_inserted_values_round_trip(conn, pt, oracle):
    """executemany stored every type exactly, NULLs included."""
    got = fetch(conn, "SELECT i, f, s, d, ts, m, b FROM pt ORDER BY i")
    assert got == [tuple(r) for r in PT_ROWS]


@pytest.mark.feature("prepared statement with parameters")
def test_several_parameters(conn, pt, oracle):
    sql = "SELECT s, count(*), sum(m) FROM pt WHERE i BETWEEN ? AND ? AND s IN (?, ?) AND d <> ? GROUP BY s"
    values = (10, 200, "s1", "s4", datetime.date(2024, 1, 2))
    assert_same_rows(fetch(conn, sql, values), oracle.execute(sql, values).fetchall(), sql=sql)


# Queries of the generated table t with parameters, against DuckDB.
QUERIES = [
    ("SELECT a, b, s FROM t WHERE a = ?", (3,), False),
    ("SELECT count(*), sum(d) FROM t WHERE b > ? AND s LIKE ?", (-100_000_000, "k%"), False),
    ("SELECT dt, count(*) FROM t WHERE dt BETWEEN ? AND ? GROUP BY dt ORDER BY dt LIMIT ?",
     (datetime.date(2021, 1, 1), datetime.date(2021, 3, 1), 10), True),
    ("SELECT s, max(f) FROM t WHERE d >= ? GROUP BY s", (decimal.Decimal("-1234.5"),), False),
]


@pytest.mark.feature("prepared statement with parameters")
@pytest.mark.parametrize("sql,values,ordered", QUERIES, ids=[f"q{i}" for i in range(len(QUERIES))])
def test_parameterized_query_matches_duckdb(conn, oracle, sql, values, ordered):
    assert_same_rows(fetch(conn, sql, values), oracle.execute(sql, values).fetchall(), ordered=ordered, sql=sql)


@pytest.mark.feature("prepared statement with parameters")
def test_repeated_execute_rebinds(conn, pt):
    """One cursor, one statement text, new values each time."""
    with conn.cursor() as cur:
        for k in (1, 2, 3, 5):
            cur.execute("SELECT i FROM pt WHERE i = ?", (k,))
            assert cur.fetchall() == [(k,)]


@pytest.mark.feature("prepared statement with parameters")
def test_several_rows_bound_to_a_query(conn, pt):
    """An Arrow table binds one parameter row per row: each row's result, in row order."""
    params = pa.table({"k": pa.array([20, 3, 11], pa.int64())})
    got = fetch(conn, "SELECT i FROM pt WHERE i = ?", params)
    assert got == [(20,), (3,), (11,)]


@pytest.mark.feature("executemany/batch")
def test_executemany_then_count(conn):
    rows = [(k, f"v{k}") for k in range(1000)]
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE em (k INT NOT NULL, v VARCHAR(10))")
        cur.executemany("INSERT INTO em VALUES (?, ?)", rows)
        assert cur.rowcount in (-1, 1000)
        cur.execute("SELECT count(*), sum(k), count(DISTINCT v) FROM em")
        assert cur.fetchall() == [(1000, 499500, 1000)]
        # One bad row fails the whole executemany: none of its rows is visible.
        with pytest.raises(adbc_driver_manager.ProgrammingError, match="INVALID_ARGUMENT"):
            cur.executemany("INSERT INTO em VALUES (?, ?)", [(1, "a"), (None, "b"), (2, "c")])
        cur.execute("SELECT count(*) FROM em")
        assert cur.fetchall() == [(1000,)]


@pytest.mark.feature("GetSchema")
def test_execute_schema(conn, pt):
    with conn.cursor() as cur:
        schema = cur.adbc_execute_schema("SELECT i, s, m, count(*) AS n FROM pt GROUP BY i, s, m")
        assert [(f.name, f.type) for f in schema] == [
            ("i", pa.int32()),
            ("s", pa.string()),
            ("m", pa.decimal128(10, 2)),
            ("n", pa.int64()),
        ]
        schema = cur.adbc_execute_schema("SELECT ts, b FROM pt WHERE i = ?")
        assert [(f.name, f.type) for f in schema] == [("ts", pa.timestamp("us")), ("b", pa.bool_())]


@pytest.mark.feature("prepared statement with parameters")
def test_parameter_schema(conn, pt):
    with conn.cursor() as cur:
        cur.adbc_prepare("SELECT i FROM pt WHERE i = ? AND s = ? AND m > ? AND ts < ? LIMIT ?")
        schema = pa.schema(cur.adbc_statement.get_parameter_schema())
        # Timestamps are advertised in milliseconds (for the JDBC driver); microseconds bind too.
        assert schema.types == [pa.int32(), pa.string(), pa.decimal128(10, 2), pa.timestamp("ms"), pa.int64()]


@pytest.mark.feature("statement query")
def test_execute_after_ingest_on_the_same_cursor(conn):
    """The README's order: adbc_ingest, then cur.execute on that cursor. ADBC
    1.13 keeps the ingested data bound to the statement; it executes because
    the driver's prepare of the new query succeeds (before prepared
    statements it failed with INVALID_STATE: must set IngestTargetTable)."""
    with conn.cursor() as cur:
        cur.adbc_ingest("after_ingest", pa.table({"x": [1, 2, 3]}), mode="create")
        cur.execute("SELECT sum(x) FROM after_ingest")
        assert cur.fetchall() == [(6,)]
        cur.execute("SELECT count(*) FROM after_ingest WHERE x > ?", (1,))
        assert cur.fetchall() == [(2,)]


@pytest.mark.feature("error codes")
@pytest.mark.parametrize(
    "sql,values,mentions",
    [
        ("SELECT i FROM pt WHERE i = ? AND s = ?", (1,), "2 parameters"),
        ("SELECT i FROM pt WHERE d = ?", ("not a date",), "parameter 1"),
        ("SELECT i FROM pt WHERE i = ?", (2.5,), "parameter 1"),
    ],
    ids=["too_few", "not_a_date", "lossy"],
)
def test_bad_parameters_are_invalid_argument(conn, pt, sql, values, mentions):
    with conn.cursor() as cur:
        with pytest.raises(adbc_driver_manager.ProgrammingError, match="INVALID_ARGUMENT") as e:
            cur.execute(sql, values)
        assert mentions in str(e.value)
