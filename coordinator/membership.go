package coordinator

import (
	"context"
	"errors"
	"sort"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// WorkerConn is the coordinator's connection to one worker's service.
type WorkerConn interface {
	// RunTask starts a task and returns once the worker has registered its
	// output buffers.
	RunTask(ctx context.Context, spec *stage.TaskSpec) (TaskRun, error)
	// CancelQuery stops every task of a query on the worker and frees its
	// buffers; a reader that comes for them gets cause (nil: cancelled).
	CancelQuery(ctx context.Context, q stage.QueryID, cause error) error
	// CancelAttempt is CancelQuery of the query's attempts up to upTo,
	// given up for a later one that runs on: the worker refuses them from
	// then on, and a result reader that has read nothing follows to the
	// later attempt's buffer.
	CancelAttempt(ctx context.Context, q stage.QueryID, upTo int, cause error) error
	// CancelTasks is CancelQuery of the given task attempts only: a retry
	// runs them again elsewhere, or their retained output was consumed.
	// The query's other tasks run on.
	CancelTasks(ctx context.Context, q stage.QueryID, tasks []stage.TaskAttempt, cause error) error
	// RenewQuery keeps a query's tasks and buffers on the worker until
	// until; a worker that holds nothing of it answers ErrNotFound.
	RenewQuery(ctx context.Context, q stage.QueryID, until time.Time) error
	// Write streams batches into one new Parquet file of a table.
	Write(ctx context.Context, spec stage.WriteSpec, rdr array.RecordReader) (catalog.DataFile, error)
	Close() error
}

// TaskRun is a started task.
type TaskRun interface {
	// Wait returns the task's statistics once it has finished, or its error.
	Wait(ctx context.Context) (stage.TaskStatsSpec, error)
}

// LostError is the error of a call to the worker at Addr that could not
// reach it: the connection was refused or lost, the process is gone. It
// is not an error the worker raised, nor one it relays about another
// worker. A WorkerConn returns it so that the coordinator suspects the
// worker; Err is the error itself (ErrUnavailable, retryable).
type LostError struct {
	Addr string
	Err  error
}

func (e *LostError) Error() string { return e.Err.Error() }
func (e *LostError) Unwrap() error { return e.Err }

// lostWorker reports whether err says that a call could not reach its
// worker.
func lostWorker(err error) bool {
	_, ok := lostAddr(err)
	return ok
}

// lostAddr is the worker that err says a call could not reach: the
// worker called, or a peer of it that it relays as lost (a consumer task
// whose producer's worker is gone).
func lostAddr(err error) (string, bool) {
	var lost *LostError
	if errors.As(err, &lost) {
		return lost.Addr, true
	}
	return "", false
}

// Dialer connects to a worker's service at addr.
type Dialer func(ctx context.Context, addr string) (WorkerConn, error)

// Member is a worker the coordinator hears from. A Member is never
// changed once handed out but for lastSeen and suspect (under the
// membership's lock): a worker that restarts becomes a new Member with a
// new connection, and tasks placed on the old one keep the old one.
type Member struct {
	Addr string
	Conn WorkerConn
	// incarnation names the worker process (HeartbeatSpec's): a new one on
	// the same address is a restart.
	incarnation string
	lastSeen    time.Time
	// suspect is why a call to the worker failed as if it were gone (nil:
	// not suspect). A suspect is not live until it heartbeats again.
	suspect error
	// owed are the cancels the worker did not take (Membership.Owe), sent
	// again after its next heartbeat.
	owed []owedCancel
}

// owedCancel is a cancel that did not reach its worker: call makes it
// again, until the worker's own deadline for what it names has passed.
type owedCancel struct {
	what  string
	until time.Time
	call  func(ctx context.Context) error
}

// maxOwed bounds a member's owed cancels; beyond it the oldest are
// dropped, left to the deadlines their tasks carry.
const maxOwed = 1024

// Membership is the set of workers that heartbeat. A worker that has not
// been heard from for the timeout leaves it (its connection stays open
// until it comes back or restarts: a paused worker's tasks finish); one
// that a call found unreachable is suspect at once and out of the live set
// until its next heartbeat. The scheduler places tasks only on live
// workers.
type Membership struct {
	dial    Dialer
	timeout time.Duration
	log     *zap.Logger

	mu      sync.Mutex
	members map[string]*Member
	// departed are the members that left by the timeout, by address, their
	// connections open: tasks that run on one finish if it was only paused,
	// and its next heartbeat in the same incarnation brings it back as it
	// was. A restart (a new incarnation) closes it.
	departed map[string]*Member
	// lost is closed, and replaced, whenever a worker leaves the live set
	// (suspect or departed): running queries look again at their workers.
	lost chan struct{}
}

// NewMembership returns an empty membership that drops a worker silent for
// longer than timeout.
func NewMembership(dial Dialer, timeout time.Duration, log *zap.Logger) *Membership {
	return &Membership{dial: dial, timeout: timeout, log: log, members: map[string]*Member{}, departed: map[string]*Member{},
		lost: make(chan struct{})}
}

// Lost is closed at the next time a worker leaves the live set (it is
// suspect, or silent past the timeout once Live or Sweep looks).
func (m *Membership) Lost() <-chan struct{} {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lost
}

// lostLocked tells Lost's waiters that a worker left. m.mu is held.
func (m *Membership) lostLocked() {
	close(m.lost)
	m.lost = make(chan struct{})
}

// Sweep drops the workers silent past the timeout, as Live does, every
// quarter of the timeout until ctx ends, so that a worker that stops
// heartbeating leaves while no plan asks (queries that run on it learn of
// it through Lost).
func (m *Membership) Sweep(ctx context.Context) {
	tick := time.NewTicker(max(m.timeout/4, 10*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			m.Live()
		}
	}
}

// IsLive reports whether mem is in the live set: neither suspect, nor
// silent past the timeout, nor departed, nor replaced by a restart. A
// member this membership never held (a test's) is live.
func (m *Membership) IsLive(mem *Member) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	cur, ok := m.members[mem.Addr]
	if !ok {
		_, departed := m.departed[mem.Addr]
		return !departed
	}
	return cur == mem && mem.suspect == nil && time.Since(mem.lastSeen) <= m.timeout
}

