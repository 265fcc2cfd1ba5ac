package com.github.quiverdb.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * JdbcTest is the base of the suite's test classes: each test gets {@link #server} (the
 * run's one {@link QuiverServer}) and a fresh {@link #conn}, closed after it, and its
 * outcome is recorded per {@link Feature} by {@link CompatRecorder}.
 */
@ExtendWith({QuiverServer.Extension.class, CompatRecorder.class})
abstract class JdbcTest {
  private static final AtomicInteger TABLES = new AtomicInteger();

  /** The server under test. */
  protected QuiverServer server;
  /** A connection of this test alone. */
  protected Connection conn;

  @BeforeEach
  void open(QuiverServer server) throws SQLException {
    this.server = server;
    this.conn = server.connect();
  }

  @AfterEach
  void closeConnection() throws SQLException {
    if (conn != null) {
      conn.close();
    }
  }

  /** A table name no other test of the run uses: the tests share one server. */
  protected static String uniqueTable(String prefix) {
    return prefix + "_" + TABLES.incrementAndGet();
  }

  /** Runs sql with Statement.executeUpdate and returns its update count. */
  protected int update(String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  /** Runs sql with Statement.executeQuery and returns every row, each value by getObject. */
  protected List<List<Object>> rows(String sql) throws SQLException {
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  /** Every remaining row of rs, each value by getObject. */
  protected static List<List<Object>> rows(ResultSet rs) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    List<List<Object>> out = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(rs.getObject(i));
      }
      out.add(row);
    }
    return out;
  }

  /** The single long value of a one-row, one-column query. */
  protected long scalarLong(String sql) throws SQLException {
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new AssertionError(sql + ": no row");
      }
      long v = rs.getLong(1);
      if (rs.next()) {
        throw new AssertionError(sql + ": more than one row");
      }
      return v;
    }
  }
}
