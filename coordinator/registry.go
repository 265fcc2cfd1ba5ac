package coordinator

import (
	"sort"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/stage"
)

// QueryInfo is what the registry tells about one query.
type QueryInfo struct {
	ID      stage.QueryID
	State   QueryState
	Started time.Time
	Ended   time.Time // zero while running
	Expires time.Time // its results are freed then
	Tasks   int
	Workers []string
	Error   string
	Stats   []stage.TaskStatsSpec // of the tasks that finished, in task order
	// Statement and User are the SQL text that launched the query and the
	// session's user ("" for queries launched outside a statement).
	Statement, User string
}

// registry is the coordinator's query registry: every launched query by
// ID, from launch until it ended and its results' expiration passed. Each
// lookup sweeps the queries past their expiration out first; the reaper
// (reapResults) frees the results of those that held some on their
// workers, and compacts all but the keepDetail most recent ended queries.
// Its zero value is ready to use.
type registry struct {
	mu      sync.Mutex
	queries map[stage.QueryID]*query
	// expiring are the queries swept out whose results the workers still
	// hold (query.kept): the reaper expires them.
	expiring []*query
}

// keepDetail is how many ended queries keep their plan and every task
// (the console's stage graph, system.stages and system.tasks, EXPLAIN
// ANALYZE of a past query); older ones keep only what their results need
// (query.compact), so that the registry's memory does not grow with the
// rate of queries times the result TTL.
const keepDetail = 256

func (g *registry) add(q *query) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.queries == nil {
		g.queries = map[stage.QueryID]*query{}
	}
	g.sweepLocked(time.Now())
	g.queries[q.id] = q
}

// get is the query id, or nil when the registry does not hold it.
func (g *registry) get(id stage.QueryID) *query {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sweepLocked(time.Now())
	return g.queries[id]
}

func (g *registry) list() []*query {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sweepLocked(time.Now())
	out := make([]*query, 0, len(g.queries))
	for _, q := range g.queries {
		out = append(out, q)
	}
	return out
}

// sweepLocked drops the queries past their expiration by now; those
// whose results the workers hold go to expiring.
func (g *registry) sweepLocked(now time.Time) {
	for id, q := range g.queries {
		if q.pastExpiry(now) {
			delete(g.queries, id)
			if q.holdsResults() {
				g.expiring = append(g.expiring, q)
			}
		}
	}
}

// takeExpired sweeps, and returns the queries swept out (now or by an
// earlier lookup) whose results the workers still hold.
func (g *registry) takeExpired(now time.Time) []*query {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sweepLocked(now)
	out := g.expiring
	g.expiring = nil
	return out
}

// compactOld compacts the ended queries but the keep most recently ended.
func (g *registry) compactOld(keep int) {
	type ended struct {
		q  *query
		at time.Time
	}
	var all []ended
	g.mu.Lock()
	for _, q := range g.queries {
		if at, ok := q.endedWithDetail(); ok {
			all = append(all, ended{q, at})
		}
	}
	g.mu.Unlock()
	if len(all) <= keep {
		return
	}
	sort.Slice(all, func(i, j int) bool { return all[i].at.After(all[j].at) })
	for _, e := range all[keep:] {
		e.q.compact()
	}
}

// reapResults is the coordinator's reaper, until it closes: every tick it
// expires the finished queries whose results' expiration passed, freeing
// their results on the workers (at most reapParallel queries at once), and
// compacts the ended queries beyond the keepDetail most recent. One
// goroutine does it for every query, so that a query holds none once its
// tasks have ended.
func (c *Coordinator) reapResults() {
	c.every(reapInterval(c.cfg.ResultTTL), func() {
		var g errgroup.Group
		g.SetLimit(reapParallel)
		for _, q := range c.queries.takeExpired(time.Now()) {
			g.Go(func() error {
				q.expire(c.ctx, q.expiry())
				return nil
			})
		}
		_ = g.Wait()
		c.queries.compactOld(keepDetail)
	})
}

// reapParallel bounds the queries whose results the reaper frees at once.
const reapParallel = 16

// reapInterval is how often the reaper looks: a quarter of the result TTL,
// between 10 ms and a second, so that results are freed at most that late.
func reapInterval(ttl time.Duration) time.Duration {
	return min(max(ttl/4, 10*time.Millisecond), time.Second)
}

// every calls f every d until the coordinator closes.
func (c *Coordinator) every(d time.Duration, f func()) {
	tick := time.NewTicker(d)
	defer tick.Stop()
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-tick.C:
		}
		f()
	}
}

// Queries lists the queries the registry holds, oldest first.
func (c *Coordinator) Queries() []QueryInfo {
	qs := c.queries.list()
	out := make([]QueryInfo, len(qs))
	for i, q := range qs {
		out[i] = q.info()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Started.Before(out[j].Started) })
	return out
}

// Query describes one query, or reports false when the registry does not
// hold it (unknown, or its results expired). It is the operators' view (the
// HTTP console); clients read a query's state through Poll, which only
// its owner may.
func (c *Coordinator) Query(id stage.QueryID) (QueryInfo, bool) {
	q := c.queries.get(id)
	if q == nil {
		return QueryInfo{}, false
	}
	return q.info(), true
}
