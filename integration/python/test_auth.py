"""Users and authentication through the Python clients, against
`quiver serve --auth password`: ADBC's username/password options and its
authorization header, and pyarrow.flight's Basic auth handshake."""

import base64

import adbc_driver_flightsql
import adbc_driver_flightsql.dbapi as flightsql
import adbc_driver_manager
import pyarrow.flight as flight
import pytest

ADMIN_PASSWORD = "py-admin-s3cret"
QUIVER_ARGS = ["--auth", "password", "--admin-password", ADMIN_PASSWORD]


def connect(server, user, password):
    return flightsql.connect(server.uri, db_kwargs={"username": user, "password": password}, autocommit=True)


def scalar(conn, sql):
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchone()[0]


@pytest.fixture(scope="module")
def ann(quiver_server):
    with connect(quiver_server, "admin", ADMIN_PASSWORD) as admin:
        with admin.cursor() as cur:
            cur.execute("CREATE USER ann IDENTIFIED BY 'ann-pw'")
    return ("ann", "ann-pw")


@pytest.mark.feature("authentication")
def test_username_password(quiver_server, ann):
    with connect(quiver_server, *ann) as conn:
        assert scalar(conn, "SELECT current_user()") == "ann"
        assert scalar(conn, "SELECT 40 + 2") == 42


@pytest.mark.feature("authentication")
def test_wrong_password(quiver_server, ann):
    with pytest.raises(adbc_driver_manager.Error) as e:
        with connect(quiver_server, "ann", "wrong") as conn:
            scalar(conn, "SELECT 1")
    assert "UNAUTHENTICATED" in str(e.value) or "Unauthenticated" in str(e.value)


@pytest.mark.feature("authentication")
def test_no_credentials(quiver_server, ann):
    with pytest.raises(adbc_driver_manager.Error) as e:
        with flightsql.connect(quiver_server.uri, autocommit=True) as conn:
            scalar(conn, "SELECT 1")
    assert "UNAUTHENTICATED" in str(e.value) or "Unauthenticated" in str(e.value)


@pytest.mark.feature("authentication")
def test_authorization_header(quiver_server, ann):
    """A Basic authorization header on every call: the server answers with
    a bearer token, which the driver sends from then on (to the workers
    too)."""
    basic = "Basic " + base64.b64encode(b"ann:ann-pw").decode()
    db_kwargs = {adbc_driver_flightsql.DatabaseOptions.AUTHORIZATION_HEADER.value: basic}
    with flightsql.connect(quiver_server.uri, db_kwargs=db_kwargs, autocommit=True) as conn:
        assert scalar(conn, "SELECT current_user()") == "ann"
        assert scalar(conn, "SELECT 7 * 6") == 42


@pytest.mark.feature("authentication", client="pyarrow-flight")
def test_pyarrow_basic_token(quiver_server, ann):
    """pyarrow.flight's handshake returns the bearer token as a header pair
    that every later call sends, the do_get at a worker included."""
    client = flight.FlightClient(quiver_server.uri)
    name, value = client.authenticate_basic_token(b"ann", b"ann-pw")
    assert name.lower() == b"authorization" and value.startswith(b"Bearer ")
    opts = flight.FlightCallOptions(headers=[(name, value)])
    # pyarrow has no Flight SQL client: the command is a raw, Any-wrapped
    # CommandStatementQuery.
    cmd = _statement_query("SELECT 42 AS answer")
    info = client.get_flight_info(flight.FlightDescriptor.for_command(cmd), opts)
    rows = []
    for ep in info.endpoints:
        loc = ep.locations[0] if ep.locations else quiver_server.uri
        worker = flight.FlightClient(loc)
        rows += worker.do_get(ep.ticket, opts).read_all().to_pylist()
        with pytest.raises(flight.FlightUnauthenticatedError):
            flight.FlightClient(loc).do_get(ep.ticket).read_all()
    assert rows == [{"answer": 42}]
    with pytest.raises(flight.FlightUnauthenticatedError):
        client.authenticate_basic_token(b"ann", b"wrong")
    with pytest.raises(flight.FlightUnauthenticatedError):
        client.get_flight_info(flight.FlightDescriptor.for_command(cmd))


@pytest.mark.feature("authentication", client="pyarrow-flight")
def test_login_at_a_worker(quiver_server, ann):
    """A client that logs in at the endpoint's location (what the JDBC driver
    does) reaches a worker, which relays the login to the coordinator: the
    token it returns reads the result there; a wrong password is refused.
    The query reads a table: the coordinator answers a constant one itself."""
    with connect(quiver_server, "admin", ADMIN_PASSWORD) as admin:
        with admin.cursor() as cur:
            cur.execute("CREATE TABLE sevens (seven INT)")
            cur.execute("INSERT INTO sevens VALUES (7)")
            cur.execute("GRANT SELECT ON main.sevens TO ann")
    client = flight.FlightClient(quiver_server.uri)
    opts = flight.FlightCallOptions(headers=[client.authenticate_basic_token(b"ann", b"ann-pw")])
    info = client.get_flight_info(flight.FlightDescriptor.for_command(_statement_query("SELECT seven FROM sevens")), opts)
    ep = info.endpoints[0]
    assert ep.locations, "the result is served by a worker"
    worker = flight.FlightClient(ep.locations[0])
    name, value = worker.authenticate_basic_token(b"ann", b"ann-pw")
    assert name.lower() == b"authorization" and value.startswith(b"Bearer ")
    rows = worker.do_get(ep.ticket, flight.FlightCallOptions(headers=[(name, value)])).read_all().to_pylist()
    assert rows == [{"seven": 7}]
    with pytest.raises(flight.FlightUnauthenticatedError):
        flight.FlightClient(ep.locations[0]).authenticate_basic_token(b"ann", b"wrong")


def _statement_query(sql):
    """CommandStatementQuery{query: sql} packed in a google.protobuf.Any,
    encoded by hand (two length-delimited fields)."""

    def field(num, payload):
        out = bytes([num << 3 | 2])
        n = len(payload)
        while True:
            b = n & 0x7F
            n >>= 7
            out += bytes([b | (0x80 if n else 0)])
            if not n:
                return out + payload

    inner = field(1, sql.encode())
    return field(1, b"type.googleapis.com/arrow.flight.protocol.sql.CommandStatementQuery") + field(2, inner)
