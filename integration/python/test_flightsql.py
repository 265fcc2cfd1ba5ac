"""Quiver through the Python clients: adbc_driver_flightsql (DB-API) and
pyarrow.flight, checked against the duckdb package fed the same rows.

The table is the one of the CLI contract:
    t (a INT, b BIGINT, s VARCHAR(20), d DECIMAL(15,2), dt DATE, f DOUBLE)
"""

import datetime
import decimal
import math
import os

import adbc_driver_flightsql.dbapi as flight_sql
import adbc_driver_manager
import duckdb
import pyarrow as pa
import pyarrow.flight as flight
import pytest
from adbc_driver_manager import AdbcStatusCode

N_ROWS = int(os.environ.get("QUIVER_IT_PY_ROWS", "200000"))
FIRST_INGEST = N_ROWS * 3 // 5  # rows sent in create mode; the rest in append mode

SCHEMA = pa.schema(
    [
        ("a", pa.int32()),
        ("b", pa.int64()),
        ("s", pa.string()),
        ("d", pa.decimal128(15, 2)),
        ("dt", pa.date32()),
        ("f", pa.float64()),
    ]
)

# Lowercase ASCII only: MySQL's default collation and binary order agree.
STRS = ["", "it's", "zz top", "abcdefghijklmnopqrst", "alpha", "beta", "omega", "k"] + [
    f"k{i:02d}" for i in range(52)
]
DAY_2020 = datetime.date(2020, 1, 1)
M64 = (1 << 64) - 1


def mix(i):
    """splitmix64, as in the Go tests: a deterministic hash of the row index."""
    z = (i + 0x9E3779B97F4A7C15) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def make_row(i):
    """Row i: NULLs everywhere, duplicates, negatives, and some extremes."""
    h = mix(i)
    a = ((h >> 8) % 2001) - 1000 if h % 17 else None
    b = ((h >> 16) % 2_000_000_001) - 1_000_000_000 if (h >> 3) % 23 else None
    s = STRS[(h >> 20) % len(STRS)] if (h >> 5) % 29 else None
    d = decimal.Decimal(((h >> 24) % 2_000_001) - 1_000_000).scaleb(-2) if (h >> 7) % 31 else None
    dt = DAY_2020 + datetime.timedelta(days=(h >> 28) % 1500) if (h >> 9) % 37 else None
    f = None
    if (h >> 11) % 41:
        v = ((h >> 32) % 200_001) - 100_000
        f = v / 10 if (h >> 40) % 5 == 0 else v / 64
    if i == 11:
        a = 2**31 - 1
    elif i == 12:
        a = -(2**31)
    elif i in (13, 14, 15):
        b = 2**63 - 1  # the int64 sum overflows: sums must be DECIMAL
    elif i == 16:
        b = -(2**63)
    elif i == 17:
        d = decimal.Decimal("9999999999999.99")
    elif i == 18:
        d = decimal.Decimal("-9999999999999.99")
    elif i == 19:
        dt = datetime.date(1969, 7, 20)
    elif i == 20:
        dt = datetime.date(1000, 1, 1)
    elif i == 21:
        dt = datetime.date(9999, 12, 31)
    elif i == 22:
        return (None,) * 6  # a row of NULLs only
    return (a, b, s, d, dt, f)


def make_table(start, n):
    cols = list(zip(*(make_row(i) for i in range(start, start + n))))
    return pa.Table.from_arrays(
        [pa.array(list(c), type=field.type) for c, field in zip(cols, SCHEMA)], schema=SCHEMA
    )


def sql_literal(v):
    if v is None:
        return "NULL"
    if isinstance(v, str):
        return "'" + v.replace("'", "''") + "'"
    if isinstance(v, datetime.date):
        return "'" + v.isoformat() + "'"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def insert_statements(table="t", count=2, per=100):
    out = []
    for k in range(count):
        rows = [make_row(20_000_000 + k * per + j) for j in range(per)]
        values = ", ".join("(" + ", ".join(sql_literal(v) for v in r) + ")" for r in rows)
        out.append(f"INSERT INTO {table} VALUES {values}")
    return out


ORACLE_MACROS = [
    # MySQL AVG: sum / count rounded half away from zero to scale + 4, exactly.
    """CREATE MACRO mysql_avg_int(s, c) AS CASE WHEN c = 0 THEN NULL ELSE
       CAST(sign(s) * ((abs(CAST(s AS HUGEINT)) * 20000 + c) // (2 * c)) AS DECIMAL(38,0)) * 0.0001 END""",
    """CREATE MACRO mysql_avg_dec2(s, c) AS CASE WHEN c = 0 THEN NULL ELSE
       CAST(sign(s) * ((abs(CAST(s * 100 AS HUGEINT)) * 20000 + c) // (2 * c)) AS DECIMAL(38,0)) * 0.000001 END""",
]


