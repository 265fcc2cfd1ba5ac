package com.github.quiverdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Password logins (--auth password) through the driver's user and password properties, on a
 * server of this class alone.
 */
@ExtendWith(CompatRecorder.class)
class AuthTest {
  private static final String PASSWORD = "jdbc-s3cret";
  private static QuiverServer server;

  @BeforeAll
  static void start() throws Exception {
    server = QuiverServer.startBare("serve-auth", List.of("--auth", "password", "--admin-password", PASSWORD));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Feature("authentication")
  void wrongPasswordAndNoCredentialsAreRefused() {
    SQLException e = assertThrows(SQLException.class, () -> server.connect("admin", "wrong").close());
    assertTrue(String.valueOf(e.getMessage()).contains("UNAUTHENTICATED"), e.getMessage());
    SQLException anon =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1").close();
              }
            });
    assertTrue(String.valueOf(anon.getMessage()).contains("authentication required"), anon.getMessage());
  }

  /**
   * A login runs statements and reads their results. The driver logs in again, with a
   * Basic handshake, at every endpoint's location, which is a worker: the worker relays it
   * to the coordinator and accepts the token that comes back.
   */
  @Test
  @Feature("authentication")
  void passwordLoginReadsResults() throws SQLException {
    try (Connection c = server.connect("admin", PASSWORD); Statement s = c.createStatement()) {
      assertEquals(0, s.executeUpdate("CREATE TABLE auth_t (a INT)"));
      assertEquals(2, s.executeUpdate("INSERT INTO auth_t VALUES (1), (2)"));
      // The driver logs in again at the endpoint's worker with the same Basic
      // credentials; the worker relays that login to the coordinator.
      try (ResultSet rs = s.executeQuery("SELECT sum(a) FROM auth_t")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getLong(1));
      }
    }
  }
}
