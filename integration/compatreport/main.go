// Command compatreport writes docs/compatibility.md, the client x feature
// table of Quiver's Flight SQL surface, from the results the test suites
// recorded: every *.jsonl file of a directory (build/compat by default), one
// JSON object a line with the fields client, version, feature, test, result
// (pass, fail or unsupported) and message. The Go integration tests write
// go.jsonl (integration/compat_test.go), pytest writes python.jsonl
// (integration/python/compat_plugin.py), the JDBC suite jdbc.jsonl
// (integration/jdbc, CompatRecorder).
//
// A test recorded twice counts once, with its last outcome. A client or
// feature not listed below is an error: the rows and columns are the
// report's contract, and a misspelt name would otherwise make a row of its
// own.
//
// Usage: go run ./integration/compatreport [-in build/compat] [-out docs/compatibility.md]
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// clients are the report's columns, in order: id as recorded, and the name shown.
var clients = []struct{ id, name string }{
	{"go-adbc", "Go ADBC"},
	{"go-flightsql", "arrow-go Flight SQL"},
	{"python-adbc", "Python ADBC"},
	{"pyarrow-flight", "pyarrow.flight"},
	{"jdbc", "Flight SQL JDBC"},
}

// features are the report's rows, in order.
var features = []string{
	"statement query",
	"DDL/DML update count",
	"prepared statement with parameters",
	"executemany/batch",
	"bulk ingest: create",
	"bulk ingest: append",
	"bulk ingest: create_append",
	"bulk ingest: replace",
	"metadata: catalogs",
	"metadata: schemas",
	"metadata: tables",
	"metadata: columns",
	"metadata: type info",
	"metadata: primary keys",
	"SHOW, DESCRIBE, USE, information_schema",
	"GetSqlInfo",
	"GetSchema",
	"sessions",
	"transactions",
	"authentication",
	"TLS",
	"repeated do_get",
	"partitioned results",
	"RenewFlightEndpoint",
	"PollFlightInfo",
	"cancel",
	"large result",
	"NULLs",
	"types round trip",
	"error codes",
	"dataframes: polars",
	"dataframes: pandas",
	"README examples",
}

// record is one line of a results file.
type record struct {
	Client  string `json:"client"`
	Version string `json:"version"`
	Feature string `json:"feature"`
	Test    string `json:"test"`
	Result  string `json:"result"`
	Message string `json:"message"`
}

func main() {
	in := flag.String("in", "build/compat", "directory of the suites' *.jsonl result files")
	out := flag.String("out", "docs/compatibility.md", "the report to write")
	flag.Parse()
	recs, err := readDir(*in)
	if err == nil {
		err = writeFile(*out, recs, time.Now().UTC())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "compatreport:", err)
		os.Exit(1)
	}
}

// readDir reads every *.jsonl file of dir, in name order.
func readDir(dir string) ([]record, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.jsonl results in %s: run the suites first (make test)", dir)
	}
	sort.Strings(files)
	var recs []record
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		rs, err := parse(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		recs = append(recs, rs...)
	}
	return recs, nil
}

// parse reads one results file and checks every name and result in it.
func parse(r io.Reader) ([]record, error) {
	var recs []record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var rec record
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if err := check(rec); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		recs = append(recs, rec)
	}
	return recs, sc.Err()
}

func check(rec record) error {
	if clientIndex(rec.Client) < 0 {
		return fmt.Errorf("unknown client %q (known: see clients in integration/compatreport)", rec.Client)
	}
	if featureIndex(rec.Feature) < 0 {
		return fmt.Errorf("unknown feature %q (known: see features in integration/compatreport)", rec.Feature)
	}
	switch rec.Result {
	case "pass", "fail", "unsupported":
	default:
		return fmt.Errorf("result %q of %s: want pass, fail or unsupported", rec.Result, rec.Test)
	}
	if rec.Test == "" {
		return errors.New("record without a test name")
	}
	return nil
}

func clientIndex(id string) int {
	for i, c := range clients {
		if c.id == id {
			return i
		}
	}
	return -1
}

func featureIndex(f string) int {
	for i, x := range features {
		if x == f {
			return i
		}
	}
	return -1
}

// cell is what the tests of one client and feature showed.
type cell struct {
	pass, fail, unsupported int
}

func (c cell) String() string {
	n := c.pass + c.fail + c.unsupported
	switch {
	case n == 0:
		return ""
	case c.fail > 0:
		return fmt.Sprintf("**fail** (%d of %d)", c.fail, n)
	case c.pass == 0:
		return fmt.Sprintf("unsupported (%d)", n)
	case c.unsupported > 0:
		return fmt.Sprintf("partial (%d of %d pass)", c.pass, n)
	default:
		return fmt.Sprintf("pass (%d)", n)
	}
}

