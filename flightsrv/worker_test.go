package flightsrv_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/goleak"
	"go.uber.org/zap"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

var secret = []byte("worker-service-test-secret")

// startWorker runs a real worker behind the worker service.
func startWorker(t *testing.T) (flight.FlightServiceClient, *stage.TicketSigner, *memory.CheckedAllocator) {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) })
	dir := t.TempDir()
	eng, err := exec.OpenEngine(exec.EngineConfig{Threads: 1, MemoryLimit: "256MB", TempDir: filepath.Join(dir, "tmp", "w")})
	if err != nil {
		t.Fatal(err)
	}
	peers := flightsrv.NewPeerPool(secret, mem, 0, nil)
	w, err := exec.NewWorker(exec.Config{Address: "worker-under-test", DataDir: dir, Peers: peers, Allocator: mem}, eng, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		w.Close()
		peers.Close()
		eng.Close()
	})
	signer := stage.NewTicketSigner(secret)
	return flightsrv.ServeTest(t, flightsrv.NewWorkerService(w, signer, secret, nil, nil, zap.NewNop()), 1<<20), signer, mem
}

func withSecret(ctx context.Context, s []byte) context.Context {
	return metadata.AppendToOutgoingContext(ctx, flightsrv.AuthHeader, flightsrv.BearerSecret(s))
}

func wantStatus(t *testing.T, what string, err error, code codes.Code) {
	t.Helper()
	if got := status.Code(err); got != code {
		t.Errorf("%s: status %s (%v), want %s", what, got, err, code)
	}
}

