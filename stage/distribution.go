package stage

import (
	"fmt"
	"slices"
)

// ExchangeKind is the kind of a StagePlan, after Databend.
type ExchangeKind string

const (
	// Normal moves rows many to many by the hash of keys (shuffle).
	Normal ExchangeKind = "Normal"
	// Expansive copies every row to every consumer (broadcast).
	Expansive ExchangeKind = "Expansive"
	// Convergent gathers every row into one task.
	Convergent ExchangeKind = "Convergent"
)

// DistributionKind is what an operator requires of an input.
type DistributionKind int

const (
	// DistAny accepts rows spread over tasks in any way.
	DistAny DistributionKind = iota
	// DistHash requires rows with equal Keys in the same task.
	DistHash
	// DistSingle requires every row in one task.
	DistSingle
	// DistBroadcast requires every row in each task of the consumer.
	DistBroadcast
)

// Distribution is the requirement an operator places on one input.
type Distribution struct {
	Kind DistributionKind
	Keys []int // input column positions, for DistHash
}

// PartitioningKind is how an operator's output rows are spread over tasks.
type PartitioningKind int

const (
	// PartAny spreads rows over Tasks with no known property.
	PartAny PartitioningKind = iota
	// PartHash places rows by the hash of Keys over Tasks.
	PartHash
	// PartSingle has every row in one task.
	PartSingle
	// PartBroadcast has every row in each of Tasks tasks.
	PartBroadcast
)

// Partitioning is what an operator delivers.
type Partitioning struct {
	Kind  PartitioningKind
	Keys  []int
	Tasks int
}

func (p Partitioning) String() string {
	switch p.Kind {
	case PartHash:
		return fmt.Sprintf("Hash(%v, %d)", p.Keys, p.Tasks)
	case PartSingle:
		return "Single"
	case PartBroadcast:
		return fmt.Sprintf("Broadcast(%d)", p.Tasks)
	}
	return fmt.Sprintf("Any(%d)", p.Tasks)
}

func (d Distribution) String() string {
	switch d.Kind {
	case DistHash:
		return fmt.Sprintf("Hash(%v)", d.Keys)
	case DistSingle:
		return "Single"
	case DistBroadcast:
		return "Broadcast"
	}
	return "Any"
}

// Satisfies reports whether rows partitioned as p meet requirement d: hash on
// a non-empty subset of the required keys co-locates equal keys, and a single
// task co-locates everything.
func (p Partitioning) Satisfies(d Distribution) bool {
	switch d.Kind {
	case DistAny:
		return true
	case DistSingle:
		return p.Kind == PartSingle
	case DistBroadcast:
		return p.Kind == PartBroadcast
	case DistHash:
		if p.Kind == PartSingle {
			return true
		}
		if p.Kind != PartHash || len(p.Keys) == 0 {
			return false
		}
		for _, k := range p.Keys {
			if !slices.Contains(d.Keys, k) {
				return false
			}
		}
		return true
	}
	return false
}

var (
	anyInput    = []Distribution{{Kind: DistAny}}
	singleInput = []Distribution{{Kind: DistSingle}}
)

func (*Scan) Required() []Distribution           { return nil }
func (*Values) Required() []Distribution         { return nil }
func (*ExchangeSource) Required() []Distribution { return nil }
func (*Filter) Required() []Distribution         { return anyInput }
func (*Project) Required() []Distribution        { return anyInput }
func (*Exchange) Required() []Distribution       { return anyInput }

func (s *Sort) Required() []Distribution {
	if s.Local {
		return anyInput
	}
	return singleInput
}

func (l *Limit) Required() []Distribution {
	if l.Local {
		return anyInput
	}
	return singleInput
}

// Required of an Aggregate: a partial one takes rows anywhere; a final or
// complete one needs equal groups together, which it can only ask by hash
// when every group expression is a plain column (on all of them, or on
// the subset HashOn names).
func (a *Aggregate) Required() []Distribution {
	if a.Mode == AggregatePartial {
		return anyInput
	}
	keys, ok := columnPositions(a.GroupBy)
	// A complete one with Defaults runs in one task: only a task that sees
	// every group knows which of them are missing.
	if !ok || len(keys) == 0 || a.Mode == AggregateComplete && len(a.Defaults) > 0 {
		return singleInput
	}
	if len(a.HashOn) > 0 {
		subset := make([]int, len(a.HashOn))
		for i, g := range a.HashOn {
			subset[i] = keys[g]
		}
		keys = subset
	}
	return []Distribution{{Kind: DistHash, Keys: keys}}
}

