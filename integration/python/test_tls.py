"""Quiver over TLS through the Python clients: adbc_driver_flightsql with
the test CA as its root certificates, pyarrow.flight fetching the workers'
grpc+tls endpoints, and plaintext clients refused while the server keeps
answering. The certificates are made at test time with the openssl CLI.
"""

import os
import pathlib
import subprocess

import adbc_driver_flightsql.dbapi as flight_sql
import adbc_driver_manager
import duckdb
import pyarrow as pa
import pyarrow.flight as flight
import pytest

from conftest import QuiverProcess

ROOT_CERTS = "adbc.flight.sql.client_option.tls_root_certs"


def _openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """A CA and a node certificate for 127.0.0.1 and localhost."""
    d = tmp_path_factory.mktemp("pki")
    _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "1", "-subj", "/CN=quiver test CA", cwd=d)
    _openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "key.pem", "-out", "node.csr", "-subj", "/CN=quiver test node", cwd=d)
    (d / "ext.cnf").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n"
    )
    _openssl("x509", "-req", "-in", "node.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
             "-out", "cert.pem", "-days", "1", "-extfile", "ext.cnf", cwd=d)
    return d


@pytest.fixture(scope="module")
def tls_server(request, quiver_bin, pki, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("data")
    log_dir = pathlib.Path(os.environ.get("QUIVER_IT_LOGDIR") or tmp_path_factory.mktemp("logs"))
    log_dir.mkdir(parents=True, exist_ok=True)
    proc = QuiverProcess(
        quiver_bin,
        ["serve", "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0", "--data-dir", data_dir, "--workers", "2",
         "--tls-cert", pki / "cert.pem", "--tls-key", pki / "key.pem", "--tls-ca", pki / "ca.pem"],
        log_dir / "py-tls-serve.log",
    )
    try:
        ready = proc.wait_for("serving Flight SQL")
    except Exception:
        proc.stop()
        raise
    yield ready["addr"]
    proc.stop()


@pytest.fixture(scope="module")
def ca_pem(pki):
    return (pki / "ca.pem").read_bytes()


@pytest.fixture(scope="module")
def conn(tls_server, ca_pem):
    c = flight_sql.connect("grpc+tls://" + tls_server, db_kwargs={ROOT_CERTS: ca_pem.decode()}, autocommit=True)
    yield c
    c.close()


@pytest.fixture(scope="module")
def table(conn):
    tbl = pa.table({
        "k": pa.array([i % 7 for i in range(5000)], pa.int64()),
        "v": pa.array([i * 3 for i in range(5000)], pa.int64()),
        "s": pa.array([f"s{i % 11}" for i in range(5000)], pa.string()),
    })
    with conn.cursor() as cur:
        cur.adbc_ingest("tls_t", tbl, mode="create")
    return tbl


def _rows(tbl):
    return sorted(tuple(r.values()) for r in tbl.to_pylist())


@pytest.mark.feature("TLS")
def test_adbc_over_tls(conn, table):
    sql = "SELECT k, count(*), sum(v) FROM tls_t GROUP BY k"
    with conn.cursor() as cur:
        cur.execute(sql)
        got = sorted(cur.fetchall())
    con = duckdb.connect()
    con.register("tls_t", table)
    want = sorted(con.execute(sql).fetchall())
    assert got == want


@pytest.mark.feature("TLS", client="pyarrow-flight")
def test_pyarrow_flight_fetches_tls_endpoints(conn, table, ca_pem):
    with conn.cursor() as cur:
        parts, _ = cur.adbc_execute_partitions("SELECT k, v, s FROM tls_t")
    rows = []
    for p in parts:
        ep = flight.FlightInfo.deserialize(p).endpoints[0]
        uri = ep.locations[0].uri.decode()
        assert uri.startswith("grpc+tls://"), uri
        client = flight.FlightClient(uri, tls_root_certs=ca_pem)
        try:
            rows.extend(tuple(r.values()) for r in client.do_get(ep.ticket).read_all().to_pylist())
        finally:
            client.close()
    assert sorted(rows) == _rows(table)


def test_plaintext_clients_refused(tls_server, conn, table):
    with pytest.raises(adbc_driver_manager.Error) as ei:
        plain = flight_sql.connect("grpc://" + tls_server, autocommit=True)
        try:
            with plain.cursor() as cur:
                cur.execute("SELECT 1")
        finally:
            plain.close()
    assert ei.value.status_code == adbc_driver_manager.AdbcStatusCode.IO, ei.value
    client = flight.FlightClient("grpc+tcp://" + tls_server)
    try:
        with pytest.raises(flight.FlightUnavailableError):
            client.list_actions()
    finally:
        client.close()
    # The server keeps answering TLS clients.
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM tls_t")
        assert cur.fetchall() == [(table.num_rows,)]
