package coordinator

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// TestQueryPlanStages: a stage's state is its worst task's (failed, then
// cancelled, then running, else finished), its counts are its finished
// tasks' sums, and Progress counts ended tasks and the result stage's rows.
func TestQueryPlanStages(t *testing.T) {
	v := &stage.Values{Names: []string{"x"}, Types: []arrow.DataType{arrow.PrimitiveTypes.Int64}}
	// A gather of two producer tasks into the result.
	d := &stage.DistributedPlan{Fragments: []*stage.Fragment{
		{ID: 0, Root: v, Tasks: 1, Output: stage.FragmentOutput{Consumer: -1}, Inputs: []stage.FragmentID{1}},
		{ID: 1, Root: v, Tasks: 2, Output: stage.FragmentOutput{Kind: stage.Convergent, Consumer: 0}},
	}}
	c, members, _ := lifecycleCluster(t, 1, Config{QueryTimeout: time.Minute, ResultTTL: time.Minute})
	q := c.newQuery(context.Background(), d, func() {})
	a := q.newAttempt(1, place(d, members), nil)
	for id := range a.tasks {
		q.taskStarted(a, id, nil)
	}
	end := func(id stage.TaskID, st stage.TaskStatsSpec, err error) {
		t.Helper()
		tk := a.tasks[id]
		tk.state, tk.err = TaskRunning, nil // a task ends once; here it is made to end again
		q.taskEnded(tk, st, err)
	}
	finish := func(id stage.TaskID, rows int64) {
		end(id, stage.TaskStatsSpec{Task: id, RowsOut: rows, BytesOut: 8 * rows}, nil)
	}
	stages := func() []StageInfo {
		return QueryPlan{Plan: d, Tasks: q.taskInfos()}.Stages()
	}
	states := func() string {
		var out string
		for _, s := range stages() {
			out += fmt.Sprintf("%d:%s:%s ", s.ID, s.Kind, s.State)
		}
		return out
	}

	if got := states(); got != "0:result:running 1:convergent:running " {
		t.Errorf("nothing ended: %s", got)
	}
	finish(task(1, 0), 3)
	if got := states(); got != "0:result:running 1:convergent:running " {
		t.Errorf("one producer finished: %s", got)
	}
	end(task(1, 1), stage.TaskStatsSpec{}, qerr.ErrCancelled.New("cancelled"))
	if got := states(); got != "0:result:running 1:convergent:cancelled " {
		t.Errorf("one producer cancelled: %s", got)
	}
	end(task(1, 1), stage.TaskStatsSpec{}, errors.New("disk full"))
	if got := states(); got != "0:result:running 1:convergent:failed " {
		t.Errorf("one producer failed: %s", got)
	}
	finish(task(1, 1), 4)
	finish(task(0, 0), 7)
	if got := states(); got != "0:result:finished 1:convergent:finished " {
		t.Errorf("all finished: %s", got)
	}
	s := stages()[1]
	if s.RowsOut != 7 || s.BytesOut != 56 || len(s.TaskList) != 2 || s.Consumer != 0 {
		t.Errorf("producer stage: %+v", s)
	}
	if ops := stages()[1].Operators; len(ops) != 1 || ops[0] != "Values" {
		t.Errorf("operators of the producer stage: %v", ops)
	}
	qp := QueryPlan{Plan: d, Tasks: []TaskInfo{q.taskInfos()[0], {ID: task(1, 0), State: TaskRunning}}}
	if ended, rows, bytes := qp.Progress(); ended != 1 || rows != 7 || bytes != 56 {
		t.Errorf("Progress = %d, %d, %d; want 1, 7, 56", ended, rows, bytes)
	}
}
