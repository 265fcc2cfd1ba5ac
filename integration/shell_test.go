package integration

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/mattn/go-runewidth"
)

// shellSetup creates the shell tests' table in two INSERTs (two files, so
// that a plain scan has an endpoint on each worker). It is run with -f.
const shellSetup = `-- the table of the shell tests
CREATE TABLE shell_t (
  a BIGINT,
  s VARCHAR(50),
  d DECIMAL(10, 2),
  dt DATE
);
INSERT INTO shell_t VALUES
  (1, 'alpha', 1.50, DATE '2024-01-01'),
  (2, 'with, comma', -2.25, NULL),
  (3, NULL, NULL, DATE '2024-03-04');
/* the second file */ INSERT INTO shell_t VALUES (4, 'say "hi"; bye', 100.00, DATE '2024-12-31'), (5, 'ünïcode', 0.01, DATE '2025-01-01');
`

// shellRows are shell_t's rows as a table prints them, in order of a.
var shellRows = [][]string{
	{"1", "alpha", "1.50", "2024-01-01"},
	{"2", "with, comma", "-2.25", "NULL"},
	{"3", "NULL", "NULL", "2024-03-04"},
	{"4", `say "hi"; bye`, "100.00", "2024-12-31"},
	{"5", "ünïcode", "0.01", "2025-01-01"},
}

const shellQuery = "SELECT a, s, d, dt FROM shell_t ORDER BY a"

// shellRun is one finished `quiver sql` process.
type shellRun struct {
	stdout, stderr string
	code           int
}

// runShell runs `quiver sql --addr addr args...` with stdin as its
// standard input (not a terminal) and waits for it.
func runShell(t *testing.T, addr, stdin string, args ...string) shellRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), stmtTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, quiverBin(t), append([]string{"sql", "--addr", addr, "--history", ""}, args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := shellRun{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("quiver sql %q: %v", args, err)
	}
	return r
}

// mustShell is runShell that fails the test unless the shell exits 0.
func mustShell(t *testing.T, addr, stdin string, args ...string) shellRun {
	t.Helper()
	r := runShell(t, addr, stdin, args...)
	if r.code != 0 {
		t.Fatalf("quiver sql %q exited %d\nstdout:\n%s\nstderr:\n%s", args, r.code, r.stdout, r.stderr)
	}
	return r
}

// printedTable is one table the shell printed.
type printedTable struct {
	names, types []string
	rows         [][]string
	lines        []string // every line of it, borders included
}

// parseTables reads the aligned tables out of the shell's output. Cells
// are trimmed; folded cells are not joined (the tests' tables fit).
func parseTables(t *testing.T, out string) []printedTable {
	t.Helper()
	var tables []printedTable
	var cur *printedTable
	rules := 0
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimRight(line, " ")
		switch {
		case strings.HasPrefix(line, "+-"):
			if cur == nil || rules == 3 { // none yet, or the last one closed
				tables = append(tables, printedTable{})
				cur = &tables[len(tables)-1]
				rules = 0
			}
			rules++
			cur.lines = append(cur.lines, line)
		case strings.HasPrefix(line, "|") && cur != nil:
			cur.lines = append(cur.lines, line)
			var cells []string
			for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			switch {
			case rules == 1 && cur.names == nil:
				cur.names = cells
			case rules == 1:
				cur.types = cells
			default:
				cur.rows = append(cur.rows, cells)
			}
		default:
			cur = nil
		}
	}
	return tables
}

// checkAligned fails unless every line of a table has the same display
// width and its column separators stand in the same places.
func checkAligned(t *testing.T, tb printedTable) {
	t.Helper()
	if len(tb.lines) == 0 {
		t.Fatal("no table")
	}
	want := runewidth.StringWidth(tb.lines[0])
	cols := separatorColumns(tb.lines[0])
	for _, l := range tb.lines {
		if w := runewidth.StringWidth(l); w != want {
			t.Errorf("table line %q is %d wide, the first %d", l, w, want)
		}
		if c := separatorColumns(l); !reflect.DeepEqual(c, cols) {
			t.Errorf("table line %q has separators at %v, the first at %v", l, c, cols)
		}
	}
}

