package stage

import (
	"fmt"
	"slices"
)

// Fragment is a piece of the distributed plan that runs as Tasks identical
// tasks, each over its own partition of the inputs. Its leaves are scans,
// constants and ExchangeSources; its root's rows go where Output says. A
// Fragment says what to run, never where: placement is the scheduler's.
type Fragment struct {
	ID     FragmentID
	Root   Plan
	Tasks  int
	Output FragmentOutput
	// Inputs are the fragments whose exchanges this fragment reads.
	Inputs []FragmentID
	// Filters are the runtime filters its RuntimeFilter nodes apply, each
	// with the fragment that builds it: a task waits for them before it
	// runs (the build never depends on the probe: see RuntimeFilters).
	Filters []FilterInput
}

// FilterInput is a runtime filter a fragment applies and its builder.
type FilterInput struct {
	ID    int
	Build FragmentID
}

// FilterOutput is the runtime filter a fragment builds from its output
// rows' Keys and sends to every task of fragment Probe.
type FilterOutput struct {
	ID    int
	Keys  []int
	Probe FragmentID
	Bloom bool // FilterBuild.Bloom
}

// FragmentOutput is where a fragment's rows go: to the consumer fragment
// through an exchange of Kind, or (Consumer < 0) to the query's result.
type FragmentOutput struct {
	Kind     ExchangeKind
	Keys     []int
	Consumer FragmentID
	// Shared are further consumers of the same rows: fragments whose
	// exchange input Cut found to be this fragment's plan again (a view or
	// a subquery read twice), which read its buffers too instead of
	// computing them anew. Each has Consumer's task count.
	Shared []FragmentID
	// Filter, when set, is the runtime filter the fragment also builds.
	Filter *FilterOutput
}

// Consumers are every fragment that reads the output: Consumer, then
// Shared.
func (o FragmentOutput) Consumers() []FragmentID {
	return append([]FragmentID{o.Consumer}, o.Shared...)
}

// IsResult reports whether the fragment's output is the query's result.
func (o FragmentOutput) IsResult() bool { return o.Consumer < 0 }

// DistributedPlan is a query's fragments, the root (ID 0) first and every
// producer after its consumer; scheduling runs them in reverse.
type DistributedPlan struct {
	Fragments []*Fragment
	// signatures are Cut's, of the fragments it made (fragmentSignature),
	// to find one made again.
	signatures map[string]FragmentID
}

// Root is the fragment whose output is the result.
func (d *DistributedPlan) Root() *Fragment { return d.Fragments[0] }

// Fragment returns the fragment with the given ID.
func (d *DistributedPlan) Fragment(id FragmentID) *Fragment { return d.Fragments[id] }

// Cut splits a plan that EnforceDistribution prepared into fragments: each
// Exchange becomes the output of a new child fragment (its input, run in the
// exchange's InputTasks) and an ExchangeSource leaf in the parent; root is
// the partitioning EnforceDistribution returned for the plan's root. Cut
// only cuts; it never changes an operator nor recomputes a partitioning.
func Cut(p Plan, root Partitioning) *DistributedPlan {
	d := &DistributedPlan{signatures: map[string]FragmentID{}}
	f := &Fragment{ID: 0, Tasks: taskCount(root), Output: FragmentOutput{Consumer: -1}}
	d.Fragments = append(d.Fragments, f)
	f.Root = d.cut(f, p)
	d.signatures = nil
	d.wireFilters()
	return d
}

// wireFilters connects each runtime filter's builder, the fragment below
// an exchange that builds it, to the fragment that applies it.
func (d *DistributedPlan) wireFilters() {
	builds := map[int]*Fragment{}
	for _, f := range d.Fragments {
		if f.Output.Filter != nil {
			builds[f.Output.Filter.ID] = f
		}
	}
	for _, f := range d.Fragments {
		walkFragment(f.Root, func(p Plan) {
			if rf, ok := p.(*RuntimeFilter); ok {
				if b := builds[rf.ID]; b != nil {
					b.Output.Filter.Probe = f.ID
					f.Filters = append(f.Filters, FilterInput{ID: rf.ID, Build: b.ID})
					d.buildFirst(d.Fragment(b.Output.Consumer), b.ID, f.ID)
				}
			}
		})
	}
}