def execute_update(conn, sql):
    """DDL/DML through ADBC ExecuteUpdate (Flight SQL DoPutCommandStatementUpdate)."""
    with conn.cursor() as cur:
        cur.adbc_statement.set_sql_query(sql)
        return cur.adbc_statement.execute_update()


@pytest.fixture(scope="module")
def conn(quiver_server):
    c = flight_sql.connect(quiver_server.uri, autocommit=True)
    yield c
    c.close()


@pytest.fixture(scope="module")
def data():
    return make_table(0, N_ROWS)


@pytest.fixture(scope="module")
def loaded(conn, data):
    """Table t in Quiver: bulk ingest (create, then append), then INSERTs."""
    inserts = insert_statements()
    with conn.cursor() as cur:
        n = cur.adbc_ingest("t", data.slice(0, FIRST_INGEST), mode="create")
        assert n in (-1, FIRST_INGEST), f"ingest (create) reported {n} rows"
        n = cur.adbc_ingest("t", data.slice(FIRST_INGEST), mode="append")
        assert n in (-1, N_ROWS - FIRST_INGEST), f"ingest (append) reported {n} rows"
    for s in inserts:
        execute_update(conn, s)
    return inserts


@pytest.fixture(scope="module")
def oracle(data, loaded):
    db = duckdb.connect()
    db.execute("SET default_null_order = 'nulls_first_on_asc_last_on_desc'")
    db.register("src", data)
    db.execute("CREATE TABLE t AS SELECT * FROM src")
    db.unregister("src")
    for m in ORACLE_MACROS:
        db.execute(m)
    for s in loaded:
        db.execute(s)
    yield db
    db.close()


def query(conn, sql):
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


def _sort_key(row):
    exact, approx = [], []
    for v in row:
        if v is None:
            exact.append((0, 0))
        elif isinstance(v, float):
            exact.append((2, 0))
            approx.append(float(f"{v:.6e}"))
        elif isinstance(v, (int, decimal.Decimal)):
            exact.append((1, decimal.Decimal(v)))
        elif isinstance(v, str):
            exact.append((3, v))
        else:
            exact.append((4, str(v)))
    return (exact, approx)


