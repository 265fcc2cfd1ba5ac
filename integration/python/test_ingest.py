"""adbc_ingest in every mode through adbc_driver_flightsql, against a real
`quiver serve`: create, append, replace (atomic for readers), create_append,
the errors of create and append, catalog_name / db_schema_name targets, and
temporary (UNIMPLEMENTED).
"""

import threading

import adbc_driver_flightsql.dbapi as flight_sql
import adbc_driver_manager
import pyarrow as pa
import pytest


def rows(n, start=0):
    return pa.table({"x": pa.array(range(start, start + n), pa.int64())})


def count(conn, table):
    with conn.cursor() as cur:
        cur.execute(f"SELECT count(*) FROM {table}")
        return cur.fetchone()[0]


def ingest(conn, table, data, mode, **kw):
    # A fresh cursor per ingest: ADBC 1.13 refuses execute on a cursor that
    # ingested (INVALID_STATE: must set IngestTargetTable).
    with conn.cursor() as cur:
        return cur.adbc_ingest(table, data, mode=mode, **kw)


@pytest.fixture(scope="module")
def conn(quiver_server):
    c = flight_sql.connect(quiver_server.uri, autocommit=True)
    yield c
    c.close()


@pytest.mark.feature("bulk ingest: create")
@pytest.mark.feature("bulk ingest: append")
@pytest.mark.feature("bulk ingest: create_append")
def test_create_append_create_append(conn):
    assert ingest(conn, "ing", rows(10), "create") in (-1, 10)
    with pytest.raises(adbc_driver_manager.Error) as e:
        ingest(conn, "ing", rows(1), "create")
    assert e.value.status_code == adbc_driver_manager.AdbcStatusCode.ALREADY_EXISTS
    with pytest.raises(adbc_driver_manager.Error) as e:
        ingest(conn, "ing_missing", rows(1), "append")
    assert e.value.status_code == adbc_driver_manager.AdbcStatusCode.NOT_FOUND
    ingest(conn, "ing", rows(5, 10), "append")
    ingest(conn, "ing", rows(5, 15), "create_append")
    ingest(conn, "ing_ca", rows(3), "create_append")
    assert count(conn, "ing") == 20
    assert count(conn, "ing_ca") == 3
    with conn.cursor() as cur:
        cur.execute("SELECT min(x), max(x), count(DISTINCT x) FROM ing")
        assert cur.fetchone() == (0, 19, 20)


@pytest.mark.feature("bulk ingest: replace")
def test_replace_takes_the_new_schema(conn):
    ingest(conn, "ing_r", rows(100), "create")
    ingest(conn, "ing_r", pa.table({"s": ["a", "b", "c"], "n": pa.array([1, 2, 3], pa.int32())}), "replace")
    with conn.cursor() as cur:
        cur.execute("SELECT s, n FROM ing_r ORDER BY n")
        assert cur.fetchall() == [("a", 1), ("b", 2), ("c", 3)]
    ingest(conn, "ing_r_new", rows(2), "replace")
    assert count(conn, "ing_r_new") == 2, "replace of a missing table creates it"


@pytest.mark.feature("bulk ingest: replace")
def test_replace_is_atomic_for_readers(quiver_server, conn):
    small, large = 1000, 3000
    ingest(conn, "ing_atomic", rows(small), "create")
    reader = flight_sql.connect(quiver_server.uri, autocommit=True)
    seen, errors, stop = set(), [], threading.Event()

    def read():
        try:
            while not stop.is_set():
                seen.add(count(reader, "ing_atomic"))
        except Exception as e:  # reported below
            errors.append(e)

    t = threading.Thread(target=read)
    t.start()
    try:
        for i in range(8):
            ingest(conn, "ing_atomic", rows(large if i % 2 == 0 else small), "replace")
    finally:
        stop.set()
        t.join(timeout=120)
        reader.close()
    assert not errors, f"a reader failed during replace: {errors[0]}"
    assert seen and seen <= {small, large}, f"readers saw row counts {sorted(seen)}"


def test_schema_and_catalog_targets(conn):
    with conn.cursor() as cur:
        cur.adbc_statement.set_sql_query("CREATE DATABASE ing_db")
        cur.adbc_statement.execute_update()
    ingest(conn, "tgt", rows(4), "create", db_schema_name="ing_db", catalog_name="quiver")
    assert count(conn, "ing_db.tgt") == 4
    with pytest.raises(adbc_driver_manager.ProgrammingError):
        count(conn, "main.tgt")
    with pytest.raises(adbc_driver_manager.Error) as e:
        ingest(conn, "tgt", rows(1), "append", catalog_name="no_such_catalog")
    assert e.value.status_code == adbc_driver_manager.AdbcStatusCode.NOT_FOUND


def test_temporary_is_unimplemented(conn):
    with pytest.raises(adbc_driver_manager.NotSupportedError, match="temporary"):
        ingest(conn, "ing_tmp", rows(1), "create", temporary=True)
    with pytest.raises(adbc_driver_manager.ProgrammingError):
        count(conn, "ing_tmp")
