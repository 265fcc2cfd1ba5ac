package coordinator

import (
	"sort"
	"sync"
	"time"

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
// ID, from launch until it ended and its results' expiration passed (then
// the workers have freed them too). Each lookup sweeps the queries past
// their expiration out first. Its zero value is ready to use.
type registry struct {
	mu      sync.Mutex
	queries map[stage.QueryID]*query
}

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

// sweepLocked drops the queries past their expiration by now.
func (g *registry) sweepLocked(now time.Time) {
	for id, q := range g.queries {
		if q.pastExpiry(now) {
			delete(g.queries, id)
		}
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
