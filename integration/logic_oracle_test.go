package integration

import (
	"context"
	"database/sql/driver"
	"regexp"
	"strings"
	"testing"

	"github.com/duckdb/duckdb-go/v2"
)

// newLogicOracle opens an empty in-memory DuckDB for the logic tests, with
// MySQL's NULL ordering and the MySQL AVG macros of oracleMacros. The corpus
// creates and fills its tables with `statement ok` and `ingest` blocks.
func newLogicOracle(t testing.TB) *oracle {
	t.Helper()
	ctx, cancel := stmtCtx()
	defer cancel()
	return openOracle(t, ctx, "SET threads = 1")
}

// exec runs a statement on the oracle.
func (o *oracle) exec(ctx context.Context, stmt string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, err := o.conn.ExecContext(ctx, stmt)
	return err
}

// ingest appends rows [0, n) of g to table.
func (o *oracle) ingest(table string, g logicGenerator, n int) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.conn.Raw(func(dc any) error {
		app, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", table)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			vals := g.row(i)
			row := make([]driver.Value, len(vals))
			for j, v := range vals {
				row[j] = duckValue(v, g.schema.Field(j).Type)
			}
			if err := app.AppendRow(row...); err != nil {
				app.Close()
				return err
			}
		}
		return app.Close()
	})
}

// oracleRewrites are the only automatic MySQL-to-DuckDB rewrites; they
// apply outside string literals, case-insensitively, where the meaning is
// the same. Everything else that differs is spelled out in the corpus with
// a "-- duckdb:" line or answered literally (query ... mysql).
//
//	STDDEV(x), STD(x)  -> stddev_pop(x)   MySQL's STDDEV is the population one
//	VARIANCE(x)        -> var_pop(x)      likewise
//	a DIV b            -> a // b          integer division truncating toward
//	                                      zero in both (integer operands only)
var oracleRewrites = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`(?i)\b(stddev|std)\s*\(`), "stddev_pop("},
	{regexp.MustCompile(`(?i)\bvariance\s*\(`), "var_pop("},
	{regexp.MustCompile(`(?i)\bdiv\b`), "//"},
}

// oracleRewrite applies oracleRewrites to the parts of q outside '...'
// literals.
func oracleRewrite(q string) string {
	var b strings.Builder
	for i, part := range splitQuoted(q) {
		if i%2 == 1 { // a literal, quotes included
			b.WriteString(part)
			continue
		}
		for _, r := range oracleRewrites {
			part = r.re.ReplaceAllString(part, r.repl)
		}
		b.WriteString(part)
	}
	return b.String()
}

// splitQuoted splits q into alternating non-literal and '...' literal parts
// (even indexes outside literals).
func splitQuoted(q string) []string {
	var parts []string
	start, in := 0, false
	for i := 0; i < len(q); i++ {
		if q[i] != '\'' {
			continue
		}
		if in {
			if i+1 < len(q) && q[i+1] == '\'' {
				i++
				continue
			}
			parts = append(parts, q[start:i+1])
			start, in = i+1, false
		} else {
			parts = append(parts, q[start:i])
			start, in = i, true
		}
	}
	return append(parts, q[start:])
}

// oracleText is the SQL the oracle runs for b.
func (b *logicBlock) oracleText() string {
	if b.oracleSQL != "" {
		return b.oracleSQL
	}
	return oracleRewrite(b.sql)
}