// buildFirst puts build before probe in the inputs of their consumer
// (the join's fragment), which a task materializes in order: the build
// side's rows are read while the probe side waits for its filter, so a
// build task that runs out of buffer room (a bounded --spill-limit) is
// drained rather than waiting on a consumer that waits on the probe.
func (d *DistributedPlan) buildFirst(consumer *Fragment, build, probe FragmentID) {
	b, p := slices.Index(consumer.Inputs, build), slices.Index(consumer.Inputs, probe)
	if b < 0 || p < 0 || b < p {
		return
	}
	consumer.Inputs = slices.Insert(slices.Delete(consumer.Inputs, b, b+1), p, build)
}

// walkFragment visits a fragment's plan, which ends at its exchange sources.
func walkFragment(p Plan, fn func(Plan)) {
	fn(p)
	for _, c := range p.Children() {
		walkFragment(c, fn)
	}
}

func (d *DistributedPlan) cut(f *Fragment, p Plan) Plan {
	if ex, ok := p.(*Exchange); ok {
		child := &Fragment{ID: FragmentID(len(d.Fragments)), Tasks: max(ex.InputTasks, 1),
			Output: FragmentOutput{Kind: ex.Kind, Keys: ex.Keys, Consumer: f.ID}}
		if ex.Filter != nil {
			child.Output.Filter = &FilterOutput{ID: ex.Filter.ID, Keys: ex.Filter.Keys, Probe: -1, Bloom: ex.Filter.Bloom}
		}
		d.Fragments = append(d.Fragments, child)
		child.Root = d.cut(child, ex.Input)
		sig := fragmentSignature(child, ex)
		if id, found := d.signatures[sig]; found && sig != "" {
			same := d.Fragment(id)
			// child computes what same does: f reads same's buffers, and
			// child (the last fragment made: every fragment below it was
			// found again too) goes.
			d.Fragments = d.Fragments[:child.ID]
			for _, in := range child.Inputs {
				o := &d.Fragment(in).Output
				o.Shared = slices.DeleteFunc(o.Shared, func(id FragmentID) bool { return id == child.ID })
			}
			// A fragment that reads same twice (a self-join) lists it
			// once; its task loads it into a table that both read.
			if !slices.Contains(same.Output.Consumers(), f.ID) {
				same.Output.Shared = append(same.Output.Shared, f.ID)
				f.Inputs = append(f.Inputs, same.ID)
			}
			return NewExchangeSource(same.ID, ex)
		}
		if sig != "" {
			d.signatures[sig] = child.ID
		}
		f.Inputs = append(f.Inputs, child.ID)
		return NewExchangeSource(child.ID, ex)
	}
	children := p.Children()
	if len(children) == 0 {
		return p
	}
	newChildren := make([]Plan, len(children))
	for i, c := range children {
		newChildren[i] = d.cut(f, c)
	}
	return p.WithChildren(newChildren...)
}

func taskCount(p Partitioning) int {
	if p.Kind == PartSingle || p.Tasks < 1 {
		return 1
	}
	return p.Tasks
}

// fragmentSignature is f's plan and output as the wire encodes them, with
// scan IDs (which only name a scan's files) left out: two fragments of
// one signature compute the same rows and send them alike. It is empty
// for a fragment that builds or applies a runtime filter.
func fragmentSignature(f *Fragment, ex *Exchange) string {
	if f.Output.Filter != nil || ex.Filter != nil {
		return ""
	}
	filtered := false
	var anonymous func(p Plan) Plan
	anonymous = func(p Plan) Plan {
		switch n := p.(type) {
		case *Scan:
			c := *n
			c.ID = 0
			return &c
		case *RuntimeFilter:
			filtered = true
		}
		kids := p.Children()
		if len(kids) == 0 {
			return p
		}
		out := make([]Plan, len(kids))
		for i, k := range kids {
			out[i] = anonymous(k)
		}
		return p.WithChildren(out...)
	}
	b, err := EncodePlan(anonymous(f.Root))
	if err != nil || filtered {
		return ""
	}
	return fmt.Sprintf("%s %v %d %d %d %s", ex.Kind, ex.Keys, ex.Tasks, ex.InputTasks, f.Tasks, b)
}
