package integration

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	pb "github.com/apache/arrow-go/v18/arrow/flight/gen/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

// barrageRequests is how many malformed requests TestMalformedRequests
// sends: $QUIVER_BARRAGE_N, 1,000 by default. $QUIVER_BARRAGE_SEED picks
// the sequence (1 by default), so that a failure replays exactly.
func barrageRequests(t *testing.T) (n int, seed uint64) {
	n, seed = 1000, 1
	if v := os.Getenv("QUIVER_BARRAGE_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			t.Fatalf("QUIVER_BARRAGE_N=%q: want a positive integer", v)
		}
	}
	if v := os.Getenv("QUIVER_BARRAGE_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("QUIVER_BARRAGE_SEED=%q: want an unsigned integer", v)
		}
	}
	return n, seed
}

// barrageWait bounds every request of the barrage: an answer later than this
// is a hang.
const barrageWait = 30 * time.Second

// refusals are the codes a malformed request may get. UNKNOWN means an
// error escaped without a code, INTERNAL a bug, DEADLINE_EXCEEDED a hang
// and UNAVAILABLE a node that went down: none of them is a refusal.
var refusals = []codes.Code{
	codes.InvalidArgument, codes.NotFound, codes.AlreadyExists, codes.Unimplemented,
	codes.PermissionDenied, codes.Unauthenticated, codes.FailedPrecondition,
	codes.ResourceExhausted, codes.OutOfRange, codes.Aborted,
}

// TestMalformedRequests sends a seeded barrage of malformed requests to a
// coordinator and two worker processes: descriptors of every Flight SQL
// command with garbage bodies, tampered and random tickets at the
// coordinator and at the workers, random actions (also with the cluster
// secret, so that a task spec's decoding is reached), ingest and parameter
// streams cut at every kind of offset, random SQL and the statement bombs.
// Every answer must be a refusal with a clear code within barrageWait, no
// process may die, a cut ingest must leave no table behind (or, where the
// cut only removed padding, exactly the rows sent), and afterwards the
// cluster answers right, runs nothing, and its memory is reported.
func TestMalformedRequests(t *testing.T) {
	t.Parallel()
	n, seed := barrageRequests(t)
	cl := startCluster(t, 2)
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE barrage (a BIGINT, s VARCHAR(20), d DECIMAL(15,2))")
	c.MustExec("INSERT INTO barrage VALUES (1, 'one', 1.50), (2, 'two', 2.25), (3, NULL, NULL), (4, 'four', -4.75)")
	const answer = "SELECT count(*), sum(a), count(s), sum(d) FROM barrage"
	want := c.MustQuery(answer)

	fsql := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	info, err := fsql.Execute(ctx, "SELECT a, s, d FROM barrage")
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	var tickets [][]byte
	for _, ep := range info.Endpoint {
		tickets = append(tickets, ep.Ticket.GetTicket())
	}
	secret, err := os.ReadFile(filepath.Join(cl.DataDir, "cluster-secret"))
	if err != nil {
		t.Fatal(err)
	}
	b := &barrage{
		t: t, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		coordinator: dialFlight(t, cl.Addr),
		secret:      strings.TrimSpace(string(secret)),
		tickets:     tickets,
		ingest:      ingestMessages(t),
	}
	for _, addr := range cl.WorkerAddrs {
		b.workers = append(b.workers, dialFlight(t, addr))
	}
	rssBefore := map[string]int64{}
	for _, p := range cl.Procs() {
		rssBefore[p.Name] = anonKiB(t, p)
	}

	kinds := []struct {
		name string
		send func(ctx context.Context) (what string, err error)
	}{
		{"descriptor", b.descriptor},
		{"ticket at coordinator", func(ctx context.Context) (string, error) { return b.ticket(ctx, b.coordinator) }},
		{"ticket at worker", func(ctx context.Context) (string, error) { return b.ticket(ctx, b.pickWorker()) }},
		{"action at coordinator", func(ctx context.Context) (string, error) { return b.action(ctx, b.coordinator, false) }},
		{"action at worker", func(ctx context.Context) (string, error) { return b.action(ctx, b.pickWorker(), b.rng.IntN(2) == 0) }},
		{"cut ingest", b.cutIngest},
		{"random sql", b.randomSQL},
	}
	counts := map[codes.Code]int{}
	for i := range n {
		k := kinds[i%len(kinds)]
		ctx, cancel := context.WithTimeout(context.Background(), barrageWait)
		start := time.Now()
		what, err := k.send(ctx)
		cancel()
		code := grpcCode(err)
		counts[code]++
		switch {
		case time.Since(start) >= barrageWait || code == codes.DeadlineExceeded:
			t.Errorf("request %d (%s: %s) hung: %v", i, k.name, what, err)
		case err != nil && !slices.Contains(refusals, code):
			t.Errorf("request %d (%s: %s): %v (code %s), want a refusal", i, k.name, what, err, code)
		}
		for _, p := range cl.Procs() {
			if p.Exited() {
				t.Fatalf("%s died on request %d (%s: %s):\n%s", p.Name, i, k.name, what, p.Tail(40))
			}
		}
	}
	for name, sql := range map[string]string{
		"1,000,000 additions":  "SELECT 1" + strings.Repeat(" + 1", 1000000),
		"100,000 nested calls": "SELECT " + strings.Repeat("abs(", 100000) + "1" + strings.Repeat(")", 100000),
		"100,000 NOTs":         "SELECT " + strings.Repeat("NOT ", 100000) + "1",
		"10 MB OR chain":       "SELECT 1 WHERE " + strings.Repeat("1 = 1 OR ", 1100000) + "1 = 2",
		"IN list of 1,000,000": "SELECT count(*) FROM barrage WHERE a IN (" + strings.Repeat("7, ", 999999) + "8)",
		"UNION of 10,000":      strings.Repeat("SELECT 1 UNION ALL ", 9999) + "SELECT 1",
	} {
		ctx, cancel := context.WithTimeout(context.Background(), barrageWait)
		start := time.Now()
		_, err := fsql.Execute(ctx, sql)
		cancel()
		code := grpcCode(err)
		counts[code]++
		if time.Since(start) >= barrageWait || (err != nil && !slices.Contains(refusals, code)) {
			t.Errorf("%s: %v (code %s) after %v, want an answer or a refusal within %v", name, err, code, time.Since(start).Round(time.Millisecond), barrageWait)
		}
	}
	t.Logf("%d requests and the bombs: answers by code %v", n, counts)

	for _, p := range cl.Procs() {
		if p.Exited() {
			t.Fatalf("%s died in the barrage:\n%s", p.Name, p.Tail(40))
		}
	}
	if got, want := lines(c.MustQuery(answer)), lines(want); !slices.Equal(got, want) {
		t.Errorf("after the barrage %s = %v, want %v", answer, got, want)
	}
	b.checkIngests(c)
	waitIdle(t, c)
	for _, p := range cl.Procs() {
		waitRSS(t, p, rssBefore[p.Name])
	}
}

