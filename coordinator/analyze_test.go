package coordinator

import (
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// TestAnalyzeLines: each stage header of the EXPLAIN text is followed by
// the lines of that fragment's tasks, in task order, whatever order the
// statistics arrived in.
func TestAnalyzeLines(t *testing.T) {
	v := &stage.Values{Names: []string{"x"}, Types: []arrow.DataType{arrow.PrimitiveTypes.Int64}}
	ex := &stage.Exchange{Input: v, Kind: stage.Convergent, Tasks: 1}
	d := stage.Cut(stage.EnforceDistribution(ex, 2))
	if len(d.Fragments) != 2 {
		t.Fatalf("plan has %d fragments:\n%s", len(d.Fragments), d)
	}
	stats := []stage.TaskStatsSpec{
		{Task: stage.TaskID{Fragment: 1, Index: 0}, Worker: "w1", RowsOut: 5, BytesOut: 2048, Wall: 1500 * time.Microsecond, SpilledBytes: 3 << 20},
		{Task: stage.TaskID{Fragment: 0, Index: 0}, Worker: "w2", RowsIn: 5, RowsOut: 5, PeakBytes: 100},
	}
	got := strings.Join(analyzeLines(d, stats), "\n")
	want := strings.Join([]string{
		"Stage 0: result, 1 task",
		"  | task 0.0 on w2: rows in=5 out=5, bytes in=0B out=0B, wall=0s, peak=100B, spilled=0B",
		"    Stage 1: convergent, 1 task",
		"      | task 1.0 on w1: rows in=0 out=5, bytes in=0B out=2.0KiB, wall=1.5ms, peak=0B, spilled=3.0MiB",
	}, "\n")
	// The operator lines are EXPLAIN's; compare the stage and task lines.
	var kept []string
	for _, l := range strings.Split(got, "\n") {
		if strings.Contains(l, "Stage ") || strings.Contains(l, "| task") {
			kept = append(kept, l)
		}
	}
	if strings.Join(kept, "\n") != want {
		t.Errorf("analyze lines:\n%s\nwant (stage and task lines):\n%s\nall:\n%s", strings.Join(kept, "\n"), want, got)
	}
}
