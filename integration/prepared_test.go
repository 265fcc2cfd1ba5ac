package integration

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	pb "github.com/apache/arrow-go/v18/arrow/flight/gen/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

// params is one record of parameter rows, from JSON rows of the given
// columns; t.Cleanup releases it and checks that nothing else holds it.
func params(t testing.TB, fields []arrow.Field, rows string) arrow.RecordBatch {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	rec, _, err := array.RecordFromJSON(mem, arrow.NewSchema(fields, nil), strings.NewReader(rows))
	if err != nil {
		t.Fatalf("parameter rows %s: %v", rows, err)
	}
	t.Cleanup(func() {
		rec.Release()
		mem.AssertSize(t, 0)
	})
	return rec
}

func field(name string, typ arrow.DataType) arrow.Field {
	return arrow.Field{Name: name, Type: typ, Nullable: true}
}

// prepare makes a prepared ADBC statement of query; the caller closes it.
func (c *client) prepare(ctx context.Context, query string) (adbc.Statement, error) {
	st, err := c.cnxn.NewStatement()
	if err != nil {
		return nil, err
	}
	if err := st.SetSqlQuery(query); err != nil {
		st.Close()
		return nil, err
	}
	if err := st.Prepare(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// PreparedQuery prepares query, binds rec (nil: no parameters) and returns
// the result of every endpoint.
func (c *client) PreparedQuery(query string, rec arrow.RecordBatch) (*result, error) {
	ctx, cancel := stmtCtx()
	defer cancel()
	st, err := c.prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if rec != nil {
		if err := st.Bind(ctx, rec); err != nil {
			return nil, err
		}
	}
	rdr, _, err := st.ExecuteQuery(ctx)
	if err != nil {
		return nil, err
	}
	defer rdr.Release()
	return readResult(rdr)
}

// PreparedUpdate prepares query, binds rec and runs it as an update.
func (c *client) PreparedUpdate(query string, rec arrow.RecordBatch) (int64, error) {
	ctx, cancel := stmtCtx()
	defer cancel()
	st, err := c.prepare(ctx, query)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	if rec != nil {
		if err := st.Bind(ctx, rec); err != nil {
			return 0, err
		}
	}
	return st.ExecuteUpdate(ctx)
}

// preparedDesc is the descriptor that executes a prepared statement handle.
func preparedDesc(t testing.TB, handle []byte) *flight.FlightDescriptor {
	t.Helper()
	cmd, err := anypb.New(&pb.CommandPreparedStatementQuery{PreparedStatementHandle: handle})
	if err != nil {
		t.Fatal(err)
	}
	b, err := proto.Marshal(cmd)
	if err != nil {
		t.Fatal(err)
	}
	return &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: b}
}

func schemaTypes(s *arrow.Schema) []arrow.DataType {
	var out []arrow.DataType
	for _, f := range s.Fields() {
		out = append(out, f.Type)
	}
	return out
}

func checkSchemaTypes(t *testing.T, what string, got, want *arrow.Schema) {
	t.Helper()
	if d := typeDiff(got, schemaTypes(want)); d != "" {
		t.Errorf("%s: %s", what, d)
	}
	if g, w := fieldNames(got), fieldNames(want); !slices.Equal(g, w) {
		t.Errorf("%s: columns %v, want %v", what, g, w)
	}
}

func rowsOf(rec arrow.RecordBatch) int64 {
	if rec == nil {
		return 0
	}
	return rec.NumRows()
}

var (
	i64  = arrow.PrimitiveTypes.Int64
	f64  = arrow.PrimitiveTypes.Float64
	utf8 = arrow.BinaryTypes.String
)

// TestPrepared runs prepared statements with parameters through the Go ADBC
// driver: queries bound with one and several rows against the DuckDB
// oracle, the parameter types the binder infers, executemany as one atomic
// write, GetSchema, and the errors of bad bindings.
func TestPrepared(t *testing.T) {
	t.Parallel()
	compat(t, clientGoADBC, "prepared statement with parameters")
	ds := smallDataset(t)
	o := newOracle(t, ds)
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.load(ds)

	t.Run("queries", func(t *testing.T) {
		compat(t, clientGoADBC, "prepared statement with parameters")
		cases := []struct {
			sql    string
			params arrow.RecordBatch
			oracle string // the query with the values written in
		}{
			{"SELECT a, b, s FROM t WHERE a = ?", params(t, []arrow.Field{field("p", i64)}, `[{"p": 7}]`),
				"SELECT a, b, s FROM t WHERE a = 7"},
			{"SELECT count(*), sum(d) FROM t WHERE b > ? AND s LIKE ?", params(t, []arrow.Field{field("p", i64), field("q", utf8)}, `[{"p": -5000000, "q": "k%"}]`),
				"SELECT count(*), sum(d) FROM t WHERE b > -5000000 AND s LIKE 'k%'"},
			{"SELECT a, dt FROM t WHERE dt >= ? AND d < ? ORDER BY a, dt LIMIT ?",
				params(t, []arrow.Field{field("p", arrow.FixedWidthTypes.Date32), field("q", &arrow.Decimal128Type{Precision: 5, Scale: 1}), field("r", i64)},
					`[{"p": "2023-06-01", "q": "-9000.5", "r": 25}]`),
				"SELECT a, dt FROM t WHERE dt >= DATE '2023-06-01' AND d < -9000.5 ORDER BY a, dt LIMIT 25"},
			{"SELECT s, count(*) FROM t WHERE f BETWEEN ? AND ? AND s IN (?, ?, ?) GROUP BY s",
				params(t, []arrow.Field{field("p", f64), field("q", f64), field("r", utf8), field("s", utf8), field("u", utf8)},
					`[{"p": -500.5, "q": 800.25, "r": "alpha", "s": "it's", "u": null}]`),
				"SELECT s, count(*) FROM t WHERE f BETWEEN -500.5 AND 800.25 AND s IN ('alpha', 'it''s', NULL) GROUP BY s"},
			{"SELECT count(*) FROM t WHERE a > ?", params(t, []arrow.Field{field("p", utf8)}, `[{"p": "100"}]`), // a string that spells the INT
				"SELECT count(*) FROM t WHERE a > 100"},
			{"SELECT a FROM t WHERE a = ?", params(t, []arrow.Field{field("p", i64)}, `[{"p": null}]`),
				"SELECT a FROM t WHERE a = NULL"},
			{"SELECT count(*) FROM t", nil, "SELECT count(*) FROM t"},
			// Several parameter rows: each row's result, in row order, in its own order.
			{"SELECT ? AS p, count(*) FROM t WHERE a < ?", params(t, []arrow.Field{field("p", i64), field("q", i64)}, `[{"p": 1, "q": 300}, {"p": 2, "q": -200}, {"p": 3, "q": 0}]`),
				// A marker without context is a string.
				"SELECT '1', count(*) FROM t WHERE a < 300 UNION ALL SELECT '2', count(*) FROM t WHERE a < -200 UNION ALL SELECT '3', count(*) FROM t WHERE a < 0 ORDER BY 1"},
			{"SELECT a FROM t WHERE a IS NOT NULL ORDER BY a DESC LIMIT ?", params(t, []arrow.Field{field("p", i64)}, `[{"p": 2}, {"p": 3}]`),
				"SELECT a FROM ((SELECT a, 1 AS r FROM t WHERE a IS NOT NULL ORDER BY a DESC LIMIT 2) UNION ALL (SELECT a, 2 FROM t WHERE a IS NOT NULL ORDER BY a DESC LIMIT 3)) ORDER BY r, a DESC"},
		}
		for _, tc := range cases {
			got, err := c.PreparedQuery(tc.sql, tc.params)
			if err != nil {
				t.Errorf("%s: %v", tc.sql, err)
				continue
			}
			ctx, cancel := stmtCtx()
			want, err := o.Query(ctx, tc.oracle)
			cancel()
			if err != nil {
				t.Fatalf("oracle: %s: %v", tc.oracle, err)
			}
			ordered := strings.Contains(tc.sql, "ORDER BY") || tc.params != nil && tc.params.NumRows() > 1
			if d := diffResults(got, want, ordered); d != "" {
				t.Errorf("%s bound with %d rows differs from DuckDB:\n%s", tc.sql, rowsOf(tc.params), d)
			}
		}
	})

	t.Run("parameter_schema", func(t *testing.T) {
		compat(t, clientGoADBC, "prepared statement with parameters")
		ctx, cancel := stmtCtx()
		defer cancel()
		cases := []struct {
			sql  string
			want []arrow.DataType
		}{
			{"SELECT a FROM t WHERE a = ? AND s = ? AND d < ? AND dt = ? AND f > ? LIMIT ?",
				[]arrow.DataType{arrow.PrimitiveTypes.Int32, utf8, decType, arrow.FixedWidthTypes.Date32, f64, i64}},
			{"SELECT b + ?, a IN (?, 3), ? BETWEEN dt AND dt, upper(?), CAST(? AS DECIMAL(8,3)) FROM t",
				[]arrow.DataType{i64, arrow.PrimitiveTypes.Int32, arrow.FixedWidthTypes.Date32, utf8, &arrow.Decimal128Type{Precision: 8, Scale: 3}}},
			{"INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", schemaTypes(tableSchema)},
			{"SELECT 1", nil},
		}
		for _, tc := range cases {
			st, err := c.prepare(ctx, tc.sql)
			if err != nil {
				t.Errorf("prepare %s: %v", tc.sql, err)
				continue
			}
			ps, err := st.GetParameterSchema()
			st.Close()
			if err != nil {
				t.Errorf("%s: parameter schema: %v", tc.sql, err)
				continue
			}
			if d := typeDiff(ps, tc.want); d != "" {
				t.Errorf("%s: parameter types %s", tc.sql, d)
			}
		}
	})

	t.Run("schema", func(t *testing.T) {
		compat(t, clientGoADBC, "GetSchema")
		ctx, cancel := stmtCtx()
		defer cancel()
		want := arrow.NewSchema([]arrow.Field{field("s", utf8), field("n", i64), field("d", decType)}, nil)
		query := "SELECT s, count(*) AS n, d FROM t WHERE a < ? GROUP BY s, d"
		st, err := c.prepare(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		got, err := st.(adbc.StatementExecuteSchema).ExecuteSchema(ctx)
		if err != nil {
			t.Fatalf("ExecuteSchema of a prepared statement: %v", err)
		}
		checkSchemaTypes(t, "ExecuteSchema of a prepared statement", got, want)

		plain, err := c.cnxn.NewStatement()
		if err != nil {
			t.Fatal(err)
		}
		defer plain.Close()
		if err := plain.SetSqlQuery("SELECT s, count(*) AS n, d FROM t GROUP BY s, d"); err != nil {
			t.Fatal(err)
		}
		got, err = plain.(adbc.StatementExecuteSchema).ExecuteSchema(ctx)
		if err != nil {
			t.Fatalf("ExecuteSchema (GetSchemaStatement): %v", err)
		}
		checkSchemaTypes(t, "statement", got, want)

		fs := newFlightSQLClient(t, cl.Addr)
		prep, err := fs.Prepare(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		defer prep.Close(ctx)
		sr, err := prep.GetSchema(ctx)
		if err != nil {
			t.Fatalf("GetSchemaPreparedStatement: %v", err)
		}
		got, err = flight.DeserializeSchema(sr.GetSchema(), memory.NewGoAllocator())
		if err != nil {
			t.Fatal(err)
		}
		checkSchemaTypes(t, "GetSchemaPreparedStatement", got, want)
	})

	t.Run("executemany", func(t *testing.T) {
		compat(t, clientGoADBC, "executemany/batch")
		c.MustExec("CREATE TABLE many (k INT NOT NULL, v VARCHAR(10), x DECIMAL(10,2))")
		var sb strings.Builder
		sb.WriteString("[")
		const n = 2000
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteString(",")
			}
			v := `"v` + strings.Repeat("x", i%5) + `"`
			if i%7 == 0 {
				v = "null"
			}
			fmt.Fprintf(&sb, `{"k": %d, "v": %s, "x": %d.5}`, i, v, i)
		}
		sb.WriteString("]")
		rows := params(t, []arrow.Field{field("k", i64), field("v", utf8), field("x", f64)}, sb.String())
		got, err := c.PreparedUpdate("INSERT INTO many VALUES (?, ?, ?)", rows)
		if err != nil {
			t.Fatalf("executemany of %d rows: %v", n, err)
		}
		checkAffected(t, "executemany", got, n)
		res := c.MustQuery("SELECT count(*), count(v), sum(k), sum(x) FROM many")
		if g, w := rowText(res.rows[0]), "(2000, 1714, 1999000, 2000000)"; g != w {
			t.Errorf("after executemany: %s, want %s", g, w)
		}

		// Into a bucketed table the rows land in their buckets.
		c.MustExec("CREATE TABLE many_b (k INT, v VARCHAR(10)) PARTITION BY HASH(k) PARTITIONS 4")
		got, err = c.PreparedUpdate("INSERT INTO many_b (v, k) VALUES (?, ?)", params(t, []arrow.Field{field("v", utf8), field("k", i64)},
			`[{"v": "a", "k": 1}, {"v": "b", "k": 2}, {"v": "c", "k": 3}, {"v": "d", "k": 4}, {"v": "e", "k": 5}]`))
		if err != nil {
			t.Fatalf("executemany into a bucketed table: %v", err)
		}
		checkAffected(t, "executemany into a bucketed table", got, 5)
		res = c.MustQuery("SELECT k, count(*), max(v) FROM many_b GROUP BY k ORDER BY k")
		var texts []string
		for _, r := range res.rows {
			texts = append(texts, rowText(r))
		}
		if g, w := strings.Join(texts, ""), "(1, 1, 'a')(2, 1, 'b')(3, 1, 'c')(4, 1, 'd')(5, 1, 'e')"; g != w {
			t.Errorf("bucketed table after executemany: %s, want %s", g, w)
		}

		// Values other than markers: one INSERT ... VALUES of every row.
		c.MustExec("CREATE TABLE mixed (k INT NOT NULL, v VARCHAR(10), x DECIMAL(10,2))")
		got, err = c.PreparedUpdate("INSERT INTO mixed (x, v, k) VALUES (?, 'const', ? * 2)",
			params(t, []arrow.Field{field("x", utf8), field("k", i64)}, `[{"x": "0.25", "k": 1}, {"x": null, "k": 2}]`))
		if err != nil {
			t.Fatalf("executemany of an INSERT with constants: %v", err)
		}
		checkAffected(t, "executemany with constants", got, 2)
		res = c.MustQuery("SELECT k, v, x FROM mixed ORDER BY k")
		if g := rowText(res.rows[0]) + rowText(res.rows[1]); g != "(2, 'const', 0.25)(4, 'const', NULL)" {
			t.Errorf("rows of executemany with constants: %s", g)
		}

		// A row that does not fit fails the whole write: nothing of it is visible.
		bad := params(t, []arrow.Field{field("k", i64), field("v", utf8), field("x", f64)},
			`[{"k": 1, "v": "a", "x": 1}, {"k": null, "v": "b", "x": 2}, {"k": 3, "v": "c", "x": 3}]`)
		if _, err := c.PreparedUpdate("INSERT INTO many VALUES (?, ?, ?)", bad); grpcCode(err) != codes.InvalidArgument {
			t.Errorf("executemany with a NULL for a NOT NULL column: %v (code %s), want INVALID_ARGUMENT", err, grpcCode(err))
		}
		res = c.MustQuery("SELECT count(*) FROM many")
		if g := rowText(res.rows[0]); g != "(2000)" {
			t.Errorf("a failed executemany left rows behind: count %s, want 2000", g)
		}
	})

	t.Run("errors", func(t *testing.T) {
		compat(t, clientGoADBC, "error codes")
		one := params(t, []arrow.Field{field("p", i64)}, `[{"p": 1}]`)
		cases := []struct {
			name     string
			run      func() error
			want     codes.Code
			mentions []string
		}{
			{"syntax_error", func() error { _, err := c.PreparedQuery("SELECT a FROM t WHERE a = = ?", nil); return err },
				codes.InvalidArgument, []string{"line 1", "column"}},
			{"unknown_table", func() error { _, err := c.PreparedQuery("SELECT a FROM nope WHERE a = ?", one); return err },
				codes.NotFound, []string{"nope"}},
			{"too_few_values", func() error { _, err := c.PreparedQuery("SELECT a FROM t WHERE a = ? AND b = ?", one); return err },
				codes.InvalidArgument, []string{"2 parameters"}},
			{"no_values", func() error { _, err := c.PreparedQuery("SELECT a FROM t WHERE a = ?", nil); return err },
				codes.InvalidArgument, []string{"no values"}},
			{"value_does_not_convert", func() error {
				_, err := c.PreparedQuery("SELECT a FROM t WHERE dt = ?", params(t, []arrow.Field{field("p", utf8)}, `[{"p": "yesterday"}]`))
				return err
			}, codes.InvalidArgument, []string{"parameter 1", "date32"}},
			{"lossy_value", func() error {
				_, err := c.PreparedQuery("SELECT a FROM t WHERE a = ?", params(t, []arrow.Field{field("p", f64)}, `[{"p": 2.5}]`))
				return err
			}, codes.InvalidArgument, []string{"parameter 1", "2.5"}},
			{"marker_in_ddl", func() error {
				_, err := c.PreparedUpdate("CREATE VIEW v AS SELECT a FROM t WHERE a = ?", one)
				return err
			},
				codes.InvalidArgument, []string{"parameter markers (?) are allowed in queries"}},
			{"rows_too_large_for_a_handle", func() error {
				rows := strings.TrimSuffix(strings.Repeat(`{"p": "`+strings.Repeat("x", 64<<10)+`"},`, 40), ",")
				_, err := c.PreparedQuery("SELECT count(*) FROM t WHERE s = ?", params(t, []arrow.Field{field("p", utf8)}, "["+rows+"]"))
				return err
			}, codes.ResourceExhausted, []string{"bind fewer rows"}},
			{"rows_ordered_by_a_hidden_column", func() error {
				_, err := c.PreparedQuery("SELECT a FROM t ORDER BY b LIMIT ?", params(t, []arrow.Field{field("p", i64)}, `[{"p": 1}, {"p": 2}]`))
				return err
			}, codes.InvalidArgument, []string{"ORDER BY a column it does not return"}},
			{"marker_without_prepare", func() error { _, err := c.Query("SELECT a FROM t WHERE a = ?"); return err },
				codes.InvalidArgument, []string{"prepare"}},
		}
		for _, tc := range cases {
			err := tc.run()
			if grpcCode(err) != tc.want {
				t.Errorf("%s: %v (code %s), want %s", tc.name, err, grpcCode(err), tc.want)
				continue
			}
			for _, m := range tc.mentions {
				if !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(m)) {
					t.Errorf("%s: %q does not mention %q", tc.name, err, m)
				}
			}
		}
		checkQuery(t, c, o, groupByQuery) // still healthy
	})

	t.Run("handle_from_before_binding", func(t *testing.T) {
		// A client that keeps executing the handle it had before DoPut bound
		// the rows (not the one DoPut answered with) gets the rows it bound.
		ctx, cancel := stmtCtx()
		defer cancel()
		fs := newFlightSQLClient(t, cl.Addr)
		prep, err := fs.Prepare(ctx, "SELECT count(*) FROM t WHERE a < ?")
		if err != nil {
			t.Fatal(err)
		}
		defer prep.Close(ctx)
		before := prep.Handle()
		prep.SetParameters(params(t, []arrow.Field{field("p", i64)}, `[{"p": -500}]`))
		if err := prep.ExecutePut(ctx); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(before, prep.Handle()) {
			t.Errorf("DoPut did not answer with a handle that carries the rows")
		}
		info, err := fs.Client.GetFlightInfo(ctx, preparedDesc(t, before))
		if err != nil {
			t.Fatalf("executing the handle from before binding: %v", err)
		}
		mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
		defer mem.AssertSize(t, 0)
		got, err := drainInfo(info, cl.Addr, mem)
		if err != nil {
			t.Fatal(err)
		}
		want, err := o.Query(ctx, "SELECT count(*) FROM t WHERE a < -500")
		if err != nil {
			t.Fatal(err)
		}
		if d := diffResults(got, want, false); d != "" {
			t.Errorf("handle from before binding:\n%s", d)
		}
	})

	t.Run("forged_handle", func(t *testing.T) {
		ctx, cancel := stmtCtx()
		defer cancel()
		fs := newFlightSQLClient(t, cl.Addr)
		prep, err := fs.Prepare(ctx, "SELECT count(*) FROM t WHERE a < ?")
		if err != nil {
			t.Fatal(err)
		}
		defer prep.Close(ctx)
		h := prep.Handle()
		// The handle says what runs: changing the SQL in it must not pass.
		altered := bytes.Replace(h, []byte("count(*)"), []byte("sum(b)  "), 1)
		if bytes.Equal(altered, h) {
			t.Fatalf("handle does not carry the SQL text as expected: %q", h)
		}
		if _, err := fs.Client.GetFlightInfo(ctx, preparedDesc(t, altered)); grpcCode(err) != codes.Unauthenticated {
			t.Errorf("altered handle: %v (code %s), want UNAUTHENTICATED", err, grpcCode(err))
		}
		if _, err := fs.Client.GetFlightInfo(ctx, preparedDesc(t, []byte("no handle at all"))); grpcCode(err) != codes.InvalidArgument {
			t.Errorf("garbage handle: %v (code %s), want INVALID_ARGUMENT", err, grpcCode(err))
		}
	})
}

