package integration

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// The logic-test corpus format (integration/testdata/logic/*.test), in the
// spirit of sqllogictest and CockroachDB's logic tests. A file is a sequence
// of blocks separated by blank lines; lines starting with '#' outside a block
// are comments. Every block starts with a header line:
//
//	statement ok
//	statement error [CODE] [substring ...]
//	query [ordered|rowsort] [mysql] [rowcount]
//	query error CODE [substring ...]
//	ingest TABLE GENERATOR rows=N
//
// followed by the SQL (one or more lines, MySQL dialect, no trailing ';').
//
//   - statement ok: DDL or DML that must succeed; it runs on Quiver and on
//     the oracle (DuckDB), so both hold the same objects and rows.
//   - statement error: must fail on Quiver (it does not run on the oracle).
//     CODE is a gRPC code name (INVALID_ARGUMENT, NOT_FOUND, ...); the
//     remaining words are a substring the message must contain,
//     case-insensitively. Either part may be omitted.
//   - query: its answer is compared with the oracle's answer to the same SQL.
//     Rows compare order-insensitively (rowsort, the default) unless the
//     block says ordered (the SQL has an ORDER BY giving a total order).
//     Numbers compare exactly (5, 5.0 and 5.00 of any integer or decimal
//     type are equal), floats within 1e-9 relative, booleans equal 1 / 0.
//   - query ... mysql: the expected answer is written in the file after a
//     line "----", one row per line, values separated by whitespace:
//     NULL, numbers (a trailing fraction's zeros do not matter; a float
//     column compares within tolerance), 'quoted strings' ('' for a quote),
//     dates as 2020-01-31, true / false (= 1 / 0). Used where MySQL and
//     DuckDB answer differently: the MySQL answer is the expected one.
//   - query ... rowcount: only the number of rows is compared (LIMIT
//     without a total ORDER BY).
//   - query error: must fail with that gRPC code (and substring).
//   - ingest: bulk-loads N generated rows (logic_data_test.go, by
//     GENERATOR) into an existing table through Flight SQL bulk ingest, and
//     the same rows into the oracle.
//
// Inside a block, a line "-- duckdb: SQL" replaces the SQL for the oracle
// (several such lines are joined with spaces); "-- duckdb: skip" makes a
// statement Quiver-only. Without it the oracle runs the block's SQL after
// the rewrites of oracleRewrite (logic_oracle_test.go). A statement ok of
// "-- duckdb:" lines only runs on the oracle alone: it writes the files
// that external tables and IMPORT INTO read. "$FILES" in any SQL is a
// directory of the test's own, the same for Quiver and the oracle.
//
// Files run in name order on one cluster; _schema.test always runs first
// and holds the shared tables. A block is identified by file:line of its
// header line; KNOWN_FAILURES lists the blocks expected to fail.

// logicKind is what a block does.
type logicKind int

const (
	kindStatement logicKind = iota
	kindQuery
	kindIngest
)

// logicBlock is one parsed block.
type logicBlock struct {
	file string // base name
	line int    // of the header
	kind logicKind

	sql        string // for Quiver
	oracleSQL  string // for DuckDB; "" = derive from sql
	oracleSkip bool
	oracleOnly bool // a statement with no SQL for Quiver

	expectErr bool   // statement error / query error
	errCode   string // normalised gRPC code name, "" = any
	errSubstr string

	ordered  bool
	mysql    bool
	rowcount bool
	expected [][]string // mysql: raw tokens per row

	// ingest
	table, generator string
	rows             int
}

// key is file:line, the identity KNOWN_FAILURES uses.
func (b *logicBlock) key() string { return fmt.Sprintf("%s:%d", b.file, b.line) }

// grpcCodeNames maps normalised names (lower case, no underscores) to the
// canonical gRPC code name.
var grpcCodeNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
		"NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
		"ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"} {
		m[normCode(n)] = n
	}
	m["canceled"] = "CANCELLED"
	return m
}()

func normCode(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }

