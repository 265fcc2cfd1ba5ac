package integration

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// The logic tests run the corpus in testdata/logic (format: see
// logic_parse_test.go) on `quiver serve` clusters of several sizes and
// compare every answer with single-process DuckDB holding the same data (or
// with the MySQL answer written in the corpus).
//
// Environment:
//
//	QUIVER_LOGIC_WORKERS        comma-separated cluster sizes (default 2,1,3)
//	QUIVER_LOGIC_FILES          only the files whose name contains one of
//	                            these comma-separated parts (_schema.test
//	                            always runs)
//	QUIVER_LOGIC_REWRITE_KNOWN  =1: rewrite KNOWN_FAILURES from the current
//	                            failures instead of failing on them
//	QUIVER_LOGIC_VERBOSE        =1: also print every known failure
//
// KNOWN_FAILURES lists blocks (file:line, then a reason) that are expected
// to fail while the features they use are being built. A listed block that
// fails is reported as known; a listed block that passes on every cluster
// size fails the test ("remove it from KNOWN_FAILURES"), so the list only
// shrinks; an unlisted failure fails the test.

const (
	logicDir       = "testdata/logic"
	knownFile      = "KNOWN_FAILURES"
	logicStmtLimit = 60 * time.Second // one statement; a hang fails the block
)

// logicFailure is how a block failed on one cluster size.
type logicFailure struct {
	workers int
	msg     string // full description for the report
	reason  string // one line for KNOWN_FAILURES
}

// logicRun collects the outcome of every block across cluster sizes.
type logicRun struct {
	blocks   map[string]*logicBlock
	failures map[string][]logicFailure // by block key
	corpus   []string                  // corpus bugs: the oracle failed
	ran      map[string]int            // by block key: cluster sizes run
}

func TestLogic(t *testing.T) {
	t.Parallel()
	files, order, err := loadCorpus(logicDir, os.Getenv("QUIVER_LOGIC_FILES"), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	known, knownOrder, err := readKnown(filepath.Join(logicDir, knownFile))
	if err != nil {
		t.Fatal(err)
	}
	sizes, err := logicSizes()
	if err != nil {
		t.Fatal(err)
	}
	run := &logicRun{blocks: map[string]*logicBlock{}, failures: map[string][]logicFailure{}, ran: map[string]int{}}
	for _, f := range order {
		for _, b := range files[f] {
			run.blocks[b.key()] = b
		}
	}
	for _, n := range sizes {
		start := time.Now()
		run.runCluster(t, n, files, order)
		t.Logf("logic: %d worker(s): %d files in %v", n, len(order), time.Since(start).Round(time.Millisecond))
	}
	run.report(t, files, order, known, knownOrder, len(sizes))
}

func logicSizes() ([]int, error) {
	v := os.Getenv("QUIVER_LOGIC_WORKERS")
	if v == "" {
		v = "2,1,3"
	}
	var out []int
	for _, p := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("QUIVER_LOGIC_WORKERS=%q: want cluster sizes like 2,1,3", v)
		}
		out = append(out, n)
	}
	return out, nil
}

// runCluster runs every file on a fresh `serve --workers n` and a fresh
// oracle, and records the outcomes.
func (r *logicRun) runCluster(t *testing.T, n int, files map[string][]*logicBlock, order []string) {
	cl := startServe(t, n, "")
	c := connect(t, cl.Addr)
	o := newLogicOracle(t)
	defer func() {
		c.Close()
		cl.Coordinator.Stop(t)
	}()
	for _, f := range order {
		for _, b := range files[f] {
			r.ran[b.key()]++
			msg, reason, corpusErr := runBlock(c, o, b)
			if corpusErr != "" {
				r.corpus = append(r.corpus, fmt.Sprintf("%s (workers=%d): corpus or oracle error: %s\n  sql: %s\n  oracle sql: %s",
					b.key(), n, corpusErr, b.sql, b.oracleText()))
				continue
			}
			if msg == "" {
				continue
			}
			r.failures[b.key()] = append(r.failures[b.key()], logicFailure{workers: n, msg: msg, reason: reason})
			if cl.Coordinator.Exited() {
				t.Errorf("%s: quiver serve --workers %d exited after this block; the rest of the corpus is not run on this size:\n%s",
					b.key(), n, cl.Coordinator.Crash(60))
				return
			}
		}
	}
}

