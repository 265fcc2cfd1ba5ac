package com.github.quiverdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/** ResultSet getters on NULLs, a large streamed result, and Statement.cancel. */
class ResultSetTest extends JdbcTest {

  /** Every getter on a NULL of each type: Java's zero value or null, and wasNull. */
  @Test
  @Feature("NULLs")
  void gettersOnNulls() throws SQLException {
    String t = uniqueTable("jdbc_nulls");
    update("CREATE TABLE " + t + " (i INT, l BIGINT, s VARCHAR(10), d DECIMAL(10,2), dt DATE, ts DATETIME, b BOOLEAN, f DOUBLE)");
    update("INSERT INTO " + t + " VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (7, 8, 'x', 1.50, '2024-01-02', '2024-01-02 03:04:05', true, 0.5)");
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT i, l, s, d, dt, ts, b, f FROM " + t + " ORDER BY i")) {
      assertTrue(rs.next());
      assertEquals(0, rs.getInt("i"));
      assertTrue(rs.wasNull());
      assertEquals(0L, rs.getLong("l"));
      assertTrue(rs.wasNull());
      assertNull(rs.getString("s"));
      assertTrue(rs.wasNull());
      assertNull(rs.getBigDecimal("d"));
      assertTrue(rs.wasNull());
      assertNull(rs.getDate("dt"));
      assertTrue(rs.wasNull());
      assertNull(rs.getTimestamp("ts"));
      assertTrue(rs.wasNull());
      assertFalse(rs.getBoolean("b"));
      assertTrue(rs.wasNull());
      assertEquals(0.0, rs.getDouble("f"));
      assertTrue(rs.wasNull());
      assertNull(rs.getObject("i"));

      assertTrue(rs.next());
      assertEquals(7, rs.getInt("i"));
      assertFalse(rs.wasNull());
      assertEquals("x", rs.getString("s"));
      assertFalse(rs.wasNull());
      assertEquals(new BigDecimal("1.50"), rs.getBigDecimal("d"));
      assertTrue(rs.getBoolean("b"));
      assertFalse(rs.wasNull());
      assertFalse(rs.next());
    }
  }

  /** NULLs out of expressions: an outer join's missing side and NULL literals. */
  @Test
  @Feature({"NULLs", "statement query"})
  void nullsFromQueries() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT r_name, n_name FROM region LEFT JOIN nation ON n_regionkey = r_regionkey AND n_name = 'FRANCE' ORDER BY r_name")) {
      int rows = 0;
      int nulls = 0;
      while (rs.next()) {
        rows++;
        rs.getString(2);
        if (rs.wasNull()) {
          nulls++;
        }
      }
      assertEquals(5, rows);
      assertEquals(4, nulls);
    }
  }

  /** ResultSetMetaData of a query: JDBC types, decimal precision and scale, names. */
  @Test
  @Feature({"metadata: columns", "statement query"})
  void resultSetMetaData() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT l_orderkey, l_extendedprice, l_shipdate, l_comment FROM lineitem LIMIT 1")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(4, md.getColumnCount());
      assertEquals("l_extendedprice", md.getColumnName(2));
      assertEquals(Types.BIGINT, md.getColumnType(1));
      assertEquals(Types.DECIMAL, md.getColumnType(2));
      assertEquals(15, md.getPrecision(2));
      assertEquals(2, md.getScale(2));
      assertEquals(Types.DATE, md.getColumnType(3));
      assertEquals(Types.VARCHAR, md.getColumnType(4));
      assertTrue(rs.next());
    }
  }

  /**
   * At least a million rows (lineitem x nation), streamed from the workers' endpoints and
   * counted here: the count and a column sum equal what the server computes.
   */
  @Test
  @Feature("large result")
  void millionRows() throws SQLException {
    long lineitems = scalarLong("SELECT count(*) FROM lineitem");
    long want = lineitems * 25;
    assertTrue(want >= 1_000_000, "lineitem x nation has only " + want + " rows");
    long n = 0;
    long keys = 0;
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT l_orderkey, l_comment, n_nationkey FROM lineitem CROSS JOIN nation")) {
      while (rs.next()) {
        n++;
        keys += rs.getInt(3);
      }
    }
    assertEquals(want, n);
    assertEquals(lineitems * 300, keys); // 0 + 1 + ... + 24 per lineitem row
  }

  /**
   * Statement.cancel from another thread while this one streams a large result: the read
   * ends with an SQLException before the end, and the connection answers afterwards.
   */
  @Test
  @Feature("cancel")
  void cancelFromAnotherThread() throws Exception {
    long total;
    long read = 0;
    try (Statement s = conn.createStatement()) {
      total = scalarLong("SELECT count(*) FROM lineitem") * 25;
      ResultSet rs = s.executeQuery("SELECT l_orderkey, l_comment, n_nationkey FROM lineitem CROSS JOIN nation");
      assertTrue(rs.next());
      read++;
      Thread canceller = new Thread(() -> {
        try {
          s.cancel();
        } catch (SQLException e) {
          throw new RuntimeException(e);
        }
      });
      canceller.start();
      canceller.join();
      long r = read;
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                long k = r;
                while (rs.next()) {
                  k++;
                }
                throw new AssertionError("read all " + k + " of " + total + " rows after the cancel");
              });
      assertTrue(e.getMessage().toLowerCase().contains("cancel"), e.getMessage());
    }
    assertEquals(5, scalarLong("SELECT count(*) FROM region"));
  }
}
