package coordinator

import (
	"context"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/coordinator/opt"
	"github.com/quiverdb/quiver/coordinator/physical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// PlanSession is what planning a statement needs of its session.
type PlanSession struct {
	// Database is the session's current database.
	Database string
	Env      binder.Env
	Limits   binder.Limits
	// ParamTypes are the types of the statement's ? markers, Params the
	// values bound to them (nil: typed NULLs, for describing).
	ParamTypes []arrow.DataType
	Params     []*stage.Literal
}

// Planned is a statement through the planning pipeline.
type Planned struct {
	Stmt binder.Statement
	// Accesses are what the statement needs of the principal's privileges.
	Accesses []binder.Access
	// Query is a query's plan at each layer; nil for other statements.
	Query *Plans
}

// Plans is a query's plan at each layer of the pipeline.
type Plans struct {
	// Logical is the plan as bound, Optimized after the optimizer's rules;
	// Steps are the rules that fired, in order.
	Logical, Optimized logical.Plan
	Steps              []opt.Step
	// Distributed is the physical plan, its distribution enforced, cut
	// into fragments for the cluster.
	Distributed *stage.DistributedPlan
	// Planning is how long binding and planning took (EXPLAIN ANALYZE
	// prints it).
	Planning time.Duration
}

// Plan is the planning pipeline: it parses sql, binds it against cat in
// sess, and plans a query through the optimizer (opt), the physical
// planner (physical), EnforceDistribution and Cut for cluster.
func Plan(ctx context.Context, cat catalog.Catalog, sess PlanSession, sql string, cluster physical.Cluster) (*Planned, error) {
	tree, err := binder.ParseWithin(sql, sess.Limits)
	if err != nil {
		return nil, err
	}
	return planTree(ctx, cat, sess, tree, cluster)
}

// planTree is Plan of a parsed statement.
func planTree(ctx context.Context, cat catalog.Catalog, sess PlanSession, tree ast.StmtNode, cluster physical.Cluster) (*Planned, error) {
	began := time.Now()
	if err := planCancelled(ctx, "binding"); err != nil {
		return nil, err
	}
	b := binder.New(cat, sess.Database).WithEnv(sess.Env).WithParams(sess.ParamTypes, sess.Params)
	stmt, err := b.Bind(ctx, tree)
	if err != nil {
		if !qerr.Has(err, qerr.ErrCancelled) && ctx.Err() != nil {
			// A catalog read the deadline cut short: the statement was
			// cancelled, whatever the read said.
			return nil, qerr.ErrCancelled.Wrap(err, "statement cancelled while binding")
		}
		return nil, err
	}
	pl := &Planned{Stmt: stmt, Accesses: b.Accesses()}
	if q, ok := stmt.(*binder.Query); ok {
		if pl.Query, err = planQuery(ctx, q.Plan, q.Tables, cluster); err != nil {
			return nil, err
		}
		pl.Query.Planning = time.Since(began)
	}
	return pl, nil
}

// planQuery plans a bound query for cluster; tables are the snapshots it
// reads, by scan ID (nil: none to prune, pruneScans).
func planQuery(ctx context.Context, p logical.Plan, tables map[int]*catalog.Table, cluster physical.Cluster) (*Plans, error) {
	optimized, steps, phys, err := physicalPlan(ctx, p, tables, cluster)
	if err != nil {
		return nil, err
	}
	if err := planCancelled(ctx, "cutting the plan into stages"); err != nil {
		return nil, err
	}
	return &Plans{Logical: p, Optimized: optimized, Steps: steps, Distributed: cluster.Cut(phys)}, nil
}

// physicalPlan optimizes a bound plan, prunes its scans of tables by their
// statistics (pruneScans, which narrows tables' entries) and builds its
// physical plan: a query's before it is cut, the rows an INSERT writes.
func physicalPlan(ctx context.Context, p logical.Plan, tables map[int]*catalog.Table, cluster physical.Cluster) (logical.Plan, []opt.Step, stage.Plan, error) {
	if err := planCancelled(ctx, "optimizing"); err != nil {
		return nil, nil, nil, err
	}
	optimized, steps, err := opt.Optimize(ctx, p)
	if err != nil {
		return nil, nil, nil, err
	}
	optimized = pruneScans(optimized, tables)
	if err := planCancelled(ctx, "physical planning"); err != nil {
		return nil, nil, nil, err
	}
	phys, err := physical.Plan(optimized, cluster)
	if err != nil {
		return nil, nil, nil, err
	}
	return optimized, steps, phys, nil
}

// planCancelled is ErrCancelled when ctx is done: planning checks it
// between its phases (and the optimizer between its rules), so that a
// statement whose client gave up or whose deadline passed stops planning
// instead of keeping the coordinator busy. what names the phase it was
// about to start.
func planCancelled(ctx context.Context, what string) error {
	if ctx.Err() == nil {
		return nil
	}
	return qerr.ErrCancelled.Wrap(context.Cause(ctx), "statement cancelled before %s", what)
}
