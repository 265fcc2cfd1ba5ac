"""Privileges through adbc_driver_flightsql with --auth none (the default):
the anonymous principal may do everything, and GRANT, roles and SHOW
GRANTS work as statements. Refusals of users without privileges need
logins (--auth password).
"""

import adbc_driver_flightsql.dbapi as flight_sql
import adbc_driver_manager
import pytest


def rows(conn, sql):
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


def test_grants_under_auth_none(quiver_server):
    with flight_sql.connect(quiver_server.uri, autocommit=True) as conn:
        for sql in [
            "CREATE TABLE py_priv (a BIGINT)",
            "INSERT INTO py_priv VALUES (1)",
            "CREATE USER py_user IDENTIFIED BY 'py-user-pw'",
            "CREATE ROLE py_reader",
            "GRANT SELECT ON main.py_priv TO py_reader",
            "GRANT py_reader TO py_user",
            "GRANT INSERT ON main.* TO py_user",
        ]:
            with conn.cursor() as cur:
                cur.execute(sql)
        assert rows(conn, "SHOW GRANTS FOR py_user") == [
            ("GRANT INSERT ON `main`.* TO `py_user`",),
            ("GRANT `py_reader` TO `py_user`",),
        ]
        assert rows(conn, "SHOW GRANTS FOR py_reader") == [("GRANT SELECT ON `main`.`py_priv` TO `py_reader`",)]
        assert rows(conn, "SELECT count(*) FROM py_priv") == [(1,)]
        with pytest.raises(adbc_driver_manager.ProgrammingError, match="privilege ALTER"):
            rows(conn, "GRANT ALTER ON main.py_priv TO py_user")
