package exec

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage/duck"
)

// Load is what a worker reports of itself: what it holds (Stats) and what
// its DuckDB database uses. Unlike Stats it is not zero at rest: DuckDB
// keeps memory between queries.
type Load struct {
	Stats
	DuckDBMemory int64 `json:"duckdb_memory"` // bytes DuckDB holds in memory
	DuckDBTemp   int64 `json:"duckdb_temp"`   // bytes of DuckDB's own temporary files
}

// Load reports the worker's holdings and its engine's memory.
func (w *Worker) Load(ctx context.Context) (Load, error) {
	mem, temp, err := w.engine.Memory(ctx)
	return Load{Stats: w.Stats(), DuckDBMemory: mem, DuckDBTemp: temp}, err
}

// Memory is what the database uses now, summed over duckdb_memory()'s
// components: bytes in memory and bytes of temporary storage. It runs on a
// connection of its own, not counted in OpenConnections (which counts
// tasks' connections).
func (e *Engine) Memory(ctx context.Context) (mem, temp int64, err error) {
	c, err := e.connector.Connect(ctx)
	if err != nil {
		return 0, 0, qerr.ErrUnavailable.Wrap(err, "connect to DuckDB")
	}
	defer c.Close()
	q, ok := c.(driver.QueryerContext)
	if !ok {
		return 0, 0, qerr.ErrInternal.New("DuckDB connection cannot query")
	}
	rows, err := q.QueryContext(ctx, duck.MemoryUsage, nil)
	if err != nil {
		return 0, 0, duckError(err, "read duckdb_memory()")
	}
	defer rows.Close()
	vals := make([]driver.Value, 2)
	if err := rows.Next(vals); err != nil && !errors.Is(err, io.EOF) {
		return 0, 0, duckError(err, "read duckdb_memory()")
	}
	mem, _ = vals[0].(int64)
	temp, _ = vals[1].(int64)
	return mem, temp, nil
}

// MemoryLimit is DuckDB's memory_limit in bytes, to the precision DuckDB
// prints it with (a tenth of its unit).
func (e *Engine) MemoryLimit(ctx context.Context) (int64, error) {
	conn, release, err := e.connect(ctx)
	if err != nil {
		return 0, err
	}
	defer release()
	rows, err := conn.QueryContext(ctx, duck.MemoryLimitSetting, nil)
	if err != nil {
		return 0, duckError(err, "read memory_limit")
	}
	defer rows.Close()
	vals := make([]driver.Value, 1)
	if err := rows.Next(vals); err != nil {
		return 0, duckError(err, "read memory_limit")
	}
	text, _ := vals[0].(string)
	return parseDuckBytes(text)
}

// parseDuckBytes reads a size as DuckDB prints one: a number and a unit
// (bytes, KiB, MiB, GiB, TiB, or their powers of ten, KB to TB).
func parseDuckBytes(text string) (int64, error) {
	num, unit, _ := strings.Cut(strings.TrimSpace(text), " ")
	v, err := strconv.ParseFloat(num, 64)
	scale, ok := map[string]float64{"bytes": 1, "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40,
		"KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12}[unit]
	if err != nil || !ok || v <= 0 {
		return 0, qerr.ErrInternal.New("DuckDB's memory_limit %q is not a size", text)
	}
	return int64(v * scale), nil
}
