package qlog

import (
	"fmt"

	"go.uber.org/zap"
)

// The keys of the fields below, as log readers (tests, the console's log
// search, operators' queries) look them up.
const (
	QueryKey    = "query_id"
	StageKey    = "stage"
	FragmentKey = "fragment"
	TaskKey     = "task"
	WorkerKey   = "worker"
	AttemptKey  = "attempt"
)

// Query names the query a line is about (a stage.QueryID).
func Query[ID ~string](id ID) zap.Field { return zap.String(QueryKey, string(id)) }

// Stage names a stage of a query by the number EXPLAIN, system.stages and
// the console give it: the ID of the fragment it runs. Scheduling logs
// (the coordinator's) speak of stages.
func Stage[N ~int](n N) zap.Field { return zap.Int(StageKey, int(n)) }

// Fragment names a fragment of a distributed plan by its ID (a
// stage.FragmentID): what the wire specs carry. Execution logs (a worker's,
// which runs fragments it was sent) speak of fragments.
func Fragment[N ~int](id N) zap.Field { return zap.Int(FragmentKey, int(id)) }

// Task names a task (a stage.TaskID, printed fragment.index), rendered only
// if the line is written.
func Task(t fmt.Stringer) zap.Field { return zap.Stringer(TaskKey, t) }

// Worker names a worker by its address.
func Worker(addr string) zap.Field { return zap.String(WorkerKey, addr) }

// Attempt is which run of a task a line is about, from 1: a task that is
// retried runs again with the next attempt.
func Attempt(n int) zap.Field { return zap.Int(AttemptKey, n) }
