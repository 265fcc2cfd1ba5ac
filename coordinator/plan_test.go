package coordinator

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/cockroachdb/datadriven"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/coordinator/opt"
	"github.com/quiverdb/quiver/coordinator/physical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// TestPlans runs the planner goldens in testdata/plans. Commands mirror the
// pipeline:
//
//	exec                   DDL statements, one per line, against a fresh catalog
//	snapshot table=t files=N rows=R [ranges=(col=lo..hi,...)] [distinct=(col=D,...)]
//	                       commit N fake files holding R rows, with min / max
//	                       statistics and sketches of D distinct values
//	bind                   the bound logical plan
//	opt [expect=(Rule,...)] the plan after the optimizer's rules; with expect,
//	                       the test fails unless each named rule fired
//	opt-steps              the plan after each rule that fired, in order
//	scatter workers=N [broadcast=R]
//	                       the distributed plan, as EXPLAIN prints it
//	prepare                the types inferred for the ? markers and the
//	                       result schema of the prepared statement
//	execute values=(v,...) the plan bound with the values, given as
//	                       strings and converted to the markers' types
//	write workers=N        a write statement's distributed plan (writePlan),
//	                       and for UPDATE the plan that counts changed rows
//
// Every command runs the planning pipeline (Plan) and prints a layer of it.
// Rewrite the expectations with `go test ./coordinator -run TestPlans -rewrite`.
func TestPlans(t *testing.T) {
	datadriven.Walk(t, "testdata/plans", func(t *testing.T, path string) {
		ctx := context.Background()
		cat := goldenCatalog(t)
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			switch d.Cmd {
			case "exec", "snapshot":
				return setUp(t, ctx, cat, d)
			case "prepare", "execute":
				var values []string
				for _, arg := range d.CmdArgs {
					if arg.Key == "values" {
						values = arg.Vals
					}
				}
				out, err := prepareAndBind(ctx, cat, d.Input, d.Cmd == "execute", values)
				if err != nil {
					return errorText(err)
				}
				return out
			case "write":
				out, err := writeText(ctx, cat, d.Input, goldenCluster(t, d))
				if err != nil {
					return errorText(err)
				}
				return out
			case "bind", "opt", "opt-steps", "scatter":
				q, err := planQueryText(ctx, cat, d.Input, goldenCluster(t, d))
				if err != nil {
					return errorText(err)
				}
				switch d.Cmd {
				case "bind":
					return logical.Format(q.Logical)
				case "opt":
					for _, arg := range d.CmdArgs {
						if arg.Key != "expect" {
							continue
						}
						for _, rule := range arg.Vals {
							if !slices.ContainsFunc(q.Steps, func(s opt.Step) bool { return s.Rule == rule }) {
								t.Errorf("%s: rule %s did not fire", d.Pos, rule)
							}
						}
					}
					return logical.Format(q.Optimized)
				case "opt-steps":
					var b strings.Builder
					for _, step := range q.Steps {
						fmt.Fprintf(&b, "%s\n%s", step.Rule, indent(logical.Format(step.Plan)))
					}
					return b.String()
				}
				return q.Distributed.String()
			}
			t.Fatalf("unknown command %s", d.Cmd)
			return ""
		})
	})
}

// TestDistributionInvariants plans the query of every scatter golden and
// checks what EnforceDistribution promises: every input delivers what its
// operator requires, and enforcing the result again changes nothing; and
// what NarrowInputs promises: no exchange carries a column its consumer
// does not read.
func TestDistributionInvariants(t *testing.T) {
	datadriven.Walk(t, "testdata/plans", func(t *testing.T, path string) {
		ctx := context.Background()
		cat := goldenCatalog(t)
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			switch d.Cmd {
			case "exec", "snapshot":
				return setUp(t, ctx, cat, d)
			case "scatter":
				cluster := goldenCluster(t, d)
				q, err := planQueryText(ctx, cat, d.Input, cluster)
				if err != nil {
					return d.Expected // an error golden: nothing to distribute
				}
				phys, err := physical.Plan(q.Optimized, cluster)
				if err != nil {
					t.Fatalf("%s: %v", d.Pos, err)
				}
				once, part := stage.EnforceDistribution(phys, cluster.Workers)
				if got := checkDistribution(t, d.Pos, once); got.String() != part.String() {
					t.Errorf("%s: the root delivers %s, enforce says %s", d.Pos, got, part)
				}
				if twice, _ := stage.EnforceDistribution(once, cluster.Workers); stage.Format(twice) != stage.Format(once) {
					t.Errorf("%s: enforcing twice changed the plan:\n%s\nthen\n%s", d.Pos, stage.Format(once), stage.Format(twice))
				}
				checkExchangeColumns(t, d.Pos, q.Distributed)
			}
			return d.Expected
		})
	})
}

