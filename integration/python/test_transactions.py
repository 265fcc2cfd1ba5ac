"""Transactions through adbc_driver_flightsql: connect(autocommit=False),
conn.commit(), conn.rollback(), against a real `quiver serve`.

Isolation is snapshot isolation over table snapshots: a transaction's writes
become visible together at commit and never on rollback; a transaction reads
the snapshot it began with, plus its own writes.
"""

import pathlib

import adbc_driver_flightsql.dbapi as flight_sql
import adbc_driver_manager
import pyarrow as pa
import pytest


def execute_update(conn, sql):
    """DDL/DML through ADBC ExecuteUpdate (DoPutCommandStatementUpdate)."""
    with conn.cursor() as cur:
        cur.adbc_statement.set_sql_query(sql)
        return cur.adbc_statement.execute_update()


def count(conn, table):
    with conn.cursor() as cur:
        cur.execute(f"SELECT count(*) FROM {table}")
        return cur.fetchone()[0]


def data_files(server):
    root = pathlib.Path(server.data_dir) / "tables"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture(scope="module")
def other(quiver_server):
    """An autocommit connection: it sees only what is committed."""
    c = flight_sql.connect(quiver_server.uri, autocommit=True)
    execute_update(c, "CREATE TABLE tx (x BIGINT)")
    execute_update(c, "INSERT INTO tx VALUES (1), (2)")
    yield c
    c.close()


@pytest.fixture
def txconn(quiver_server):
    c = flight_sql.connect(quiver_server.uri, autocommit=False)
    yield c
    c.close()


@pytest.mark.feature("transactions")
def test_commit_makes_writes_visible_together(other, txconn):
    before = count(other, "tx")
    with txconn.cursor() as cur:
        cur.execute("INSERT INTO tx VALUES (10), (11)")
    execute_update(txconn, "INSERT INTO tx VALUES (12)")
    execute_update(txconn, "CREATE TABLE tx_made (a INT)")
    execute_update(txconn, "INSERT INTO tx_made VALUES (1)")
    assert count(txconn, "tx") == before + 3, "a transaction reads its own writes"
    assert count(other, "tx") == before, "uncommitted rows are invisible to others"
    with pytest.raises(adbc_driver_manager.ProgrammingError):
        count(other, "tx_made")
    txconn.commit()
    assert count(other, "tx") == before + 3
    assert count(other, "tx_made") == 1


@pytest.mark.feature("transactions")
def test_rollback_leaves_nothing(quiver_server, other, txconn):
    before, files = count(other, "tx"), data_files(quiver_server)
    execute_update(txconn, "INSERT INTO tx VALUES (20), (21), (22)")
    execute_update(txconn, "CREATE TABLE tx_rolled (a INT)")
    txconn.rollback()
    assert count(other, "tx") == before
    assert count(txconn, "tx") == before, "the next transaction does not see rolled-back rows"
    with pytest.raises(adbc_driver_manager.ProgrammingError):
        count(other, "tx_rolled")
    assert data_files(quiver_server) == files, "rollback deletes the files it wrote"


@pytest.mark.feature("transactions")
def test_reader_keeps_its_snapshot(other, txconn):
    pinned = count(txconn, "tx")
    execute_update(other, "INSERT INTO tx VALUES (30), (31)")
    with other.cursor() as cur:
        cur.adbc_ingest("tx", pa.table({"x": pa.array([40, 41, 42], pa.int64())}), mode="append")
    assert count(txconn, "tx") == pinned, "a transaction reads the snapshot it began with"
    txconn.commit()
    assert count(txconn, "tx") == pinned + 5


@pytest.mark.feature("transactions")
def test_database_ddl_in_transaction_is_refused(txconn):
    with pytest.raises(adbc_driver_manager.ProgrammingError, match="inside a transaction"):
        execute_update(txconn, "CREATE DATABASE tx_db")
    txconn.rollback()


@pytest.mark.feature("transactions")
def test_ingest_joins_the_session_transaction(quiver_server, other):
    """adbc_ingest sends no transaction_id (ADBC 1.13's driver), so it joins the
    transaction only through the connection's Flight SQL session."""
    c = flight_sql.connect(
        quiver_server.uri,
        db_kwargs={"adbc.flight.sql.rpc.with_cookie_middleware": "true"},
        autocommit=False,
    )
    try:
        before = count(other, "tx")
        with c.cursor() as cur:
            cur.adbc_ingest("tx", pa.table({"x": pa.array([50, 51], pa.int64())}), mode="append")
        assert count(other, "tx") == before
        c.rollback()
        assert count(other, "tx") == before
        with c.cursor() as cur:
            cur.adbc_ingest("tx", pa.table({"x": pa.array([52], pa.int64())}), mode="append")
        c.commit()
        assert count(other, "tx") == before + 1
    finally:
        c.close()


def test_parameters_inside_a_transaction(other, txconn):
    """The DB-API prepares every statement: inside a transaction the prepared
    statement carries it, so parameterized writes and reads stay in it."""
    before = count(other, "tx")
    with txconn.cursor() as cur:
        cur.executemany("INSERT INTO tx VALUES (?)", [(80,), (81,), (82,)])
        cur.execute("SELECT count(*) FROM tx WHERE x >= ?", (80,))
        assert cur.fetchone()[0] == 3, "a parameterized read sees the transaction's writes"
    assert count(other, "tx") == before
    txconn.commit()
    assert count(other, "tx") == before + 3
