// Package stage is Quiver's distributed plan: physical operators with the
// distribution they require of their inputs and the partitioning they deliver,
// EnforceDistribution (the scatter step that inserts StagePlans: Normal,
// Expansive, Convergent exchanges), the fragmenter that cuts a plan at its
// exchanges, the wire specs that carry a fragment's task to a worker, and
// EXPLAIN. stage/duck renders a fragment as DuckDB SQL; stage must not
// import it.
//
// stage knows nothing of sessions, SQL text or the catalog store: it imports
// only catalog (for table metadata and types) and qerr. Workers receive
// fragments made of stage types, so they never import the coordinator.
// stage/exec runs a task on a worker.
package stage