// checkDistribution reports every input of p that does not deliver what
// its operator requires, and returns what p delivers.
func checkDistribution(t *testing.T, pos string, p stage.Plan) stage.Partitioning {
	children := p.Children()
	parts := make([]stage.Partitioning, len(children))
	for i, c := range children {
		parts[i] = checkDistribution(t, pos, c)
	}
	for i, req := range p.Required() {
		if !parts[i].Satisfies(req) {
			t.Errorf("%s: input %d of %q delivers %s, it requires %s", pos, i, p.Explain(), parts[i], req)
		}
	}
	return p.Delivered(parts)
}

func goldenCatalog(t *testing.T) catalog.Catalog {
	cat, err := catalog.OpenBolt(filepath.Join(t.TempDir(), "catalog.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cat.Close() })
	return cat
}

// goldenCluster is the cluster of a command's workers=N (2 by default),
// broadcast=R and filters=off arguments.
func goldenCluster(t *testing.T, d *datadriven.TestData) physical.Cluster {
	cluster := physical.Cluster{Workers: 2}
	if d.HasArg("workers") {
		d.ScanArgs(t, "workers", &cluster.Workers)
	}
	if d.HasArg("broadcast") {
		var rows int
		d.ScanArgs(t, "broadcast", &rows)
		cluster.BroadcastRows = float64(rows)
	}
	if d.HasArg("filters") {
		var on string
		d.ScanArgs(t, "filters", &on)
		cluster.NoRuntimeFilters = on == "off"
	}
	return cluster
}

// setUp runs the commands that prepare the catalog:
//
//	exec                   DDL statements, one per line
//	snapshot table=t files=N rows=R [ranges=(col=lo..hi,...)] [distinct=(col=D,...)]
//	                       commit N fake files holding R rows, with min / max
//	                       statistics and sketches of D distinct values
func setUp(t testing.TB, ctx context.Context, cat catalog.Catalog, d *datadriven.TestData) string {
	switch d.Cmd {
	case "exec":
		for _, sql := range strings.Split(strings.TrimSpace(d.Input), "\n") {
			if err := execDDL(ctx, cat, sql); err != nil {
				return errorText(err)
			}
		}
		return ""
	}
	var table string
	var files, rows int
	d.ScanArgs(t, "table", &table)
	d.ScanArgs(t, "files", &files)
	d.ScanArgs(t, "rows", &rows)
	tbl, err := cat.GetTable(ctx, catalog.DefaultDatabase, table)
	if err != nil {
		return errorText(err)
	}
	// ranges=(col=lo..hi, ...) gives every file those min / max
	// statistics: what the planner estimates distinct values from.
	var stats []catalog.ColumnStats
	for _, arg := range d.CmdArgs {
		if arg.Key != "ranges" {
			continue
		}
		for _, v := range arg.Vals {
			name, bounds, _ := strings.Cut(strings.TrimSpace(v), "=")
			lo, hi, _ := strings.Cut(bounds, "..")
			stats = append(stats, catalog.ColumnStats{Name: name, Min: lo, Max: hi})
		}
	}
	// distinct=(col=D, ...) gives every file a sketch of the same D
	// values, so that the snapshot holds D distinct values of col.
	sketches := map[string][]byte{}
	for _, arg := range d.CmdArgs {
		if arg.Key != "distinct" {
			continue
		}
		for _, v := range arg.Vals {
			name, count, _ := strings.Cut(strings.TrimSpace(v), "=")
			n, err := strconv.Atoi(count)
			if err != nil {
				t.Fatalf("distinct=%s: %v", v, err)
			}
			sk := catalog.NewSketch()
			for i := range n {
				sk.Insert([]byte(strconv.Itoa(i)))
			}
			if sketches[name], err = sk.MarshalBinary(); err != nil {
				t.Fatal(err)
			}
		}
	}
	var fs []catalog.DataFile
	for i := 0; i < files; i++ {
		f := catalog.DataFile{Path: fmt.Sprintf("%s/f%d.parquet", table, i), Rows: int64(rows / files)}
		for _, c := range tbl.Columns {
			cs := catalog.ColumnStats{Name: c.Name}
			for _, s := range stats {
				if s.Name == c.Name {
					cs = s
				}
			}
			cs.Sketch = sketches[c.Name]
			f.Columns = append(f.Columns, cs)
		}
		fs = append(fs, f)
	}
	if _, err := cat.CommitFiles(ctx, tbl.Database, tbl.Name, tbl.ID, fs); err != nil {
		return errorText(err)
	}
	return ""
}

func errorText(err error) string {
	return fmt.Sprintf("error %s: %s\n", qerr.CodeOf(err), err)
}

// planQueryText runs a query through the planning pipeline.
func planQueryText(ctx context.Context, cat catalog.Catalog, sql string, cluster physical.Cluster) (*Plans, error) {
	env := binder.Env{User: "tester", Version: "0.0.0-test", Variables: []binder.Variable{{Name: "parallelism", Value: "0"}}}
	pl, err := Plan(ctx, cat, PlanSession{Database: catalog.DefaultDatabase, Env: env, Limits: binder.DefaultLimits}, sql, cluster)
	if err != nil {
		return nil, err
	}
	if pl.Query == nil {
		return nil, fmt.Errorf("not a query: %T", pl.Stmt)
	}
	return pl.Query, nil
}

// writeText plans a write statement and prints what it writes and how.
func writeText(ctx context.Context, cat catalog.Catalog, sql string, cluster physical.Cluster) (string, error) {
	pl, err := Plan(ctx, cat, PlanSession{Database: catalog.DefaultDatabase, Limits: binder.DefaultLimits}, sql, cluster)
	if err != nil {
		return "", err
	}
	w, ok := pl.Stmt.(binder.Write)
	if !ok {
		return fmt.Sprintf("%s writes no rows\n", strings.TrimPrefix(fmt.Sprintf("%T", pl.Stmt), "*binder.")), nil
	}
	target, rows, reads := w.Rows()
	var cols []string
	for _, c := range target.Columns {
		cols = append(cols, c.Name+" "+catalog.TypeString(c.Type))
	}
	head := fmt.Sprintf("%s into %s.%s columns=[%s]\n", strings.TrimPrefix(fmt.Sprintf("%T", pl.Stmt), "*binder."), target.Database, target.Name, strings.Join(cols, ", "))
	if rows == nil {
		return head + "writes no rows: removes every file\n", nil
	}
	d, err := writePlan(ctx, target, rows, reads, cluster)
	if err != nil {
		return "", err
	}
	out := head + d.String()
	// The plan prints a constant relation's row count; an INSERT's values
	// follow, as bound and cast to the columns.
	if ins, ok := pl.Stmt.(*binder.Insert); ok {
		if v, ok := ins.Plan.(*logical.Values); ok {
			for _, row := range v.Rows {
				texts := make([]string, len(row))
				for i, e := range row {
					texts[i] = e.String()
				}
				out += "values: " + strings.Join(texts, ", ") + "\n"
			}
		}
	}
	var count logical.Plan
	switch s := pl.Stmt.(type) {
	case *binder.Update:
		count = s.Changed
	case *binder.Upsert:
		count = s.Affected
	}
	if count != nil {
		q, err := planQuery(ctx, count, reads, cluster)
		if err != nil {
			return "", err
		}
		out += "changed rows:\n" + q.Distributed.String()
	}
	return out, nil
}

func indent(text string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(text, "\n") {
		if l != "" {
			b.WriteString("  " + l)
		}
	}
	return b.String()
}

// prepareAndBind infers the parameter types of sql and prints them with the
// prepared schema, or, executing, the plan bound with values (NULL is a
// NULL, anything else a string value).
func prepareAndBind(ctx context.Context, cat catalog.Catalog, sql string, execute bool, values []string) (string, error) {
	ast, err := binder.Parse(sql)
	if err != nil {
		return "", err
	}
	types, err := binder.New(cat, catalog.DefaultDatabase).InferParams(ctx, ast)
	if err != nil {
		return "", err
	}
	var lits []*stage.Literal
	if execute {
		b := array.NewStringBuilder(memory.NewGoAllocator())
		for _, v := range values {
			if v == "NULL" {
				b.AppendNull()
			} else {
				b.Append(v)
			}
		}
		col := b.NewStringArray()
		defer col.Release()
		lits = make([]*stage.Literal, len(types))
		for i := range lits {
			if i >= col.Len() {
				return "", fmt.Errorf("%d values for %d parameters", col.Len(), len(types))
			}
			one := array.NewSlice(col, int64(i), int64(i+1))
			lits[i], err = binder.ParamValue(i, types[i], one, 0)
			one.Release()
			if err != nil {
				return "", err
			}
		}
	}
	sess := PlanSession{Database: catalog.DefaultDatabase, Limits: binder.DefaultLimits, ParamTypes: types, Params: lits}
	pl, err := Plan(ctx, cat, sess, sql, physical.Cluster{Workers: 2})
	if err != nil {
		return "", err
	}
	stmt := pl.Stmt
	if execute {
		switch s := stmt.(type) {
		case *binder.Query:
			return logical.Format(s.Plan), nil
		case *binder.Insert:
			return logical.Format(s.Plan), nil
		}
		return fmt.Sprintf("%T\n", stmt), nil
	}
	var sb strings.Builder
	sb.WriteString("params:")
	for i, t := range types {
		fmt.Fprintf(&sb, " $%d %s", i+1, t)
	}
	sb.WriteString("\nschema:")
	if q, ok := stmt.(*binder.Query); ok {
		for _, f := range q.Plan.Schema().Fields() {
			fmt.Fprintf(&sb, " %s %s", f.Name, f.Type)
		}
	}
	sb.WriteString("\n")
	return sb.String(), nil
}

func execDDL(ctx context.Context, cat catalog.Catalog, sql string) error {
	pl, err := Plan(ctx, cat, PlanSession{Database: catalog.DefaultDatabase, Limits: binder.DefaultLimits}, sql, physical.Cluster{Workers: 1})
	if err != nil {
		return err
	}
	c := &Coordinator{cat: cat}
	_, err = c.runUpdate(ctx, pl.Stmt, nil)
	return err
}
