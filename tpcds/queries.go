package tpcds

import (
	"context"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/quiverdb/quiver/tpch"
)

//go:embed queries/*.sql
var queryFiles embed.FS

// NQueries is the number of TPC-DS queries.
const NQueries = 99

// mysqlOracle are the queries whose reference answer comes from DuckDB
// running the MySQL text rather than its own: the three whose parameters
// differ between the two sets (q9's threshold 74129 against 74219, q41's
// 'petite' OR 'petite', q99's LOWER(cc_name)).
var mysqlOracle = map[int]bool{9: true, 41: true, 99: true}

// MySQLNullOrder is the DuckDB setting that orders NULLs as MySQL does
// (first in ascending order, last in descending), for the oracle.
const MySQLNullOrder = "default_null_order = 'nulls_first_on_asc_last_on_desc'"

// Text returns the MySQL-dialect text of query n (1..99), without its
// closing semicolon.
func Text(n int) (string, error) {
	b, err := queryFiles.ReadFile(fmt.Sprintf("queries/q%02d.sql", n))
	if err != nil {
		return "", fmt.Errorf("tpcds: no query %d", n)
	}
	return strings.TrimSuffix(strings.TrimSpace(string(b)), ";"), nil
}

// DuckDBText returns DuckDB's own text of query n, which Generate wrote
// into dir.
func DuckDBText(dir string, n int) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "duckdb-queries", fmt.Sprintf("q%02d.sql", n)))
	if err != nil {
		return "", fmt.Errorf("tpcds: DuckDB's text of query %d: %w", n, err)
	}
	return strings.TrimSuffix(strings.TrimSpace(string(b)), ";"), nil
}

// Query returns query n for the data set in dir: the MySQL text that
// Quiver runs, DuckDB's text as the oracle (or the MySQL text, see
// mysqlOracle), and the ORDER BY columns and LIMIT of the answer. d is the
// oracle's DuckDB, asked for the names of the answer's columns (DESCRIBE)
// so that ORDER BY items can be mapped to output positions.
func Query(ctx context.Context, d *tpch.DuckDB, dir string, n int) (tpch.Query, error) {
	text, err := Text(n)
	if err != nil {
		return tpch.Query{}, err
	}
	oracle := text
	if !mysqlOracle[n] {
		if oracle, err = DuckDBText(dir, n); err != nil {
			return tpch.Query{}, err
		}
	}
	desc, _, err := d.Query(ctx, "DESCRIBE "+oracle)
	if err != nil {
		return tpch.Query{}, fmt.Errorf("tpcds: describe query %d on DuckDB: %w", n, err)
	}
	var cols []string
	for _, r := range desc.Rows {
		cols = append(cols, strings.Trim(r[0].Text, "'"))
	}
	items, limit := orderByLimit(text)
	return tpch.Query{N: n, SQL: text, Oracle: oracle, OrderKeys: orderKeys(items, cols), Limit: limit}, nil
}

// Queries returns the 99 queries (see Query).
func Queries(ctx context.Context, d *tpch.DuckDB, dir string) ([]tpch.Query, error) {
	out := make([]tpch.Query, 0, NQueries)
	for n := 1; n <= NQueries; n++ {
		q, err := Query(ctx, d, dir, n)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// topLevel calls f for each byte of sql outside parentheses and quotes,
// with its offset.
func topLevel(sql string, f func(i int)) {
	depth := 0
	var quote byte
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0:
			f(i)
		}
	}
}

var (
	orderByRe = regexp.MustCompile(`(?i)^order\s+by\s`)
	limitRe   = regexp.MustCompile(`(?i)^limit\s+(\d+)\s*$`)
	wordStart = regexp.MustCompile(`(?i)^\s`)
)

// orderByLimit returns the items of the outermost ORDER BY of sql and its
// LIMIT (0: none), read from the text outside parentheses.
func orderByLimit(sql string) (items []string, limit int) {
	order, lim := -1, -1
	topLevel(sql, func(i int) {
		if i > 0 && !wordStart.MatchString(sql[i-1:i]) {
			return
		}
		if orderByRe.MatchString(sql[i:]) {
			order = i
		} else if m := limitRe.FindStringSubmatch(sql[i:]); m != nil {
			lim = i
			limit, _ = strconv.Atoi(m[1])
		}
	})
	if order < 0 {
		return nil, limit
	}
	end := len(sql)
	if lim > order {
		end = lim
	}
	body := orderByRe.ReplaceAllString(sql[order:end], "")
	start := 0
	topLevel(body, func(i int) {
		if body[i] == ',' {
			items = append(items, strings.TrimSpace(body[start:i]))
			start = i + 1
		}
	})
	return append(items, strings.TrimSpace(body[start:])), limit
}

var directionRe = regexp.MustCompile(`(?i)\s+(asc|desc)(\s+nulls\s+(first|last))?$`)

// orderKeys maps ORDER BY items to output positions (an ordinal, an
// output name, or a qualified column whose name is an output's), stopping
// at the first that is none of them: rows tied on the keys before it
// compare as a set, which is the most the answer can tell.
func orderKeys(items, cols []string) []int {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	var keys []int
	for _, it := range items {
		it = strings.TrimSpace(directionRe.ReplaceAllString(it, ""))
		k := -1
		if n, err := strconv.Atoi(it); err == nil && n >= 1 && n <= len(cols) {
			k = n - 1
		}
		for i, c := range cols {
			if k >= 0 {
				break
			}
			name := norm(it)
			if _, after, ok := strings.Cut(name, "."); ok && !strings.ContainsAny(name, "()") {
				name = after
			}
			if name == norm(c) {
				k = i
			}
		}
		if k < 0 {
			break
		}
		keys = append(keys, k)
	}
	return keys
}
