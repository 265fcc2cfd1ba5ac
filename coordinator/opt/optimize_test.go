package opt

import (
	"context"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
)

// TestOptimizeFixedPoint: rules run until none fires, the steps say which
// fired in order, and two rules that undo each other hit the round bound
// as an internal error instead of looping; a cancelled context stops the
// loop before the next rule.
func TestOptimizeFixedPoint(t *testing.T) {
	scan := &logical.Scan{Database: "main", Table: "t", Columns: []string{"a"}, Types: []arrow.DataType{arrow.PrimitiveTypes.Int64}}
	rename := func(from, to string) func(logical.Plan) (logical.Plan, bool) {
		return func(p logical.Plan) (logical.Plan, bool) {
			return logical.TransformUp(p, func(p logical.Plan) (logical.Plan, bool) {
				s, ok := p.(*logical.Scan)
				if !ok || s.Table != from {
					return p, false
				}
				c := *s
				c.Table = to
				return &c, true
			})
		}
	}
	saved := Rules
	defer func() { Rules = saved }()

	Rules = []Rule{{"BToC", Plain(rename("b", "c"))}, {"TToB", Plain(rename("t", "b"))}}
	out, steps, err := Optimize(context.Background(), scan)
	if err != nil || out.(*logical.Scan).Table != "c" {
		t.Fatalf("Optimize = %v, %v", out, err)
	}
	var fired []string
	for _, s := range steps {
		fired = append(fired, s.Rule)
	}
	if len(fired) != 2 || fired[0] != "TToB" || fired[1] != "BToC" {
		t.Errorf("steps %v, want [TToB BToC]: BToC has nothing to do until TToB fired", fired)
	}

	Rules = []Rule{{"TToB", Plain(rename("t", "b"))}, {"BToT", Plain(rename("b", "t"))}}
	if _, _, err := Optimize(context.Background(), scan); !qerr.Has(err, qerr.ErrInternal) {
		t.Errorf("rules undoing each other: got %v, want ErrInternal", err)
	}

	// A statement cancelled while its rules run stops before the next
	// rule, however many rounds were left.
	ctx, cancel := context.WithCancel(context.Background())
	applied := 0
	Rules = []Rule{{"TToB", Plain(rename("t", "b"))}, {"BToT", func(_ context.Context, p logical.Plan) (logical.Plan, bool) {
		if applied++; applied == 3 {
			cancel()
		}
		return rename("b", "t")(p)
	}}}
	if _, _, err := Optimize(ctx, scan); !qerr.Has(err, qerr.ErrCancelled) || applied != 3 {
		t.Errorf("cancelled after 3 rules: got %v after %d, want ErrCancelled after 3", err, applied)
	}
}
