package tpch

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Answer is a reference answer: the rows of an official TPC-H answer file,
// as text fields.
type Answer struct {
	Columns []string
	Rows    [][]string
	// Within is how far a number may be from the answer's: a cent, the
	// answer files' rounding, except where an answer file is known to be
	// off by more (kitErrata).
	Within float64
}

// kitErrata are the answers of the TPC-H kit that are further from the
// exact value than their rounding: q17.out says 348406.02 for an
// avg_yearly whose exact value is 348406.054 (computed in floating point;
// the specification itself accepts sums within $100).
var kitErrata = map[string]float64{"q17.out": 0.05}

// AnswerPath finds query n's answer in dir: the TPC-H kit's q1.out ...
// q22.out, or DuckDB's q01.csv ... q22.csv (the same answers, '|'
// separated, full precision). "" when there is none.
func AnswerPath(dir string, n int) string {
	for _, name := range []string{fmt.Sprintf("q%d.out", n), fmt.Sprintf("q%02d.out", n), fmt.Sprintf("q%02d.csv", n), fmt.Sprintf("q%d.csv", n)} {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// ReadAnswer parses an answer file: a header line of column names and one
// line per row, fields separated by '|' and padded with blanks.
func ReadAnswer(path string) (*Answer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	within := 0.01
	if w, ok := kitErrata[filepath.Base(path)]; ok {
		within = w
	}
	split := func(line string) []string {
		line = strings.TrimSuffix(strings.TrimRight(line, " \r"), "|")
		fs := strings.Split(line, "|")
		for i := range fs {
			fs[i] = strings.TrimSpace(fs[i])
		}
		return fs
	}
	a := Answer{Within: within}
	for i, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if i == 0 {
			a.Columns = split(line)
			continue
		}
		row := split(line)
		if len(row) != len(a.Columns) {
			return nil, fmt.Errorf("%s:%d: %d fields, header has %d", path, i+1, len(row), len(a.Columns))
		}
		a.Rows = append(a.Rows, row)
	}
	if a.Columns == nil {
		return nil, fmt.Errorf("%s: empty", path)
	}
	return &a, nil
}

// answerCellEqual compares a value with a reference field: numbers within
// within (a cent: the answer files round money and averages to two digits),
// strings after trimming blanks, dates by their text.
func answerCellEqual(c Cell, s string, within float64) bool {
	switch {
	case c.Null:
		return s == "" || strings.EqualFold(s, "null")
	case c.Num || c.Float:
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return false
		}
		d := math.Abs(c.F - v)
		return d <= within*(1+1e-9) || d <= 1e-9*math.Abs(v)
	case strings.HasPrefix(c.Text, "date "):
		return strings.TrimPrefix(c.Text, "date ") == s
	case strings.HasPrefix(c.Text, "'"):
		return strings.TrimSpace(strings.Trim(c.Text, "'")) == s
	}
	return c.Text == s
}

// DiffAnswer returns "" when got matches the reference answer, else the
// first differences. Rows compare in order, except that rows tied on the
// ORDER BY keys may come in any order among themselves.
func DiffAnswer(got *Result, want *Answer, orderKeys []int) string {
	var b strings.Builder
	if len(got.Columns) != len(want.Columns) {
		return fmt.Sprintf("got %d columns %v, want %d columns %v", len(got.Columns), got.Columns, len(want.Columns), want.Columns)
	}
	if len(got.Rows) != len(want.Rows) {
		fmt.Fprintf(&b, "got %d rows, want %d\n", len(got.Rows), len(want.Rows))
	}
	match := func(g []Cell, w []string) bool {
		for i := range w {
			if !answerCellEqual(g[i], w[i], want.Within) {
				return false
			}
		}
		return true
	}
	tied := func(x, y []string) bool {
		for _, k := range orderKeys {
			if x[k] != y[k] {
				return false
			}
		}
		return true
	}
	shown := 0
	for start := 0; start < len(want.Rows) && shown < 8; {
		end := start + 1
		if len(orderKeys) > 0 {
			for end < len(want.Rows) && tied(want.Rows[start], want.Rows[end]) {
				end++
			}
		} else {
			end = len(want.Rows) // no ORDER BY: the whole answer is one set
		}
		used := make([]bool, end-start)
		for wi := start; wi < end && shown < 8; wi++ {
			found := false
			for gi := start; gi < end && gi < len(got.Rows); gi++ {
				if !used[gi-start] && match(got.Rows[gi], want.Rows[wi]) {
					used[gi-start], found = true, true
					break
				}
			}
			if !found {
				shown++
				g := "<missing>"
				if wi < len(got.Rows) {
					g = rowText(got.Rows[wi])
				}
				fmt.Fprintf(&b, "row %d:\n   got  %s\n   want (%s)\n", wi, g, strings.Join(want.Rows[wi], ", "))
			}
		}
		start = end
	}
	return b.String()
}