// Heartbeat records that the worker at addr, the process incarnation, is
// alive: a suspect rejoins, and a worker heard from the first time, or
// again with a new incarnation (a restart on the same address), is
// connected to anew. It takes the membership's lock only to read and set
// the member, never across a call, so that no query holds it up.
func (m *Membership) Heartbeat(ctx context.Context, addr, incarnation string) error {
	ok, gone := m.beat(addr, incarnation)
	if gone != nil {
		_ = gone.Conn.Close() // it restarted: the old process is gone
	}
	if ok {
		m.payOwed(addr)
		return nil
	}
	conn, err := m.dial(ctx, addr)
	if err != nil {
		return err
	}
	mem := &Member{Addr: addr, Conn: conn, incarnation: incarnation, lastSeen: time.Now()}
	m.mu.Lock()
	old, ok := m.members[addr]
	if ok && (old.incarnation == incarnation || incarnation == "") { // a concurrent heartbeat won
		old.lastSeen, old.suspect = time.Now(), nil
		m.mu.Unlock()
		_ = conn.Close()
		return nil
	}
	m.members[addr] = mem
	if ok {
		m.lostLocked() // the old process left
	}
	m.mu.Unlock()
	if ok {
		// The old process is gone: its tasks' calls fail, as they would.
		_ = old.Conn.Close()
		m.log.Info("worker restarted", qlog.Worker(addr), zap.String("incarnation", incarnation))
		return nil
	}
	m.log.Info("worker joined", qlog.Worker(addr), zap.String("incarnation", incarnation))
	return nil
}

// beat records a heartbeat of a member the membership holds or that
// departed, in the same incarnation, and reports false when there is none
// (connect first); gone is a departed member that restarted since, for
// the caller to close outside the lock.
func (m *Membership) beat(addr, incarnation string) (ok bool, gone *Member) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if mem, ok := m.departed[addr]; ok {
		delete(m.departed, addr)
		if incarnation != "" && mem.incarnation != incarnation {
			return false, mem
		}
		m.log.Info("worker rejoined", qlog.Worker(addr), zap.Duration("silent", time.Since(mem.lastSeen)))
		mem.lastSeen, mem.suspect = time.Now(), nil
		m.members[addr] = mem
		return true, nil
	}
	mem, ok := m.members[addr]
	if !ok || incarnation != "" && mem.incarnation != incarnation {
		return false, nil
	}
	mem.lastSeen = time.Now()
	if mem.suspect != nil {
		m.log.Info("worker rejoined", qlog.Worker(addr), zap.NamedError("suspected_for", mem.suspect))
		mem.suspect = nil
	}
	return true, nil
}

