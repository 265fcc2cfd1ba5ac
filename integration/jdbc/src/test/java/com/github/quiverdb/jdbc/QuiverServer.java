package com.github.quiverdb.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * QuiverServer is one real {@code quiver serve --workers 2} on free loopback ports, in a
 * temporary data directory, loaded with TPC-H at scale factor 0.01 by {@code quiver tpch}
 * (a Go client, so the tables exist before any JDBC call). One server serves the whole test
 * run: the {@link Extension} keeps it in JUnit's root store, which closes it (SIGTERM, then
 * SIGKILL) when the run ends.
 *
 * <p>The binary is {@code $QUIVER_BIN}, else the system property {@code quiver.bin} (the
 * pom sets it to ../../bin/quiver). Every wait has a deadline; nothing asserts a duration.
 */
public final class QuiverServer implements AutoCloseable {
  private static final String READY_MSG = "serving Flight SQL";
  private static final Pattern ADDR = Pattern.compile("\"addr\":\"([^\"]+)\"");
  private static final long READY_TIMEOUT_S = 120;
  private static final long STOP_GRACE_S = 20;
  private static final long LOAD_TIMEOUT_S = 300;
  private static final int LOG_TAIL = 60;

  private final Process process;
  private final Path dataDir;
  private final Path logFile;
  private final Deque<String> tail = new ArrayDeque<>();
  private final String addr;

  private QuiverServer(Path bin, Path dataDir, Path logFile, List<String> flags) throws IOException, InterruptedException {
    this.dataDir = dataDir;
    this.logFile = logFile;
    List<String> cmd =
        new ArrayList<>(List.of(bin.toString(), "serve", "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0", "--data-dir", dataDir.resolve("data").toString(), "--workers", "2"));
    cmd.addAll(flags);
    process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String[] ready = new String[1];
    Thread reader = new Thread(() -> readLog(ready), "quiver-serve-log");
    reader.setDaemon(true);
    reader.start();
    addr = awaitReady(ready);
  }

  /** Starts the run's server and loads TPC-H SF 0.01 into it. */
  static QuiverServer start() throws Exception {
    QuiverServer s = startBare("serve", List.of());
    try {
      s.loadTpch(binary(), s.logFile.resolveSibling("tpch-load.log"));
    } catch (Exception e) {
      s.close();
      throw e;
    }
    return s;
  }

  /**
   * Starts a server of its own with extra {@code quiver serve} flags and no data; name names
   * its log file. The caller closes it.
   */
  static QuiverServer startBare(String name, List<String> flags) throws Exception {
    Path dir = Files.createTempDirectory("quiver-jdbc-");
    Path logs = Path.of(System.getProperty("quiver.logdir", dir.toString()));
    Files.createDirectories(logs);
    return new QuiverServer(binary(), dir, logs.resolve(name + ".log"), flags);
  }

  private static Path binary() {
    String p = System.getenv("QUIVER_BIN");
    if (p == null || p.isEmpty()) {
      p = System.getProperty("quiver.bin");
    }
    if (p == null || p.isEmpty()) {
      throw new IllegalStateException("set QUIVER_BIN to the quiver binary (make build makes bin/quiver)");
    }
    Path bin = Path.of(p).toAbsolutePath().normalize();
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException("quiver binary " + bin + " is missing: run `make build` or set QUIVER_BIN");
    }
    return bin;
  }

  private void readLog(String[] ready) {
    try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
        BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        log.println(line);
        synchronized (this) {
          tail.addLast(line);
          if (tail.size() > LOG_TAIL) {
            tail.removeFirst();
          }
          if (ready[0] == null && line.contains("\"msg\":\"" + READY_MSG + "\"")) {
            ready[0] = line;
          }
          notifyAll();
        }
      }
    } catch (IOException e) {
      // The process ended; awaitReady and close report it.
    }
  }

  private synchronized String awaitReady(String[] ready) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_S);
    while (ready[0] == null) {
      if (!process.isAlive() && ready[0] == null) {
        wait(200); // let the reader drain the last lines
        if (ready[0] == null) {
          throw new IllegalStateException("quiver serve exited (" + process.exitValue() + ") before serving:\n" + tail());
        }
        break;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        process.destroyForcibly();
        throw new IllegalStateException("quiver serve did not log \"" + READY_MSG + "\" within " + READY_TIMEOUT_S + " s:\n" + tail());
      }
      wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
    }
    Matcher m = ADDR.matcher(ready[0]);
    if (!m.find()) {
      throw new IllegalStateException("ready line without addr: " + ready[0]);
    }
    return m.group(1);
  }

  private void loadTpch(Path bin, Path log) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(bin.toString(), "tpch", "--sf", "0.01", "--addr", addr, "--out", dataDir.resolve("tpch").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(LOAD_TIMEOUT_S, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("quiver tpch did not finish within " + LOAD_TIMEOUT_S + " s; see " + log);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("quiver tpch failed (" + p.exitValue() + "):\n" + Files.readString(log));
    }
  }

  /** The Flight SQL address, host:port. */
  public String addr() {
    return addr;
  }

  /** The JDBC URL of the server: plaintext, no credentials. */
  public String url() {
    return "jdbc:arrow-flight-sql://" + addr + "/?useEncryption=false";
  }

  /** Opens a new JDBC connection that logs in as user; the caller closes it. */
  public Connection connect(String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection(url(), p);
  }

  /** Opens a new JDBC connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }

  /** The last lines the server logged. */
  public synchronized String tail() {
    return String.join("\n", tail);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(STOP_GRACE_S, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Extension resolves {@link QuiverServer} parameters with the run's one server, started
   * on first use. A server that failed to start fails every later test at once, with the
   * same cause, instead of being started again.
   */
  public static final class Extension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(QuiverServer.class);

    /** The outcome of the one start: a server or why there is none. Closes the server. */
    private record Started(QuiverServer server, Exception error) implements AutoCloseable {
      @Override
      public void close() throws InterruptedException {
        if (server != null) {
          server.close();
        }
      }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == QuiverServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      Started s =
          c.getRoot()
              .getStore(NS)
              .getOrComputeIfAbsent(
                  Started.class,
                  k -> {
                    try {
                      return new Started(start(), null);
                    } catch (Exception e) {
                      return new Started(null, e);
                    }
                  },
                  Started.class);
      if (s.error() != null) {
        throw new IllegalStateException("start quiver serve: " + s.error().getMessage(), s.error());
      }
      return s.server();
    }
  }
}