// separatorColumns are the display columns of a table line's | and +.
func separatorColumns(line string) []int {
	var cols []int
	col := 0
	for _, r := range line {
		if r == '|' || r == '+' {
			cols = append(cols, col)
		}
		col += runewidth.RuneWidth(r)
	}
	return cols
}

// TestShell runs `quiver sql` non-interactively against `quiver serve`: -f,
// -e, piped standard input, every --format, the shortcuts and errors.
func TestShell(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 2, "")
	setup := filepath.Join(t.TempDir(), "setup.sql")
	if err := os.WriteFile(setup, []byte(shellSetup), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustShell(t, cl.Addr, "", "-f", setup)
	for _, want := range []string{"OK, 3 rows affected", "OK, 2 rows affected"} {
		if !strings.Contains(r.stdout, want) {
			t.Fatalf("-f output has no %q:\n%s", want, r.stdout)
		}
	}

	t.Run("table", func(t *testing.T) {
		r := mustShell(t, cl.Addr, "", "-e", shellQuery)
		tables := parseTables(t, r.stdout)
		if len(tables) != 1 {
			t.Fatalf("%d tables in:\n%s", len(tables), r.stdout)
		}
		tb := tables[0]
		checkAligned(t, tb)
		if want := []string{"a", "s", "d", "dt"}; !reflect.DeepEqual(tb.names, want) {
			t.Errorf("names %q, want %q", tb.names, want)
		}
		if want := []string{"int64", "utf8", "decimal(10, 2)", "date32"}; !reflect.DeepEqual(tb.types, want) {
			t.Errorf("types %q, want %q", tb.types, want)
		}
		if !reflect.DeepEqual(tb.rows, shellRows) {
			t.Errorf("rows\n%q\nwant\n%q", tb.rows, shellRows)
		}
		if !regexp.MustCompile(`(?m)^5 rows \([0-9.]+ s\)$`).MatchString(r.stdout) {
			t.Errorf("no row count and time in:\n%s", r.stdout)
		}
	})

	t.Run("every endpoint", func(t *testing.T) {
		ctx, cancel := stmtCtx()
		defer cancel()
		info, err := newFlightSQLClient(t, cl.Addr).Execute(ctx, "SELECT a FROM shell_t")
		if err != nil {
			t.Fatal(err)
		}
		if len(info.Endpoint) < 2 {
			t.Fatalf("the scan has %d endpoint(s); the test needs several", len(info.Endpoint))
		}
		r := mustShell(t, cl.Addr, "", "--format", "csv", "-e", "SELECT a FROM shell_t")
		got := strings.Fields(r.stdout)
		sort.Strings(got)
		if want := []string{"1", "2", "3", "4", "5", "a"}; !reflect.DeepEqual(got, want) {
			t.Errorf("the rows of every endpoint: %q, want %q", got, want)
		}
	})

	t.Run("stdin", func(t *testing.T) {
		r := mustShell(t, cl.Addr, "SELECT count(*) AS n\nFROM shell_t;\n\n-- last, without a semicolon\nSELECT 'x' AS y")
		if strings.Contains(r.stdout+r.stderr, "quiver>") {
			t.Errorf("prompts without a terminal:\n%s", r.stdout)
		}
		tables := parseTables(t, r.stdout)
		if len(tables) != 2 || !reflect.DeepEqual(tables[0].rows, [][]string{{"5"}}) || !reflect.DeepEqual(tables[1].rows, [][]string{{"x"}}) {
			t.Errorf("output:\n%s", r.stdout)
		}
	})

	t.Run("csv", func(t *testing.T) {
		r := mustShell(t, cl.Addr, "", "--format", "csv", "-e", shellQuery)
		recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil {
			t.Fatalf("%v in:\n%s", err, r.stdout)
		}
		want := [][]string{{"a", "s", "d", "dt"}}
		for _, row := range shellRows {
			want = append(want, replaceNull(row, ""))
		}
		if !reflect.DeepEqual(recs, want) {
			t.Errorf("csv\n%q\nwant\n%q", recs, want)
		}
		if !strings.Contains(r.stderr, "5 rows") {
			t.Errorf("no row count on stderr: %q", r.stderr)
		}
	})

	t.Run("json", func(t *testing.T) {
		r := mustShell(t, cl.Addr, "", "--format", "json", "-e", shellQuery)
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if len(lines) != len(shellRows) {
			t.Fatalf("%d lines, want %d:\n%s", len(lines), len(shellRows), r.stdout)
		}
		for i, line := range lines {
			if !strings.HasPrefix(line, `{"a":`) || !strings.Contains(line, `,"s":`) {
				t.Errorf("line %q: keys not in column order", line)
			}
			var obj map[string]any
			if err := json.Unmarshal([]byte(line), &obj); err != nil {
				t.Fatalf("line %q: %v", line, err)
			}
			want := shellRows[i]
			if got := fmt.Sprint(obj["a"]); got != want[0] {
				t.Errorf("row %d a = %s, want %s", i, got, want[0])
			}
			for j, key := range []string{"s", "d", "dt"} {
				col := j + 1
				if want[col] == "NULL" {
					if obj[key] != nil {
						t.Errorf("row %d %s = %v, want null", i, key, obj[key])
					}
				} else if obj[key] != want[col] {
					t.Errorf("row %d %s = %v, want %s", i, key, obj[key], want[col])
				}
			}
		}
	})

	t.Run("arrow", func(t *testing.T) {
		r := mustShell(t, cl.Addr, "", "--format", "arrow", "-e", shellQuery)
		mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
		defer mem.AssertSize(t, 0)
		rdr, err := ipc.NewReader(strings.NewReader(r.stdout), ipc.WithAllocator(mem))
		if err != nil {
			t.Fatalf("read the Arrow stream: %v", err)
		}
		defer rdr.Release()
		want := arrow.NewSchema([]arrow.Field{
			{Name: "a", Type: arrow.PrimitiveTypes.Int64},
			{Name: "s", Type: arrow.BinaryTypes.String},
			{Name: "d", Type: &arrow.Decimal128Type{Precision: 10, Scale: 2}},
			{Name: "dt", Type: arrow.FixedWidthTypes.Date32},
		}, nil)
		for i, f := range rdr.Schema().Fields() {
			if f.Name != want.Field(i).Name || !arrow.TypeEqual(f.Type, want.Field(i).Type) {
				t.Errorf("field %d is %s %s, want %s %s", i, f.Name, f.Type, want.Field(i).Name, want.Field(i).Type)
			}
		}
		var got [][]string
		for rdr.Next() {
			rec := rdr.RecordBatch()
			for i := 0; i < int(rec.NumRows()); i++ {
				var row []string
				for _, col := range rec.Columns() {
					switch {
					case col.IsNull(i):
						row = append(row, "NULL")
					case col.DataType().ID() == arrow.DECIMAL128:
						row = append(row, col.(*array.Decimal128).Value(i).ToString(2))
					default:
						row = append(row, col.ValueStr(i))
					}
				}
				got = append(got, row)
			}
		}
		if err := rdr.Err(); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, shellRows) {
			t.Errorf("rows\n%q\nwant\n%q", got, shellRows)
		}
	})

	t.Run("shortcuts", func(t *testing.T) {
		r := mustShell(t, cl.Addr, "\\dt shell*\n\\d shell_t\n\\l\n\\?\n\\q\nSELECT 'not run after quit';\n")
		if strings.Contains(r.stdout, "not run after quit") {
			t.Errorf(`\q did not quit:`+"\n%s", r.stdout)
		}
		tables := parseTables(t, r.stdout)
		if len(tables) != 3 {
			t.Fatalf("%d tables, want 3 (\\dt, \\d, \\l):\n%s", len(tables), r.stdout)
		}
		if !tableHasRow(tables[0], "shell_t") {
			t.Errorf(`\dt lists no shell_t:`+"\n%s", r.stdout)
		}
		wantCols := [][]string{{"a", "int64", "NULL"}, {"s", "utf8", "NULL"}, {"d", "decimal(10, 2)", "NULL"}, {"dt", "date32", "NULL"}}
		if !reflect.DeepEqual(tables[1].names, []string{"column", "type", "nullable"}) || !reflect.DeepEqual(tables[1].rows, wantCols) {
			t.Errorf(`\d shell_t: %q %q, want %q`, tables[1].names, tables[1].rows, wantCols)
		}
		if !strings.Contains(r.stdout, "Table quiver.main.shell_t") {
			t.Errorf(`\d names no table:`+"\n%s", r.stdout)
		}
		if !tableHasRow(tables[2], "main") {
			t.Errorf(`\l lists no main:`+"\n%s", r.stdout)
		}
		if !strings.Contains(r.stdout, `\dt [PATTERN]`) {
			t.Errorf(`\? printed no help`)
		}
	})

	t.Run("errors", func(t *testing.T) {
		r := runShell(t, cl.Addr, "", "-e", "SELECT * FROM no_such_table")
		if r.code != 1 || !strings.Contains(r.stderr, "ERROR (NotFound)") {
			t.Errorf("missing table: exit %d, stderr %q", r.code, r.stderr)
		}
		// A script stops at its first failing statement.
		r = runShell(t, cl.Addr, "SELECT 'first' AS x;\nSELEC 2;\nSELECT 'third' AS x;\n")
		if r.code != 1 || !strings.Contains(r.stderr, "ERROR (InvalidArgument)") || !strings.Contains(r.stdout, "first") || strings.Contains(r.stdout, "third") {
			t.Errorf("bad statement in a script: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		r = runShell(t, cl.Addr, "", "--format", "yaml", "-e", "SELECT 1")
		if r.code == 0 || !strings.Contains(r.stderr, `unknown format "yaml"`) {
			t.Errorf("bad format: exit %d, stderr %q", r.code, r.stderr)
		}
		r = runShell(t, cl.Addr, "", `-e`, `\nope`)
		if r.code != 1 || !strings.Contains(r.stderr, `unknown command \nope`) {
			t.Errorf("unknown shortcut: exit %d, stderr %q", r.code, r.stderr)
		}
	})
}

func replaceNull(row []string, null string) []string {
	out := append([]string(nil), row...)
	for i, c := range out {
		if c == "NULL" {
			out[i] = null
		}
	}
	return out
}

func tableHasRow(tb printedTable, cell string) bool {
	for _, r := range tb.rows {
		for _, c := range r {
			if c == cell {
				return true
			}
		}
	}
	return false
}

// tmuxShell is `quiver sql` running in a tmux session on a tmux server of
// its own.
type tmuxShell struct {
	t      *testing.T
	socket string
}

// tmux runs a tmux command on the test's server.
func (s *tmuxShell) tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	return string(out), err
}

