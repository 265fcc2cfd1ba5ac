package tpch

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed queries/*.sql
var queryFiles embed.FS

// Query is one of the 22 TPC-H queries with the validation substitution
// parameters of the specification, in MySQL dialect.
type Query struct {
	N   int    // 1..22
	SQL string // the text, parameters substituted
	// OrderKeys are the output columns (0-based) of the ORDER BY, in order:
	// the answer is compared in order, rows tied on these keys as a set.
	// Empty for the single-row queries, which have no ORDER BY.
	OrderKeys []int
	// Limit is the LIMIT of an ordered answer (0: none): the run of rows
	// tied on OrderKeys at the cut may hold different rows on each side.
	Limit int
	// Oracle is the text DuckDB runs for the reference answer ("": SQL).
	Oracle string
}

// Name is "Q1".."Q22".
func (q Query) Name() string { return fmt.Sprintf("Q%d", q.N) }

// OracleSQL is the text the reference side runs.
func (q Query) OracleSQL() string {
	if q.Oracle != "" {
		return q.Oracle
	}
	return q.SQL
}

// orderKeys lists the ORDER BY columns of each query as output positions.
var orderKeys = map[int][]int{
	1: {0, 1}, 2: {0, 2, 1, 3}, 3: {1, 2}, 4: {0}, 5: {1}, 7: {0, 1, 2}, 8: {0}, 9: {0, 1},
	10: {2}, 11: {1}, 12: {0}, 13: {1, 0}, 15: {0}, 16: {3, 0, 1, 2}, 18: {4, 3}, 20: {0},
	21: {1, 0}, 22: {0},
}

// q11Fraction is the literal of Q11's fraction at scale factor 1.
const q11Fraction = "0.0001000000"

// Queries returns the 22 queries for scale factor sf (Q11's fraction is
// 0.0001 / sf, as the specification prescribes).
func Queries(sf float64) []Query {
	out := make([]Query, 0, 22)
	for n := 1; n <= 22; n++ {
		out = append(out, QueryN(n, sf))
	}
	return out
}

// QueryN returns query n (1..22) for scale factor sf; it panics on another n.
func QueryN(n int, sf float64) Query {
	b, err := queryFiles.ReadFile(fmt.Sprintf("queries/q%02d.sql", n))
	if err != nil {
		panic(fmt.Sprintf("tpch: no query %d", n))
	}
	text := string(b)
	if n == 11 {
		if sf <= 0 {
			sf = 1
		}
		i := strings.LastIndex(text, q11Fraction)
		text = text[:i] + fmt.Sprintf("%.10f", 0.0001/sf) + text[i+len(q11Fraction):]
	}
	return Query{N: n, SQL: strings.TrimSpace(text), OrderKeys: orderKeys[n]}
}
