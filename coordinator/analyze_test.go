package coordinator

import (
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// TestAnalyzeNotes: EXPLAIN ANALYZE's lines are EXPLAIN's with, under each
// fragment's root line, the stage's totals (wall and peak the maxima of its
// tasks) and one line per task in task order, whatever order the
// statistics arrived in, with its start and end from the first task's start
// where its worker reported a start.
func TestAnalyzeNotes(t *testing.T) {
	v := &stage.Values{Names: []string{"x"}, Types: []arrow.DataType{arrow.PrimitiveTypes.Int64}}
	gather := &stage.Exchange{Input: v, Kind: stage.Convergent, Tasks: 1}
	d := &stage.DistributedPlan{Fragments: []*stage.Fragment{
		{ID: 0, Root: stage.NewExchangeSource(1, gather), Tasks: 1, Output: stage.FragmentOutput{Consumer: -1}, Inputs: []stage.FragmentID{1}},
		{ID: 1, Root: v, Tasks: 2, Output: stage.FragmentOutput{Kind: stage.Convergent, Consumer: 0}},
	}}
	t0 := time.Date(2026, 12, 3, 1, 0, 0, 0, time.UTC)
	stats := []stage.TaskStatsSpec{
		{Task: stage.TaskID{Fragment: 1, Index: 1}, Worker: "w3", RowsOut: 2, BytesOut: 1024, Wall: 3 * time.Millisecond, PeakBytes: 10, Started: t0.Add(time.Millisecond)},
		{Task: stage.TaskID{Fragment: 0, Index: 0}, Worker: "w2", RowsIn: 5, RowsOut: 5, PeakBytes: 100},
		{Task: stage.TaskID{Fragment: 1, Index: 0}, Worker: "w1", RowsOut: 3, BytesOut: 2048, Wall: 1500 * time.Microsecond, SpilledBytes: 3 << 20, Started: t0},
	}
	got := strings.Join(d.Explain(taskNotes(stats)), "\n")
	want := strings.Join([]string{
		"Exchange Convergent -> 1  <- stage 0, result, 1 task",
		"  | stage 0, totals of 1 of 1 tasks: rows in=5 out=5, bytes in=0B out=0B, wall max=0s, peak max=100B, spilled=0B",
		"  | task 0.0 on w2: rows in=5 out=5, bytes in=0B out=0B, wall=0s, peak=100B, spilled=0B",
		"  Values: rows=0          <- stage 1, convergent, 2 tasks",
		"    | stage 1, totals of 2 of 2 tasks: rows in=0 out=5, bytes in=0B out=3.0KiB, wall max=3ms, peak max=10B, spilled=3.0MiB",
		"    | task 1.0 on w1: rows in=0 out=3, bytes in=0B out=2.0KiB, wall=1.5ms, peak=0B, spilled=3.0MiB, start=+0s end=+1.5ms",
		"    | task 1.1 on w3: rows in=0 out=2, bytes in=0B out=1.0KiB, wall=3ms, peak=10B, spilled=0B, start=+1ms end=+4ms",
	}, "\n")
	if got != want {
		t.Errorf("analyze lines:\n%s\nwant:\n%s", got, want)
	}
}
