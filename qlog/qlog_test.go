package qlog_test

import (
	"fmt"

	"testing"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/quiverdb/quiver/qlog"
)

type queryID string

type fragmentID int

type taskID struct{ fragment, index int }

func (t taskID) String() string { return fmt.Sprintf("%d.%d", t.fragment, t.index) }

// TestFields pins the key and value of every field: log readers look them
// up by these names.
func TestFields(t *testing.T) {
	core, logs := observer.New(zapcore.DebugLevel)
	zap.New(core).Info("x",
		qlog.Query(queryID("q1")), qlog.Stage(fragmentID(3)), qlog.Fragment(fragmentID(3)),
		qlog.Task(taskID{3, 1}), qlog.Worker("127.0.0.1:7001"), qlog.Attempt(1))
	got := logs.All()[0].ContextMap()
	want := map[string]any{
		"query_id": "q1", "stage": int64(3), "fragment": int64(3),
		"task": "3.1", "worker": "127.0.0.1:7001", "attempt": int64(1),
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %#v, want %#v", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("fields %v, want %v", got, want)
	}
}