// Owe records a cancel (what, for the log) that did not reach mem, which
// did not answer in time or could not be reached: call makes it again
// after mem's next heartbeat, and again after each one while it fails,
// until the worker's deadline for what it names (until) has passed. A
// worker paused past a cancel's timeout would otherwise keep what the
// cancel names (the retained output of a given-up attempt, the buffers of
// an ended query) until then. A member replaced since (restarted) owes
// nothing: its process and what it held are gone.
func (m *Membership) Owe(mem *Member, what string, until time.Time, call func(ctx context.Context) error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if cur, ok := m.members[mem.Addr]; ok && cur != mem {
		return
	}
	if len(mem.owed) == maxOwed {
		m.log.Warn("owed cancel dropped", qlog.Worker(mem.Addr), zap.String("cancel", mem.owed[0].what))
		mem.owed = mem.owed[1:]
	}
	mem.owed = append(mem.owed, owedCancel{what: what, until: until, call: call})
}

// payOwed sends the cancels the member at addr owes again, in the
// background, once it has heartbeated.
func (m *Membership) payOwed(addr string) {
	m.mu.Lock()
	mem := m.members[addr]
	var owed []owedCancel
	if mem != nil {
		owed, mem.owed = mem.owed, nil
	}
	m.mu.Unlock()
	if len(owed) == 0 {
		return
	}
	go func() {
		for _, o := range owed {
			if time.Now().After(o.until) {
				continue
			}
			ctx, cancel := context.WithTimeout(context.Background(), owedCancelTimeout)
			err := o.call(ctx)
			again := unanswered(ctx, err)
			cancel()
			switch {
			case err == nil:
				m.log.Info("owed cancel sent", qlog.Worker(addr), zap.String("cancel", o.what))
			case again:
				m.Owe(mem, o.what, o.until, o.call)
			default:
				m.log.Info("owed cancel refused", qlog.Worker(addr), zap.String("cancel", o.what), zap.Error(err))
			}
		}
	}()
}

// unanswered reports whether a call made under ctx that failed with err
// got no answer from its worker: ctx ended first, or the worker could not
// be reached. Such a cancel is owed (Owe); one the worker refused is not.
func unanswered(ctx context.Context, err error) bool {
	return err != nil && (ctx.Err() != nil || lostWorker(err))
}

// owedCancelTimeout bounds one owed cancel sent again.
const owedCancelTimeout = 5 * time.Second

// Suspect takes mem out of the live set at once because a call to it
// failed with cause, a retryable error (the worker seems gone): the next
// plan avoids it. Its next heartbeat brings it back; without one it leaves
// at the timeout. A member replaced since (restarted) is left alone.
func (m *Membership) Suspect(mem *Member, cause error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.members[mem.Addr] != mem || mem.suspect != nil {
		return
	}
	mem.suspect = cause
	m.lostLocked()
	m.log.Warn("worker suspect", qlog.Worker(mem.Addr), zap.Error(cause))
}

// Live returns the live workers, ordered by address: neither suspect nor
// silent. It forgets the ones whose heartbeats stopped.
func (m *Membership) Live() []*Member {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	out := make([]*Member, 0, len(m.members))
	for addr, mem := range m.members {
		if now.Sub(mem.lastSeen) > m.timeout {
			m.log.Warn("worker left: no heartbeat", qlog.Worker(addr), zap.Duration("silent", now.Sub(mem.lastSeen)),
				zap.NamedError("suspected_for", mem.suspect))
			delete(m.members, addr)
			m.departed[addr] = mem
			m.lostLocked()
			continue
		}
		if mem.suspect == nil {
			out = append(out, mem)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Addr < out[j].Addr })
	return out
}

// Close closes every connection, the departed members' too.
func (m *Membership) Close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, held := range []map[string]*Member{m.members, m.departed} {
		for addr, mem := range held {
			_ = mem.Conn.Close()
			delete(held, addr)
		}
	}
}
