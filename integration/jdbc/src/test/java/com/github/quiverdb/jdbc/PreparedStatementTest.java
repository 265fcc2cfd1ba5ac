package com.github.quiverdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PreparedStatement}s with parameters of every type, in queries and in INSERTs. */
class PreparedStatementTest extends JdbcTest {
  private static final String COLUMNS =
      "(i INT, l BIGINT, s VARCHAR(40), d DECIMAL(15,2), dt DATE, b BOOLEAN, f DOUBLE)";
  private static final LocalDate DAY = LocalDate.of(1969, 7, 20);
  // Milliseconds: Avatica carries a Timestamp parameter as epoch milliseconds.
  private static final LocalDateTime INSTANT = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_000_000);

  /** Binds one row of every type (or, with nulls, every parameter NULL) to INSERT ... VALUES (?, ...). */
  private static void bindRow(PreparedStatement ps, int k, boolean nulls) throws SQLException {
    if (nulls) {
      int[] types = {Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.DECIMAL, Types.DATE, Types.BOOLEAN, Types.DOUBLE};
      for (int i = 0; i < types.length; i++) {
        ps.setNull(i + 1, types[i]);
      }
      return;
    }
    ps.setInt(1, -2_000_000_000 + k);
    ps.setLong(2, 9_000_000_000_000_000_000L + k);
    ps.setString(3, "it's row " + k);
    ps.setBigDecimal(4, new BigDecimal("-1234567890123.4" + k));
    ps.setDate(5, Date.valueOf(DAY.plusDays(k)));
    ps.setBoolean(6, k % 2 == 0);
    ps.setDouble(7, 0.25 * k - 1e-3);
  }

  private String typesTable() throws SQLException {
    String t = uniqueTable("jdbc_types");
    update("CREATE TABLE " + t + " " + COLUMNS);
    return t;
  }

  @Test
  @Feature({"prepared statement with parameters", "types round trip", "NULLs"})
  void insertEveryTypeAndReadBack() throws SQLException {
    String t = typesTable();
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int k = 0; k < 2; k++) {
        bindRow(ps, k, false);
        assertEquals(1, ps.executeUpdate());
      }
      bindRow(ps, 0, true);
      assertEquals(1, ps.executeUpdate());
    }
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT i, l, s, d, dt, b, f FROM " + t + " ORDER BY i")) {
      // MySQL order: the NULL row first.
      assertTrue(rs.next());
      for (int c = 1; c <= 7; c++) {
        assertNull(rs.getObject(c), "column " + c + " of the NULL row");
      }
      for (int k = 0; k < 2; k++) {
        assertTrue(rs.next(), "row " + k);
        assertEquals(-2_000_000_000 + k, rs.getInt(1));
        assertEquals(9_000_000_000_000_000_000L + k, rs.getLong(2));
        assertEquals("it's row " + k, rs.getString(3));
        assertEquals(new BigDecimal("-1234567890123.4" + k), rs.getBigDecimal(4));
        assertEquals(Date.valueOf(DAY.plusDays(k)), rs.getDate(5));
        assertEquals(k % 2 == 0, rs.getBoolean(6));
        assertEquals(0.25 * k - 1e-3, rs.getDouble(7));
      }
      assertFalse(rs.next());
    }
  }

  /** Each parameter type in a WHERE clause of a query, and a parameter in the select list. */
  @Test
  @Feature("prepared statement with parameters")
  void queryWithEveryParameterType() throws SQLException {
    String t = typesTable();
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int k = 0; k < 3; k++) {
        bindRow(ps, k, false);
        ps.executeUpdate();
      }
    }
    String sql =
        "SELECT count(*) FROM " + t
            + " WHERE i >= ? AND l > ? AND s <> ? AND d < ? AND dt > ? AND (b = ? OR b IS NULL) AND f > ?";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setInt(1, -2_000_000_000);
      ps.setLong(2, 9_000_000_000_000_000_000L);
      ps.setString(3, "nothing");
      ps.setBigDecimal(4, new BigDecimal("0.01"));
      ps.setDate(5, Date.valueOf(DAY));
      ps.setBoolean(6, true);
      ps.setDouble(7, -1.0);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(1, rs.getLong(1)); // k = 2: l > 9e18, dt after DAY, b true
      }
      // The same statement again with other values.
      ps.setBoolean(6, false);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(1, rs.getLong(1)); // k = 1
      }
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT ? + 1, ?, ?")) {
      ps.setInt(1, 41);
      ps.setString(2, "x");
      ps.setNull(3, Types.INTEGER);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(42, rs.getLong(1));
        assertEquals("x", rs.getString(2));
        // The untyped third marker is a string; driver 18.3.0's getInt of a NULL string
        // throws NumberFormatException, so read it as an object.
        assertNull(rs.getObject(3));
        assertTrue(rs.wasNull());
      }
    }
  }

  /** A parameter bound to NULL compares as SQL's NULL: it matches nothing, not even NULLs. */
  @Test
  @Feature({"prepared statement with parameters", "NULLs"})
  void nullParameterMatchesNothing() throws SQLException {
    String t = typesTable();
    update("INSERT INTO " + t + " VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL), (1, 1, 'a', 1, '2020-01-01', true, 1)");
    try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM " + t + " WHERE i = ? OR s = ?")) {
      ps.setNull(1, Types.INTEGER);
      ps.setNull(2, Types.VARCHAR);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1));
      }
    }
  }

  @Test
  @Feature({"executemany/batch", "prepared statement with parameters"})
  void preparedBatch() throws SQLException {
    String t = typesTable();
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int k = 0; k < 5; k++) {
        bindRow(ps, k, k == 4);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      // JDBC wants one count per row; driver 18.3.0 binds every row in one DoPut and
      // reports the statement's single update count.
      if (counts.length == 1) {
        assertEquals(5, counts[0]);
      } else {
        assertEquals(5, counts.length);
        for (int c : counts) {
          assertTrue(c == 1 || c == Statement.SUCCESS_NO_INFO, "batch count " + c);
        }
      }
    }
    assertEquals(5, scalarLong("SELECT count(*) FROM " + t));
    assertEquals(4, scalarLong("SELECT count(i) FROM " + t));
    List<List<Object>> got = rows("SELECT i FROM " + t + " WHERE i IS NOT NULL ORDER BY i");
    long[] keys = got.stream().mapToLong(r -> ((Number) r.get(0)).longValue()).toArray();
    assertArrayEquals(new long[] {-2_000_000_000L, -1_999_999_999L, -1_999_999_998L, -1_999_999_997L}, keys);
  }

  /**
   * setTimestamp into a DATETIME column and as a query parameter. Driver 18.3.0 writes a
   * Timestamp's epoch milliseconds into the parameter vector whatever its unit
   * (apache/arrow-java#838), so the server advertises timestamp parameters in milliseconds;
   * with microseconds the value would land 1000 times nearer 1970.
   */
  @Test
  @Feature({"prepared statement with parameters", "types round trip"})
  void timestampParameter() throws SQLException {
    String t = uniqueTable("jdbc_ts");
    update("CREATE TABLE " + t + " (k INT, ts DATETIME)");
    Timestamp want = Timestamp.valueOf(INSTANT);
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " VALUES (?, ?)")) {
      ps.setInt(1, 1);
      ps.setTimestamp(2, want);
      assertEquals(1, ps.executeUpdate());
      ps.setInt(1, 2);
      ps.setNull(2, Types.TIMESTAMP);
      assertEquals(1, ps.executeUpdate());
    }
    List<List<Object>> got = rows("SELECT ts FROM " + t + " WHERE k = 1");
    assertEquals(want, got.get(0).get(0));
    try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM " + t + " WHERE ts >= ? AND ts < ?")) {
      ps.setTimestamp(1, want);
      ps.setTimestamp(2, Timestamp.valueOf(INSTANT.plusSeconds(1)));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(1, rs.getLong(1));
      }
    }
  }

  /** The result schema is known after prepare, before execute. */
  @Test
  @Feature({"prepared statement with parameters", "GetSchema"})
  void metadataBeforeExecute() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT n_nationkey, n_name FROM nation WHERE n_regionkey = ?")) {
      var md = ps.getMetaData();
      assertEquals(2, md.getColumnCount());
      assertEquals("n_nationkey", md.getColumnName(1));
      assertEquals(Types.INTEGER, md.getColumnType(1));
      assertEquals(Types.VARCHAR, md.getColumnType(2));
      assertEquals(1, ps.getParameterMetaData().getParameterCount());
      ps.setInt(1, 0);
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(5, rows(rs).size());
      }
    }
  }
}