// parseLogicFile reads one corpus file.
func parseLogicFile(path string) ([]*logicBlock, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, strings.TrimRight(sc.Text(), " \t\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	base := filepath.Base(path)
	var out []*logicBlock
	for i := 0; i < len(lines); {
		l := lines[i]
		if l == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			i++
			continue
		}
		b := &logicBlock{file: base, line: i + 1}
		if err := b.parseHeader(l); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", base, i+1, err)
		}
		i++
		var sqlLines, duck []string
		for ; i < len(lines) && lines[i] != "" && lines[i] != "----"; i++ {
			t := strings.TrimSpace(lines[i])
			if rest, ok := strings.CutPrefix(t, "-- duckdb:"); ok {
				duck = append(duck, strings.TrimSpace(rest))
				continue
			}
			sqlLines = append(sqlLines, lines[i])
		}
		b.sql = strings.TrimSuffix(strings.TrimSpace(strings.Join(sqlLines, "\n")), ";")
		if len(duck) == 1 && duck[0] == "skip" {
			b.oracleSkip = true
		} else if len(duck) > 0 {
			b.oracleSQL = strings.Join(duck, " ")
		}
		hasResult := i < len(lines) && lines[i] == "----"
		if hasResult {
			if !b.mysql {
				return nil, fmt.Errorf("%s:%d: a \"----\" result is only for query ... mysql", base, b.line)
			}
			i++
			for ; i < len(lines) && lines[i] != ""; i++ {
				toks, err := splitTokens(lines[i])
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", base, i+1, err)
				}
				b.expected = append(b.expected, toks)
			}
		} else if b.mysql {
			return nil, fmt.Errorf("%s:%d: query mysql needs a \"----\" line and the expected rows", base, b.line)
		}
		b.oracleOnly = b.kind == kindStatement && !b.expectErr && b.sql == "" && b.oracleSQL != ""
		if b.kind != kindIngest && b.sql == "" && !b.oracleOnly {
			return nil, fmt.Errorf("%s:%d: block has no SQL", base, b.line)
		}
		if b.kind == kindIngest && b.sql != "" {
			return nil, fmt.Errorf("%s:%d: ingest takes no SQL", base, b.line)
		}
		out = append(out, b)
	}
	return out, nil
}

func (b *logicBlock) parseHeader(l string) error {
	f := strings.Fields(l)
	switch f[0] {
	case "statement":
		b.kind = kindStatement
		if len(f) < 2 {
			return fmt.Errorf("statement needs ok or error")
		}
		switch f[1] {
		case "ok":
			if len(f) > 2 {
				return fmt.Errorf("statement ok takes no arguments")
			}
		case "error":
			b.expectErr = true
			b.parseErr(f[2:])
		default:
			return fmt.Errorf("statement %s: want ok or error", f[1])
		}
	case "query":
		b.kind = kindQuery
		for j := 1; j < len(f); j++ {
			switch f[j] {
			case "ordered":
				b.ordered = true
			case "rowsort":
			case "mysql":
				b.mysql = true
			case "rowcount":
				b.rowcount = true
			case "error":
				b.expectErr = true
				b.parseErr(f[j+1:])
				if b.errCode == "" {
					return fmt.Errorf("query error needs a gRPC code")
				}
				j = len(f)
			default:
				return fmt.Errorf("unknown query flag %q", f[j])
			}
		}
		if b.expectErr && (b.mysql || b.ordered || b.rowcount) {
			return fmt.Errorf("query error takes no other flags")
		}
	case "ingest":
		b.kind = kindIngest
		if len(f) != 4 || !strings.HasPrefix(f[3], "rows=") {
			return fmt.Errorf("want: ingest TABLE GENERATOR rows=N")
		}
		n, err := strconv.Atoi(strings.TrimPrefix(f[3], "rows="))
		if err != nil || n <= 0 {
			return fmt.Errorf("bad %s", f[3])
		}
		b.table, b.generator, b.rows = f[1], f[2], n
	default:
		return fmt.Errorf("unknown block header %q", l)
	}
	return nil
}

func (b *logicBlock) parseErr(words []string) {
	if len(words) > 0 {
		if c, ok := grpcCodeNames[normCode(words[0])]; ok {
			b.errCode = c
			words = words[1:]
		}
	}
	b.errSubstr = strings.Join(words, " ")
}

