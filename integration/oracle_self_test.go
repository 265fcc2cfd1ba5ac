package integration

import (
	"context"
	"math/big"
	"testing"
)

// TestOracleSelfCheck checks the test machinery itself, without a server:
// the DuckDB oracle holds exactly the generated rows, and its MySQL AVG
// macros agree with exact rational arithmetic done here in Go.
func TestOracleSelfCheck(t *testing.T) {
	t.Parallel()
	ds := newDataset(t, 20_000, 3, 2, 50)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)

	var rows []genRow
	for i := 0; i < ds.ingestRows; i++ {
		rows = append(rows, makeRow(i))
	}
	for i := 0; i < ds.insertRows; i++ {
		rows = append(rows, makeRow(10_000_000+i))
	}
	sumA, sumB, sumD := new(big.Int), new(big.Int), new(big.Int)
	var nA, nB, nD int64
	for _, r := range rows {
		if r.a != nil {
			sumA.Add(sumA, big.NewInt(int64(*r.a)))
			nA++
		}
		if r.b != nil {
			sumB.Add(sumB, big.NewInt(*r.b))
			nB++
		}
		if r.d != nil {
			sumD.Add(sumD, big.NewInt(*r.d))
			nD++
		}
	}
	// MySQL: avg rounded half away from zero to the input scale + 4.
	avg := func(unscaledSum *big.Int, n int64, inScale int32) string {
		scaled := new(big.Int).Mul(unscaledSum, big.NewInt(10000))
		q, r := new(big.Int).QuoRem(scaled, big.NewInt(n), new(big.Int))
		if new(big.Int).Mul(new(big.Int).Abs(r), big.NewInt(2)).Cmp(big.NewInt(n)) >= 0 {
			q.Add(q, big.NewInt(int64(unscaledSum.Sign())))
		}
		return decimalText(q, inScale+4)
	}
	want := []string{
		sumA.String(), sumB.String(), decimalText(sumD, 2),
		avg(sumA, nA, 0), avg(sumB, nB, 0), avg(sumD, nD, 2),
	}
	res, err := o.Query(context.Background(), `SELECT sum(a), sum(b), sum(d),
		mysql_avg_int(sum(a), count(a)), mysql_avg_int(sum(b), count(b)), mysql_avg_dec2(sum(d), count(d)) FROM t`)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		if got := res.rows[0][i].String(); got != w {
			t.Errorf("oracle column %d = %s, want %s", i, got, w)
		}
	}
	// The int64 sum overflows 64 bits on purpose: the rows hold MaxInt64 3 times.
	if sumB.IsInt64() {
		t.Errorf("sum(b) = %s fits in int64; the data should make it overflow", sumB)
	}

	// NULL ordering is MySQL's: first ascending, last descending.
	res, err = o.Query(context.Background(), "SELECT a FROM t ORDER BY a LIMIT 1")
	if err != nil || !res.rows[0][0].null {
		t.Errorf("oracle ascending order does not start with NULL: %v %v", res, err)
	}
	res, err = o.Query(context.Background(), "SELECT a FROM t ORDER BY a DESC LIMIT 1")
	if err != nil || res.rows[0][0].String() != "2147483647" {
		t.Errorf("oracle descending order does not start with the max: %v %v", res, err)
	}
	// Every query of the suite runs on the oracle.
	for _, qc := range suite {
		q := qc.oracle
		if q == "" {
			q = qc.sql
		}
		if _, err := o.Query(context.Background(), q); err != nil {
			t.Errorf("oracle cannot run %s: %s: %v", qc.name, q, err)
		}
	}
	// The comparison ignores row order but not content.
	r1, _ := o.Query(context.Background(), "SELECT s, count(*) FROM t GROUP BY s ORDER BY s")
	r2, _ := o.Query(context.Background(), "SELECT s, count(*) FROM t GROUP BY s ORDER BY s DESC")
	if d := diffResults(r1, r2, false); d != "" {
		t.Errorf("unordered comparison of the same rows differs:\n%s", d)
	}
	if d := diffResults(r1, r2, true); d == "" {
		t.Errorf("ordered comparison of reversed rows shows no difference")
	}
}

func TestDecimalText(t *testing.T) {
	for _, tc := range []struct {
		v     int64
		scale int32
		want  string
	}{
		{0, 2, "0"}, {5, 0, "5"}, {500, 2, "5"}, {-125, 2, "-1.25"}, {-5, 4, "-0.0005"},
		{1234500, 4, "123.45"}, {7, -2, "700"}, {-100, 2, "-1"},
	} {
		if got := decimalText(big.NewInt(tc.v), tc.scale); got != tc.want {
			t.Errorf("decimalText(%d, %d) = %s, want %s", tc.v, tc.scale, got, tc.want)
		}
	}
}
