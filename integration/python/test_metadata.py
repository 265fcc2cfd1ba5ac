"""Quiver's metadata through adbc_driver_flightsql: adbc_get_objects at every
depth, adbc_get_table_schema, adbc_get_info, the statements people type
(SHOW, DESCRIBE, USE, information_schema) through a cursor, and a session
kept by the driver's cookie middleware.
"""

import adbc_driver_flightsql
import adbc_driver_flightsql.dbapi as flight_sql
import adbc_driver_manager
import pyarrow as pa
import pytest

DDL = [
    "CREATE DATABASE shop",
    "CREATE TABLE shop.orders (id BIGINT NOT NULL, amount DECIMAL(15,2), note VARCHAR(20))",
    "CREATE VIEW shop.big AS SELECT id, amount FROM shop.orders WHERE amount > 100",
    "INSERT INTO shop.orders VALUES (1, 250.00, 'x'), (2, 50.00, NULL)",
]

# The driver's option that keeps the server's session cookie (USE, SET).
COOKIES = {adbc_driver_flightsql.DatabaseOptions.WITH_COOKIE_MIDDLEWARE.value: "true"}


@pytest.fixture(scope="module")
def conn(quiver_server):
    c = flight_sql.connect(quiver_server.uri, autocommit=True)
    for s in DDL:
        with c.cursor() as cur:
            cur.execute(s)
    yield c
    c.close()


def rows(conn, sql):
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


def shop(objs):
    """The db_schemas of catalog quiver, by name."""
    (cat,) = [c for c in objs if c["catalog_name"] == "quiver"]
    return {s["db_schema_name"]: s for s in cat["catalog_db_schemas"] or []}


@pytest.mark.feature("metadata: catalogs")
def test_get_objects_catalogs(conn):
    objs = conn.adbc_get_objects(depth="catalogs").read_all().to_pylist()
    assert [c["catalog_name"] for c in objs] == ["quiver"]


@pytest.mark.feature("metadata: schemas")
def test_get_objects_db_schemas(conn):
    objs = conn.adbc_get_objects(depth="db_schemas").read_all().to_pylist()
    assert {"main", "shop", "information_schema"} <= set(shop(objs))
    assert all(s["db_schema_tables"] is None for s in shop(objs).values())


@pytest.mark.feature("metadata: tables")
def test_get_objects_tables(conn):
    objs = conn.adbc_get_objects(depth="tables", db_schema_filter="shop").read_all().to_pylist()
    tables = {t["table_name"]: t for t in shop(objs)["shop"]["db_schema_tables"]}
    assert {n: t["table_type"] for n, t in tables.items()} == {"orders": "TABLE", "big": "VIEW"}
    assert all(t["table_columns"] is None for t in tables.values())


@pytest.mark.feature("metadata: tables")
def test_get_objects_table_types_filter(conn):
    objs = conn.adbc_get_objects(depth="tables", db_schema_filter="shop", table_types_filter=["VIEW"]).read_all().to_pylist()
    assert [t["table_name"] for t in shop(objs)["shop"]["db_schema_tables"]] == ["big"]


@pytest.mark.feature("metadata: columns")
def test_get_objects_columns(conn):
    objs = conn.adbc_get_objects(depth="columns", db_schema_filter="shop", table_name_filter="orders").read_all().to_pylist()
    (orders,) = shop(objs)["shop"]["db_schema_tables"]
    cols = [(c["column_name"], c["ordinal_position"], c["xdbc_type_name"]) for c in orders["table_columns"]]
    assert cols == [("id", 1, "BIGINT"), ("amount", 2, "DECIMAL"), ("note", 3, "VARCHAR")]


@pytest.mark.feature("metadata: columns")
def test_get_table_schema(conn):
    schema = conn.adbc_get_table_schema("orders", catalog_filter="quiver", db_schema_filter="shop")
    assert schema.names == ["id", "amount", "note"]
    assert schema.types == [pa.int64(), pa.decimal128(15, 2), pa.string()]
    assert [f.nullable for f in schema] == [False, True, True]
    assert schema.field("amount").metadata[b"ARROW:FLIGHT:SQL:TYPE_NAME"] == b"DECIMAL"


@pytest.mark.feature("metadata: columns")
def test_get_table_schema_of_view(conn):
    schema = conn.adbc_get_table_schema("big", catalog_filter="quiver", db_schema_filter="shop")
    assert schema.names == ["id", "amount"]


@pytest.mark.feature("GetSqlInfo")
def test_get_info(conn):
    info = conn.adbc_get_info()
    assert info["vendor_name"] == "Quiver"
    assert info["vendor_version"]
    assert info["vendor_arrow_version"]


@pytest.mark.feature("SHOW, DESCRIBE, USE, information_schema")
def test_show_tables(conn):
    assert rows(conn, "SHOW TABLES FROM shop") == [("big",), ("orders",)]
    assert rows(conn, "SHOW FULL TABLES FROM shop LIKE 'o%'") == [("orders", "BASE TABLE")]


@pytest.mark.feature("SHOW, DESCRIBE, USE, information_schema")
def test_show_databases(conn):
    assert ("shop",) in rows(conn, "SHOW DATABASES")


@pytest.mark.feature("SHOW, DESCRIBE, USE, information_schema")
def test_describe(conn):
    assert rows(conn, "DESCRIBE shop.orders") == [
        ("id", "bigint", "NO", "", None, ""),
        ("amount", "decimal(15,2)", "YES", "", None, ""),
        ("note", "text", "YES", "", None, ""),
    ]


@pytest.mark.feature("SHOW, DESCRIBE, USE, information_schema")
def test_information_schema_join(conn):
    got = rows(
        conn,
        "SELECT t.table_name, t.table_type, count(*) FROM information_schema.tables t "
        "JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name "
        "WHERE t.table_schema = 'shop' GROUP BY t.table_name, t.table_type ORDER BY 1",
    )
    assert got == [("big", "VIEW", 2), ("orders", "BASE TABLE", 3)]


@pytest.mark.feature("SHOW, DESCRIBE, USE, information_schema")
def test_session_functions(conn):
    assert rows(conn, "SELECT database(), current_user()") == [("main", "anonymous")]


@pytest.mark.feature("sessions")
def test_use_lasts_with_cookies(quiver_server, conn):
    with flight_sql.connect(quiver_server.uri, db_kwargs=COOKIES, autocommit=True) as c:
        with c.cursor() as cur:
            cur.execute("USE shop")
        assert rows(c, "SELECT database(), count(*) FROM orders") == [("shop", 2)]
    # Without the cookie middleware, every call is a session of its own.
    with conn.cursor() as cur:
        cur.execute("USE shop")
    assert rows(conn, "SELECT database()") == [("main",)]


@pytest.mark.feature("error codes")
def test_use_unknown_database_is_not_found(conn):
    with pytest.raises(adbc_driver_manager.ProgrammingError) as ei:
        with conn.cursor() as cur:
            cur.execute("USE nowhere")
    assert ei.value.status_code == adbc_driver_manager.AdbcStatusCode.NOT_FOUND
