package opt

import (
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
)

// TestOptimizeFixedPoint: rules run until none fires, the steps say which
// fired in order, and two rules that undo each other hit the round bound
// as an internal error instead of looping.
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

	Rules = []Rule{{"BToC", rename("b", "c")}, {"TToB", rename("t", "b")}}
	out, steps, err := Optimize(scan)
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

	Rules = []Rule{{"TToB", rename("t", "b")}, {"BToT", rename("b", "t")}}
	if _, _, err := Optimize(scan); !qerr.Has(err, qerr.ErrInternal) {
		t.Errorf("rules undoing each other: got %v, want ErrInternal", err)
	}
}
