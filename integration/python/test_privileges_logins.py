"""Privileges through adbc_driver_flightsql with real logins, against
`quiver serve --auth password`: a user without SELECT is refused naming the
table, GRANT lets it read, REVOKE takes that back; metadata and bulk
ingest follow the grants."""

import adbc_driver_flightsql.dbapi as flightsql
import adbc_driver_manager
import pyarrow as pa
import pytest

ADMIN_PASSWORD = "py-admin-s3cret"
QUIVER_ARGS = ["--auth", "password", "--admin-password", ADMIN_PASSWORD]


def connect(server, user, password):
    return flightsql.connect(server.uri, db_kwargs={"username": user, "password": password}, autocommit=True)


def run(conn, sql):
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall() if cur.description else None


@pytest.fixture(scope="module")
def admin(quiver_server):
    with connect(quiver_server, "admin", ADMIN_PASSWORD) as conn:
        for sql in [
            "CREATE TABLE pt (a BIGINT)",
            "INSERT INTO pt VALUES (1), (2)",
            "CREATE TABLE hidden (a BIGINT)",
            "CREATE USER pam IDENTIFIED BY 'pam-pw-1'",
        ]:
            run(conn, sql)
        yield conn


def test_select_needs_a_grant(quiver_server, admin):
    with connect(quiver_server, "pam", "pam-pw-1") as pam:
        with pytest.raises(adbc_driver_manager.ProgrammingError, match="PERMISSION_DENIED.*main.pt") as e:
            run(pam, "SELECT count(*) FROM pt")
        assert "pam lacks SELECT" in str(e.value)
        assert run(pam, "SELECT 1") == [(1,)]
        run(admin, "GRANT SELECT ON main.pt TO pam")
        assert run(pam, "SELECT count(*) FROM pt") == [(2,)]
        assert [r[0] for r in run(pam, "SHOW TABLES")] == ["pt"]
        objs = pam.adbc_get_objects(depth="tables", catalog_filter="quiver", db_schema_filter="main").read_all().to_pylist()
        tables = [t["table_name"] for c in objs for s in c["catalog_db_schemas"] for t in s["db_schema_tables"]]
        assert tables == ["pt"]
        run(admin, "REVOKE SELECT ON main.pt FROM pam")
        with pytest.raises(adbc_driver_manager.ProgrammingError, match="PERMISSION_DENIED"):
            run(pam, "SELECT count(*) FROM pt")


def test_ingest_needs_insert(quiver_server, admin):
    data = pa.table({"a": pa.array([5, 6], pa.int64())})
    with connect(quiver_server, "pam", "pam-pw-1") as pam:
        with pam.cursor() as cur:
            with pytest.raises(adbc_driver_manager.ProgrammingError, match="INSERT on main.pt"):
                cur.adbc_ingest("pt", data, mode="append")
        run(admin, "GRANT INSERT ON main.pt TO pam")
        with pam.cursor() as cur:
            assert cur.adbc_ingest("pt", data, mode="append") == 2
    assert run(admin, "SELECT count(*) FROM pt") == [(4,)]
