package com.github.quiverdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TLS (useEncryption=true with the server's CA as tlsRootCerts) and a password login on a
 * server of this class alone, whose every listener serves a self-signed certificate made
 * with openssl for 127.0.0.1: the driver verifies the coordinator and each worker it reads
 * results from (grpc+tls locations).
 */
@ExtendWith(CompatRecorder.class)
class TlsTest {
  private static final String PASSWORD = "jdbc-tls-s3cret";
  private static QuiverServer server;
  private static Path cert;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("quiver-jdbc-tls-");
    cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process p =
        new ProcessBuilder(
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-keyout", key.toString(), "-out", cert.toString(), "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl could not make a test certificate");
    }
    server =
        QuiverServer.startBare(
            "serve-tls",
            List.of("--tls-cert", cert.toString(), "--tls-key", key.toString(), "--tls-ca", cert.toString(),
                "--auth", "password", "--admin-password", PASSWORD));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  private static String url(boolean encrypted) {
    if (!encrypted) {
      return "jdbc:arrow-flight-sql://" + server.addr() + "/?useEncryption=false";
    }
    return "jdbc:arrow-flight-sql://" + server.addr() + "/?useEncryption=true&tlsRootCerts=" + cert;
  }

  private static Connection connect(boolean encrypted) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "admin");
    p.setProperty("password", PASSWORD);
    return DriverManager.getConnection(url(encrypted), p);
  }

  @Test
  @Feature("TLS")
  void queriesOverTls() throws SQLException {
    try (Connection c = connect(true); Statement s = c.createStatement()) {
      assertEquals(0, s.executeUpdate("CREATE TABLE tls_t (a INT)"));
      assertEquals(3, s.executeUpdate("INSERT INTO tls_t VALUES (1), (2), (3)"));
      try (ResultSet rs = s.executeQuery("SELECT sum(a) FROM tls_t")) {
        assertTrue(rs.next());
        assertEquals(6, rs.getLong(1));
      }
    }
  }

  @Test
  @Feature("TLS")
  void plaintextIsRefused() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection c = connect(false); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1").close();
              }
            });
    assertTrue(e.getMessage() != null, "a plaintext client gets an error");
  }
}
