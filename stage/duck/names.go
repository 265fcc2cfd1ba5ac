package duck

import (
	"fmt"
	"strings"

	"github.com/quiverdb/quiver/stage"
)

// PartitionColumn is the trailing column that a Normal output's SQL adds:
// DuckDB's hash of each row's keys, whose remainder by the consumer count
// is its partition, so that every worker (all run the same DuckDB) places
// equal keys alike.
const PartitionColumn = "__part"

// Column is the name of column i of every rendered relation: c0..cN-1. The
// planner's column names never reach DuckDB (they may repeat, be empty or
// need quoting); only a written file's columns are named as the table's.
func Column(i int) string { return fmt.Sprintf("c%d", i) }

// InputTable is the temp table that holds a task's input exchange from
// fragment f. Temp tables belong to their connection, but the Arrow views
// that fill them do not: two tasks on one worker that registered views of
// one name at once fail ("could not register arrow view", or a catalog
// write-write conflict), so the name is the task attempt's own: a retry
// may run a task again on its worker while the earlier run still stops.
// DuckDB's C API takes the view's name as it is, and all SQL quotes it
// (QuoteIdent), so the query ID needs no escaping.
func InputTable(spec *stage.TaskSpec, f stage.FragmentID) string {
	return fmt.Sprintf("__quiver_in_%s_%d_%d_a%d_x%d", spec.Query, spec.Task.Fragment, spec.Task.Index, max(spec.Attempt, 1), f)
}

// QuoteIdent quotes a DuckDB identifier: "x", with " doubled.
func QuoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// QuoteString quotes a DuckDB string literal: 'x', with ' doubled. It is
// also the quoting of the statistics literals the catalog keeps, which
// follow SQL's (and MySQL's ANSI) form.
func QuoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// InputFunction is the table function through which a task's SQL reads an
// input exchange as it arrives, instead of its temp table (the worker's
// stage/exec registers it); InputCall is the FROM item that reads the
// stream a task registered as id.
const InputFunction = "quiver_input"

// InputCall is the call of InputFunction that reads stream id.
func InputCall(id int64) string {
	return fmt.Sprintf("%s(%d)", InputFunction, id)
}
