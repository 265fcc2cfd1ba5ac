package coordinator

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/coordinator/physical"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/tpch"
)

// checkExchangeColumns reports every exchange of d that carries a column
// its consumer fragment never reads (other than the exchange's own hash
// keys): what opt.NarrowInputs promises.
func checkExchangeColumns(t *testing.T, pos string, d *stage.DistributedPlan) {
	t.Helper()
	root := d.Root()
	need := make([]bool, root.Root.Schema().NumFields())
	for i := range need {
		need[i] = true
	}
	for _, msg := range unreadColumns(d, root.Root, need) {
		t.Errorf("%s: %s\n%s", pos, msg, d)
	}
}

// unreadColumns walks p, of whose output the plan above reads need, into
// the fragments it reads, and describes each exchange that carries a
// column nobody reads.
func unreadColumns(d *stage.DistributedPlan, p stage.Plan, need []bool) []string {
	if src, ok := p.(*stage.ExchangeSource); ok {
		read := append([]bool(nil), need...)
		for _, k := range src.Keys {
			read[k] = true
		}
		var out []string
		for i, r := range read {
			// A consumer that only counts rows still needs one column.
			if !r && !(len(read) == 1 && !slices.Contains(need, true)) {
				out = append(out, fmt.Sprintf("the exchange from fragment %d carries %s, which fragment reads nothing of",
					src.From, src.Schema().Field(i).Name))
			}
		}
		return append(out, unreadColumns(d, d.Fragment(src.From).Root, read)...)
	}
	var out []string
	for i, child := range p.Children() {
		out = append(out, unreadColumns(d, child, childNeed(p, i, need))...)
	}
	return out
}

// childNeed is what p reads of its input i when the plan above reads need
// of p's output.
func childNeed(p stage.Plan, i int, need []bool) []bool {
	in := make([]bool, p.Children()[i].Schema().NumFields())
	use := func(e stage.Expr) {
		if e != nil {
			logical.ColumnsUsed(e, in)
		}
	}
	switch n := p.(type) {
	case *stage.Filter:
		copy(in, need)
		use(n.Cond)
	case *stage.Project:
		for k, e := range n.Exprs {
			if need[k] {
				use(e)
			}
		}
	case *stage.Aggregate:
		if n.Mode == stage.AggregateFinal { // it merges every state, count(*)'s too
			for k := range in {
				in[k] = true
			}
		}
		for _, g := range n.GroupBy {
			use(g)
		}
		for _, a := range n.Aggs {
			use(a.Arg)
			for _, o := range a.Order {
				use(o.Expr)
			}
		}
	case *stage.Sort:
		copy(in, need)
		for _, k := range n.Keys {
			use(k.Expr)
		}
	case *stage.Limit:
		copy(in, need)
	case *stage.Window:
		copy(in, need[:len(in)])
		for _, e := range n.PartitionBy {
			use(e)
		}
		for _, k := range n.OrderBy {
			use(k.Expr)
		}
		for _, f := range n.Funcs {
			for _, a := range f.Args {
				use(a)
			}
		}
	case *stage.Expand:
		copy(in, need[:len(in)])
		for _, k := range n.Keys {
			in[k] = true
		}
	case *stage.Join:
		nLeft := n.Left.Schema().NumFields()
		keys, mark := n.LeftKeys, n.MarkIn
		if i == 0 {
			copy(in, need[:nLeft])
		} else {
			keys, mark = n.RightKeys, n.RightMark
			if n.Kind == stage.InnerJoin || n.Kind == stage.LeftJoin || n.Kind == stage.FullJoin {
				copy(in, need[nLeft:])
			}
		}
		for _, k := range keys {
			in[k] = true
		}
		if n.Kind == stage.MarkJoin && n.MarkIn >= 0 {
			in[mark] = true
		}
		if n.Cond != nil {
			stage.WalkExpr(n.Cond, func(e stage.Expr) {
				if c, ok := e.(*stage.ColumnRef); ok && (c.Index < nLeft) == (i == 0) {
					in[c.Index-i*nLeft] = true
				}
			})
		}
	default: // set operations compare whole rows
		for k := range in {
			in[k] = true
		}
	}
	return in
}

// TestTPCHExchangeColumns plans the 22 TPC-H queries on tables with scale
// factor 1's row counts and key ranges, loaded plain and bucketed, on 2 and
// 3 workers, and checks that no exchange carries a column its consumer
// does not read (Q13 used to shuffle o_comment after its filter).
func TestTPCHExchangeColumns(t *testing.T) {
	ctx := context.Background()
	for _, layout := range []struct {
		name       string
		partitions int
	}{{"plain", 0}, {"bucketed", 2}} {
		cat := goldenCatalog(t)
		for _, tbl := range tpch.Tables {
			if err := execDDL(ctx, cat, strings.ReplaceAll(tbl.DDL(layout.partitions), "\n", " ")); err != nil {
				t.Fatalf("%s: %v", tbl.Name, err)
			}
			commitTPCHSnapshot(t, ctx, cat, tbl)
		}
		for _, workers := range []int{2, 3} {
			for _, q := range tpch.Queries(1) {
				pos := fmt.Sprintf("%s %s workers=%d", q.Name(), layout.name, workers)
				plans, err := planQueryText(ctx, cat, strings.TrimSuffix(strings.TrimSpace(q.SQL), ";"), physical.Cluster{Workers: workers})
				if err != nil {
					t.Fatalf("%s: %v", pos, err)
				}
				checkExchangeColumns(t, pos, plans.Distributed)
			}
		}
	}
}

// commitTPCHSnapshot commits two fake files holding tbl's rows at scale
// factor 1, with the key ranges dbgen gives them.
func commitTPCHSnapshot(t *testing.T, ctx context.Context, cat catalog.Catalog, tbl *tpch.Table) {
	t.Helper()
	rows := tbl.Rows(1)
	ranges := map[string]int64{"r_regionkey": 5, "n_nationkey": 25, "n_regionkey": 5, "s_suppkey": 10_000, "s_nationkey": 25,
		"c_custkey": 150_000, "c_nationkey": 25, "p_partkey": 200_000, "ps_partkey": 200_000, "ps_suppkey": 10_000,
		"o_orderkey": 6_000_000, "o_custkey": 150_000, "l_orderkey": 6_000_000, "l_partkey": 200_000, "l_suppkey": 10_000, "p_size": 50}
	stored, err := cat.GetTable(ctx, catalog.DefaultDatabase, tbl.Name)
	if err != nil {
		t.Fatal(err)
	}
	var files []catalog.DataFile
	for f := 0; f < 2; f++ {
		file := catalog.DataFile{Path: fmt.Sprintf("f%d.parquet", f), Rows: rows / 2}
		for _, c := range stored.Columns {
			st := catalog.ColumnStats{Name: c.FileName()}
			if hi, ok := ranges[c.Name]; ok {
				st.Min, st.Max = "1", fmt.Sprint(hi)
			}
			file.Columns = append(file.Columns, st)
		}
		files = append(files, file)
	}
	if _, err := cat.CommitFiles(ctx, stored.Database, stored.Name, stored.ID, files); err != nil {
		t.Fatal(err)
	}
}
