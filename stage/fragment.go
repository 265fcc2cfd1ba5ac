package stage

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
}

// FragmentOutput is where a fragment's rows go: to the consumer fragment
// through an exchange of Kind, or (Consumer < 0) to the query's result.
type FragmentOutput struct {
	Kind     ExchangeKind
	Keys     []int
	Consumer FragmentID
}

// IsResult reports whether the fragment's output is the query's result.
func (o FragmentOutput) IsResult() bool { return o.Consumer < 0 }

// DistributedPlan is a query's fragments, the root (ID 0) first and every
// producer after its consumer; scheduling runs them in reverse.
type DistributedPlan struct {
	Fragments []*Fragment
}

// Root is the fragment whose output is the result.
func (d *DistributedPlan) Root() *Fragment { return d.Fragments[0] }

// Fragment returns the fragment with the given ID.
func (d *DistributedPlan) Fragment(id FragmentID) *Fragment { return d.Fragments[id] }

// Cut splits a plan that EnforceDistribution prepared into fragments: each
// Exchange becomes the output of a new child fragment (its input) and an
// ExchangeSource leaf in the parent. Cut only cuts; it never changes an
// operator.
func Cut(p Plan, tasks int) *DistributedPlan {
	d := &DistributedPlan{}
	root := &Fragment{ID: 0, Output: FragmentOutput{Consumer: -1}}
	d.Fragments = append(d.Fragments, root)
	var part Partitioning
	root.Root, part = d.cut(root, p, tasks)
	root.Tasks = taskCount(part)
	return d
}

func (d *DistributedPlan) cut(f *Fragment, p Plan, tasks int) (Plan, Partitioning) {
	if ex, ok := p.(*Exchange); ok {
		child := &Fragment{ID: FragmentID(len(d.Fragments)), Output: FragmentOutput{Kind: ex.Kind, Keys: ex.Keys, Consumer: f.ID}}
		d.Fragments = append(d.Fragments, child)
		var part Partitioning
		child.Root, part = d.cut(child, ex.Input, tasks)
		child.Tasks = taskCount(part)
		f.Inputs = append(f.Inputs, child.ID)
		src := NewExchangeSource(child.ID, ex)
		return src, src.Delivered(nil)
	}
	children := p.Children()
	parts := make([]Partitioning, len(children))
	newChildren := make([]Plan, len(children))
	for i, c := range children {
		newChildren[i], parts[i] = d.cut(f, c, tasks)
	}
	if len(children) > 0 {
		p = p.WithChildren(newChildren...)
	}
	return p, p.Delivered(parts)
}

func taskCount(p Partitioning) int {
	if p.Kind == PartSingle || p.Tasks < 1 {
		return 1
	}
	return p.Tasks
}
