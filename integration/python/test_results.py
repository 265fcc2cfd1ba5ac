"""Results through the Python clients: DML row counts, repeated do_get,
RenewFlightEndpoint, and every stored type (time zones included)
through adbc_ingest.

pyarrow 26 has no PollFlightInfo (NOTES.md); the Go suite covers it
(integration/results_test.go).
"""

import datetime
import decimal
import json
import pathlib
import threading
import time

import adbc_driver_flightsql.dbapi as flight_sql
import pyarrow as pa
import pyarrow.flight as flight
import pytest

BIG_ROWS = 200_000
# Keeps DuckDB busy on every worker far longer than any test waits.
HEAVY = "SELECT count(*), sum(x.a * y.b) FROM big x CROSS JOIN big y"


@pytest.fixture(scope="module")
def conn(quiver_server):
    c = flight_sql.connect(quiver_server.uri, autocommit=True)
    # Four ingests, four files: a scan of big has a task on every worker.
    quarter = BIG_ROWS // 4
    for k in range(4):
        with c.cursor() as cur:
            a = pa.array(range(k * quarter, (k + 1) * quarter), type=pa.int64())
            cur.adbc_ingest("big", pa.table({"a": a, "b": pa.compute.multiply(a, 3)}), mode="create" if k == 0 else "append")
    yield c
    c.close()


def partitions(conn, sql):
    with conn.cursor() as cur:
        parts, _ = cur.adbc_execute_partitions(sql)
    return [flight.FlightInfo.deserialize(p) for p in parts]


def fetch(endpoint):
    client = flight.FlightClient(endpoint.locations[0].uri.decode())
    try:
        return client.do_get(endpoint.ticket).read_all()
    finally:
        client.close()


def worker_stats(quiver_server, workers):
    """The quiver.stats action of each worker, with the cluster secret."""
    secret = (pathlib.Path(quiver_server.data_dir) / "cluster-secret").read_text().strip()
    opts = flight.FlightCallOptions(headers=[(b"authorization", b"Bearer " + secret.encode())])
    out = []
    for uri in workers:
        client = flight.FlightClient(uri)
        try:
            (res,) = list(client.do_action(flight.Action("quiver.stats", b""), opts))
            out.append(json.loads(res.body.to_pybytes()))
        finally:
            client.close()
    return out


@pytest.mark.feature("DDL/DML update count")
def test_dml_rowcount(conn):
    """cursor.execute("INSERT ...") reports the rows it inserted (ADBC reads
    FlightInfo.total_records)."""
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE py_rowcount (a INT, s VARCHAR(10))")
        cur.execute("INSERT INTO py_rowcount VALUES (1, 'x'), (2, NULL), (3, 'z')")
        assert cur.rowcount == 3
        cur.execute("SELECT count(*) FROM py_rowcount")
        assert cur.fetchall() == [(3,)]


def renew(coordinator_uri, endpoint):
    """RenewFlightEndpoint by hand: pyarrow has no helper, and the request
    is a protobuf with the endpoint as field 1."""
    body = endpoint.serialize()
    size, varint = len(body), bytearray()
    while True:
        byte, size = size & 0x7F, size >> 7
        varint.append(byte | (0x80 if size else 0))
        if not size:
            break
    req = b"\x0a" + bytes(varint) + body
    client = flight.FlightClient(coordinator_uri)
    try:
        (res,) = list(client.do_action(flight.Action("RenewFlightEndpoint", req)))
    finally:
        client.close()
    return flight.FlightEndpoint.deserialize(res.body.to_pybytes())


@pytest.mark.feature("repeated do_get", client="pyarrow-flight")
@pytest.mark.feature("RenewFlightEndpoint", client="pyarrow-flight")
@pytest.mark.feature("partitioned results")
def test_repeated_do_get_and_renew(quiver_server, conn):
    """Every endpoint can be fetched again until it expires, with the same
    rows; RenewFlightEndpoint answers a later expiration and a new ticket
    that streams the same rows."""
    infos = partitions(conn, "SELECT a, b FROM big WHERE a % 7 = 0")
    assert infos
    for info in infos:
        (ep,) = info.endpoints
        first = fetch(ep)
        assert fetch(ep).equals(first)
        renewed = renew(quiver_server.uri, ep)
        assert renewed.expiration_time.value > ep.expiration_time.value
        assert renewed.ticket != ep.ticket
        assert fetch(renewed).equals(first)
    assert sum(fetch(i.endpoints[0]).num_rows for i in infos) == len(range(0, BIG_ROWS, 7))


