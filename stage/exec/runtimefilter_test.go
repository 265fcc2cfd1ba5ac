package exec

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/stage"
)

// TestRuntimeFilterSummaries builds the summaries of two build tasks'
// rows, sends them through their wire batch, merges them as a probe task
// does, and checks the condition: range and list per key, NULLs left out,
// a list that outgrows maxFilterValues dropped, nothing matching an empty
// build side.
func TestRuntimeFilterSummaries(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	dec := &arrow.Decimal128Type{Precision: 12, Scale: 2}
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "i", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
		{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "d", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
		{Name: "m", Type: dec, Nullable: true},
		{Name: "x", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	}, nil)
	batch := func(json string) arrow.RecordBatch {
		rec, _, err := array.RecordFromJSON(mem, schema, strings.NewReader(json))
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	spec := &stage.FilterOutputSpec{ID: 1, Keys: []int{0, 1, 2, 3}, Probes: 1}
	build := func(jsons ...string) arrow.RecordBatch {
		b, fschema, err := newFilterBuilder(spec, schema)
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range jsons {
			rec := batch(j)
			b.observe(rec)
			rec.Release()
		}
		out := b.f.record(mem, nil)
		if !out.Schema().Equal(fschema) {
			t.Fatalf("summary schema %s, want %s", out.Schema(), fschema)
		}
		return out
	}
	probe := func(recs ...arrow.RecordBatch) string {
		f, err := newFilter([]arrow.DataType{arrow.PrimitiveTypes.Int32, arrow.BinaryTypes.String, arrow.FixedWidthTypes.Date32, dec})
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range recs {
			if err := f.merge(rec); err != nil {
				t.Fatal(err)
			}
			rec.Release()
		}
		return f.cond([]int{4, 5, 6, 7}).String()
	}

	a := build(`[{"i": 5, "s": "b", "d": "1995-01-02", "m": "1.50"}, {"i": null, "s": null, "d": null, "m": null}]`,
		`[{"i": 3, "s": "b", "d": "1995-01-01", "m": "1.50"}]`)
	b := build(`[{"i": 9, "s": "a'c", "d": "1995-01-01", "m": "-2.00"}]`)
	want := "((((((#4 >= 3) AND (#4 <= 9)) AND #4 IN (3, 5, 9)) AND (((#5 >= 'a''c') AND (#5 <= 'b')) AND #5 IN ('a''c', 'b'))) AND " +
		"(((#6 >= DATE '1995-01-01') AND (#6 <= DATE '1995-01-02')) AND #6 IN (DATE '1995-01-01', DATE '1995-01-02'))) AND " +
		"(((#7 >= -2.00) AND (#7 <= 1.50)) AND #7 IN (-2.00, 1.50)))"
	if got := probe(a, b); got != want {
		t.Errorf("merged filter:\n got %s\nwant %s", got, want)
	}

	// One value: an equality. No row: nothing passes.
	one := build(`[{"i": 7, "s": "z", "d": "2000-02-29", "m": "0.00"}]`)
	if got := probe(one); got != "((((#4 = 7) AND (#5 = 'z')) AND (#6 = DATE '2000-02-29')) AND (#7 = 0.00))" {
		t.Errorf("one-value filter: %s", got)
	}
	if got := probe(build()); got != "(((false AND false) AND false) AND false)" {
		t.Errorf("empty build side: %s", got)
	}

	// More distinct values than a list holds, across two tasks: the range
	// only.
	var rows []string
	for i := range maxFilterValues {
		rows = append(rows, fmt.Sprintf(`{"i": %d, "s": "v", "d": "1995-01-01", "m": "1.00"}`, i))
	}
	big := build("[" + strings.Join(rows, ",") + "]")
	other := build(`[{"i": -1, "s": "v", "d": "1995-01-01", "m": "1.00"}]`)
	got := probe(big, other)
	if !strings.HasPrefix(got, fmt.Sprintf("(((((#4 >= -1) AND (#4 <= %d)) AND (#5 = 'v'))", maxFilterValues-1)) {
		t.Errorf("overflowing list: %s", got)
	}

	// A float key is not summarized.
	if _, _, err := newFilterBuilder(&stage.FilterOutputSpec{ID: 2, Keys: []int{4}, Probes: 1}, schema); err == nil {
		t.Error("a runtime filter over a DOUBLE key was accepted")
	}
}
