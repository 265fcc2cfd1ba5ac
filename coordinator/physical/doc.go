// Package physical is the physical planner: it turns an optimized logical
// plan (coordinator/logical) into stage operators for the cluster's facts
// in one Cluster value. Building bottom-up, it knows what each input will
// deliver once distribution is enforced (stage.Enforced), and decides from
// it:
//
//   - each join's strategy: colocated shuffle when both sides are already
//     hashed alike on their keys, broadcast of a small right side (or one
//     without keys), shuffle of both sides otherwise;
//   - the split of an aggregation into AggregatePartial and AggregateFinal
//     when its input is not already colocated on the group keys;
//   - the local halves of a sort or limit over a partitioned input, and the
//     top-N (a local limit below a local sort) of a limit over a sort;
//   - each scan's tasks: the table's buckets, or the live workers.
//
// stage.EnforceDistribution then inserts the exchanges these operators
// require, and stage.Cut cuts the plan into fragments.
package physical
