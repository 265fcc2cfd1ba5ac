package com.github.quiverdb.jdbc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feature names the rows of docs/compatibility.md that a test shows; {@link CompatRecorder}
 * records the test's outcome under each of them for the client "jdbc".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Feature {
  /** The features, spelled as in the report (integration/compatreport). */
  String[] value();
}
