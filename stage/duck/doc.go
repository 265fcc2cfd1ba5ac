// Package duck is Quiver's DuckDB dialect: it owns every difference between
// the MySQL semantics users write (and the planner keeps) and the DuckDB SQL
// a worker runs. DuckDB only runs what this package renders; user SQL never
// reaches it.
//
// It owns:
//
//   - Rendering a fragment (a stage.Plan of one task) as one SELECT
//     (RenderTask, RenderPlan): NULL ordering, integer and decimal division,
//     MySQL's rounding, string positions and date units, and a cast of every
//     computed value to the type the planner promised (render.go,
//     functions.go, join.go, window.go).
//   - The one table from Arrow types to DuckDB types (DuckType), used by the
//     rendered casts, the worker's input tables and the files it writes, so
//     that a value keeps its exact type, timestamp unit included, through
//     every table and file.
//   - Names and quoting: the columns c0..cN-1 of every rendered relation
//     (Column), the trailing partition column of a Normal output
//     (PartitionColumn), the input tables (InputTable), and the one quoting
//     of identifiers and strings (QuoteIdent, QuoteString).
//   - The statements a worker runs besides a fragment: session setup, input
//     tables and their inserts, COPY to Parquet, memory usage
//     (statements.go).
//
// It imports stage for plan nodes and expressions, never the other way
// round; stage/exec executes what it renders and builds no SQL of its own.
// The binder asks it which functions it renders (RendersCall) and which
// DATE_FORMAT specifiers it can translate (DateFormatParts).
package duck