// rssSettle bounds how long a process's memory may take to come back
// after the load: its idle check (10 s) must have seen a period without
// collection and handed the spare heap back.
const rssSettle = time.Minute

// rssSlackKiB is the growth of anonymous memory allowed whatever the
// baseline: a few arenas and caches warmed by the load (a small baseline
// makes 20% of it less than one DuckDB allocator arena).
const rssSlackKiB = 24 << 10

// waitRSS waits until p's anonymous resident memory (RssAnon: heap,
// DuckDB's buffers, stacks) is back within 20% (or rssSlackKiB) of
// before, taken before the load. The file-backed part of VmRSS is left
// out: it grows as the load first runs pages of the binary's code, which
// is no memory the process holds on to.
func waitRSS(t *testing.T, p *Proc, before int64) {
	t.Helper()
	deadline := time.Now().Add(rssSettle)
	for {
		now := anonKiB(t, p)
		if now <= before+max(before/5, rssSlackKiB) {
			t.Logf("%s anonymous RSS: %d KiB before the barrage, %d KiB after (VmRSS %d KiB)", p.Name, before, now, procStatusKiB(t, p, "VmRSS"))
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("%s anonymous RSS: %d KiB before the barrage, still %d KiB (VmRSS %d KiB) %v after it, want at most 120%% or %d KiB more",
				p.Name, before, now, procStatusKiB(t, p, "VmRSS"), rssSettle, rssSlackKiB)
			return
		}
		time.Sleep(time.Second)
	}
}

// barrage generates the malformed requests of TestMalformedRequests.
type barrage struct {
	t           *testing.T
	rng         *rand.Rand
	coordinator flight.Client
	workers     []flight.Client
	secret      string     // the cluster secret, hex
	tickets     [][]byte   // real tickets of a query's endpoints
	ingest      [][]byte   // the marshalled FlightData of one valid ingest stream
	seq         int        // numbers the ingest targets
	created     []ingested // what each cut ingest sent and whether it was acknowledged
}

