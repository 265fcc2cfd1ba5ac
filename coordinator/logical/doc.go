// Package logical is Quiver's logical plan: relational algebra (Scan, Filter,
// Project, Join, Aggregate, Expand for grouping sets, Window, Sort, Limit,
// SetOp, Values, and Apply for a subquery not yet decorrelated) as the
// binder produces it and the optimizer's rules (coordinator/opt) rewrite it.
// A logical plan says what to compute, never how to distribute it: it knows
// tables, columns, types and the catalog's facts (snapshot sizes, distinct
// values, a table's bucketing) but no workers, tasks, join strategies or
// aggregation modes; the physical planner (coordinator/physical) decides
// those.
//
// Scalar expressions are stage.Expr, shared with the physical plan. The
// package also holds what the rules share: the tree walks (TransformUp,
// TransformDown), the conjunct helpers and the row estimator.
package logical
