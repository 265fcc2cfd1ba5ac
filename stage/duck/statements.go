package duck

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// The statements a worker runs besides a rendered fragment. Each is DuckDB
// SQL over names this package makes (InputTable, Column) or quotes.

// DatabaseSetup are the statements a database runs once, when it opens,
// before any connection queries it: functions of TIMESTAMPTZ values (casts,
// date parts) work in UTC whatever the machine's zone, and DuckDB labels
// the zone of its Arrow output UTC, as the catalog does. The TimeZone
// setting belongs to the bundled icu extension. A worker streams input
// exchanges into a fragment through a table function that can be read
// once (InputFunction), so no optimizer may scan one source twice:
// DuckDB's window_self_join rewrites a window aggregate over PARTITION BY
// into a join of its input with its grouped aggregate, two scans of the
// input. The settings are global, so every connection has them; loading
// the extension on each new connection instead raced with the queries of
// the others (a SIGSEGV in DuckDB's prepare of LOAD icu, seen in CI).
var DatabaseSetup = []string{"LOAD icu", "SET GLOBAL TimeZone = 'UTC'", "SET GLOBAL disabled_optimizers = 'window_self_join'"}

// SetTempLimit sets the most bytes DuckDB's temporary files may take
// (size as DuckDB reads it, e.g. "20GB"). It is a statement run once the
// database is open: given in the connection string together with
// temp_directory, DuckDB 1.5 reports the setting but does not enforce it.
func SetTempLimit(size string) string {
	return "SET GLOBAL max_temp_directory_size = " + QuoteString(size)
}

// SetMemoryLimit is the statement that sets DuckDB's memory_limit to bytes.
func SetMemoryLimit(bytes int64) string {
	return "SET GLOBAL memory_limit = " + QuoteString(strconv.FormatInt(bytes, 10)+" bytes")
}

// MemoryLimitSetting is a query of one row: DuckDB's memory_limit as it
// prints it ("12.5 GiB").
const MemoryLimitSetting = "SELECT current_setting('memory_limit')"

// MemoryUsage is a query of one row: the bytes the database holds in memory
// and in its own temporary files, both BIGINT.
const MemoryUsage = "SELECT CAST(sum(memory_usage_bytes) AS BIGINT), CAST(sum(temporary_storage_bytes) AS BIGINT) FROM duckdb_memory()"

// CreateInputTable creates the temp table name with columns c0..cN-1 of
// schema's types (DuckType): how rendered SQL reads an input exchange.
func CreateInputTable(name string, schema *arrow.Schema) (string, error) {
	cols := make([]string, schema.NumFields())
	for i, f := range schema.Fields() {
		typ, err := DuckType(f.Type)
		if err != nil {
			return "", err
		}
		cols[i] = QuoteIdent(Column(i)) + " " + typ
	}
	return "CREATE TEMP TABLE " + QuoteIdent(name) + " (" + strings.Join(cols, ", ") + ")", nil
}

// InputView is the name of the Arrow view through which an input exchange
// streams into its table.
func InputView(table string) string { return table + "_view" }

// InsertFromView copies every row and column of view into table. A view
// of an Arrow stream must be read this way, once and whole (NOTES.md).
func InsertFromView(table, view string) string {
	return "INSERT INTO " + QuoteIdent(table) + " SELECT * FROM " + QuoteIdent(view)
}

// DropTable drops a table if it exists.
func DropTable(name string) string { return "DROP TABLE IF EXISTS " + QuoteIdent(name) }

// DropView drops a view if it exists.
func DropView(name string) string { return "DROP VIEW IF EXISTS " + QuoteIdent(name) }

// CopyToParquet writes the rows of query (a rendered fragment, columns
// c0..cN-1) to one Parquet file at path: snappy, row groups of rowGroupRows,
// each column cast to its type in schema and named as schema names it.
func CopyToParquet(query string, schema *arrow.Schema, path string, rowGroupRows int) (string, error) {
	items := make([]string, schema.NumFields())
	aliases := make([]string, schema.NumFields())
	for i, f := range schema.Fields() {
		typ, err := DuckType(f.Type)
		if err != nil {
			return "", err
		}
		aliases[i] = QuoteIdent(Column(i))
		items[i] = "CAST(t." + aliases[i] + " AS " + typ + ") AS " + QuoteIdent(f.Name)
	}
	return fmt.Sprintf("COPY (SELECT %s FROM (%s) AS t(%s)) TO %s (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE %d)",
		strings.Join(items, ", "), query, strings.Join(aliases, ", "), QuoteString(path), rowGroupRows), nil
}
