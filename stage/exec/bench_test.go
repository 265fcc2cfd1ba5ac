package exec_test

import (
	"context"
	"fmt"
	"net"
	"syscall"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// Benchmarks of the exchange. Run them with
//
//	go test -tags=duckdb_arrow -run '^$' -bench 'Exchange|RawFlight' -benchtime 5x ./stage/exec/
//
// GB/s counts the Arrow buffer bytes of the batches moved (RecordBytes);
// GB/cpu-s divides them by the CPU time the process spent meanwhile.

// cpuClock sums the process's CPU time (user and system, on every thread:
// DuckDB's, gRPC's, the client's) over the timed parts of a benchmark. On
// a machine shared with other work wall time follows the neighbours' load;
// CPU time per byte much less.
type cpuClock struct{ total, since time.Duration }

func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (c *cpuClock) start() { c.since = processCPU() }
func (c *cpuClock) stop()  { c.total += processCPU() - c.since }

// report adds the GB/s and GB/cpu-s of moving bytes.
func (c *cpuClock) report(b *testing.B, bytes int64) {
	b.ReportMetric(float64(bytes)/b.Elapsed().Seconds()/1e9, "GB/s")
	b.ReportMetric(float64(bytes)/c.total.Seconds()/1e9, "GB/cpu-s")
}

// BenchmarkNormalExchange measures one shuffle of benchRows rows (int64,
// short string, decimal, date) from one producer on worker 0 into two
// consumers, one per worker, each counting its rows: DuckDB result, coalesce
// and partition, do_get, temp-table materialization.
func BenchmarkNormalExchange(b *testing.B) {
	const benchRows = 2_000_000
	c := newCluster(b, 0, 0)
	ctx := context.Background()
	schema := schemaSpec("k", "int64", "s", "utf8", "d", "decimal(12,2)", "dt", "date32")
	count := schemaSpec("n", "int64")
	var shuffled int64
	b.ResetTimer()
	for it := range b.N {
		q := stage.QueryID(fmt.Sprintf("bench-%d", it))
		prod, err := c.nodes[0].client.RunTask(ctx, spec(q, task(1, 0), fmt.Sprintf(`SELECT i AS c0, 's' || i AS c1,
				CAST(i AS DECIMAL(12,2)) AS c2, DATE '2020-01-01' + CAST(i %% 1000 AS INTEGER) AS c3,
				CAST(hash(i) %% 2 AS INTEGER) AS __part FROM range(%d) r(i)`, benchRows),
			stage.OutputSpec{Kind: stage.OutputNormal, Keys: []int{0}, Consumers: 2, Schema: schema}))
		if err != nil {
			b.Fatal(err)
		}
		var runs []*flightsrv.RemoteTask
		for p, n := range c.nodes {
			in := stage.InputSpec{Exchange: 1, Schema: schema, Producers: []stage.ProducerSpec{
				{Task: task(1, 0), Address: c.nodes[0].addr, Ticket: c.ticket(q, task(1, 0), p)}}}
			rt, err := n.client.RunTask(ctx, spec(q, task(0, p), `SELECT count(*) AS c0 FROM {in:1}`,
				stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: count}, in))
			if err != nil {
				b.Fatal(err)
			}
			runs = append(runs, rt)
		}
		var total int64
		st0, err := prod.Wait(ctx)
		if err != nil {
			b.Fatal(err)
		}
		shuffled += st0.BytesOut
		for p, n := range c.nodes {
			if _, err := readAll(b, ctx, n.client, c.ticket(q, task(0, p), 0), nil, func(rec arrow.RecordBatch, i int) {}); err != nil {
				b.Fatal(err)
			}
			st, err := runs[p].Wait(ctx)
			if err != nil {
				b.Fatal(err)
			}
			total += st.RowsIn
		}
		if total != benchRows {
			b.Fatalf("%d rows arrived", total)
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(shuffled)/b.Elapsed().Seconds()/1e9, "GB/s")
}

const benchQuery = `SELECT i AS c0, 's' || i AS c1, CAST(i AS DECIMAL(12,2)) AS c2,
	DATE '2020-01-01' + CAST(i %% 1000 AS INTEGER) AS c3 FROM range(%d) r(i)`

var benchSchema = schemaSpec("k", "int64", "s", "utf8", "d", "decimal(12,2)", "dt", "date32")

// produce runs the bench query on node n as a result task of query q and
// waits until its output is buffered.
func produce(b *testing.B, n *node, q stage.QueryID, rows int) {
	ctx := context.Background()
	rt, err := n.client.RunTask(ctx, spec(q, task(0, 0), fmt.Sprintf(benchQuery, rows),
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: benchSchema}))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := rt.Wait(ctx); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkExchangeDoGet measures the exchange transport alone: a worker's
// buffered output (2M rows, produced before the timer runs) streamed by
// do_get over loopback through flightsrv.WorkerClient, as a consumer task reads it.
func BenchmarkExchangeDoGet(b *testing.B) {
	const rows = 2_000_000
	c := newCluster(b, 0)
	ctx := context.Background()
	var moved int64
	var cpu cpuClock
	b.ResetTimer()
	for it := range b.N {
		b.StopTimer()
		q := stage.QueryID(fmt.Sprintf("bench-doget-%d", it))
		produce(b, c.nodes[0], q, rows)
		b.StartTimer()
		cpu.start()
		rdr, err := c.nodes[0].client.DoGet(ctx, c.ticket(q, task(0, 0), 0))
		if err != nil {
			b.Fatal(err)
		}
		for rdr.Next() {
			moved += exec.RecordBytes(rdr.RecordBatch())
		}
		err = rdr.Err()
		rdr.Release()
		cpu.stop()
		if err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b, moved)
}

// memFlight is a plain arrow-go Flight server that streams batches it holds
// in memory: the baseline of the exchange.
type memFlight struct {
	flight.BaseFlightServer
	schema *arrow.Schema
	recs   []arrow.RecordBatch
}

func (s *memFlight) DoGet(_ *flight.Ticket, stream flight.FlightService_DoGetServer) error {
	wr := flight.NewRecordWriter(stream, ipc.WithSchema(s.schema))
	for _, rec := range s.recs {
		if err := wr.Write(rec); err != nil {
			return err
		}
	}
	return wr.Close()
}

// BenchmarkRawFlightDoGet streams the same batches as BenchmarkExchangeDoGet
// (the worker's coalesced output, fetched once into memory) from a plain
// arrow-go Flight server over loopback.
func BenchmarkRawFlightDoGet(b *testing.B) {
	const rows = 2_000_000
	c := newCluster(b, 0)
	ctx := context.Background()
	produce(b, c.nodes[0], "bench-raw", rows)
	rdr, err := c.nodes[0].client.DoGet(ctx, c.ticket("bench-raw", task(0, 0), 0))
	if err != nil {
		b.Fatal(err)
	}
	srv := &memFlight{schema: rdr.Schema()}
	for rdr.Next() {
		rec := rdr.RecordBatch()
		rec.Retain()
		srv.recs = append(srv.recs, rec)
	}
	rdr.Release()
	defer func() {
		for _, rec := range srv.recs {
			rec.Release()
		}
	}()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	gs := grpc.NewServer(grpc.MaxSendMsgSize(flightsrv.DefaultMaxMessageBytes))
	flight.RegisterFlightServiceServer(gs, srv)
	go gs.Serve(lis)
	defer gs.Stop()
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(flightsrv.DefaultMaxMessageBytes)))
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	fc := flight.NewFlightServiceClient(conn)
	mem := memory.NewGoAllocator()
	var moved int64
	var cpu cpuClock
	b.ResetTimer()
	cpu.start()
	for range b.N {
		stream, err := fc.DoGet(ctx, &flight.Ticket{})
		if err != nil {
			b.Fatal(err)
		}
		r, err := flight.NewRecordReader(stream, ipc.WithAllocator(mem))
		if err != nil {
			b.Fatal(err)
		}
		for r.Next() {
			moved += exec.RecordBytes(r.RecordBatch())
		}
		err = r.Err()
		r.Release()
		if err != nil {
			b.Fatal(err)
		}
	}
	cpu.stop()
	cpu.report(b, moved)
}

