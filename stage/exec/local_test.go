package exec_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// valuesSpec is the result task of a fragment over rows of (n BIGINT, s
// VARCHAR) constants.
func valuesSpec(t *testing.T, rows int) *stage.TaskSpec {
	t.Helper()
	v := &stage.Values{Names: []string{"n", "s"}, Types: []arrow.DataType{arrow.PrimitiveTypes.Int64, arrow.BinaryTypes.String}}
	for i := range rows {
		v.Rows = append(v.Rows, []stage.Expr{
			&stage.Literal{Text: strconv.Itoa(i), T: arrow.PrimitiveTypes.Int64},
			&stage.Literal{Text: "row " + strconv.Itoa(i), T: arrow.BinaryTypes.String},
		})
	}
	plan, err := stage.EncodePlan(v)
	if err != nil {
		t.Fatal(err)
	}
	return &stage.TaskSpec{Version: stage.SpecVersion, Query: "q-local", Plan: plan,
		Output: stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: stage.NewSchemaSpec(v.Schema())}}
}

func openLocalEngine(t *testing.T) *exec.Engine {
	t.Helper()
	e, err := exec.OpenEngine(exec.EngineConfig{Threads: 1, MemoryLimit: "64MB"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Close() })
	return e
}

// TestRunLocal: a fragment over constants runs without a worker, its
// batches in the caller's allocator with the promised schema, and the
// connection is released.
func TestRunLocal(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	e := openLocalEngine(t)
	recs, err := e.RunLocal(context.Background(), mem, valuesSpec(t, 3), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for _, r := range recs {
			r.Release()
		}
	}()
	var rows int64
	for _, r := range recs {
		if r.Schema().Field(0).Name != "n" || r.Column(1).DataType().ID() != arrow.STRING {
			t.Errorf("schema %s", r.Schema())
		}
		rows += r.NumRows()
	}
	if rows != 3 {
		t.Fatalf("%d rows, want 3", rows)
	}
	if got := recs[0].Column(1).(*array.String).Value(2); got != "row 2" {
		t.Errorf("row 2 is %q", got)
	}
	if n := e.OpenConnections(); n != 0 {
		t.Errorf("%d connections left open", n)
	}
}

// TestRunLocalBounds: a result over the bound is refused with ErrTooLarge
// and nothing of it is kept; a task that reads an input is not run.
func TestRunLocalBounds(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	e := openLocalEngine(t)
	ctx := context.Background()
	if _, err := e.RunLocal(ctx, mem, valuesSpec(t, 1000), 1000); qerr.CodeOf(err) != qerr.ErrTooLarge {
		t.Errorf("over the bound: %v, want %s", err, qerr.ErrTooLarge)
	}
	spec := valuesSpec(t, 1)
	spec.Inputs = []stage.InputSpec{{Exchange: 1}}
	if _, err := e.RunLocal(ctx, mem, spec, 1<<20); qerr.CodeOf(err) != qerr.ErrInvalid {
		t.Errorf("with an input: %v, want %s", err, qerr.ErrInvalid)
	}
}
