package stage

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
)

var rewrite = flag.Bool("rewrite", false, "rewrite golden files")

func TestSatisfies(t *testing.T) {
	anyD := Distribution{Kind: DistAny}
	single := Distribution{Kind: DistSingle}
	hashAB := Distribution{Kind: DistHash, Keys: []int{0, 1}}
	broadcast := Distribution{Kind: DistBroadcast}
	cases := []struct {
		part Partitioning
		want [4]bool // Any, Single, Hash(0,1), Broadcast
	}{
		{Partitioning{Kind: PartAny, Tasks: 2}, [4]bool{true, false, false, false}},
		{Partitioning{Kind: PartSingle, Tasks: 1}, [4]bool{true, true, true, false}},
		{Partitioning{Kind: PartBroadcast, Tasks: 2}, [4]bool{true, false, false, true}},
		{Partitioning{Kind: PartHash, Keys: []int{0, 1}, Tasks: 2}, [4]bool{true, false, true, false}},
		{Partitioning{Kind: PartHash, Keys: []int{1}, Tasks: 2}, [4]bool{true, false, true, false}},
		{Partitioning{Kind: PartHash, Keys: []int{2}, Tasks: 2}, [4]bool{true, false, false, false}},
		{Partitioning{Kind: PartHash, Keys: []int{0, 2}, Tasks: 2}, [4]bool{true, false, false, false}},
		{Partitioning{Kind: PartHash, Tasks: 2}, [4]bool{true, false, false, false}},
	}
	for _, c := range cases {
		for i, d := range []Distribution{anyD, single, hashAB, broadcast} {
			if got := c.part.Satisfies(d); got != c.want[i] {
				t.Errorf("%s satisfies %s = %v, want %v", c.part, d, got, c.want[i])
			}
		}
	}
}

var (
	i64 = arrow.PrimitiveTypes.Int64
	dec = &arrow.Decimal128Type{Precision: 38, Scale: 2}
)

// samplePlan is a fragment-shaped plan that uses every node and expression
// kind that travels to workers.
func samplePlan() Plan {
	scan := &Scan{ID: 0, Database: "main", Table: "t", Columns: []string{"a", "d"}, Types: []arrow.DataType{i64, dec}, Files: 2, Rows: 10, Tasks: 2}
	a := &ColumnRef{Index: 0, Name: "a", T: i64}
	d := &ColumnRef{Index: 1, Name: "d", T: dec}
	filter := &Filter{Input: scan, Cond: &Call{Fn: "and", T: arrow.FixedWidthTypes.Boolean, Args: []Expr{
		&Call{Fn: ">", Args: []Expr{a, &Literal{Text: "5", T: i64}}, T: arrow.FixedWidthTypes.Boolean},
		&Call{Fn: "isnotnull", Args: []Expr{&Cast{Arg: d, T: arrow.PrimitiveTypes.Float64}}, T: arrow.FixedWidthTypes.Boolean},
	}}}
	probe := &RuntimeFilter{Input: filter, ID: 1, Keys: []int{0}}
	expand := &Expand{Input: probe, Keys: []int{0}, Sets: [][]int{{0}, {}}}
	agg := &Aggregate{Input: expand, Mode: AggregatePartial,
		GroupBy: []Expr{&ColumnRef{Index: 2, Name: "a", T: i64}, &ColumnRef{Index: 3, Name: GroupingIDName, T: i64}},
		Aggs:    []AggCall{{Fn: AggCountStar, T: i64}, {Fn: AggAvg, Arg: d, T: &arrow.Decimal128Type{Precision: 38, Scale: 6}}},
		Names:   []string{"a", GroupingIDName, "count(*)", "avg(d)"}}
	sort := &Sort{Input: agg, Keys: []SortKey{{Expr: a, Desc: true}}, Local: true}
	return &Limit{Input: sort, Count: 10, Local: true}
}

