package catalog

import (
	"context"
	"errors"
	"fmt"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// Group commit. An append's transaction is short once it writes only its
// own files (bolt_files.go); what is left of its cost is bbolt's commit,
// which writes the dirty pages and syncs the file twice. Appends that
// arrive while a transaction commits wait for it and then run together in
// the next one, so that a burst of writers pays for one sync, not one each.
//
// This is bbolt's db.Batch, but for when a group starts: Batch holds every
// call for MaxBatchDelay (10ms) in case others come, so a lone INSERT would
// wait that long for nothing, and a shorter delay gathers fewer calls. Here
// a call finds the file idle and runs at once, or finds a transaction
// committing and joins the group that runs when it is done: the group is
// whatever arrived during one commit, with no wait added.
//
// The rules are Batch's. A group's calls run one after another in one
// transaction, so each sees the ones before it, as if they had run alone
// in that order. If one fails, the transaction is rolled back, the call
// runs again alone, in its caller's goroutine, where its error (or panic)
// is its own, and the others run again together without it. A call may
// therefore run more than once, and must leave nothing behind it but what
// it writes in the transaction: every result it sets is set anew each run.

// groupCommit is the appends queued behind the transaction committing now.
type groupCommit struct {
	mu sync.Mutex
	// queue is the calls that wait for the next transaction; the first of
	// them leads it once the one committing is done.
	queue []*groupCall
	// busy is set while a leader runs its group.
	busy bool
}

type groupCall struct {
	fn   func(*bolt.Tx) error
	done chan error
}

// errLead tells a queued call that its group is next and it leads it;
// errAlone that its group failed on it and it must run alone.
var (
	errLead  = errors.New("catalog: lead the next group commit")
	errAlone = errors.New("catalog: run alone")
)

// appendUpdate is update for a change that only appends files, which may
// share its transaction with other such changes (see Group commit). fn
// must set its results anew each time it runs.
func (c *BoltCatalog) appendUpdate(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := c.group.run(c.db, fn)
	if errors.Is(err, errAlone) {
		err = c.db.Update(fn)
	}
	return c.wrap(op, err)
}

// run runs fn in the next group and returns its outcome, or errAlone.
func (g *groupCommit) run(db *bolt.DB, fn func(*bolt.Tx) error) error {
	call := &groupCall{fn: fn, done: make(chan error, 1)}
	g.mu.Lock()
	g.queue = append(g.queue, call)
	if g.busy {
		g.mu.Unlock()
		if err := <-call.done; !errors.Is(err, errLead) {
			return err
		}
		g.mu.Lock()
	}
	g.busy = true
	calls := g.queue
	g.queue = nil
	g.mu.Unlock()

	commitGroup(db, calls)

	g.mu.Lock()
	if len(g.queue) > 0 {
		g.queue[0].done <- errLead
	} else {
		g.busy = false
	}
	g.mu.Unlock()
	return <-call.done
}

// commitGroup runs calls in one transaction and tells each its outcome:
// the commit's, or errAlone to the one that failed, after which the rest
// run again.
func commitGroup(db *bolt.DB, calls []*groupCall) {
	for len(calls) > 0 {
		failed := -1
		err := db.Update(func(tx *bolt.Tx) error {
			for i, call := range calls {
				if err := callSafely(call.fn, tx); err != nil {
					failed = i
					return err
				}
			}
			return nil
		})
		if failed < 0 {
			for _, call := range calls {
				call.done <- err
			}
			return
		}
		calls[failed].done <- errAlone
		calls = append(calls[:failed:failed], calls[failed+1:]...)
	}
}

// callSafely runs fn, making a panic a failure, so that one call's panic
// does not take the leader's goroutine, and with it the calls it leads,
// down: the call then panics again alone, in its own goroutine.
func callSafely(fn func(*bolt.Tx) error, tx *bolt.Tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return fn(tx)
}