def _same(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        return (
            isinstance(a, float)
            and isinstance(b, float)
            and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
        )
    return a == b  # Decimal('1.50') == Decimal('1.5') == 1.5 of another scale


def assert_same_rows(got, want, ordered=False, sql=""):
    if not ordered:
        got, want = sorted(got, key=_sort_key), sorted(want, key=_sort_key)
    problems = []
    if len(got) != len(want):
        problems.append(f"got {len(got)} rows, want {len(want)}")
    for i, (g, w) in enumerate(zip(got, want)):
        if len(g) != len(w) or not all(_same(x, y) for x, y in zip(g, w)):
            problems.append(f"row {i}: got {g!r}\n        want {w!r}")
        if len(problems) > 8:
            break
    assert not problems, f"{sql}\n" + "\n".join(problems)


# (name, quiver sql, oracle sql or None, ordered)
QUERIES = [
    ("count_star", "SELECT count(*) FROM t", None, False),
    ("counts", "SELECT count(*), count(a), count(b), count(s), count(d), count(dt), count(f) FROM t", None, False),
    ("sums", "SELECT sum(a), sum(b), sum(d), sum(f) FROM t", None, False),
    (
        "min_max",
        "SELECT min(a), max(a), min(b), max(b), min(s), max(s), min(d), max(d), min(dt), max(dt), min(f), max(f) FROM t",
        None,
        False,
    ),
    (
        "avgs",
        "SELECT avg(a), avg(b), avg(d), avg(f) FROM t",
        "SELECT mysql_avg_int(sum(a), count(a)), mysql_avg_int(sum(b), count(b)), mysql_avg_dec2(sum(d), count(d)), avg(f) FROM t",
        False,
    ),
    ("group_by_s", "SELECT s, count(*), sum(a), sum(b), sum(d), min(dt), max(f) FROM t GROUP BY s", None, False),
    (
        "group_by_s_avg",
        "SELECT s, avg(a), avg(d) FROM t GROUP BY s",
        "SELECT s, mysql_avg_int(sum(a), count(a)), mysql_avg_dec2(sum(d), count(d)) FROM t GROUP BY s",
        False,
    ),
    ("group_by_dt_filtered", "SELECT dt, count(*), max(d) FROM t WHERE a > 0 GROUP BY dt", None, False),
    ("group_by_a_in", "SELECT a, count(*), min(s) FROM t WHERE s IN ('k01', 'k02', 'it''s') GROUP BY a", None, False),
    ("filter_rows", "SELECT a, b, s, d, dt, f FROM t WHERE a = 3", None, False),
    ("filter_nulls", "SELECT count(*) FROM t WHERE d IS NULL OR dt IS NULL", None, False),
    ("filter_dates", "SELECT count(*), sum(d) FROM t WHERE dt BETWEEN '2021-01-01' AND '2021-06-30'", None, False),
    ("order_limit", "SELECT s, count(*) AS c FROM t GROUP BY s ORDER BY c DESC, s LIMIT 5", None, True),
    ("order_nulls_first", "SELECT dt, count(*) FROM t GROUP BY dt ORDER BY dt LIMIT 5", None, True),
]


@pytest.mark.feature("statement query")
@pytest.mark.feature("NULLs")
@pytest.mark.parametrize("name,sql,oracle_sql,ordered", QUERIES, ids=[q[0] for q in QUERIES])
def test_query_matches_duckdb(conn, oracle, name, sql, oracle_sql, ordered):
    got = query(conn, sql)
    want = oracle.execute(oracle_sql or sql).fetchall()
    assert_same_rows(got, want, ordered=ordered, sql=sql)


@pytest.mark.feature("bulk ingest: create")
@pytest.mark.feature("bulk ingest: append")
def test_row_count_after_load(conn, oracle):
    assert query(conn, "SELECT count(*) FROM t") == [(N_ROWS + 200,)]
    assert oracle.execute("SELECT count(*) FROM t").fetchall() == [(N_ROWS + 200,)]


@pytest.mark.feature("types round trip")
def test_result_types(conn, loaded):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT count(*), sum(a), sum(b), sum(d), avg(a), avg(b), avg(d), "
            "min(a), max(b), max(s), min(d), max(dt), sum(f), avg(f) FROM t"
        )
        tbl = cur.fetch_arrow_table()
    assert tbl.schema.types == [
        pa.int64(),
        pa.decimal128(38, 0),
        pa.decimal128(38, 0),
        pa.decimal128(38, 2),
        pa.decimal128(38, 4),
        pa.decimal128(38, 4),
        pa.decimal128(38, 6),
        pa.int32(),
        pa.int64(),
        pa.string(),
        pa.decimal128(15, 2),
        pa.date32(),
        pa.float64(),
        pa.float64(),
    ]
    with conn.cursor() as cur:
        cur.execute("SELECT a, b, s, d, dt, f FROM t WHERE a = 1")
        tbl = cur.fetch_arrow_table()
    assert tbl.schema.types == SCHEMA.types
    assert tbl.schema.names == SCHEMA.names


@pytest.mark.feature("metadata: tables")
def test_get_objects_lists_table(conn, loaded):
    objs = conn.adbc_get_objects(depth="tables").read_all().to_pylist()
    tables = {
        (cat["catalog_name"], sch["db_schema_name"], tab["table_name"])
        for cat in objs
        for sch in (cat["catalog_db_schemas"] or [])
        for tab in (sch["db_schema_tables"] or [])
    }
    assert ("quiver", "main", "t") in tables, tables


@pytest.mark.feature("metadata: columns")
def test_get_table_schema(conn, loaded):
    schema = conn.adbc_get_table_schema("t", catalog_filter="quiver", db_schema_filter="main")
    assert schema.types == SCHEMA.types
    assert schema.names == SCHEMA.names


@pytest.mark.feature("error codes")
def test_syntax_error_is_invalid_argument(conn, oracle):
    with pytest.raises(adbc_driver_manager.ProgrammingError) as ei:
        query(conn, "SELEC a FROM t")
    assert ei.value.status_code == AdbcStatusCode.INVALID_ARGUMENT, ei.value
    msg = str(ei.value).lower()
    assert "line" in msg and "column" in msg, msg
    # The server is unharmed.
    assert_same_rows(query(conn, "SELECT count(*) FROM t"), oracle.execute("SELECT count(*) FROM t").fetchall())


@pytest.mark.feature("error codes")
@pytest.mark.parametrize(
    "sql", ["SELECT a FROM no_such_table", "SELECT no_such_column FROM t"], ids=["table", "column"]
)
def test_unknown_name_is_not_found(conn, oracle, sql):
    with pytest.raises(adbc_driver_manager.Error) as ei:
        query(conn, sql)
    assert ei.value.status_code == AdbcStatusCode.NOT_FOUND, ei.value
    assert_same_rows(query(conn, "SELECT count(*) FROM t"), oracle.execute("SELECT count(*) FROM t").fetchall())