type ingested struct {
	table string
	what  string // how the stream was damaged
	ok    bool
	cut   bool  // the stream sent was not the valid one
	acked int64 // the record count of the server's DoPutUpdateResult
}

// junkString is junk as valid UTF-8: a protobuf string field must be, or
// the client itself refuses to marshal the request.
func (b *barrage) junkString(max int) string { return strings.ToValidUTF8(string(b.junk(max)), "?") }

func (b *barrage) pickWorker() flight.Client { return b.workers[b.rng.IntN(len(b.workers))] }

func (b *barrage) junk(max int) []byte {
	out := make([]byte, b.rng.IntN(max+1))
	for i := range out {
		out[i] = byte(b.rng.UintN(256))
	}
	return out
}

// mutate returns a damaged copy of msg: a flipped byte, a cut, an inserted
// run of junk, or a duplicated tail.
func (b *barrage) mutate(msg []byte) []byte {
	out := slices.Clone(msg)
	switch b.rng.IntN(4) {
	case 0:
		if len(out) > 0 {
			out[b.rng.IntN(len(out))] ^= byte(1 + b.rng.UintN(255))
		}
	case 1:
		if len(out) > 0 {
			out = out[:b.rng.IntN(len(out))]
		}
	case 2:
		at := b.rng.IntN(len(out) + 1)
		out = slices.Insert(out, at, b.junk(16)...)
	default:
		out = append(out, out[b.rng.IntN(len(out)+1):]...)
	}
	return out
}

// flightSQLCommands are the Any type names of every Flight SQL command.
var flightSQLCommands = []string{
	"CommandStatementQuery", "CommandStatementSubstraitPlan", "CommandPreparedStatementQuery",
	"CommandStatementUpdate", "CommandPreparedStatementUpdate", "CommandStatementIngest",
	"CommandGetCatalogs", "CommandGetDbSchemas", "CommandGetTables", "CommandGetTableTypes",
	"CommandGetPrimaryKeys", "CommandGetExportedKeys", "CommandGetImportedKeys",
	"CommandGetCrossReference", "CommandGetSqlInfo", "CommandGetXdbcTypeInfo", "TicketStatementQuery",
}

// descriptor sends GetFlightInfo, GetSchema or PollFlightInfo for a
// descriptor that is junk, an Any of a real command with a junk body, a
// real command with odd field values, or a path.
func (b *barrage) descriptor(ctx context.Context) (string, error) {
	var desc *flight.FlightDescriptor
	var what string
	switch b.rng.IntN(5) {
	case 0:
		desc = &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: b.junk(64)}
		what = "junk command"
	case 1:
		name := flightSQLCommands[b.rng.IntN(len(flightSQLCommands))]
		body, _ := proto.Marshal(&anypb.Any{TypeUrl: "type.googleapis.com/arrow.flight.protocol.sql." + name, Value: b.junk(48)})
		desc = &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: body}
		what = name + " with a junk body"
	case 2:
		var msg proto.Message
		switch b.rng.IntN(5) {
		case 0:
			msg = &pb.CommandPreparedStatementQuery{PreparedStatementHandle: b.junk(40)}
		case 1:
			msg = &pb.CommandGetTables{DbSchemaFilterPattern: proto.String(b.junkString(8)), TableNameFilterPattern: proto.String("%\\"), IncludeSchema: true}
		case 2:
			msg = &pb.CommandGetSqlInfo{Info: []uint32{b.rng.Uint32(), 0, 1 << 31}}
		case 3:
			msg = &pb.CommandGetXdbcTypeInfo{DataType: proto.Int32(b.rng.Int32())}
		default:
			msg = &pb.CommandGetCrossReference{PkTable: b.junkString(6), FkTable: ""}
		}
		a, _ := anypb.New(msg)
		body, _ := proto.Marshal(a)
		if b.rng.IntN(2) == 0 {
			body = b.mutate(body)
		}
		desc = &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: body}
		what = fmt.Sprintf("%T", msg)
	case 3:
		desc = &flight.FlightDescriptor{Type: flight.DescriptorPATH, Path: []string{b.junkString(10), "x"}}
		what = "path"
	default:
		desc = &flight.FlightDescriptor{Type: pb.FlightDescriptor_DescriptorType(b.rng.IntN(5)), Cmd: b.junk(8)}
		what = "descriptor of an odd type"
	}
	var err error
	switch b.rng.IntN(3) {
	case 0:
		_, err = b.coordinator.GetFlightInfo(ctx, desc)
	case 1:
		_, err = b.coordinator.GetSchema(ctx, desc)
	default:
		_, err = b.coordinator.PollFlightInfo(ctx, desc)
	}
	return what, err
}