// BenchmarkResultPath measures a result task end to end: the bench query
// (2M rows) streamed out of DuckDB, coalesced into the result buffer and
// read by do_get while it is produced.
func BenchmarkResultPath(b *testing.B) {
	const rows = 2_000_000
	c := newCluster(b, 0)
	ctx := context.Background()
	var moved int64
	var cpu cpuClock
	b.ResetTimer()
	cpu.start()
	for it := range b.N {
		q := stage.QueryID(fmt.Sprintf("bench-result-%d", it))
		rt, err := c.nodes[0].client.RunTask(ctx, spec(q, task(0, 0), fmt.Sprintf(benchQuery, rows),
			stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: benchSchema}))
		if err != nil {
			b.Fatal(err)
		}
		rdr, err := c.nodes[0].client.DoGet(ctx, c.ticket(q, task(0, 0), 0))
		if err != nil {
			b.Fatal(err)
		}
		for rdr.Next() {
			moved += exec.RecordBytes(rdr.RecordBatch())
		}
		err = rdr.Err()
		rdr.Release()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := rt.Wait(ctx); err != nil {
			b.Fatal(err)
		}
		if err := c.nodes[0].client.CancelQuery(ctx, q, nil); err != nil {
			b.Fatal(err)
		}
	}
	cpu.stop()
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	cpu.report(b, moved)
}