// TestTaskSpecGolden pins the wire form of a TaskSpec: a change to it must
// be deliberate (and bump SpecVersion when old workers would misread it).
func TestTaskSpecGolden(t *testing.T) {
	plan, err := EncodePlan(samplePlan())
	if err != nil {
		t.Fatal(err)
	}
	spec := TaskSpec{
		Version: SpecVersion, Query: "q1", Task: TaskID{Fragment: 2, Index: 1}, Plan: plan,
		Splits: []ScanSplit{{Scan: 0, Files: []string{"tables/main/t.1/a.parquet"}}},
		Output: OutputSpec{Kind: OutputNormal, Keys: []int{0}, Consumers: 2, Schema: SchemaSpec{{Name: "c0", Type: "int64"}},
			Filter: &FilterOutputSpec{ID: 2, Keys: []int{0}, Probes: 2}},
		Deadline: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Filters: []FilterInputSpec{{ID: 1, Schema: NewSchemaSpec(FilterSchema([]arrow.DataType{i64})),
			Producers: []ProducerSpec{{Task: TaskID{Fragment: 3, Index: 0}, Address: "127.0.0.1:1", Ticket: []byte("t")}}}},
	}
	got, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "taskspec.golden.json")
	if *rewrite {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("TaskSpec wire form changed (rerun with -rewrite if meant):\n%s", got)
	}
	var back TaskSpec
	if err := json.Unmarshal(want, &back); err != nil {
		t.Fatal(err)
	}
	p, err := DecodePlan(back.Plan)
	if err != nil {
		t.Fatal(err)
	}
	if Format(p) != Format(samplePlan()) {
		t.Fatalf("decoded plan differs:\n%s\nwant\n%s", Format(p), Format(samplePlan()))
	}
}

func TestDecodePlanRejectsGarbage(t *testing.T) {
	for _, in := range []string{`{`, `{"op":"nope"}`, `{"op":"filter"}`, `{"op":"scan","types":["int99"]}`,
		`{"op":"project","exprs":[{"k":"zzz","t":"int64"}],"inputs":[{"op":"values"}]}`,
		`{"op":"expand","keys":[3],"sets":[[0]],"inputs":[{"op":"values","names":["a"],"types":["int64"]}]}`,
		`{"op":"expand","keys":[0],"sets":[[1]],"inputs":[{"op":"values","names":["a"],"types":["int64"]}]}`,
		`{"op":"expand","keys":[0],"inputs":[{"op":"values","names":["a"],"types":["int64"]}]}`} {
		if _, err := DecodePlan(json.RawMessage(in)); !qerr.Has(err, qerr.ErrInvalid) {
			t.Errorf("DecodePlan(%s) = %v, want ErrInvalid", in, err)
		}
	}
}

func TestTickets(t *testing.T) {
	s := NewTicketSigner([]byte("secret"))
	now := time.Now()
	tk := Ticket{Query: "q", Task: TaskID{Fragment: 1, Index: 2}, Partition: 3, Expires: now.Add(time.Minute), Principal: "alice"}
	b := s.Sign(tk)
	got, err := s.Verify(b, now)
	if err != nil || got.Query != "q" || got.Task != tk.Task || got.Partition != 3 || got.Principal != "alice" {
		t.Fatalf("Verify = %+v, %v", got, err)
	}
	if bytes.Contains(b, []byte("alice")) || bytes.Equal(b, s.Sign(tk)) {
		t.Fatalf("a sealed ticket must hide its fields and differ on every sealing: %s", b)
	}
	flipped := append([]byte(nil), b...)
	flipped[len(TicketPrefix)+20] ^= 1
	cases := []struct {
		name   string
		ticket []byte
		signer *TicketSigner
		now    time.Time
	}{
		{"garbage", []byte("hello"), s, now},
		{"old version", append([]byte("qt1."), b[len(TicketPrefix):]...), s, now},
		{"truncated", b[:len(b)-5], s, now},
		{"bit flipped", flipped, s, now},
		{"not base64", append(append([]byte(nil), TicketPrefix...), "!!"...), s, now},
		{"other secret", b, NewTicketSigner([]byte("other")), now},
		{"expired", b, s, now.Add(time.Hour)},
	}
	// Every other last character, including those that differ only in
	// bits base64 does not use.
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	for _, ch := range []byte(alphabet) {
		if ch != b[len(b)-1] {
			other := append(append([]byte(nil), b[:len(b)-1]...), ch)
			cases = append(cases, struct {
				name   string
				ticket []byte
				signer *TicketSigner
				now    time.Time
			}{"last character " + string(ch), other, s, now})
		}
	}
	for _, c := range cases {
		if _, err := c.signer.Verify(c.ticket, c.now); !qerr.Has(err, qerr.ErrUnauthorized) {
			t.Errorf("%s: got %v, want %s", c.name, err, qerr.ErrUnauthorized)
		}
	}
}