// ticket fetches a tampered real ticket or a junk one from c. A ticket that
// comes back unchanged from mutation is not sent.
func (b *barrage) ticket(ctx context.Context, c flight.Client) (string, error) {
	var tk []byte
	what := "junk ticket"
	if b.rng.IntN(4) > 0 {
		real := b.tickets[b.rng.IntN(len(b.tickets))]
		tk = b.mutate(real)
		if bytes.Equal(tk, real) {
			tk = append(tk, 'x')
		}
		what = "tampered ticket"
	} else {
		tk = b.junk(200)
	}
	stream, err := c.DoGet(ctx, &flight.Ticket{Ticket: tk})
	if err != nil {
		return what, err
	}
	for {
		if _, err := stream.Recv(); err != nil {
			if errors.Is(err, io.EOF) {
				return what, fmt.Errorf("a %s was served", what)
			}
			return what, err
		}
	}
}

// action sends a known or a random action with a junk body; at a worker,
// withSecret sends it as a node of the cluster would, so that the task
// spec's decoding is what refuses it.
func (b *barrage) action(ctx context.Context, c flight.Client, withSecret bool) (string, error) {
	types := []string{"CancelFlightInfo", "RenewFlightEndpoint", "CreatePreparedStatement", "ClosePreparedStatement",
		"BeginTransaction", "EndTransaction", "BeginSavepoint", "SetSessionOptions", "GetSessionOptions", "CloseSession",
		"quiver.run_task", "quiver.cancel_query", "quiver.renew_query", "quiver.stats", "quiver.load", "quiver.heartbeat",
		b.junkString(12)}
	typ := types[b.rng.IntN(len(types))]
	body := b.junk(80)
	if strings.HasPrefix(typ, "quiver.") && b.rng.IntN(2) == 0 {
		body = b.taskSpecJSON()
	}
	if withSecret {
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+b.secret)
	}
	stream, err := c.DoAction(ctx, &flight.Action{Type: typ, Body: body})
	if err != nil {
		return typ, err
	}
	for {
		if _, err := stream.Recv(); err != nil {
			if errors.Is(err, io.EOF) {
				// Some actions answer anything (stats, a cancel of no query).
				return typ, nil
			}
			return typ, err
		}
	}
}

// taskSpecJSON is a JSON object shaped like a task spec with wrong, odd or
// deeply nested values.
func (b *barrage) taskSpecJSON() []byte {
	vals := []string{`null`, `1`, `-1`, `"x"`, `[]`, `{}`, `1e309`, `"` + hex.EncodeToString(b.junk(8)) + `"`,
		strings.Repeat("[", 20000) + strings.Repeat("]", 20000), `{"op":"Scan","children":[{"op":"Nope"}]}`}
	keys := []string{"version", "query", "task", "plan", "splits", "inputs", "output", "deadline", "until", "reason"}
	var sb strings.Builder
	sb.WriteByte('{')
	for i := range 1 + b.rng.IntN(5) {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, "%q:%s", keys[b.rng.IntN(len(keys))], vals[b.rng.IntN(len(vals))])
	}
	sb.WriteByte('}')
	out := []byte(sb.String())
	if b.rng.IntN(3) == 0 {
		out = b.mutate(out)
	}
	return out
}

