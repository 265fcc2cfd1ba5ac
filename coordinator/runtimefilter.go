package coordinator

import (
	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// filterOutput is the runtime filter that the tasks of fragment f build
// (OutputSpec.Filter), or nil.
func filterOutput(d *stage.DistributedPlan, f *stage.Fragment) *stage.FilterOutputSpec {
	o := f.Output.Filter
	if o == nil || o.Probe < 0 {
		return nil
	}
	return &stage.FilterOutputSpec{ID: o.ID, Keys: o.Keys, Probes: d.Fragment(o.Probe).Tasks, Bloom: o.Bloom}
}

// filterInputs lists, for task t of f in attempt a, every build task of
// each runtime filter f applies, with a ticket for the build task's
// filter buffer for t (stage.FilterPartition after its exchange
// partitions).
func (c *Coordinator) filterInputs(q *query, a *attempt, f *stage.Fragment, t int) []stage.FilterInputSpec {
	var out []stage.FilterInputSpec
	for _, fi := range f.Filters {
		b := q.plan.Fragment(fi.Build)
		if b.Output.Filter == nil || b.Output.Filter.Probe != f.ID {
			continue
		}
		schema := b.Root.Schema()
		types := make([]arrow.DataType, len(b.Output.Filter.Keys))
		for i, k := range b.Output.Filter.Keys {
			types[i] = schema.Field(k).Type
		}
		in := stage.FilterInputSpec{ID: fi.ID, Schema: stage.NewSchemaSpec(stage.FilterSchema(types))}
		in.Producers = c.producers(q, a, b, stage.FilterPartition(q.plan.Fragment(b.Output.Consumer).Tasks, t))
		out = append(out, in)
	}
	return out
}