// runBlock runs one block. It returns a description of a Quiver failure
// (msg, and a one-line reason) or of a corpus error (the oracle failed,
// or the block cannot be run); all empty when the block passed.
func runBlock(c *client, o *oracle, b *logicBlock) (msg, reason, corpusErr string) {
	ctx, cancel := context.WithTimeout(context.Background(), logicStmtLimit)
	defer cancel()
	switch b.kind {
	case kindIngest:
		g, ok := logicGenerators[b.generator]
		if !ok {
			return "", "", "unknown generator " + b.generator
		}
		if err := o.ingest(b.table, g, b.rows); err != nil {
			return "", "", "oracle ingest: " + err.Error()
		}
		if err := logicIngest(c, b.table, g, b.rows); err != nil {
			return "ingest: " + err.Error(), "ingest: " + firstLine(err.Error()), ""
		}
		return "", "", ""
	case kindStatement:
		if b.oracleOnly {
			if err := o.exec(ctx, b.oracleSQL); err != nil {
				return "", "", "oracle: " + err.Error()
			}
			return "", "", ""
		}
		_, err := logicExec(ctx, c, b.sql)
		if b.expectErr {
			if m := checkErr(b, err); m != "" {
				return fmt.Sprintf("%s\n  sql: %s", m, b.sql), m, ""
			}
			return "", "", ""
		}
		if !b.oracleSkip {
			if oerr := o.exec(ctx, b.oracleText()); oerr != nil {
				return "", "", "oracle: " + oerr.Error()
			}
		}
		if err != nil {
			return fmt.Sprintf("statement failed\n  sql: %s\n  error: %v", b.sql, err), "error: " + shortErr(err), ""
		}
		return "", "", ""
	}
	got, err := logicQuery(ctx, c, b.sql)
	if b.expectErr {
		if m := checkErr(b, err); m != "" {
			return fmt.Sprintf("%s\n  sql: %s", m, b.sql), m, ""
		}
		return "", "", ""
	}
	var want *result
	if !b.mysql {
		var oerr error
		if want, oerr = o.Query(ctx, b.oracleText()); oerr != nil {
			return "", "", "oracle: " + oerr.Error()
		}
	}
	if err != nil {
		return fmt.Sprintf("query failed\n  sql: %s\n  error: %v", b.sql, err), "error: " + shortErr(err), ""
	}
	return compareLogic(b, got, want)
}

// compareLogic compares Quiver's answer with the oracle's (want) or, for a
// mysql block, with the expected rows of the corpus.
func compareLogic(b *logicBlock, got, want *result) (msg, reason, corpusErr string) {
	boolsAsInts(got)
	if b.mysql {
		for i, row := range b.expected {
			if len(row) != len(got.schema.Fields()) {
				d := fmt.Sprintf("got %d columns %v, expected row %d has %d values", len(got.schema.Fields()), fieldNames(got.schema), i, len(row))
				return fmt.Sprintf("wrong answer (MySQL answer in the corpus)\n  sql: %s\n  %s", b.sql, d), "wrong answer: " + d, ""
			}
		}
		rows, err := b.expectedResult(got)
		if err != nil {
			return "", "", err.Error()
		}
		want = &result{schema: got.schema, rows: rows}
	} else {
		boolsAsInts(want)
	}
	if b.rowcount {
		if len(got.rows) != len(want.rows) {
			d := fmt.Sprintf("got %d rows, want %d", len(got.rows), len(want.rows))
			return fmt.Sprintf("wrong row count\n  sql: %s\n  %s", b.sql, d), "wrong answer: " + d, ""
		}
		return "", "", ""
	}
	d := diffResults(got, want, b.ordered)
	if d == "" {
		return "", "", ""
	}
	src := "DuckDB"
	if b.mysql {
		src = "the MySQL answer in the corpus"
	}
	m := fmt.Sprintf("wrong answer (want = %s)\n  sql: %s", src, b.sql)
	if !b.mysql && b.oracleText() != b.sql {
		m += "\n  oracle sql: " + b.oracleText()
	}
	m += "\n" + indent(d, "  ")
	return m, "wrong answer: " + compactDiff(d), ""
}

