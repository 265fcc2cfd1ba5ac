"""EXPLAIN and EXPLAIN ANALYZE through the Python clients. The coordinator
answers both itself: one endpoint without a location (Flight's "the
service you called"), which adbc_driver_flightsql fetches from the
coordinator it is connected to, and pyarrow.flight can fetch there too.
"""

import re

import adbc_driver_flightsql.dbapi as flight_sql
import pyarrow as pa
import pyarrow.flight as flight
import pytest

QUERY = "SELECT s, count(*) FROM e GROUP BY s"
STAGE = re.compile(r"<- stage (\d+), (\w+), (\d+) tasks?$")
TASK = re.compile(r"^\s*\| task (\d+)\.(\d+) on (\S+): rows in=(\d+) out=(\d+), bytes in=\S+ out=\S+, wall=\S+, peak=\S+, spilled=\S+(, start=\+\S+ end=\+\S+)?$")


@pytest.fixture(scope="module")
def conn(quiver_server):
    c = flight_sql.connect(quiver_server.uri, autocommit=True)
    # Two ingests, two files: the scan has a task on both workers.
    for k in range(2):
        with c.cursor() as cur:
            n = pa.array(range(k * 1000, (k + 1) * 1000), type=pa.int64())
            s = pa.array([f"g{i % 7}" for i in range(k * 1000, (k + 1) * 1000)])
            cur.adbc_ingest("e", pa.table({"n": n, "s": s}), mode="create" if k == 0 else "append")
    yield c
    c.close()


def plan_lines(conn, sql):
    with conn.cursor() as cur:
        cur.execute(sql)
        assert [d[0] for d in cur.description] == ["plan"]
        return [r[0] for r in cur.fetchall()]


def test_explain_through_adbc(conn):
    lines = plan_lines(conn, "EXPLAIN " + QUERY)
    stages = [m.groups() for m in map(STAGE.search, lines) if m]
    assert stages[0] == ("0", "result", stages[0][2]), lines
    assert any(kind == "normal" for _, kind, _ in stages), lines


def test_explain_analyze_through_adbc(conn):
    lines = plan_lines(conn, "EXPLAIN ANALYZE " + QUERY)
    assert lines[0].startswith("Query "), lines[0]
    tasks = [m.groups() for m in map(TASK.match, lines) if m]
    assert {t[0] for t in tasks} >= {"0", "1"}, lines
    assert sum(int(t[4]) for t in tasks if t[0] == "0") == 7, "the result stage's tasks sent the 7 groups"


def test_explain_through_pyarrow_flight(quiver_server, conn):
    """The partition of EXPLAIN has no location; pyarrow.flight fetches its
    ticket from the coordinator, twice; a garbage or altered coordinator
    ticket is refused as UNAUTHENTICATED."""
    with conn.cursor() as cur:
        parts, _ = cur.adbc_execute_partitions("EXPLAIN " + QUERY)
    assert len(parts) == 1
    ep = flight.FlightInfo.deserialize(parts[0]).endpoints[0]
    assert not ep.locations, "EXPLAIN's endpoint names a location"
    client = flight.FlightClient(quiver_server.uri)
    try:
        first = client.do_get(ep.ticket).read_all().column("plan").to_pylist()
        again = client.do_get(ep.ticket).read_all().column("plan").to_pylist()
        assert first == again
        assert STAGE.search(first[0]), first
        altered = bytearray(ep.ticket.ticket)
        altered[len(altered) // 2] ^= 1
        for bad in (b"qc1.garbage", bytes(altered)):
            with pytest.raises(flight.FlightUnauthenticatedError):
                client.do_get(flight.Ticket(bad)).read_all()
    finally:
        client.close()
