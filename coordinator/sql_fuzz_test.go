package coordinator

import (
	"bufio"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/coordinator/physical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/tpch"
)

// logicDir holds the conformance corpus: its statements are the SQL
// fuzzer's seeds and its schema the fuzzer's catalog.
const logicDir = "../integration/testdata/logic"

// FuzzSQL feeds SQL text through the front end a statement takes on the
// coordinator: parse, bind against a catalog with the conformance schema
// and the TPC-H tables, and for a query the optimizer, the scatter step and
// the fragmenter. Whatever the text, nothing panics, and a refusal is a
// Quiver error with a code a client can act on (never INTERNAL, which
// means a bug). Seeds: every statement of the conformance corpus and the 22
// TPC-H queries; `make test` runs them as ordinary tests.
func FuzzSQL(f *testing.F) {
	ctx := context.Background()
	// Two catalogs, since both schemas have an orders table.
	logic, tpchCat := fuzzCatalog(f), fuzzCatalog(f)
	for _, t := range tpch.Tables {
		if err := execDDL(ctx, tpchCat, t.DDL(2)); err != nil {
			f.Fatalf("TPC-H %s: %v", t.Name, err)
		}
	}
	for _, sql := range logicStatements(f, "_schema.test") {
		if strings.HasPrefix(strings.ToUpper(sql), "CREATE") {
			if err := execDDL(ctx, logic, sql); err != nil {
				f.Fatalf("schema %q: %v", sql, err)
			}
		}
	}
	files, err := filepath.Glob(filepath.Join(logicDir, "*.test"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no conformance corpus in %s: %v", logicDir, err)
	}
	for _, file := range files {
		for _, sql := range logicStatements(f, filepath.Base(file)) {
			f.Add(sql)
		}
	}
	for _, q := range tpch.Queries(1) {
		f.Add(q.SQL)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		for _, cat := range []catalog.Catalog{logic, tpchCat} {
			err := frontEnd(ctx, cat, sql)
			var qe *qerr.Error
			if err != nil && (!errors.As(err, &qe) || qe.Code == qerr.ErrInternal) {
				t.Fatalf("%q: error %v (code %s) is not a client's error", sql, err, qerr.CodeOf(err))
			}
		}
	})
}

func fuzzCatalog(f *testing.F) catalog.Catalog {
	cat, err := catalog.OpenBolt(filepath.Join(f.TempDir(), "catalog.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { cat.Close() })
	return cat
}

// frontEnd parses and binds sql and plans a query as far as its fragments.
func frontEnd(ctx context.Context, cat catalog.Catalog, sql string) error {
	sess := PlanSession{Database: catalog.DefaultDatabase, Limits: binder.DefaultLimits}
	pl, err := Plan(ctx, cat, sess, sql, physical.Cluster{Workers: 2})
	if err != nil {
		return err
	}
	if pl.Query != nil {
		_ = pl.Query.Distributed.String()
	}
	return nil
}

// logicStatements are the SQL texts of a conformance file's blocks: the
// lines after a "statement" or "query" header, up to the first blank line,
// "----" results or "-- duckdb:" oracle line.
func logicStatements(f *testing.F, name string) []string {
	file, err := os.Open(filepath.Join(logicDir, name))
	if err != nil {
		f.Fatal(err)
	}
	defer file.Close()
	var out []string
	var cur []string
	in := false
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
		}
		cur, in = nil, false
	}
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "statement") || strings.HasPrefix(line, "query"):
			flush()
			in = true
		case !in:
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "----") || strings.HasPrefix(line, "--"):
			flush()
		default:
			cur = append(cur, line)
		}
	}
	flush()
	return out
}