// TestEnforceIdempotent checks the invariant EnforceDistribution promises:
// applied to its own output, it changes nothing.
func TestEnforceIdempotent(t *testing.T) {
	scan := &Scan{Database: "main", Table: "t", Columns: []string{"a", "b"}, Types: []arrow.DataType{i64, i64}, Tasks: 3}
	a := &ColumnRef{Index: 0, Name: "a", T: i64}
	agg := &Aggregate{Input: scan, Mode: AggregateComplete, GroupBy: []Expr{a},
		Aggs: []AggCall{{Fn: AggSum, Arg: &ColumnRef{Index: 1, Name: "b", T: i64}, T: dec}}, Names: []string{"a", "s"}}
	plan := &Limit{Input: &Sort{Input: agg, Keys: []SortKey{{Expr: a, NullsFirst: true}}}, Count: 5}
	once, part := EnforceDistribution(plan, 3)
	twice, again := EnforceDistribution(once, 3)
	if Format(once) != Format(twice) || part.String() != again.String() {
		t.Fatalf("not idempotent:\n%s\nthen\n%s", Format(once), Format(twice))
	}
}

// TestAggregateKeepsInputHash: an aggregation over an input hashed on some
// of its group keys (a bucketed table's key) delivers its groups hashed on
// those keys' output columns, not on every group key. Claiming every group
// key let a shuffle join pair it with a sibling hashed on all of them, by
// another function, without an exchange: TPC-DS Q78 lost half its rows.
func TestAggregateKeepsInputHash(t *testing.T) {
	agg := &Aggregate{Mode: AggregateComplete, GroupBy: []Expr{
		&ColumnRef{Index: 3, Name: "year", T: i64}, &ColumnRef{Index: 0, Name: "item", T: i64}, &ColumnRef{Index: 1, Name: "cust", T: i64}}}
	cases := []struct{ in, want Partitioning }{
		{Partitioning{Kind: PartHash, Keys: []int{0}, Tasks: 2}, Partitioning{Kind: PartHash, Keys: []int{1}, Tasks: 2}},
		{Partitioning{Kind: PartHash, Keys: []int{3, 0, 1}, Tasks: 4}, Partitioning{Kind: PartHash, Keys: []int{0, 1, 2}, Tasks: 4}},
		{Partitioning{Kind: PartSingle, Tasks: 1}, Partitioning{Kind: PartSingle, Tasks: 1}},
	}
	for _, c := range cases {
		if got := agg.Delivered([]Partitioning{c.in}); got.String() != c.want.String() {
			t.Errorf("over %s: delivers %s, want %s", c.in, got, c.want)
		}
	}
}

// TestAggregateHashOn: an aggregation with HashOn asks its input hashed on
// those group keys only, and over such an input delivers its groups hashed
// on their output columns, which satisfies a parent grouping by them.
func TestAggregateHashOn(t *testing.T) {
	agg := &Aggregate{Mode: AggregateComplete, GroupBy: []Expr{
		&ColumnRef{Index: 2, Name: "g", T: i64}, &ColumnRef{Index: 0, Name: "x", T: i64}}, HashOn: []int{0}}
	if got := agg.Required()[0]; got.String() != (Distribution{Kind: DistHash, Keys: []int{2}}).String() {
		t.Fatalf("requires %s, want Hash([2])", got)
	}
	out := agg.Delivered([]Partitioning{{Kind: PartHash, Keys: []int{2}, Tasks: 2}})
	if !out.Satisfies(Distribution{Kind: DistHash, Keys: []int{0}}) {
		t.Errorf("delivers %s, which a parent grouping by g (column 0) cannot use", out)
	}
}
