package tpch

import (
	"bytes"
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// genSmall generates SF 0.01 into a temporary directory with a checked
// allocator and returns the directory and manifest.
func genSmall(t *testing.T, seed uint64) (string, *Manifest) {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	dir := t.TempDir()
	m, err := Generate(context.Background(), GenConfig{SF: 0.01, Dir: dir, Seed: seed, Alloc: mem, BatchRows: 4096})
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	mem.AssertSize(t, 0)
	return dir, m
}

func TestGenerateRowCounts(t *testing.T) {
	dir, m := genSmall(t, 0)
	want := map[string]int64{
		"region": 5, "nation": 25, "supplier": 100, "customer": 1500,
		"part": 2000, "partsupp": 8000, "orders": 15000,
	}
	for _, tf := range m.Tables {
		rows, err := ParquetRows(ParquetPath(dir, tf.Table))
		if err != nil {
			t.Fatal(err)
		}
		if rows != tf.Rows {
			t.Errorf("%s: file has %d rows, manifest %d", tf.Table, rows, tf.Rows)
		}
		if w, ok := want[tf.Table]; ok && rows != w {
			t.Errorf("%s: %d rows, want %d", tf.Table, rows, w)
		}
		// 1 to 7 lines per order, 4 on average.
		if tf.Table == "lineitem" && (rows < 55000 || rows > 65000) {
			t.Errorf("lineitem: %d rows, want about 60000", rows)
		}
	}
	if got, err := ReadManifest(dir); err != nil || got.SF != 0.01 || got.Generator != GeneratorQuiver || got.Seed != DefaultSeed {
		t.Errorf("manifest = %+v, %v", got, err)
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, _ := genSmall(t, 7)
	b, _ := genSmall(t, 7)
	c, _ := genSmall(t, 8)
	for _, tb := range Tables {
		fa, err := os.ReadFile(ParquetPath(a, tb.Name))
		if err != nil {
			t.Fatal(err)
		}
		fb, _ := os.ReadFile(ParquetPath(b, tb.Name))
		fc, _ := os.ReadFile(ParquetPath(c, tb.Name))
		if !bytes.Equal(fa, fb) {
			t.Errorf("%s: two generations with seed 7 differ", tb.Name)
		}
		if tb.Name == "lineitem" && bytes.Equal(fa, fc) {
			t.Errorf("%s: seeds 7 and 8 generate the same file", tb.Name)
		}
	}
}

// TestGenerateIntegrity checks keys, foreign keys and value domains with
// SQL over the generated files: each query must return no rows (or the
// stated count).
func TestGenerateIntegrity(t *testing.T) {
	dir, _ := genSmall(t, 0)
	ctx := context.Background()
	d, err := OpenDuckDB(ctx, dir, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	checks := []struct{ name, sql string }{
		// Keys are unique.
		{"part key", "SELECT p_partkey FROM part GROUP BY 1 HAVING count(*) > 1"},
		{"supplier key", "SELECT s_suppkey FROM supplier GROUP BY 1 HAVING count(*) > 1"},
		{"customer key", "SELECT c_custkey FROM customer GROUP BY 1 HAVING count(*) > 1"},
		{"orders key", "SELECT o_orderkey FROM orders GROUP BY 1 HAVING count(*) > 1"},
		{"partsupp key", "SELECT ps_partkey, ps_suppkey FROM partsupp GROUP BY 1, 2 HAVING count(*) > 1"},
		{"lineitem key", "SELECT l_orderkey, l_linenumber FROM lineitem GROUP BY 1, 2 HAVING count(*) > 1"},
		{"dense keys", `SELECT 1 WHERE (SELECT max(p_partkey) FROM part) <> 2000 OR (SELECT max(s_suppkey) FROM supplier) <> 100
			OR (SELECT max(c_custkey) FROM customer) <> 1500 OR (SELECT min(p_partkey) FROM part) <> 1`},
		// Sparse order keys: 8 of every 32 (1-7, 32-39, 64-71, ...).
		{"sparse order keys", "SELECT o_orderkey FROM orders WHERE o_orderkey % 32 > 7 OR o_orderkey < 1"},
		// Foreign keys.
		{"lineitem -> orders", "SELECT l_orderkey FROM lineitem ANTI JOIN orders ON l_orderkey = o_orderkey"},
		{"orders -> lineitem", "SELECT o_orderkey FROM orders ANTI JOIN lineitem ON l_orderkey = o_orderkey"},
		{"lineitem -> partsupp", "SELECT l_partkey FROM lineitem ANTI JOIN partsupp ON l_partkey = ps_partkey AND l_suppkey = ps_suppkey"},
		{"partsupp -> part", "SELECT ps_partkey FROM partsupp ANTI JOIN part ON ps_partkey = p_partkey"},
		{"partsupp -> supplier", "SELECT ps_suppkey FROM partsupp ANTI JOIN supplier ON ps_suppkey = s_suppkey"},
		{"four suppliers per part", "SELECT ps_partkey FROM partsupp GROUP BY 1 HAVING count(*) <> 4"},
		{"orders -> customer", "SELECT o_custkey FROM orders ANTI JOIN customer ON o_custkey = c_custkey"},
		{"no orders for custkey % 3 = 0", "SELECT o_custkey FROM orders WHERE o_custkey % 3 = 0"},
		{"customer -> nation", "SELECT c_nationkey FROM customer ANTI JOIN nation ON c_nationkey = n_nationkey"},
		{"supplier -> nation", "SELECT s_nationkey FROM supplier ANTI JOIN nation ON s_nationkey = n_nationkey"},
		{"nation -> region", "SELECT n_regionkey FROM nation ANTI JOIN region ON n_regionkey = r_regionkey"},
		{"nation names", "SELECT 1 WHERE (SELECT n_regionkey FROM nation WHERE n_name = 'GERMANY') <> (SELECT r_regionkey FROM region WHERE r_name = 'EUROPE') OR (SELECT n_nationkey FROM nation WHERE n_name = 'CANADA') <> 3"},
		// Dates.
		{"order dates", "SELECT o_orderdate FROM orders WHERE o_orderdate NOT BETWEEN DATE '1992-01-01' AND DATE '1998-08-02'"},
		{"line dates", `SELECT l_orderkey FROM lineitem JOIN orders ON l_orderkey = o_orderkey
			WHERE l_shipdate NOT BETWEEN o_orderdate + 1 AND o_orderdate + 121
			OR l_commitdate NOT BETWEEN o_orderdate + 30 AND o_orderdate + 90
			OR l_receiptdate NOT BETWEEN l_shipdate + 1 AND l_shipdate + 30`},
		{"return flags", `SELECT l_orderkey FROM lineitem WHERE (l_receiptdate <= DATE '1995-06-17' AND l_returnflag NOT IN ('R', 'A'))
			OR (l_receiptdate > DATE '1995-06-17' AND l_returnflag <> 'N')
			OR (l_linestatus = 'F') <> (l_shipdate <= DATE '1995-06-17')`},
		{"order status", `SELECT o_orderkey FROM orders JOIN lineitem ON l_orderkey = o_orderkey GROUP BY o_orderkey, o_orderstatus
			HAVING o_orderstatus <> CASE WHEN bool_and(l_linestatus = 'F') THEN 'F' WHEN bool_and(l_linestatus = 'O') THEN 'O' ELSE 'P' END`},
		// Money: prices from the part key, totals from the lines.
		{"retail price", "SELECT p_partkey FROM part WHERE p_retailprice * 100 <> 90000 + (p_partkey // 10) % 20001 + 100 * (p_partkey % 1000)"},
		{"extended price", "SELECT l_orderkey FROM lineitem JOIN part ON l_partkey = p_partkey WHERE l_extendedprice <> l_quantity * p_retailprice"},
		{"total price", `SELECT o_orderkey FROM orders JOIN lineitem ON l_orderkey = o_orderkey GROUP BY o_orderkey, o_totalprice
			HAVING abs(o_totalprice - sum(l_extendedprice * (1 - l_discount) * (1 + l_tax))) > 0.03 * count(*)`}, // dbgen truncates cents per line
		{"line domains", `SELECT l_orderkey FROM lineitem WHERE l_quantity NOT BETWEEN 1 AND 50 OR l_discount NOT BETWEEN 0 AND 0.10
			OR l_tax NOT BETWEEN 0 AND 0.08 OR l_linenumber NOT BETWEEN 1 AND 7 OR l_quantity <> round(l_quantity)`},
		{"balances", "SELECT c_custkey FROM customer WHERE c_acctbal NOT BETWEEN -999.99 AND 9999.99"},
		{"supply cost", "SELECT ps_partkey FROM partsupp WHERE ps_supplycost NOT BETWEEN 1 AND 1000 OR ps_availqty NOT BETWEEN 1 AND 9999"},
		// Strings the queries select on.
		{"phones", "SELECT c_custkey FROM customer WHERE c_phone NOT SIMILAR TO '[0-9]{2}-[0-9]{3}-[0-9]{3}-[0-9]{4}' OR CAST(substring(c_phone, 1, 2) AS INT) <> c_nationkey + 10"},
		{"brands", "SELECT p_partkey FROM part WHERE p_brand NOT SIMILAR TO 'Brand#[1-5][1-5]' OR p_mfgr <> 'Manufacturer#' || substring(p_brand, 7, 1)"},
		{"part names", "SELECT p_partkey FROM part WHERE len(string_split(p_name, ' ')) <> 5"},
		{"part sizes", "SELECT p_partkey FROM part WHERE p_size NOT BETWEEN 1 AND 50"},
		{"comment lengths", "SELECT o_orderkey FROM orders WHERE length(o_comment) > 79 OR length(o_comment) < 5"},
	}
	for _, c := range checks {
		res, _, err := d.Query(ctx, c.sql)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if len(res.Rows) > 0 {
			t.Errorf("%s: %d violations, first %s", c.name, len(res.Rows), rowText(res.Rows[0]))
		}
	}
	// Values the 22 queries select on exist, so that their answers are not
	// all empty.
	present := map[string]string{
		"BRASS parts of size 15":     "SELECT count(*) > 0 FROM part WHERE p_size = 15 AND p_type LIKE '%BRASS'",
		"green parts":                "SELECT count(*) > 0 FROM part WHERE p_name LIKE '%green%'",
		"forest parts":               "SELECT count(*) > 0 FROM part WHERE p_name LIKE 'forest%'",
		"complaints":                 "SELECT count(*) > 0 FROM supplier WHERE s_comment LIKE '%Customer%Complaints%'",
		"special requests":           "SELECT count(*) > 0 FROM orders WHERE o_comment LIKE '%special%requests%'",
		"ECONOMY ANODIZED STEEL":     "SELECT count(*) > 0 FROM part WHERE p_type = 'ECONOMY ANODIZED STEEL'",
		"Brand#23 MED BOX":           "SELECT count(*) > 0 FROM part WHERE p_brand = 'Brand#23' AND p_container = 'MED BOX'",
		"BUILDING customers":         "SELECT count(*) > 0 FROM customer WHERE c_mktsegment = 'BUILDING'",
		"MAIL and SHIP":              "SELECT count(DISTINCT l_shipmode) = 2 FROM lineitem WHERE l_shipmode IN ('MAIL', 'SHIP')",
		"customers without orders":   "SELECT count(*) > 0 FROM customer WHERE c_custkey NOT IN (SELECT o_custkey FROM orders)",
		"every priority":             "SELECT count(DISTINCT o_orderpriority) = 5 FROM orders",
		"every status":               "SELECT count(DISTINCT o_orderstatus) = 3 FROM orders",
		"DELIVER IN PERSON with AIR": "SELECT count(*) > 0 FROM lineitem WHERE l_shipinstruct = 'DELIVER IN PERSON' AND l_shipmode = 'AIR'",
	}
	for name, q := range present {
		res, _, err := d.Query(ctx, q)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(res.Rows) != 1 || res.Rows[0][0].Text != "true" {
			t.Errorf("%s: none generated", name)
		}
	}
}

func TestQueries(t *testing.T) {
	qs := Queries(0.01)
	if len(qs) != 22 {
		t.Fatalf("%d queries", len(qs))
	}
	for _, q := range qs {
		if !strings.Contains(strings.ToLower(q.SQL), "select") {
			t.Errorf("%s: no SELECT", q.Name())
		}
		hasOrder := strings.Contains(strings.ToLower(q.SQL), "order by")
		if hasOrder != (len(q.OrderKeys) > 0) {
			t.Errorf("%s: ORDER BY %v but order keys %v", q.Name(), hasOrder, q.OrderKeys)
		}
	}
	if q := QueryN(11, 0.01); !strings.Contains(q.SQL, "* 0.0100000000") {
		t.Errorf("Q11 at SF 0.01 does not use the fraction 0.01:\n%s", q.SQL)
	}
	if q := QueryN(11, 1); !strings.Contains(q.SQL, "* 0.0001000000") {
		t.Errorf("Q11 at SF 1 does not use the fraction 0.0001")
	}
}

// TestQueriesRunOnDuckDB runs the 22 texts on DuckDB over SF 0.01: the
// MySQL-dialect texts must be valid there too, since DuckDB is the oracle.
func TestQueriesRunOnDuckDB(t *testing.T) {
	dir, _ := genSmall(t, 0)
	ctx := context.Background()
	d, err := OpenDuckDB(ctx, dir, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	nonEmpty := 0
	for _, q := range Queries(0.01) {
		res, _, err := d.Query(ctx, q.SQL)
		if err != nil {
			t.Errorf("%s: %v", q.Name(), err)
			continue
		}
		if len(res.Rows) > 0 {
			nonEmpty++
		}
		// An answer equals itself, in order.
		if diff := Diff(res, res, q.OrderKeys); diff != "" {
			t.Errorf("%s: differs from itself:\n%s", q.Name(), diff)
		}
	}
	if nonEmpty < 20 {
		t.Errorf("only %d of 22 queries return rows at SF 0.01", nonEmpty)
	}
}

func TestDDL(t *testing.T) {
	got := TableByName("lineitem").DDL(4)
	for _, want := range []string{"CREATE TABLE lineitem (", "l_orderkey BIGINT NOT NULL", "l_extendedprice DECIMAL(15,2) NOT NULL",
		"l_shipdate DATE NOT NULL", ") PARTITION BY HASH(l_orderkey) PARTITIONS 4"} {
		if !strings.Contains(got, want) {
			t.Errorf("DDL lacks %q:\n%s", want, got)
		}
	}
	if got := TableByName("nation").DDL(4); strings.Contains(got, "PARTITION") {
		t.Errorf("nation is partitioned:\n%s", got)
	}
	nullable := &Table{Name: "t", Columns: []Column{{Name: "a", SQL: "INT", Nullable: true}}}
	if got := nullable.DDL(0); strings.Contains(got, "NOT NULL") {
		t.Errorf("a nullable column is NOT NULL:\n%s", got)
	}
	for _, tb := range Tables {
		if tb.Key != "" && tb.Columns[0].Name != tb.Key {
			t.Errorf("%s: key %s is not its first column", tb.Name, tb.Key)
		}
	}
}

func num(text string, scale int32) Cell {
	v, _ := new(big.Int).SetString(strings.ReplaceAll(text, ".", ""), 10)
	return decimalCell(v, scale)
}

func TestCellsEqual(t *testing.T) {
	cases := []struct {
		a, b Cell
		eq   bool
	}{
		{num("500", 2), intCell(5), true},             // 5.00 = 5
		{num("501", 2), intCell(5), false},            // decimals are exact
		{num("1234567", 6), num("12345670", 7), true}, // scale normalised
		{Cell{Float: true, F: 1.0000001}, Cell{Float: true, F: 1}, true},
		{Cell{Float: true, F: 1.00001}, Cell{Float: true, F: 1}, false},
		{num("3333333", 8), Cell{Float: true, F: 1.0 / 30}, true}, // decimal AVG vs DOUBLE: rounding of the last digit
		{num("33", 3), Cell{Float: true, F: 1.0 / 30}, true},
		{num("34", 3), Cell{Float: true, F: 1.0 / 30}, true}, // a sum of rounded quotients: up to a unit
		{num("35", 3), Cell{Float: true, F: 1.0 / 30}, false},
		{Cell{Null: true}, Cell{Null: true}, true},
		{Cell{Null: true}, intCell(0), false},
		{Cell{Text: "'a'"}, Cell{Text: "'a'"}, true},
		{Cell{Text: "'1'"}, intCell(1), false},
	}
	for i, c := range cases {
		if got := CellsEqual(c.a, c.b); got != c.eq {
			t.Errorf("case %d: CellsEqual(%v, %v) = %v", i, c.a, c.b, got)
		}
	}
}

func TestDiff(t *testing.T) {
	r := func(rows ...[]Cell) *Result { return &Result{Columns: []string{"k", "v"}, Rows: rows} }
	a := r([]Cell{intCell(1), intCell(10)}, []Cell{intCell(1), intCell(11)}, []Cell{intCell(2), intCell(12)})
	tiesSwapped := r([]Cell{intCell(1), intCell(11)}, []Cell{intCell(1), intCell(10)}, []Cell{intCell(2), intCell(12)})
	reversed := r([]Cell{intCell(2), intCell(12)}, []Cell{intCell(1), intCell(10)}, []Cell{intCell(1), intCell(11)})
	if d := Diff(tiesSwapped, a, []int{0}); d != "" {
		t.Errorf("rows tied on the order key must compare as a set:\n%s", d)
	}
	if d := Diff(reversed, a, []int{0}); d == "" {
		t.Error("rows out of ORDER BY order compare equal")
	}
	if d := Diff(reversed, a, nil); d != "" {
		t.Errorf("unordered results differ:\n%s", d)
	}
	if d := Diff(r(a.Rows[:2]...), a, nil); !strings.Contains(d, "got 2 rows, want 3") {
		t.Errorf("missing row not reported:\n%s", d)
	}
	// LIMIT 2 cuts the run of k=1: either side may keep any row of it.
	otherTie := r([]Cell{intCell(1), intCell(10)}, []Cell{intCell(1), intCell(99)})
	if d := DiffTop(otherTie, r(a.Rows[:2]...), []int{0}, 2); d != "" {
		t.Errorf("rows tied at the LIMIT's cut must compare on the keys:\n%s", d)
	}
	if d := DiffTop(otherTie, r(a.Rows[:2]...), []int{0}, 3); d == "" {
		t.Error("a run the LIMIT does not cut compares on the keys only")
	}
	if d := DiffTop(r(a.Rows[0], []Cell{intCell(3), intCell(11)}), r(a.Rows[:2]...), []int{0}, 2); d == "" {
		t.Error("a row at the cut with other keys compares equal")
	}
}

func TestReportOutputs(t *testing.T) {
	rep := &Report{SF: 0.01, Workers: 2, DuckDBThreads: 2, Runs: 1, Machine: ThisMachine(), Queries: []QueryResult{
		{Query: 1, Status: StatusOK, QuiverMS: 20, DuckDBMS: 10, Ratio: 2},
		{Query: 2, Status: StatusOK, QuiverMS: 8, DuckDBMS: 16, Ratio: 0.5},
		{Query: 3, Status: StatusFailed, Error: "join <unsupported>", DuckDBMS: 5},
	}}
	rep.Summarise()
	if rep.Passed != 2 || rep.Counted != 2 || rep.GeoMean != 1 {
		t.Errorf("summary: passed %d counted %d geomean %v", rep.Passed, rep.Counted, rep.GeoMean)
	}
	var text, svg bytes.Buffer
	rep.WriteText(&text)
	if !strings.Contains(text.String(), "FAILED: join <unsupported>") || !strings.Contains(text.String(), "2 of 3 queries pass") {
		t.Errorf("text report:\n%s", text.String())
	}
	if err := rep.WriteSVG(&svg); err != nil {
		t.Fatal(err)
	}
	if s := svg.String(); !strings.HasPrefix(s, "<svg") || !strings.Contains(s, "join &lt;unsupported&gt;") {
		t.Errorf("svg:\n%s", s)
	}
}

func TestOpenParquetSchema(t *testing.T) {
	dir, _ := genSmall(t, 0)
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	rdr, closeFile, err := OpenParquet(context.Background(), filepath.Join(dir, "lineitem.parquet"), 1000, mem)
	if err != nil {
		t.Fatal(err)
	}
	defer closeFile()
	got, want := rdr.Schema(), TableByName("lineitem").Schema()
	same := got.NumFields() == want.NumFields()
	for i := 0; same && i < got.NumFields(); i++ {
		same = got.Field(i).Name == want.Field(i).Name && arrow.TypeEqual(got.Field(i).Type, want.Field(i).Type)
	}
	if !same {
		t.Errorf("schema read back:\n%s\nwant\n%s", rdr.Schema(), TableByName("lineitem").Schema())
	}
	if !rdr.Next() || rdr.RecordBatch().NumRows() != 1000 {
		t.Fatalf("first batch: %v", rdr.Err())
	}
	if _, ok := rdr.RecordBatch().Column(4).DataType().(*arrow.Decimal128Type); !ok {
		t.Errorf("l_quantity is %s", rdr.RecordBatch().Column(4).DataType())
	}
}

// TestOfficialAnswersDuckDB checks the dbgen data at SF 1 and the query
// texts against the official answers, with DuckDB (no Quiver involved):
// it runs when $QUIVER_TPCH_SF1 names a directory generated by
// `quiver tpch --sf 1` and $QUIVER_TPCH_ANSWERS one with the answer files
// (the kit's q1.out ... or DuckDB's q01.csv ...).
func TestOfficialAnswersDuckDB(t *testing.T) {
	data, answers := os.Getenv("QUIVER_TPCH_SF1"), os.Getenv("QUIVER_TPCH_ANSWERS")
	if data == "" || answers == "" {
		t.Skip("SF 1 answers not checked: set QUIVER_TPCH_SF1 (a `quiver tpch --sf 1 --no-load --out DIR` directory) and QUIVER_TPCH_ANSWERS (official answer files)")
	}
	if m, err := ReadManifest(data); err != nil || m.SF != 1 {
		t.Fatalf("%s: not an SF 1 data set (%v)", data, err)
	}
	ctx := context.Background()
	d, err := OpenDuckDB(ctx, data, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	checked := 0
	for _, q := range Queries(1) {
		path := AnswerPath(answers, q.N)
		if path == "" {
			continue
		}
		want, err := ReadAnswer(path)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := d.Query(ctx, q.SQL)
		if err != nil {
			t.Errorf("%s: %v", q.Name(), err)
			continue
		}
		checked++
		if diff := DiffAnswer(got, want, q.OrderKeys); diff != "" {
			t.Errorf("%s differs from %s:\n%s", q.Name(), path, diff)
		}
	}
	if checked == 0 {
		t.Fatalf("no answer files in %s", answers)
	}
	t.Logf("%d queries match the official SF 1 answers", checked)
}

func TestAnswers(t *testing.T) {
	dir := t.TempDir()
	// The kit's format: blank-padded fields, money rounded to cents.
	ans := "cntrycode |numcust  |totacctbal    |avg\n13  |   888|6737713.99|0.05\n17  |   861|6460573.72|0.05\n"
	if err := os.WriteFile(filepath.Join(dir, "q22.out"), []byte(ans), 0o644); err != nil {
		t.Fatal(err)
	}
	path := AnswerPath(dir, 22)
	if path == "" || AnswerPath(dir, 21) != "" {
		t.Fatalf("AnswerPath: %q", path)
	}
	want, err := ReadAnswer(path)
	if err != nil {
		t.Fatal(err)
	}
	got := &Result{Columns: []string{"cntrycode", "numcust", "totacctbal", "avg"}, Rows: [][]Cell{
		{{Text: "'13'"}, intCell(888), num("673771399", 2), {Float: true, F: 0.049985}},
		{{Text: "'17'"}, intCell(861), num("646057372", 2), {Float: true, F: 0.0500934}},
	}}
	if d := DiffAnswer(got, want, []int{0}); d != "" {
		t.Errorf("equal answers differ:\n%s", d)
	}
	got.Rows[1][2] = num("646057374", 2) // two cents off
	if d := DiffAnswer(got, want, []int{0}); !strings.Contains(d, "row 1") {
		t.Errorf("a wrong sum is not reported:\n%s", d)
	}
	if d := DiffAnswer(&Result{Columns: got.Columns, Rows: got.Rows[:1]}, want, []int{0}); !strings.Contains(d, "got 1 rows, want 2") {
		t.Errorf("a missing row is not reported:\n%s", d)
	}
}