// cutIngest sends the valid ingest stream into a new table, damaged at one
// of the offset classes: inside the schema message, a batch's header or
// body, a body short by 8 or 64 bytes, a message dropped, or the stream
// ended at a message boundary. Most are refused; checkIngests verifies what
// each one left behind.
func (b *barrage) cutIngest(ctx context.Context) (string, error) {
	b.seq++
	table := fmt.Sprintf("cut_%d", b.seq)
	msgs := make([]*flight.FlightData, len(b.ingest))
	for i, raw := range b.ingest {
		m := &flight.FlightData{}
		if err := proto.Unmarshal(raw, m); err != nil {
			b.t.Fatal(err)
		}
		msgs[i] = m
	}
	cmd, _ := anypb.New(&pb.CommandStatementIngest{Table: table, TableDefinitionOptions: &pb.CommandStatementIngest_TableDefinitionOptions{
		IfNotExist: pb.CommandStatementIngest_TableDefinitionOptions_TABLE_NOT_EXIST_OPTION_CREATE}})
	body, _ := proto.Marshal(cmd)
	msgs[0].FlightDescriptor = &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: body}

	batch := 1 + b.rng.IntN(len(msgs)-1) // a record batch message
	var what string
	switch b.rng.IntN(7) {
	case 0:
		msgs[0].DataHeader = msgs[0].DataHeader[:b.rng.IntN(len(msgs[0].DataHeader))]
		what = "schema cut"
	case 1:
		m := msgs[batch]
		m.DataHeader = m.DataHeader[:b.rng.IntN(len(m.DataHeader))]
		what = "batch header cut"
	case 2:
		m := msgs[batch]
		m.DataBody = m.DataBody[:b.rng.IntN(len(m.DataBody))]
		what = "batch body cut"
	case 3:
		m := msgs[batch]
		m.DataBody = m.DataBody[:len(m.DataBody)-8]
		what = "batch body short by 8"
	case 4:
		m := msgs[batch]
		m.DataBody = m.DataBody[:len(m.DataBody)-64]
		what = "batch body short by 64"
	case 5:
		m := msgs[batch]
		m.DataHeader = b.mutate(m.DataHeader)
		what = "batch header damaged"
	default:
		// Cut at a message boundary: a shorter, well-formed stream. Its rows
		// are what was sent, so it may be acknowledged.
		msgs = msgs[:batch]
		what = "stream ended at a boundary"
	}
	cut := what != "stream ended at a boundary"
	stream, err := b.coordinator.DoPut(ctx)
	if err != nil {
		return what, err
	}
	for _, m := range msgs {
		if err := stream.Send(m); err != nil {
			break // the server refused early; its status comes with Recv
		}
	}
	_ = stream.CloseSend()
	var rerr error
	acked := int64(-1)
	for {
		res, err := stream.Recv()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				rerr = err
			}
			break
		}
		var upd pb.DoPutUpdateResult
		if proto.Unmarshal(res.GetAppMetadata(), &upd) == nil {
			acked = upd.RecordCount
		}
	}
	b.created = append(b.created, ingested{table: table, what: what, ok: rerr == nil, cut: cut, acked: acked})
	if !cut {
		b.created[len(b.created)-1].table += fmt.Sprintf(":%d", batch) // batches sent
	}
	return what, rerr
}

// checkIngests verifies what the cut ingests left: a refused one no table,
// an acknowledged one exactly the rows it sent.
func (b *barrage) checkIngests(c *client) {
	t := b.t
	res := c.MustQuery("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'cut_%'")
	exists := map[string]bool{}
	for _, name := range lines(res) {
		exists[name] = true
	}
	for _, in := range b.created {
		table, batches, _ := strings.Cut(in.table, ":")
		switch {
		case !in.ok && exists[table]:
			t.Errorf("refused ingest into %s left the table visible", table)
		case in.ok && in.cut && in.what == "batch header damaged":
			// A damaged batch header can pass: a smaller row count
			// within the batch's buffers is a valid batch, which no reader
			// can tell from the one meant (IPC has no checksum; gRPC's
			// transport protects the bytes in flight). What the server
			// acknowledged must be exactly what became visible.
			got := strings.Join(lines(c.MustQuery("SELECT count(*) FROM "+table)), "")
			if want := fmt.Sprint(in.acked); got != want {
				t.Errorf("acknowledged ingest into %s (%s) holds %s rows, the server acknowledged %s", table, in.what, got, want)
			}
		case in.ok:
			// An intact stream, or a cut that only removed a header's
			// trailing flatbuffer padding: exactly the rows sent.
			n := ingestBatches * ingestRows
			if batches != "" {
				k, _ := strconv.Atoi(batches)
				n = (k - 1) * ingestRows
			}
			got := c.MustQuery(fmt.Sprintf("SELECT count(*), sum(a), sum(CASE WHEN s = CAST(a AS CHAR) THEN 1 ELSE 0 END) FROM %s", table))
			want := fmt.Sprintf("%d | %d | %d", n, int64(n)*int64(n-1)/2, n)
			if n == 0 {
				want = "0 | NULL | NULL"
			}
			if g := strings.Join(lines(got), ""); g != want {
				t.Errorf("acknowledged ingest into %s (%s) holds %s, want %s", table, in.what, g, want)
			}
		}
	}
}

