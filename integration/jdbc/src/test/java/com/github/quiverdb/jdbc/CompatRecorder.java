package com.github.quiverdb.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * CompatRecorder appends one JSON line per {@link Feature} of each finished test to
 * {@code $QUIVER_COMPAT_DIR/jdbc.jsonl} (default: the pom's quiver.compat.dir, build/compat
 * at the repository root): client, client version, feature, test, result and a message.
 *
 * <p>The result is "pass" when the test passed; "unsupported" when it was aborted (an
 * assumption failed: the server said it lacks the feature) or failed with the server's
 * UNIMPLEMENTED; "fail" otherwise.
 */
public final class CompatRecorder implements TestWatcher {
  static final String CLIENT = "jdbc";
  private static final int MAX_MESSAGE = 300;

  @Override
  public void testSuccessful(ExtensionContext c) {
    record(c, "pass", "");
  }

  @Override
  public void testAborted(ExtensionContext c, Throwable cause) {
    record(c, "unsupported", message(cause));
  }

  @Override
  public void testFailed(ExtensionContext c, Throwable cause) {
    record(c, unimplemented(cause) ? "unsupported" : "fail", message(cause));
  }

  @Override
  public void testDisabled(ExtensionContext c, Optional<String> reason) {
    record(c, "unsupported", reason.orElse("disabled"));
  }

  /**
   * Whether the server answered UNIMPLEMENTED somewhere in the cause chain. The driver's
   * Flight classes are relocated inside its jar, so the status is read by name.
   */
  static boolean unimplemented(Throwable t) {
    for (; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals("FlightRuntimeException")) {
        try {
          Object status = t.getClass().getMethod("status").invoke(t);
          Object code = status.getClass().getMethod("code").invoke(status);
          if (String.valueOf(code).equals("UNIMPLEMENTED")) {
            return true;
          }
        } catch (ReflectiveOperationException e) {
          return false;
        }
      }
    }
    return false;
  }

  private static String message(Throwable t) {
    if (t == null) {
      return "";
    }
    String m = t.getClass().getSimpleName() + ": " + t.getMessage();
    return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
  }

  private static void record(ExtensionContext c, String result, String message) {
    Feature f = c.getRequiredTestMethod().getAnnotation(Feature.class);
    if (f == null) {
      return;
    }
    String test = c.getRequiredTestClass().getSimpleName() + "." + c.getRequiredTestMethod().getName();
    StringBuilder lines = new StringBuilder();
    for (String feature : f.value()) {
      lines.append('{')
          .append(field("client", CLIENT)).append(',')
          .append(field("version", driverVersion())).append(',')
          .append(field("feature", feature)).append(',')
          .append(field("test", test)).append(',')
          .append(field("result", result)).append(',')
          .append(field("message", message))
          .append("}\n");
    }
    append(lines.toString());
  }

  private static synchronized void append(String lines) {
    String dir = System.getenv("QUIVER_COMPAT_DIR");
    if (dir == null || dir.isEmpty()) {
      dir = System.getProperty("quiver.compat.dir", "build/compat");
    }
    try {
      Path d = Path.of(dir);
      Files.createDirectories(d);
      Files.writeString(d.resolve(CLIENT + ".jsonl"), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("compat record", e);
    }
  }

  /** The driver's version as the pom pins it (quiver.jdbc.version). */
  private static String driverVersion() {
    return System.getProperty("quiver.jdbc.version", "");
  }

  private static String field(String k, String v) {
    return quote(k) + ':' + quote(v);
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