@pytest.mark.feature("types round trip")
def test_time_zones_round_trip(conn):
    """Timestamps with a time zone (UTC, Etc/UTC, an offset, a region) of
    every unit ingest and read back as the same instants, labelled UTC;
    plain timestamps stay plain."""
    instants = [
        datetime.datetime(2024, 2, 29, 23, 59, 58, 123000, tzinfo=datetime.timezone.utc),
        None,
        datetime.datetime(1969, 7, 20, 20, 17, 40, tzinfo=datetime.timezone.utc),
    ]
    zones = {"tz_utc": ("us", "UTC"), "tz_etc": ("ns", "Etc/UTC"), "tz_off": ("ms", "+02:00"), "tz_ny": ("s", "America/New_York")}
    cols = {"k": pa.array([1, 2, 3], type=pa.int32())}
    for name, (unit, tz) in zones.items():
        vals = [v.replace(microsecond=0) if v and unit == "s" else v for v in instants]
        cols[name] = pa.array(vals, type=pa.timestamp(unit, tz=tz))
    cols["plain"] = pa.array([v.replace(tzinfo=None) if v else None for v in instants], type=pa.timestamp("us"))
    table = pa.table(cols)
    with conn.cursor() as cur:
        cur.adbc_ingest("py_tz", table, mode="create")
    with conn.cursor() as cur:
        cur.execute("SELECT * FROM py_tz ORDER BY k")
        got = cur.fetch_arrow_table()
    for name in zones:
        assert got.schema.field(name).type == pa.timestamp("us", tz="UTC"), name
        want = [v.timestamp() if v else None for v in table.column(name).to_pylist()]
        assert [v.timestamp() if v else None for v in got.column(name).to_pylist()] == want, name
    assert got.schema.field("plain").type == pa.timestamp("us")
    assert got.column("plain").to_pylist() == table.column("plain").to_pylist()


@pytest.mark.feature("types round trip")
def test_types_round_trip(conn):
    """Every Arrow type Quiver stores, and those it converts on ingest, read
    back with the same values: integers of every width, floats, decimals,
    strings and binaries of both offset widths, booleans, dates."""
    cols = {
        "k": (pa.array([1, 2, 3], pa.int32()), None),
        "i8": (pa.array([-128, None, 127], pa.int8()), None),
        "i16": (pa.array([-32768, None, 32767], pa.int16()), None),
        "i64": (pa.array([-(2**63), None, 2**63 - 1], pa.int64()), None),
        "u8": (pa.array([0, None, 255], pa.uint8()), None),
        "u16": (pa.array([0, None, 65535], pa.uint16()), None),
        "u32": (pa.array([0, None, 2**32 - 1], pa.uint32()), None),
        "u64": (pa.array([0, None, 2**64 - 1], pa.uint64()), None),
        "f32": (pa.array([-1.5, None, 3.25], pa.float32()), None),
        "f64": (pa.array([-2.5e-300, None, 1.7976931348623157e308], pa.float64()), None),
        "dec": (pa.array([decimal.Decimal("-12345678901234567890.1234567890"), None, decimal.Decimal("0E-10")], pa.decimal128(38, 10)), None),
        "s": (pa.array(["", None, "naïve ☃"], pa.string()), None),
        "ls": (pa.array(["large", None, ""], pa.large_string()), pa.string()),
        "bin": (pa.array([b"\x00\xff", None, b""], pa.binary()), None),
        "lbin": (pa.array([b"large", None, b"\x00"], pa.large_binary()), pa.binary()),
        "b": (pa.array([True, None, False], pa.bool_()), None),
        "d32": (pa.array([datetime.date(2024, 2, 29), None, datetime.date(1900, 1, 1)], pa.date32()), None),
        "d64": (pa.array([datetime.date(2000, 12, 31), None, datetime.date(1970, 1, 1)], pa.date64()), pa.date32()),
    }
    table = pa.table({name: arr for name, (arr, _) in cols.items()})
    with conn.cursor() as cur:
        cur.adbc_ingest("py_types", table, mode="create")
    with conn.cursor() as cur:
        cur.execute("SELECT * FROM py_types ORDER BY k")
        got = cur.fetch_arrow_table()
    for name, (arr, stored) in cols.items():
        assert got.schema.field(name).type == (stored or arr.type), name
        assert got.column(name).to_pylist() == arr.to_pylist(), name