// compactDiff is the start of a diff on one line, for KNOWN_FAILURES.
func compactDiff(d string) string {
	lines := strings.Split(strings.TrimSpace(d), "\n")
	if len(lines) > 3 {
		lines = lines[:3]
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// boolsAsInts makes booleans compare as MySQL's 1 and 0.
func boolsAsInts(r *result) {
	for i, f := range r.schema.Fields() {
		if f.Type.ID() != arrow.BOOL {
			continue
		}
		for _, row := range r.rows {
			switch row[i].text {
			case "true":
				row[i].text = "1"
			case "false":
				row[i].text = "0"
			}
		}
	}
}

// checkErr describes how err fails b's expected error ("" when it matches).
func checkErr(b *logicBlock, err error) string {
	want := b.errCode
	if want == "" {
		want = "an error"
	}
	if b.errSubstr != "" {
		want += fmt.Sprintf(" mentioning %q", b.errSubstr)
	}
	if err == nil {
		return "succeeded, want " + want
	}
	if b.errCode != "" {
		if got := grpcCode(err).String(); normCode(got) != normCode(b.errCode) {
			return fmt.Sprintf("error code %s, want %s: %s", got, want, firstLine(err.Error()))
		}
	}
	if b.errSubstr != "" && !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(b.errSubstr)) {
		return fmt.Sprintf("error does not mention %q: %s", b.errSubstr, firstLine(err.Error()))
	}
	return ""
}

// logicQuery is client.Query with the logic tests' own deadline.
func logicQuery(ctx context.Context, c *client, query string) (*result, error) {
	st, err := c.cnxn.NewStatement()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if err := st.SetSqlQuery(query); err != nil {
		return nil, err
	}
	rdr, _, err := st.ExecuteQuery(ctx)
	if err != nil {
		return nil, err
	}
	defer rdr.Release()
	return readResult(rdr)
}

// logicExec is client.Exec with the logic tests' own deadline.
func logicExec(ctx context.Context, c *client, stmt string) (int64, error) {
	st, err := c.cnxn.NewStatement()
	if err != nil {
		return 0, err
	}
	defer st.Close()
	if err := st.SetSqlQuery(stmt); err != nil {
		return 0, err
	}
	return st.ExecuteUpdate(ctx)
}

// logicIngest appends rows [0, n) of g to table by bulk ingest, in two
// calls (so the table has more than one file) of batches of 1000 rows.
func logicIngest(c *client, table string, g logicGenerator, n int) error {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	half := (n + 1) / 2
	for _, part := range [][2]int{{0, half}, {half, n}} {
		var batches []arrow.RecordBatch
		for s := part[0]; s < part[1]; s += 1000 {
			rb, err := logicBatch(mem, g, s, min(s+1000, part[1]))
			if err != nil {
				return err
			}
			batches = append(batches, rb)
		}
		if len(batches) == 0 {
			continue
		}
		got, err := c.Ingest(table, adbc.OptionValueIngestModeAppend, batches)
		for _, rb := range batches {
			rb.Release()
		}
		if err != nil {
			return err
		}
		if want := int64(part[1] - part[0]); got != -1 && got != want {
			return fmt.Errorf("server reported %d rows ingested, want %d", got, want)
		}
	}
	if mem.CurrentAlloc() != 0 {
		return fmt.Errorf("ingest leaked %d bytes", mem.CurrentAlloc())
	}
	return nil
}

// report turns the outcomes into test failures and a summary, or rewrites
// KNOWN_FAILURES.
func (r *logicRun) report(t *testing.T, files map[string][]*logicBlock, order []string, known map[string]string, knownOrder []string, sizes int) {
	for _, m := range r.corpus {
		t.Errorf("%s", m)
	}
	rewrite := os.Getenv("QUIVER_LOGIC_REWRITE_KNOWN") == "1"
	verbose := os.Getenv("QUIVER_LOGIC_VERBOSE") == "1"
	loaded := map[string]bool{}
	for _, f := range order {
		loaded[f] = true
	}
	type counts struct{ blocks, queries, pass, known, unexpected, stale int }
	per := map[string]*counts{}
	var total counts
	for _, f := range order {
		cn := &counts{}
		per[f] = cn
		for _, b := range files[f] {
			k := b.key()
			cn.blocks++
			if b.kind == kindQuery {
				cn.queries++
			}
			fails := r.failures[k]
			_, isKnown := known[k]
			switch {
			case len(fails) == 0 && isKnown && r.ran[k] == sizes:
				cn.stale++
				if !rewrite {
					t.Errorf("%s passes now on every cluster size: remove it from %s (listed as: %s)", k, knownFile, known[k])
				}
			case len(fails) == 0 && r.ran[k] == sizes:
				cn.pass++
			case len(fails) == 0:
				// Not run on every size (the server exited): reported above.
			case isKnown:
				cn.known++
				if verbose {
					t.Logf("known failure %s\n%s", k, describeFailures(fails))
				}
			default:
				cn.unexpected++
				if !rewrite {
					t.Errorf("%s\n%s", k, describeFailures(fails))
				}
			}
		}
		total.blocks += cn.blocks
		total.queries += cn.queries
		total.pass += cn.pass
		total.known += cn.known
		total.unexpected += cn.unexpected
		total.stale += cn.stale
	}
	for _, k := range knownOrder {
		file := k[:strings.LastIndex(k, ":")]
		if loaded[file] && r.blocks[k] == nil && !rewrite {
			t.Errorf("%s: %s is not the header line of a block (did the file change? rerun with QUIVER_LOGIC_REWRITE_KNOWN=1)", knownFile, k)
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "logic corpus on %d cluster size(s):\n", sizes)
	fmt.Fprintf(&sb, "  %-22s %6s %7s %6s %6s %10s %6s\n", "file", "blocks", "queries", "pass", "known", "unexpected", "stale")
	for _, f := range order {
		cn := per[f]
		fmt.Fprintf(&sb, "  %-22s %6d %7d %6d %6d %10d %6d\n", f, cn.blocks, cn.queries, cn.pass, cn.known, cn.unexpected, cn.stale)
	}
	fmt.Fprintf(&sb, "  %-22s %6d %7d %6d %6d %10d %6d", "total", total.blocks, total.queries, total.pass, total.known, total.unexpected, total.stale)
	t.Log(sb.String())
	if rewrite {
		if err := r.rewriteKnown(files, order, known, knownOrder, loaded); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s", filepath.Join(logicDir, knownFile))
	}
}

func describeFailures(fails []logicFailure) string {
	var sb strings.Builder
	var sizes []string
	for _, f := range fails {
		sizes = append(sizes, strconv.Itoa(f.workers))
	}
	fmt.Fprintf(&sb, "  fails on workers=%s: %s", strings.Join(sizes, ","), indent(fails[0].msg, "  ")[2:])
	for _, f := range fails[1:] {
		if maskVolatile(f.msg) != maskVolatile(fails[0].msg) {
			fmt.Fprintf(&sb, "\n  on workers=%d instead: %s", f.workers, indent(f.msg, "  ")[2:])
		}
	}
	return sb.String()
}

var reVolatile = regexp.MustCompile(`127\.0\.0\.1:[0-9]+|query [0-9a-f]{16}`)

// maskVolatile hides worker addresses and query ids, which differ between
// clusters, so that equal failures compare equal.
func maskVolatile(s string) string { return reVolatile.ReplaceAllString(s, "*") }

// rewriteKnown writes KNOWN_FAILURES: the current failures of the files
// that ran, and the entries of the files that did not run, unchanged.
func (r *logicRun) rewriteKnown(files map[string][]*logicBlock, order []string, known map[string]string, knownOrder []string, loaded map[string]bool) error {
	type entry struct {
		file   string
		line   int
		reason string
	}
	var es []entry
	for _, k := range knownOrder {
		i := strings.LastIndex(k, ":")
		if !loaded[k[:i]] {
			n, _ := strconv.Atoi(k[i+1:])
			es = append(es, entry{k[:i], n, known[k]})
		}
	}
	for _, f := range order {
		for _, b := range files[f] {
			if fails := r.failures[b.key()]; len(fails) > 0 {
				reason := maskVolatile(fails[0].reason)
				if len(reason) > 110 {
					reason = reason[:110] + "..."
				}
				es = append(es, entry{b.file, b.line, reason})
			}
		}
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].file != es[j].file {
			return es[i].file < es[j].file
		}
		return es[i].line < es[j].line
	})
	var sb strings.Builder
	sb.WriteString(knownHeader)
	for _, e := range es {
		fmt.Fprintf(&sb, "%s:%d %s\n", e.file, e.line, e.reason)
	}
	return os.WriteFile(filepath.Join(logicDir, knownFile), []byte(sb.String()), 0o644)
}