// report is the table: the last record of each (client, feature, test).
type report struct {
	cells    map[[2]int]*cell
	versions map[int]string
	problems []record // records that did not pass, in table order
}

func build(recs []record) report {
	type key struct{ client, feature, test string }
	last := map[key]record{}
	var order []key
	for _, r := range recs {
		k := key{r.Client, r.Feature, r.Test}
		if _, ok := last[k]; !ok {
			order = append(order, k)
		}
		last[k] = r
	}
	rep := report{cells: map[[2]int]*cell{}, versions: map[int]string{}}
	for _, k := range order {
		r := last[k]
		ci, fi := clientIndex(r.Client), featureIndex(r.Feature)
		if r.Version != "" {
			rep.versions[ci] = r.Version
		}
		c := rep.cells[[2]int{fi, ci}]
		if c == nil {
			c = &cell{}
			rep.cells[[2]int{fi, ci}] = c
		}
		switch r.Result {
		case "pass":
			c.pass++
		case "fail":
			c.fail++
			rep.problems = append(rep.problems, r)
		case "unsupported":
			c.unsupported++
			rep.problems = append(rep.problems, r)
		}
	}
	sort.SliceStable(rep.problems, func(i, j int) bool {
		a, b := rep.problems[i], rep.problems[j]
		if fa, fb := featureIndex(a.Feature), featureIndex(b.Feature); fa != fb {
			return fa < fb
		}
		if ca, cb := clientIndex(a.Client), clientIndex(b.Client); ca != cb {
			return ca < cb
		}
		return a.Test < b.Test
	})
	return rep
}

func writeFile(path string, recs []record, now time.Time) error {
	var b strings.Builder
	render(&b, build(recs), now)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// render writes the report as Markdown.
func render(w io.Writer, rep report, now time.Time) {
	fmt.Fprintf(w, "# Client compatibility\n\n")
	fmt.Fprintf(w, "Which Flight SQL client can use which feature of Quiver, as the test suites found it on %s.\n", now.Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(w, "`make test` writes this page (`go run ./integration/compatreport`) from the results that every\n")
	fmt.Fprintf(w, "suite records per test in `build/compat/`: the Go integration tests (`integration/`), pytest\n")
	fmt.Fprintf(w, "(`integration/python/`) and the JDBC suite (`integration/jdbc/`). Do not edit it by hand.\n\n")
	fmt.Fprintf(w, "A cell counts the tests of that feature with that client: **pass** (every one passed), **fail**\n")
	fmt.Fprintf(w, "(how many failed), **unsupported** (none passed: the server answered `UNIMPLEMENTED`, or the\n")
	fmt.Fprintf(w, "test skipped because the server or the client lacks the feature), **partial** (some passed,\n")
	fmt.Fprintf(w, "the others are unsupported); empty: no test of it with that client. The list below the table\n")
	fmt.Fprintf(w, "says why each test that did not pass did not.\n")
	fmt.Fprintf(w, "How to connect each client: README.md, \"Clients\".\n\n")
	fmt.Fprint(w, "| feature |")
	for i, c := range clients {
		name := c.name
		if v := rep.versions[i]; v != "" {
			name += " " + v
		}
		fmt.Fprintf(w, " %s |", name)
	}
	fmt.Fprint(w, "\n| --- |")
	for range clients {
		fmt.Fprint(w, " --- |")
	}
	fmt.Fprintln(w)
	for fi, f := range features {
		fmt.Fprintf(w, "| %s |", f)
		for ci := range clients {
			s := ""
			if c := rep.cells[[2]int{fi, ci}]; c != nil {
				s = c.String()
			}
			fmt.Fprintf(w, " %s |", s)
		}
		fmt.Fprintln(w)
	}
	if len(rep.problems) == 0 {
		fmt.Fprintf(w, "\nEvery recorded test passed.\n")
		return
	}
	fmt.Fprintf(w, "\n## Tests that did not pass\n\n")
	for _, r := range rep.problems {
		msg := strings.Join(strings.Fields(r.Message), " ")
		if len(msg) > 240 {
			msg = msg[:240] + "..."
		}
		fmt.Fprintf(w, "- %s, %s: `%s` %s", r.Feature, r.Client, r.Test, r.Result)
		if msg != "" {
			fmt.Fprintf(w, ": %s", strings.ReplaceAll(msg, "|", "\\|"))
		}
		fmt.Fprintln(w)
	}
}
