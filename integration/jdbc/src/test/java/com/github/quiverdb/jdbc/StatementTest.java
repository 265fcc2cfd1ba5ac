package com.github.quiverdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain {@link Statement}s: queries and update counts. */
class StatementTest extends JdbcTest {

  @Test
  @Feature("statement query")
  void selectOne() throws SQLException {
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
      assertFalse(rs.next());
    }
  }

  /** Nations per region of TPC-H: fixed by the specification at every scale factor. */
  @Test
  @Feature("statement query")
  void joinAggregate() throws SQLException {
    List<List<Object>> got =
        rows(
            "SELECT r_name, count(*) AS nations, sum(n_nationkey) AS key_sum FROM nation JOIN region ON n_regionkey = r_regionkey"
                + " GROUP BY r_name ORDER BY r_name");
    List<List<Object>> want =
        List.of(
            List.of("AFRICA", 5L, new BigDecimal("50")),
            List.of("AMERICA", 5L, new BigDecimal("47")),
            List.of("ASIA", 5L, new BigDecimal("68")),
            List.of("EUROPE", 5L, new BigDecimal("77")),
            List.of("MIDDLE EAST", 5L, new BigDecimal("58")));
    assertEquals(want, got);
  }

  /** Statement.execute of a query: true, and the result set is there. */
  @Test
  @Feature("statement query")
  void executeReturnsResultSet() throws SQLException {
    try (Statement s = conn.createStatement()) {
      assertTrue(s.execute("SELECT count(*) FROM region"));
      try (ResultSet rs = s.getResultSet()) {
        assertTrue(rs.next());
        assertEquals(5, rs.getLong(1));
      }
    }
  }

  /**
   * EXPLAIN and EXPLAIN ANALYZE: the coordinator answers them itself, with an endpoint without
   * a location, which the driver fetches over the connection it has. One column, plan; the
   * root line carries its stage annotation, and ANALYZE adds a line per task.
   */
  @Test
  @Feature("statement query")
  void explain() throws SQLException {
    String q = "SELECT r_name, count(*) FROM nation JOIN region ON n_regionkey = r_regionkey GROUP BY r_name";
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + q)) {
      assertEquals(1, rs.getMetaData().getColumnCount());
      assertEquals("plan", rs.getMetaData().getColumnName(1));
      assertTrue(rs.next());
      assertTrue(rs.getString(1).contains("<- stage 0, result"), rs.getString(1));
    }
    List<List<Object>> analyzed = rows("EXPLAIN ANALYZE " + q);
    assertTrue(analyzed.stream().anyMatch(r -> r.get(0).toString().contains("| task 0.0 on ")), analyzed::toString);
  }

  @Test
  @Feature("DDL/DML update count")
  void updateCounts() throws SQLException {
    String t = uniqueTable("jdbc_upd");
    assertEquals(0, update("CREATE TABLE " + t + " (a INT, s VARCHAR(10))"));
    assertEquals(3, update("INSERT INTO " + t + " VALUES (1, 'x'), (2, 'y'), (NULL, NULL)"));
    assertEquals(1, update("INSERT INTO " + t + " VALUES (4, 'z')"));
    assertEquals(4, scalarLong("SELECT count(*) FROM " + t));
    assertEquals(0, update("DROP TABLE " + t));
  }

  /**
   * Statement.addBatch/executeBatch: one count per statement. Driver 18.3.0 does not
   * implement it (ArrowFlightMetaImpl.prepareAndExecuteBatch returns null and Avatica throws
   * a NullPointerException): the test then records the feature as unsupported.
   */
  @Test
  @Feature("executemany/batch")
  void statementBatch() throws SQLException {
    String t = uniqueTable("jdbc_sbatch");
    update("CREATE TABLE " + t + " (a INT)");
    try (Statement s = conn.createStatement()) {
      s.addBatch("INSERT INTO " + t + " VALUES (1)");
      s.addBatch("INSERT INTO " + t + " VALUES (2), (3)");
      int[] counts;
      try {
        counts = s.executeBatch();
      } catch (NullPointerException e) {
        abort("the driver does not implement Statement.executeBatch: " + e.getMessage());
        return;
      }
      assertEquals(2, counts.length);
      assertEquals(1, counts[0]);
      assertEquals(2, counts[1]);
    }
    assertEquals(3, scalarLong("SELECT count(*) FROM " + t));
  }
}