def _partitions(conn, sql):
    with conn.cursor() as cur:
        parts, schema = cur.adbc_execute_partitions(sql)
    return parts, schema


@pytest.mark.feature("partitioned results")
@pytest.mark.feature("partitioned results", client="pyarrow-flight")
def test_partitions_point_at_workers(quiver_server, conn, oracle):
    """Each ADBC partition is a serialized FlightInfo with one endpoint; its
    location is a worker (not the coordinator) and pyarrow.flight can fetch
    its ticket directly."""
    sql = "SELECT s, count(*), sum(d) FROM t GROUP BY s"
    parts, schema = _partitions(conn, sql)
    assert parts, "no partitions"
    rows = []
    for p in parts:
        info = flight.FlightInfo.deserialize(p)
        assert len(info.endpoints) == 1
        ep = info.endpoints[0]
        assert ep.locations, "endpoint without a location"
        uri = ep.locations[0].uri.decode()
        assert uri.startswith("grpc+tcp://"), uri
        assert uri != "grpc+tcp://" + quiver_server.addr, "endpoint points at the coordinator"
        client = flight.FlightClient(uri)
        try:
            tbl = client.do_get(ep.ticket).read_all()
        finally:
            client.close()
        rows.extend(tuple(r.values()) for r in tbl.to_pylist())
    assert_same_rows(rows, oracle.execute(sql).fetchall(), sql=sql)


@pytest.mark.feature("partitioned results")
def test_read_partition_through_adbc(conn, oracle):
    sql = "SELECT a, count(*) FROM t WHERE a BETWEEN -5 AND 5 GROUP BY a"
    parts, _ = _partitions(conn, sql)
    rows = []
    for p in parts:
        with conn.cursor() as cur:
            cur.adbc_read_partition(p)
            rows.extend(cur.fetchall())
    assert_same_rows(rows, oracle.execute(sql).fetchall(), sql=sql)


@pytest.mark.feature("error codes", client="pyarrow-flight")
def test_garbage_ticket_at_worker(conn, oracle):
    parts, _ = _partitions(conn, "SELECT count(*) FROM t")
    uri = flight.FlightInfo.deserialize(parts[0]).endpoints[0].locations[0].uri.decode()
    client = flight.FlightClient(uri)
    try:
        for bad in (b"garbage", b""):
            # INVALID_ARGUMENT arrives as ArrowInvalid, UNAUTHENTICATED as
            # FlightUnauthenticatedError.
            with pytest.raises((pa.ArrowInvalid, flight.FlightUnauthenticatedError)):
                client.do_get(flight.Ticket(bad)).read_all()
    finally:
        client.close()
    # Drain the real partition, then check the server still answers.
    with conn.cursor() as cur:
        cur.adbc_read_partition(parts[0])
        cur.fetchall()
    assert_same_rows(query(conn, "SELECT count(*) FROM t"), oracle.execute("SELECT count(*) FROM t").fetchall())


@pytest.mark.feature("DDL/DML update count")
def test_insert_via_dbapi_execute(conn):
    """What DB-API users type: cursor.execute("INSERT ...") (ADBC sends it as a
    query, CommandStatementQuery), on a table made with cursor.execute too."""
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE py_exec " + "(a INT, b BIGINT, s VARCHAR(20), d DECIMAL(15,2), dt DATE, f DOUBLE)")
        cur.execute("INSERT INTO py_exec VALUES (1, 2, 'x', 3.50, '2024-01-02', 0.25), (NULL, NULL, NULL, NULL, NULL, NULL)")
        cur.execute("SELECT count(*), sum(d), max(dt) FROM py_exec")
        assert cur.fetchall() == [(2, decimal.Decimal("3.50"), datetime.date(2024, 1, 2))]


@pytest.mark.feature("DDL/DML update count")
def test_insert_via_execute_update(conn):
    execute_update(conn, "CREATE TABLE py_upd (a INT, b BIGINT, s VARCHAR(20), d DECIMAL(15,2), dt DATE, f DOUBLE)")
    n = execute_update(conn, "INSERT INTO py_upd VALUES (7, -8, 'it''s', -0.01, '1969-07-20', -2.5), (1, 1, '', 0, '2000-02-29', 1e-3)")
    assert n in (-1, 2)
    got = query(conn, "SELECT a, b, s, d, dt, f FROM py_upd ORDER BY a")
    assert got == [
        (1, 1, "", decimal.Decimal("0.00"), datetime.date(2000, 2, 29), 0.001),
        (7, -8, "it's", decimal.Decimal("-0.01"), datetime.date(1969, 7, 20), -2.5),
    ]