func columnPositions(es []Expr) ([]int, bool) {
	keys := make([]int, len(es))
	for i, e := range es {
		c, ok := e.(*ColumnRef)
		if !ok {
			return nil, false
		}
		keys[i] = c.Index
	}
	return keys, true
}

// Delivered of a Scan: a bucketed table's rows come hashed on its keys (if
// the scan reads them), anything else spread by file.
func (s *Scan) Delivered([]Partitioning) Partitioning {
	if s.Buckets > 0 && len(s.BucketKeys) > 0 {
		return Partitioning{Kind: PartHash, Keys: s.BucketKeys, Tasks: s.Buckets}
	}
	return Partitioning{Kind: PartAny, Tasks: s.Tasks}
}
func (*Values) Delivered([]Partitioning) Partitioning {
	return Partitioning{Kind: PartSingle, Tasks: 1}
}
func (f *Filter) Delivered(in []Partitioning) Partitioning { return in[0] }
func (s *Sort) Delivered(in []Partitioning) Partitioning   { return in[0] }
func (l *Limit) Delivered(in []Partitioning) Partitioning  { return in[0] }

func (e *Exchange) Delivered([]Partitioning) Partitioning {
	return exchangePartitioning(e.Kind, e.Keys, e.Tasks)
}

func (e *ExchangeSource) Delivered([]Partitioning) Partitioning {
	return exchangePartitioning(e.Kind, e.Keys, e.Tasks)
}

func exchangePartitioning(kind ExchangeKind, keys []int, tasks int) Partitioning {
	switch kind {
	case Normal:
		return Partitioning{Kind: PartHash, Keys: keys, Tasks: tasks}
	case Expansive:
		return Partitioning{Kind: PartBroadcast, Tasks: tasks}
	}
	return Partitioning{Kind: PartSingle, Tasks: 1}
}

// Delivered of a Project keeps a hash partitioning when every key column is
// projected unchanged, renumbered to its output position.
func (p *Project) Delivered(in []Partitioning) Partitioning {
	if in[0].Kind != PartHash {
		return in[0]
	}
	keys := make([]int, 0, len(in[0].Keys))
	for _, k := range in[0].Keys {
		pos := slices.IndexFunc(p.Exprs, func(e Expr) bool {
			c, ok := e.(*ColumnRef)
			return ok && c.Index == k
		})
		if pos < 0 {
			return Partitioning{Kind: PartAny, Tasks: in[0].Tasks}
		}
		keys = append(keys, pos)
	}
	return Partitioning{Kind: PartHash, Keys: keys, Tasks: in[0].Tasks}
}

// Delivered of an Aggregate: a partial one keeps its input's spread; a final
// or complete one has its group columns (the first len(GroupBy) outputs) where
// its input's hash put them.
func (a *Aggregate) Delivered(in []Partitioning) Partitioning {
	if a.Mode == AggregatePartial || in[0].Kind == PartSingle {
		if a.Mode == AggregatePartial && in[0].Kind == PartHash {
			return Partitioning{Kind: PartAny, Tasks: in[0].Tasks}
		}
		return in[0]
	}
	// The groups stay where their input's hash put them: on the output
	// columns of the group keys the input is hashed on, which may be a
	// subset of the group keys (a bucketed table's key). Claiming all the
	// group keys would be true of where equal groups are, but a sibling
	// that is hashed on all of them would then pass for co-partitioned
	// with it while its rows were hashed by another function.
	if in[0].Kind == PartHash {
		keys := make([]int, len(in[0].Keys))
		for i, k := range in[0].Keys {
			keys[i] = slices.IndexFunc(a.GroupBy, func(e Expr) bool {
				c, ok := e.(*ColumnRef)
				return ok && c.Index == k
			})
			if keys[i] < 0 {
				return Partitioning{Kind: PartAny, Tasks: in[0].Tasks}
			}
		}
		return Partitioning{Kind: PartHash, Keys: keys, Tasks: in[0].Tasks}
	}
	return Partitioning{Kind: PartAny, Tasks: in[0].Tasks}
}