// TestPreparedRestart checks that a handle is self-sufficient: prepared
// and bound on one coordinator, it runs on a new coordinator process over
// the same data directory (and so the same cluster secret), and closing it
// there works too.
func TestPreparedRestart(t *testing.T) {
	t.Parallel()
	compat(t, clientGoADBC, "prepared statement with parameters")
	dataDir := t.TempDir()
	cl := startServe(t, 1, dataDir)
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE r (k INT, v VARCHAR(5))")
	c.MustExec("INSERT INTO r VALUES (1, 'a'), (2, 'b'), (3, 'c')")

	ctx, cancel := stmtCtx()
	defer cancel()
	fs := newFlightSQLClient(t, cl.Addr)
	query, err := fs.Prepare(ctx, "SELECT v FROM r WHERE k >= ? ORDER BY v")
	if err != nil {
		t.Fatal(err)
	}
	query.SetParameters(params(t, []arrow.Field{field("p", i64)}, `[{"p": 2}]`))
	if err := query.ExecutePut(ctx); err != nil { // binds: the handle now carries the row
		t.Fatalf("bind: %v", err)
	}
	update, err := fs.Prepare(ctx, "INSERT INTO r VALUES (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	queryHandle, updateHandle := query.Handle(), update.Handle()
	if err := query.Close(ctx); err != nil { // releases the bound record too
		t.Fatal(err)
	}
	c.Close()
	cl.Coordinator.Stop(t)

	cl2 := startServe(t, 1, dataDir)
	fs2 := newFlightSQLClient(t, cl2.Addr)
	info, err := fs2.Client.GetFlightInfo(ctx, preparedDesc(t, queryHandle))
	if err != nil {
		t.Fatalf("a handle from the previous coordinator: %v", err)
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	got, err := drainInfo(info, cl2.Addr, mem)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range got.rows {
		texts = append(texts, rowText(r))
	}
	if g := strings.Join(texts, ","); g != "('b'),('c')" {
		t.Errorf("after the restart the prepared query answered %s, want b,c", g)
	}

	// The update's handle runs there too, with rows bound by DoPut.
	moved, err := fs2.LoadPreparedStatementFromResult(&flightsql.CreatePreparedStatementResult{PreparedStatementHandle: updateHandle})
	if err != nil {
		t.Fatal(err)
	}
	moved.SetParameters(params(t, []arrow.Field{field("k", i64), field("v", utf8)}, `[{"k": 4, "v": "d"}, {"k": 5, "v": "e"}]`))
	n, err := moved.ExecuteUpdate(ctx)
	if err != nil {
		t.Fatalf("prepared update after the restart: %v", err)
	}
	checkAffected(t, "prepared update after restart", n, 2)
	if err := moved.Close(ctx); err != nil {
		t.Errorf("close a handle of the previous coordinator: %v", err)
	}
	c2 := connect(t, cl2.Addr)
	if g := rowText(c2.MustQuery("SELECT count(*) FROM r").rows[0]); g != "(5)" {
		t.Errorf("count after the prepared update: %s, want 5", g)
	}
}