const (
	ingestBatches = 3
	ingestRows    = 500
)

// ingestValue is row i's string: its decimal digits, so that a stored
// row can be checked against itself.
func ingestValue(i int) string { return strconv.Itoa(i) }

// ingestMessages encodes one valid ingest stream (a schema and
// ingestBatches batches of (a BIGINT, s VARCHAR)) as marshalled FlightData.
func ingestMessages(t *testing.T) [][]byte {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	schema := arrow.NewSchema([]arrow.Field{{Name: "a", Type: arrow.PrimitiveTypes.Int64}, {Name: "s", Type: arrow.BinaryTypes.String}}, nil)
	var sink flightDataSink
	w := flight.NewRecordWriter(&sink, ipc.WithSchema(schema), ipc.WithAllocator(mem))
	for k := range ingestBatches {
		rb := array.NewRecordBuilder(mem, schema)
		for i := k * ingestRows; i < (k+1)*ingestRows; i++ {
			rb.Field(0).(*array.Int64Builder).Append(int64(i))
			rb.Field(1).(*array.StringBuilder).Append(ingestValue(i))
		}
		rec := rb.NewRecordBatch()
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		rec.Release()
		rb.Release()
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return sink.msgs
}

// flightDataSink keeps the FlightData a RecordWriter sends, marshalled.
type flightDataSink struct{ msgs [][]byte }

func (s *flightDataSink) Send(d *flight.FlightData) error {
	raw, err := proto.Marshal(d)
	s.msgs = append(s.msgs, raw)
	return err
}

// dialFlight opens a raw Flight client to addr; t.Cleanup closes it.
func dialFlight(t *testing.T, addr string) flight.Client {
	t.Helper()
	c, err := flight.NewClientWithMiddleware(addr, nil, nil, dialOpts()...)
	if err != nil {
		t.Fatalf("flight client %s: %v", addr, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// randomSQL sends a statement of random tokens.
func (b *barrage) randomSQL(ctx context.Context) (string, error) {
	tokens := []string{"SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "HAVING", "JOIN", "LEFT", "ON", "AS",
		"UNION", "ALL", "IN", "NOT", "NULL", "AND", "OR", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "INTERVAL",
		"barrage", "a", "s", "d", "x", "count(*)", "sum(", "(", ")", ",", "+", "-", "*", "/", "=", "<", "'str'",
		"1", "0", "-9223372036854775808", "1e308", "DATE '2024-13-45'", "?", "@@x", "`weird name`", "\x00", ";",
		"INTO", "VALUES", "SET", "EXPLAIN", "ANALYZE", "WITH", "LIMIT", "OFFSET", "DISTINCT", "OVER", "PARTITION"}
	var sb strings.Builder
	for range 1 + b.rng.IntN(24) {
		sb.WriteString(tokens[b.rng.IntN(len(tokens))])
		sb.WriteByte(' ')
	}
	// No write keywords: the table under test must keep its answer.
	sql := sb.String()
	_, err := b.coordinator.GetFlightInfo(ctx, statementDescriptor(sql))
	return sql, err
}

// statementDescriptor is the descriptor of CommandStatementQuery sql.
func statementDescriptor(sql string) *flight.FlightDescriptor {
	a, _ := anypb.New(&pb.CommandStatementQuery{Query: sql})
	body, _ := proto.Marshal(a)
	return &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: body}
}

// anonKiB is p's anonymous resident memory.
func anonKiB(t *testing.T, p *Proc) int64 { return procStatusKiB(t, p, "RssAnon") }

// procStatusKiB is the field of /proc/PID/status of p, in KiB.
func procStatusKiB(t *testing.T, p *Proc, field string) int64 {
	t.Helper()
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		t.Logf("%s of %s: %v", field, p.Name, err)
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			n, _ := strconv.ParseInt(strings.Fields(v)[0], 10, 64)
			return n
		}
	}
	return 0
}

// waitIdle waits until no query runs in the cluster: the work of every
// client that gave up has stopped.
func waitIdle(t *testing.T, c *client) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		res := lines(c.MustQuery("SELECT count(*) FROM system.queries WHERE state IN ('running', 'queued') AND statement NOT LIKE '%system.queries%'"))
		if len(res) == 1 && res[0] == "0" {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("15 s after the barrage %v queries still run", res)
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
}
