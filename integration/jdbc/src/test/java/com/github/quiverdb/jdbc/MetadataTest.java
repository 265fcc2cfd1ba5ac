package com.github.quiverdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link DatabaseMetaData} over the TPC-H tables the server was loaded with. */
class MetadataTest extends JdbcTest {

  private static List<String> labels(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(md.getColumnLabel(i).toUpperCase());
    }
    return out;
  }

  private static Set<String> column(ResultSet rs, String name) throws SQLException {
    Set<String> out = new TreeSet<>();
    while (rs.next()) {
      out.add(rs.getString(name));
    }
    return out;
  }

  @Test
  @Feature("metadata: catalogs")
  void catalogs() throws SQLException {
    try (ResultSet rs = conn.getMetaData().getCatalogs()) {
      assertEquals(List.of("TABLE_CAT"), labels(rs));
      assertEquals(Set.of("quiver"), column(rs, "TABLE_CAT"));
    }
  }

  @Test
  @Feature("metadata: schemas")
  void schemas() throws SQLException {
    try (ResultSet rs = conn.getMetaData().getSchemas()) {
      assertEquals(List.of("TABLE_SCHEM", "TABLE_CATALOG"), labels(rs));
      assertTrue(column(rs, "TABLE_SCHEM").contains("main"));
    }
    try (ResultSet rs = conn.getMetaData().getSchemas("quiver", "ma%")) {
      assertEquals(Set.of("main"), column(rs, "TABLE_SCHEM"));
    }
  }

  @Test
  @Feature("metadata: tables")
  void tables() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    try (ResultSet rs = md.getTables("quiver", "main", "%", new String[] {"TABLE"})) {
      assertTrue(labels(rs).containsAll(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE")));
      Set<String> names = column(rs, "TABLE_NAME");
      assertTrue(
          names.containsAll(List.of("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier")),
          names.toString());
    }
    try (ResultSet rs = md.getTables(null, null, "nat%", null)) {
      assertTrue(rs.next());
      assertEquals("quiver", rs.getString("TABLE_CAT"));
      assertEquals("main", rs.getString("TABLE_SCHEM"));
      assertEquals("nation", rs.getString("TABLE_NAME"));
      assertEquals("TABLE", rs.getString("TABLE_TYPE"));
      assertFalse(rs.next());
    }
    try (ResultSet rs = md.getTables(null, null, "no_such_table", null)) {
      assertFalse(rs.next());
    }
    try (ResultSet rs = md.getTableTypes()) {
      assertTrue(column(rs, "TABLE_TYPE").contains("TABLE"));
    }
  }

  /**
   * Type names getColumns may report for a JDBC type: the driver's own name of the Arrow
   * type, or the server's SQL name from the column metadata (ARROW:FLIGHT:SQL:TYPE_NAME).
   */
  private static final Map<Integer, Set<String>> TYPE_NAMES =
      Map.of(
          Types.INTEGER, Set.of("INTEGER", "INT"),
          Types.BIGINT, Set.of("BIGINT"),
          Types.DECIMAL, Set.of("DECIMAL"),
          Types.VARCHAR, Set.of("VARCHAR"),
          Types.DATE, Set.of("DATE"),
          Types.TIMESTAMP, Set.of("TIMESTAMP", "DATETIME"),
          Types.BOOLEAN, Set.of("BOOLEAN", "BOOL"));

  /** getColumns: names in order, JDBC types, type names and nullability of lineitem's columns. */
  @Test
  @Feature("metadata: columns")
  void columns() throws SQLException {
    List<String> got = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getColumns(null, "main", "lineitem", "%")) {
      while (rs.next()) {
        String name = rs.getString("COLUMN_NAME");
        assertEquals("lineitem", rs.getString("TABLE_NAME"));
        assertEquals(got.size() + 1, rs.getInt("ORDINAL_POSITION"));
        int nullable = rs.getInt("NULLABLE");
        String isNullable = rs.getString("IS_NULLABLE");
        assertTrue(
            (nullable == DatabaseMetaData.columnNoNulls && "NO".equals(isNullable))
                || (nullable == DatabaseMetaData.columnNullable && "YES".equals(isNullable)),
            name + ": NULLABLE " + nullable + " IS_NULLABLE " + isNullable);
        int type = rs.getInt("DATA_TYPE");
        String typeName = rs.getString("TYPE_NAME");
        assertTrue(TYPE_NAMES.getOrDefault(type, Set.of()).contains(typeName), name + ": type " + type + " named " + typeName);
        got.add(name + " " + type);
      }
    }
    int i = Types.INTEGER;
    int dec = Types.DECIMAL;
    int str = Types.VARCHAR;
    int date = Types.DATE;
    assertEquals(
        List.of(
            "l_orderkey " + Types.BIGINT, "l_partkey " + i, "l_suppkey " + i, "l_linenumber " + i,
            "l_quantity " + dec, "l_extendedprice " + dec, "l_discount " + dec, "l_tax " + dec,
            "l_returnflag " + str, "l_linestatus " + str,
            "l_shipdate " + date, "l_commitdate " + date, "l_receiptdate " + date,
            "l_shipinstruct " + str, "l_shipmode " + str, "l_comment " + str),
        got);
    // A pattern on the column name.
    try (ResultSet rs = conn.getMetaData().getColumns(null, null, "nation", "n_reg%")) {
      assertEquals(Set.of("n_regionkey"), column(rs, "COLUMN_NAME"));
    }
  }

  /** Nullability of a table made by DDL: NOT NULL columns say so. */
  @Test
  @Feature({"metadata: columns", "DDL/DML update count"})
  void columnsOfDdlTable() throws SQLException {
    String t = uniqueTable("jdbc_cols");
    update("CREATE TABLE " + t + " (k BIGINT NOT NULL, v VARCHAR(10), ts DATETIME, ok BOOLEAN)");
    List<String> got = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getColumns(null, null, t, null)) {
      while (rs.next()) {
        got.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " " + rs.getString("IS_NULLABLE"));
      }
    }
    assertEquals(
        List.of("k " + Types.BIGINT + " NO", "v " + Types.VARCHAR + " YES", "ts " + Types.TIMESTAMP + " YES", "ok " + Types.BOOLEAN + " YES"),
        got);
  }

  /** getTypeInfo: the types of the columns above are among it. */
  @Test
  @Feature("metadata: type info")
  void typeInfo() throws SQLException {
    Set<Integer> types = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    try (ResultSet rs = conn.getMetaData().getTypeInfo()) {
      assertTrue(labels(rs).containsAll(List.of("TYPE_NAME", "DATA_TYPE", "PRECISION", "NULLABLE")));
      while (rs.next()) {
        types.add(rs.getInt("DATA_TYPE"));
        names.add(rs.getString("TYPE_NAME"));
      }
    }
    if (types.isEmpty()) {
      // Driver 18.3.0 does not override getTypeInfo: Avatica's default answers an empty
      // result without asking the server (GetXdbcTypeInfo).
      abort("the driver's getTypeInfo is empty: it does not call GetXdbcTypeInfo");
    }
    for (int t : new int[] {Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.DECIMAL, Types.DATE, Types.DOUBLE}) {
      assertTrue(types.contains(t), "type info lacks java.sql.Types " + t + ": " + names);
    }
  }

  /** TPC-H tables here have no declared primary key: the answer is empty, with JDBC's columns. */
  @Test
  @Feature("metadata: primary keys")
  void primaryKeys() throws SQLException {
    try (ResultSet rs = conn.getMetaData().getPrimaryKeys(null, null, "nation")) {
      if (rs.getMetaData().getColumnCount() == 0) {
        // Seen with driver 18.3.0: an empty metadata result has no columns, although the
        // server sends the GetPrimaryKeys schema and one batch of zero rows.
        assertFalse(rs.next());
        abort("the driver's empty metadata result has no columns");
      }
      assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"), labels(rs));
      assertFalse(rs.next());
    }
  }

  /** Server facts from GetSqlInfo through DatabaseMetaData. */
  @Test
  @Feature("GetSqlInfo")
  void sqlInfo() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    assertEquals("Quiver", md.getDatabaseProductName());
    assertFalse(md.getDatabaseProductVersion().isEmpty());
    assertTrue(md.getDriverVersion().startsWith("18.3"), md.getDriverVersion());
    assertEquals("`", md.getIdentifierQuoteString());
    assertFalse(md.isReadOnly());
  }

  /** Transactions when the server advertises them; otherwise the feature is unsupported. */
  @Test
  @Feature("transactions")
  void transactions() throws SQLException {
    assumeTrue(conn.getMetaData().supportsTransactions(), "the server does not advertise transactions (SqlInfo)");
    String t = uniqueTable("jdbc_tx");
    update("CREATE TABLE " + t + " (a INT)");
    conn.setAutoCommit(false);
    update("INSERT INTO " + t + " VALUES (1)");
    conn.rollback();
    if (scalarLong("SELECT count(*) FROM " + t) == 1) {
      // Driver 18.3.0: ArrowFlightMetaImpl.commit and rollback do nothing, and autocommit
      // off begins no transaction, so the INSERT above committed on its own.
      abort("the driver does not implement transactions: a rolled-back INSERT is visible");
    }
    assertEquals(0, scalarLong("SELECT count(*) FROM " + t));
    update("INSERT INTO " + t + " VALUES (2)");
    conn.commit();
    conn.setAutoCommit(true);
    assertEquals(2, scalarLong("SELECT sum(a) FROM " + t));
  }
}
