package com.github.quiverdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The statements people type in a JDBC tool, and the session that USE changes. */
class SessionTest extends JdbcTest {

  /** USE lasts for the connection (the driver keeps the session cookie) and no longer. */
  @Test
  @Feature({"sessions", "SHOW, DESCRIBE, USE, information_schema"})
  void useLastsForTheConnection() throws SQLException {
    String db = uniqueTable("jdbc_db");
    update("CREATE DATABASE " + db);
    update("CREATE TABLE " + db + ".sess_t (a INT)");
    update("INSERT INTO " + db + ".sess_t VALUES (1), (2)");
    try (Statement s = conn.createStatement()) {
      s.execute("USE " + db);
    }
    assertEquals(2, scalarLong("SELECT count(*) FROM sess_t"));
    assertEquals(2, scalarLong("SELECT count(*) FROM sess_t")); // and on the next call too
    try (Connection other = server.connect(); Statement s = other.createStatement()) {
      assertThrows(SQLException.class, () -> s.executeQuery("SELECT count(*) FROM sess_t").close());
    }
  }

  @Test
  @Feature("SHOW, DESCRIBE, USE, information_schema")
  void showAndInformationSchema() throws SQLException {
    Set<String> shown = new TreeSet<>();
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SHOW TABLES")) {
      while (rs.next()) {
        shown.add(rs.getString(1));
      }
    }
    assertTrue(shown.containsAll(Set.of("lineitem", "nation", "region")), shown.toString());
    Set<String> listed = new TreeSet<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'region'")) {
      while (rs.next()) {
        listed.add(rs.getString(1));
      }
    }
    assertEquals(Set.of("r_regionkey", "r_name", "r_comment"), listed);
  }
}
