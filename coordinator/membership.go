package coordinator

import (
	"context"
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

// Dialer connects to a worker's service at addr.
type Dialer func(ctx context.Context, addr string) (WorkerConn, error)

// Member is a live worker.
type Member struct {
	Addr     string
	Conn     WorkerConn
	lastSeen time.Time
}

// Membership is the set of workers that heartbeat. A worker that has not
// been heard from for the timeout leaves the live set; the scheduler places
// tasks only on live workers.
type Membership struct {
	dial    Dialer
	timeout time.Duration
	log     *zap.Logger

	mu      sync.Mutex
	members map[string]*Member
}

// NewMembership returns an empty membership.
func NewMembership(dial Dialer, timeout time.Duration, log *zap.Logger) *Membership {
	return &Membership{dial: dial, timeout: timeout, log: log, members: map[string]*Member{}}
}

// Heartbeat records that the worker at addr is alive, connecting to it the
// first time it is heard from.
func (m *Membership) Heartbeat(ctx context.Context, addr string) error {
	m.mu.Lock()
	if mem, ok := m.members[addr]; ok {
		mem.lastSeen = time.Now()
		m.mu.Unlock()
		return nil
	}
	m.mu.Unlock()
	conn, err := m.dial(ctx, addr)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if mem, ok := m.members[addr]; ok { // a concurrent heartbeat won
		mem.lastSeen = time.Now()
		_ = conn.Close()
		return nil
	}
	m.members[addr] = &Member{Addr: addr, Conn: conn, lastSeen: time.Now()}
	m.log.Info("worker joined", qlog.Worker(addr))
	return nil
}

// Live returns the live workers, ordered by address, and forgets the ones
// whose heartbeats stopped.
func (m *Membership) Live() []*Member {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	out := make([]*Member, 0, len(m.members))
	for addr, mem := range m.members {
		if now.Sub(mem.lastSeen) > m.timeout {
			m.log.Warn("worker left: no heartbeat", qlog.Worker(addr), zap.Duration("silent", now.Sub(mem.lastSeen)))
			_ = mem.Conn.Close()
			delete(m.members, addr)
			continue
		}
		out = append(out, mem)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Addr < out[j].Addr })
	return out
}

// Close closes every connection.
func (m *Membership) Close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for addr, mem := range m.members {
		_ = mem.Conn.Close()
		delete(m.members, addr)
	}
}
