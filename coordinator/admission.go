package coordinator

import (
	"container/list"
	"context"
	"errors"
	"sync"
	"time"

	"github.com/quiverdb/quiver/qerr"
)

// The defaults of Config.MaxRunningQueries, MaxQueuedQueries and
// QueueTimeout. 32 running queries is a fixed cap rather than a multiple
// of the live workers: every query runs a task on every worker it is
// placed on, so what a worker carries grows with the running queries, not
// with the cluster's size.
const (
	DefaultMaxRunningQueries = 32
	DefaultMaxQueuedQueries  = 128
	DefaultQueueTimeout      = 30 * time.Second
)

// admission caps the queries that run on the workers at once
// (Config.MaxRunningQueries): a query beyond the cap waits in FIFO order,
// at most maxQueued of them and each at most timeout; beyond the queue or
// past the timeout it is refused with ErrTooLarge. Every launch takes a
// slot (queries, EXPLAIN ANALYZE, writes); queries the coordinator answers
// itself and EXPLAIN do not.
type admission struct {
	maxRunning int // 0: no cap
	maxQueued  int
	timeout    time.Duration

	mu      sync.Mutex
	running int
	queue   list.List // of chan struct{}, closed when its query is admitted
}

func newAdmission(maxRunning, maxQueued int, timeout time.Duration) *admission {
	return &admission{maxRunning: maxRunning, maxQueued: maxQueued, timeout: timeout}
}

// admit takes a running slot, waiting in line for one while the cap is
// reached. The caller calls release once the query's tasks ended. A
// cancelled ctx while waiting is ErrCancelled.
func (a *admission) admit(ctx context.Context) (release func(), err error) {
	if a.maxRunning <= 0 {
		return func() {}, nil
	}
	a.mu.Lock()
	if a.running < a.maxRunning && a.queue.Len() == 0 {
		a.running++
		a.mu.Unlock()
		return a.releaser(), nil
	}
	if a.queue.Len() >= a.maxQueued {
		running, queued := a.running, a.queue.Len()
		a.mu.Unlock()
		return nil, qerr.ErrTooLarge.New("%d queries running, %d queued, the most allowed (--max-running-queries, --max-queued-queries): try again later", running, queued)
	}
	admitted := make(chan struct{})
	place := a.queue.PushBack(admitted)
	a.mu.Unlock()

	timer := time.NewTimer(a.timeout)
	defer timer.Stop()
	var cause error
	select {
	case <-admitted:
		return a.releaser(), nil
	case <-ctx.Done():
		cause = ctx.Err()
	case <-timer.C:
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	select {
	case <-admitted: // admitted while giving up: the slot is ours to give back
		a.running--
		a.admitNextLocked()
	default:
		a.queue.Remove(place)
	}
	switch {
	case errors.Is(cause, context.DeadlineExceeded):
		return nil, qerr.ErrCancelled.Wrap(cause, "deadline passed while queued for a running slot")
	case cause != nil:
		return nil, qerr.ErrCancelled.Wrap(cause, "cancelled while queued for a running slot")
	}
	return nil, qerr.ErrTooLarge.New("%d queries running, %d queued: waited %s for a running slot (--queue-timeout)", a.running, a.queue.Len(), a.timeout)
}

// releaser gives a slot back once, to the first query in line if any.
func (a *admission) releaser() func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			a.mu.Lock()
			defer a.mu.Unlock()
			a.running--
			a.admitNextLocked()
		})
	}
}

// admitNextLocked hands free slots to the queries first in line.
func (a *admission) admitNextLocked() {
	for a.running < a.maxRunning && a.queue.Len() > 0 {
		first := a.queue.Front()
		a.queue.Remove(first)
		a.running++
		close(first.Value.(chan struct{}))
	}
}

// counts are the queries running and waiting now.
func (a *admission) counts() (running, queued int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.running, a.queue.Len()
}