// send types text and presses Enter. (tmux takes an argument's trailing
// semicolon for a command separator unless it is escaped.)
func (s *tmuxShell) send(text string) {
	s.t.Helper()
	if strings.HasSuffix(text, ";") {
		text = strings.TrimSuffix(text, ";") + `\;`
	}
	if out, err := s.tmux("send-keys", "-t", "shell", "-l", text); err != nil {
		s.t.Fatalf("tmux send-keys: %v %s", err, out)
	}
	s.key("Enter")
}

// key presses a key (C-c, C-d, Enter).
func (s *tmuxShell) key(k string) {
	s.t.Helper()
	if out, err := s.tmux("send-keys", "-t", "shell", k); err != nil {
		s.t.Fatalf("tmux send-keys %s: %v %s", k, err, out)
	}
}

// screen is the pane's text, its history included, without the blank
// lines below the cursor (so that what comes later is appended to it).
func (s *tmuxShell) screen() string {
	out, _ := s.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "shell")
	return strings.TrimRight(out, " \n")
}

// waitFor waits until the pane's text after the from'th byte satisfies
// match and returns it.
func (s *tmuxShell) waitFor(what string, from int, match func(string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(stmtTimeout)
	for {
		scr := s.screen()
		if len(scr) > from && match(scr[from:]) {
			return scr[from:]
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the shell did not show %s; the screen:\n%s", what, scr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestShellTerminal drives the interactive shell in a real terminal
// (tmux): a multi-line query whose table must be aligned, Ctrl-C while
// typing, Ctrl-C of a long query (a cancellation, and the shell still
// answers), the history file, Ctrl-D.
func TestShellTerminal(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the interactive shell is not tested in a terminal")
	}
	t.Parallel()
	cl := startServe(t, 2, "")
	rows := make([]string, 3000)
	for i := range rows {
		rows[i] = fmt.Sprintf("(%d)", i)
	}
	mustShell(t, cl.Addr, "", "-e", "CREATE TABLE shell_big (a BIGINT); INSERT INTO shell_big VALUES "+strings.Join(rows, ","))

	s := &tmuxShell{t: t, socket: fmt.Sprintf("quiver-test-%d", os.Getpid())}
	history := filepath.Join(t.TempDir(), "history")
	cmd := fmt.Sprintf("%s sql --addr %s --history %s", quiverBin(t), cl.Addr, history)
	if out, err := s.tmux("new-session", "-d", "-s", "shell", "-x", "100", "-y", "50", cmd); err != nil {
		t.Fatalf("tmux new-session: %v %s", err, out)
	}
	t.Cleanup(func() { _, _ = s.tmux("kill-server") })
	s.waitFor("its prompt", 0, func(scr string) bool { return strings.Contains(scr, "quiver>") })

	// A multi-line query: continuation prompts, then an aligned table.
	s.send("SELECT a,")
	s.send("  a * 1000000 AS big_number,")
	s.send("  'x' AS s")
	s.send("FROM shell_big WHERE a < 3 ORDER BY a;")
	out := s.waitFor("the multi-line query's result", 0, func(scr string) bool { return strings.Contains(scr, "3 rows (") })
	if !strings.Contains(out, "     -> FROM shell_big") {
		t.Errorf("no continuation prompt:\n%s", out)
	}
	tables := parseTables(t, out)
	if len(tables) != 1 {
		t.Fatalf("%d tables on the screen:\n%s", len(tables), out)
	}
	checkAligned(t, tables[0])
	want := [][]string{{"0", "0", "x"}, {"1", "1000000", "x"}, {"2", "2000000", "x"}}
	if !reflect.DeepEqual(tables[0].names, []string{"a", "big_number", "s"}) || !reflect.DeepEqual(tables[0].types, []string{"int64", "int64", "utf8"}) || !reflect.DeepEqual(tables[0].rows, want) {
		t.Errorf("table %q %q %q, want rows %q; the screen:\n%s", tables[0].names, tables[0].types, tables[0].rows, want, out)
	}

	// Ctrl-C while typing discards the statement.
	mark := len(s.screen())
	s.send("SELECT 'discarded'")
	s.key("C-c")
	s.send("SELECT 'kept' AS k;")
	out = s.waitFor("the statement after Ctrl-C", mark, func(scr string) bool { return strings.Contains(scr, "1 row (") })
	if strings.Contains(out, "| discarded") || !strings.Contains(out, "| kept") {
		t.Errorf("Ctrl-C while typing did not discard the statement:\n%s", out)
	}

	// Ctrl-C cancels a long query, not the shell.
	mark = len(s.screen())
	s.send("SELECT count(*) FROM shell_big a, shell_big b, shell_big c;")
	s.waitFor("the progress line of the long query", mark, func(scr string) bool { return strings.Contains(scr, "running ") })
	s.key("C-c")
	out = s.waitFor("the cancellation", mark, func(scr string) bool { return strings.Contains(scr, "query cancelled") })
	if strings.Contains(out, "1 row (") {
		t.Errorf("the long query finished before Ctrl-C:\n%s", out)
	}
	mark = len(s.screen())
	s.send("SELECT 6 * 7 AS answer;")
	out = s.waitFor("a query after the cancellation", mark, func(scr string) bool { return strings.Contains(scr, "1 row (") })
	if tb := parseTables(t, out); len(tb) != 1 || !reflect.DeepEqual(tb[0].rows, [][]string{{"42"}}) {
		t.Errorf("the query after the cancel:\n%s", out)
	}

	// Ctrl-D quits; the history holds every statement, one line each.
	s.key("C-d")
	deadline := time.Now().Add(stmtTimeout)
	for {
		if _, err := s.tmux("has-session", "-t", "shell"); err != nil {
			break // the session ended with the shell
		}
		if time.Now().After(deadline) {
			t.Fatalf("Ctrl-D did not end the shell:\n%s", s.screen())
		}
		time.Sleep(100 * time.Millisecond)
	}
	b, err := os.ReadFile(history)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"SELECT a, a * 1000000 AS big_number, 'x' AS s FROM shell_big WHERE a < 3 ORDER BY a;",
		"SELECT count(*) FROM shell_big a, shell_big b, shell_big c;",
	} {
		if !strings.Contains(string(b), want+"\n") {
			t.Errorf("history has no line %q:\n%s", want, b)
		}
	}
}