const knownHeader = `# Logic-test blocks expected to fail, one "file:line reason" a line (the
# line of the block's header). TestLogic fails when a listed block passes
# (remove it) or an unlisted one fails. Regenerate from the current failures:
#   QUIVER_LOGIC_REWRITE_KNOWN=1 go test -tags duckdb_arrow -run 'TestLogic$' ./integration
`

// readKnown reads KNOWN_FAILURES (a missing file is an empty list).
func readKnown(path string) (map[string]string, []string, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return map[string]string{}, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	m := map[string]string{}
	var order []string
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		key, reason, _ := strings.Cut(l, " ")
		j := strings.LastIndex(key, ":")
		if j <= 0 {
			return nil, nil, fmt.Errorf("%s:%d: want file:line reason, got %q", path, i+1, l)
		}
		if _, err := strconv.Atoi(key[j+1:]); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: want file:line reason, got %q", path, i+1, l)
		}
		if _, dup := m[key]; dup {
			return nil, nil, fmt.Errorf("%s:%d: %s listed twice", path, i+1, key)
		}
		m[key] = strings.TrimSpace(reason)
		order = append(order, key)
	}
	return m, order, nil
}

// shortErr is the first line of err without the driver's prefixes.
func shortErr(err error) string {
	s := firstLine(err.Error())
	if i := strings.Index(s, "[FlightSQL] "); i >= 0 {
		s = s[i+len("[FlightSQL] "):]
	}
	return s
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func indent(s, pre string) string {
	s = strings.TrimRight(s, "\n")
	return pre + strings.ReplaceAll(s, "\n", "\n"+pre)
}

// TestLogicCorpus checks the corpus without a server: every file parses,
// every statement, ingest and oracle-compared query runs on DuckDB, and
// every KNOWN_FAILURES entry names a block. With QUIVER_LOGIC_VERBOSE=1 it
// also prints, for each mysql block, whether DuckDB happens to give the
// same answer (then the literal answer might not be needed).
func TestLogicCorpus(t *testing.T) {
	t.Parallel()
	files, order, err := loadCorpus(logicDir, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	known, knownOrder, err := readKnown(filepath.Join(logicDir, knownFile))
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string]bool{}
	o := newLogicOracle(t)
	verbose := os.Getenv("QUIVER_LOGIC_VERBOSE") == "1"
	nq, nmysql, nerr, nempty := 0, 0, 0, 0
	for _, f := range order {
		for _, b := range files[f] {
			blocks[b.key()] = true
			ctx, cancel := context.WithTimeout(context.Background(), logicStmtLimit)
			switch {
			case b.kind == kindIngest:
				if err := o.ingest(b.table, logicGenerators[b.generator], b.rows); err != nil {
					t.Errorf("%s: oracle ingest: %v", b.key(), err)
				}
			case b.kind == kindStatement && !b.expectErr && !b.oracleSkip:
				if err := o.exec(ctx, b.oracleText()); err != nil {
					t.Errorf("%s: oracle: %v\n  sql: %s", b.key(), err, b.oracleText())
				}
			case b.kind == kindQuery && b.expectErr:
				nerr++
			case b.kind == kindQuery && b.mysql:
				nmysql++
				if verbose {
					if res, err := o.Query(ctx, b.oracleText()); err == nil {
						boolsAsInts(res)
						if rows, err := b.expectedResult(res); err != nil {
							t.Errorf("%s: %v", b.key(), err)
						} else if diffResults(res, &result{schema: res.schema, rows: rows}, b.ordered) == "" {
							t.Logf("%s: DuckDB gives the MySQL answer too", b.key())
						}
					}
				}
			case b.kind == kindQuery:
				nq++
				res, err := o.Query(ctx, b.oracleText())
				if err != nil {
					t.Errorf("%s: oracle: %v\n  sql: %s", b.key(), err, b.oracleText())
				} else if len(res.rows) == 0 {
					nempty++
					if verbose {
						t.Logf("%s: the oracle's answer is empty", b.key())
					}
				}
			}
			cancel()
		}
	}
	for _, k := range knownOrder {
		if !blocks[k] {
			t.Errorf("%s: %s (%s) is not the header line of a block", knownFile, k, known[k])
		}
	}
	t.Logf("corpus: %d files, %d oracle-compared queries (%d with an empty answer), %d mysql-literal queries, %d error queries",
		len(order), nq, nempty, nmysql, nerr)
}