// doGetErr returns the status of a do_get of ticket.
func doGetErr(ctx context.Context, c flight.FlightServiceClient, ticket []byte) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := c.DoGet(ctx, &flight.Ticket{Ticket: ticket})
	if err != nil {
		return err
	}
	for {
		if _, err := stream.Recv(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// actionErr returns the status of an action call.
func actionErr(ctx context.Context, c flight.FlightServiceClient, a *flight.Action) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := c.DoAction(ctx, a)
	if err != nil {
		return err
	}
	for {
		if _, err := stream.Recv(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

func TestWorkerServiceRefusals(t *testing.T) {
	c, signer, mem := startWorker(t)
	ctx := context.Background()

	// Tickets: a client learns only that its ticket was refused, one status
	// and one message whatever the reason; a node (it carries the cluster
	// secret) learns the reason.
	live := signer.Sign(stage.Ticket{Query: "q", Expires: time.Now().Add(time.Minute)})
	flipped := append([]byte(nil), live...)
	flipped[len(flipped)/2] ^= 0x04
	refused := []struct {
		name   string
		ticket []byte
	}{
		{"garbage ticket", []byte("garbage")},
		{"old format ticket", []byte("qt1.abc.def")},
		{"truncated ticket", live[:len(live)-3]},
		{"bit-flipped ticket", flipped},
		{"forged ticket", stage.NewTicketSigner([]byte("another secret")).Sign(stage.Ticket{Query: "q", Expires: time.Now().Add(time.Minute)})},
		{"expired ticket", signer.Sign(stage.Ticket{Query: "q", Expires: time.Now().Add(-time.Second)})},
		{"unknown buffer", live},
	}
	var first string
	for _, r := range refused {
		err := doGetErr(ctx, c, r.ticket)
		wantStatus(t, r.name, err, codes.Unauthenticated)
		if first == "" {
			first = status.Convert(err).Message()
		} else if msg := status.Convert(err).Message(); msg != first {
			t.Errorf("%s: message %q differs from %q: it tells which check failed", r.name, msg, first)
		}
	}
	err := doGetErr(withSecret(ctx, secret), c, live)
	wantStatus(t, "unknown buffer for a node", err, codes.NotFound)
	// The qerr code survives the hop.
	if got := qerr.CodeOf(flightsrv.ErrorFromStatus(err)); got != qerr.ErrNotFound {
		t.Errorf("decoded code %s", got)
	}

	// The cluster secret.
	cancel := &flight.Action{Type: flightsrv.ActionCancelQuery, Body: []byte(`{"query":"q"}`)}
	wantStatus(t, "action without secret", actionErr(ctx, c, cancel), codes.Unauthenticated)
	wantStatus(t, "action with wrong secret", actionErr(withSecret(ctx, []byte("wrong")), c, cancel), codes.Unauthenticated)
	wantStatus(t, "action with secret", actionErr(withSecret(ctx, secret), c, cancel), codes.OK)
	run := &flight.Action{Type: flightsrv.ActionRunTask, Body: []byte(`{}`)}
	wantStatus(t, "run_task with wrong secret", actionErr(withSecret(ctx, []byte("wrong")), c, run), codes.Unauthenticated)
	wantStatus(t, "bad spec version", actionErr(withSecret(ctx, secret), c, run), codes.InvalidArgument)
	run.Body = []byte(`{not json`)
	wantStatus(t, "malformed spec", actionErr(withSecret(ctx, secret), c, run), codes.InvalidArgument)
	renew := &flight.Action{Type: flightsrv.ActionRenewQuery, Body: []byte(`{"query":"q-unknown","until":"2099-01-01T00:00:00Z"}`)}
	wantStatus(t, "renew without secret", actionErr(ctx, c, renew), codes.Unauthenticated)
	wantStatus(t, "renew of an unknown query", actionErr(withSecret(ctx, secret), c, renew), codes.NotFound)
	renew.Body = []byte(`{"until":1}`)
	wantStatus(t, "malformed renew", actionErr(withSecret(ctx, secret), c, renew), codes.InvalidArgument)
	wantStatus(t, "unknown action", actionErr(withSecret(ctx, secret), c, &flight.Action{Type: "nope"}), codes.Unimplemented)

	// do_put needs the secret too, and nothing is read before it is checked.
	put := func(ctx context.Context) error {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		stream, err := c.DoPut(ctx)
		if err != nil {
			return err
		}
		schema := arrow.NewSchema([]arrow.Field{{Name: "a", Type: arrow.PrimitiveTypes.Int64, Nullable: true}}, nil)
		wr := flight.NewRecordWriter(stream, ipc.WithSchema(schema), ipc.WithAllocator(mem))
		b := array.NewInt64Builder(mem)
		b.AppendValues([]int64{1, 2, 3}, nil)
		col := b.NewArray()
		b.Release()
		rec := array.NewRecordBatch(schema, []arrow.Array{col}, 3)
		col.Release()
		cmd, _ := json.Marshal(stage.WriteSpec{Version: stage.SpecVersion, Query: "q", Dir: "tables/x", Schema: stage.NewSchemaSpec(schema)})
		wr.SetFlightDescriptor(&flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: cmd})
		_ = wr.Write(rec)
		rec.Release()
		_ = wr.Close()
		_ = stream.CloseSend()
		for {
			if _, err := stream.Recv(); err != nil {
				if errors.Is(err, io.EOF) {
					return nil
				}
				return err
			}
		}
	}
	wantStatus(t, "do_put without secret", put(ctx), codes.Unauthenticated)
	wantStatus(t, "do_put with wrong secret", put(withSecret(ctx, []byte("wrong"))), codes.Unauthenticated)
	wantStatus(t, "do_put with secret", put(withSecret(ctx, secret)), codes.OK)

	// Everything else is UNIMPLEMENTED, with a message.
	_, err = c.GetFlightInfo(ctx, &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: []byte("x")})
	wantStatus(t, "GetFlightInfo", err, codes.Unimplemented)
	if status.Convert(err).Message() == "" {
		t.Error("UNIMPLEMENTED without a message")
	}
	hs, err := c.Handshake(ctx)
	if err == nil {
		_, err = hs.Recv()
	}
	wantStatus(t, "Handshake", err, codes.Unimplemented)
	la, err := c.ListActions(ctx, &flight.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for {
		a, err := la.Recv()
		if err != nil {
			break
		}
		actions = append(actions, a.Type)
	}
	if strings.Join(actions, ",") != flightsrv.ActionRunTask+","+flightsrv.ActionCancelQuery+","+flightsrv.ActionRenewQuery+","+flightsrv.ActionStats+","+flightsrv.ActionLoad {
		t.Errorf("actions %v", actions)
	}
	stats := &flight.Action{Type: flightsrv.ActionStats}
	wantStatus(t, "stats without secret", actionErr(ctx, c, stats), codes.Unauthenticated)
	sc, err := c.DoAction(withSecret(ctx, secret), stats)
	if err != nil {
		t.Fatal(err)
	}
	res, err := sc.Recv()
	if err != nil {
		t.Fatal(err)
	}
	var st exec.Stats
	if err := json.Unmarshal(res.Body, &st); err != nil || st.Tasks != 0 || st.Buffers != 0 || st.SpillFiles != 0 {
		t.Errorf("stats of an idle worker: %+v %v (%s)", st, err, res.Body)
	}
	load := &flight.Action{Type: flightsrv.ActionLoad}
	wantStatus(t, "load without secret", actionErr(ctx, c, load), codes.Unauthenticated)
	lc, err := c.DoAction(withSecret(ctx, secret), load)
	if err != nil {
		t.Fatal(err)
	}
	if res, err = lc.Recv(); err != nil {
		t.Fatal(err)
	}
	var l exec.Load
	if err := json.Unmarshal(res.Body, &l); err != nil || l.Tasks != 0 || l.DuckDBMemory < 0 || !strings.Contains(string(res.Body), `"duckdb_memory"`) {
		t.Errorf("load of an idle worker: %+v %v (%s)", l, err, res.Body)
	}
}

// panicky panics in a unary and in a streaming handler.
type panicky struct {
	flight.BaseFlightServer
}

func (panicky) GetFlightInfo(context.Context, *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	panic("unary boom")
}

func (panicky) DoAction(*flight.Action, flight.FlightService_DoActionServer) error {
	var m map[string]int
	m["nil map"]++ // a runtime error, not just a panic(string)
	return nil
}

func (panicky) ListActions(_ *flight.Empty, stream flight.FlightService_ListActionsServer) error {
	return stream.Send(&flight.ActionType{Type: "alive"})
}

// TestPanicBecomesInternal: a panicking handler answers INTERNAL and the
// server goes on answering.
func TestPanicBecomesInternal(t *testing.T) {
	c := flightsrv.ServeTest(t, &panicky{}, 1<<20)
	ctx := context.Background()
	for range 2 {
		_, err := c.GetFlightInfo(ctx, &flight.FlightDescriptor{})
		wantStatus(t, "unary panic", err, codes.Internal)
		if !strings.Contains(status.Convert(err).Message(), "unary boom") {
			t.Errorf("message %q", status.Convert(err).Message())
		}
		wantStatus(t, "stream panic", actionErr(ctx, c, &flight.Action{Type: "x"}), codes.Internal)
	}
	la, err := c.ListActions(ctx, &flight.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	if a, err := la.Recv(); err != nil || a.Type != "alive" {
		t.Fatalf("server after panics: %v, %v", a, err)
	}
}