// splitTokens splits an expected row into its values: 'quoted strings'
// (with ” for a quote) or runs of non-space characters.
func splitTokens(line string) ([]string, error) {
	var out []string
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '\'':
			var sb strings.Builder
			sb.WriteByte('\'')
			j := i + 1
			for {
				if j >= len(line) {
					return nil, fmt.Errorf("unterminated string in %q", line)
				}
				if line[j] == '\'' {
					if j+1 < len(line) && line[j+1] == '\'' {
						sb.WriteByte('\'')
						j += 2
						continue
					}
					break
				}
				sb.WriteByte(line[j])
				j++
			}
			sb.WriteByte('\'')
			out = append(out, sb.String())
			i = j + 1
			if i < len(line) && line[i] != ' ' && line[i] != '\t' {
				return nil, fmt.Errorf("text after a closing quote in %q", line)
			}
		default:
			j := i
			for j < len(line) && line[j] != ' ' && line[j] != '\t' {
				j++
			}
			out = append(out, line[i:j])
			i = j
		}
	}
	return out, nil
}

var (
	reNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)
	reDate   = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// expectedCell turns a token into a cell comparable with a result cell;
// asFloat says the result's column is a float column.
func expectedCell(tok string, asFloat bool) (cell, error) {
	switch {
	case tok == "NULL":
		return cell{null: true}, nil
	case strings.HasPrefix(tok, "'"):
		return cell{text: tok}, nil
	case tok == "true":
		return cell{text: "1"}, nil
	case tok == "false":
		return cell{text: "0"}, nil
	case reDate.MatchString(tok):
		return cell{text: "date " + tok}, nil
	case asFloat:
		f, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			return cell{}, fmt.Errorf("expected value %q is not a float", tok)
		}
		return cell{isFloat: true, f: f}, nil
	case reNumber.MatchString(tok):
		return cell{text: normNumber(tok)}, nil
	}
	return cell{}, fmt.Errorf("cannot read expected value %q (quote strings)", tok)
}

// normNumber writes an exact number as decimalText does: no '+', no
// trailing fraction zeros, no negative zero.
func normNumber(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	intPart, frac, _ := strings.Cut(s, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac = strings.TrimRight(frac, "0")
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}

// expectedResult builds the expected rows of a mysql block, reading each
// column as the result's column (float or not).
func (b *logicBlock) expectedResult(got *result) ([][]cell, error) {
	ncol := len(got.schema.Fields())
	isFloat := make([]bool, ncol)
	for i, f := range got.schema.Fields() {
		switch f.Type.ID() {
		case arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64:
			isFloat[i] = true
		}
	}
	var rows [][]cell
	for _, toks := range b.expected {
		row := make([]cell, len(toks))
		for j, t := range toks {
			c, err := expectedCell(t, j < ncol && isFloat[j])
			if err != nil {
				return nil, err
			}
			row[j] = c
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// loadCorpus parses every *.test file under dir, _schema.test first, then
// in name order. only, when not empty, keeps the files whose name contains
// one of its comma-separated parts (the schema is always kept).
func loadCorpus(dir, only, filesDir string) (map[string][]*logicBlock, []string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.test"))
	if err != nil {
		return nil, nil, err
	}
	sort.Slice(paths, func(i, j int) bool {
		bi, bj := filepath.Base(paths[i]), filepath.Base(paths[j])
		if (bi == schemaFile) != (bj == schemaFile) {
			return bi == schemaFile
		}
		return bi < bj
	})
	files := map[string][]*logicBlock{}
	var order []string
	for _, p := range paths {
		base := filepath.Base(p)
		if only != "" && base != schemaFile && !containsAny(base, strings.Split(only, ",")) {
			continue
		}
		bs, err := parseLogicFile(p)
		if err != nil {
			return nil, nil, err
		}
		for _, b := range bs {
			b.sql = strings.ReplaceAll(b.sql, "$FILES", filesDir)
			b.oracleSQL = strings.ReplaceAll(b.oracleSQL, "$FILES", filesDir)
		}
		files[base] = bs
		order = append(order, base)
	}
	if len(order) == 0 || order[0] != schemaFile {
		return nil, nil, fmt.Errorf("%s: no %s", dir, schemaFile)
	}
	return files, order, nil
}

const schemaFile = "_schema.test"

func containsAny(s string, parts []string) bool {
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && strings.Contains(s, p) {
			return true
		}
	}
	return false
}
