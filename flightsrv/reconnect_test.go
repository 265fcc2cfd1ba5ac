package flightsrv_test

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"go.uber.org/zap"
	"google.golang.org/grpc"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/flightsrv"
)

// emptyFlight answers every do_get with an empty stream of one column.
type emptyFlight struct{ flight.BaseFlightServer }

func (*emptyFlight) DoGet(_ *flight.Ticket, stream flight.FlightService_DoGetServer) error {
	w := flight.NewRecordWriter(stream, ipc.WithSchema(arrow.NewSchema([]arrow.Field{{Name: "x", Type: arrow.PrimitiveTypes.Int64}}, nil)))
	return w.Close()
}

// listenOn serves emptyFlight at addr ("127.0.0.1:0": any port) and
// returns the server and the address it listens on.
func listenOn(t *testing.T, addr string) (*grpc.Server, string) {
	t.Helper()
	var lis net.Listener
	var err error
	// The port of a server just stopped can take a moment to be free.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if lis, err = net.Listen("tcp", addr); err == nil || time.Now().After(deadline) {
			break
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(flightsrv.ServerOptions(1<<20, zap.NewNop())...)
	flight.RegisterFlightServiceServer(srv, &emptyFlight{})
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)
	return srv, lis.Addr().String()
}

// TestWorkerClientReconnects checks that a worker restarted on its address
// is reachable at once through a client that failed to reach it while it
// was down. gRPC backs off between connection attempts (one second, then
// longer, up to two minutes by default) and fails calls at once in that
// time with the last attempt's error: a consumer would report the worker
// back as lost, and the coordinator suspect it though it is up.
func TestWorkerClientReconnects(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv, addr := listenOn(t, "127.0.0.1:0")
	c, err := flightsrv.DialWorker(addr, secret)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	get := func() error {
		rdr, err := c.DoGet(ctx, []byte("t"))
		if err != nil {
			return err
		}
		for rdr.Next() {
		}
		err = rdr.Err()
		rdr.Release()
		return err
	}
	if err := get(); err != nil {
		t.Fatalf("do_get of a running server: %v", err)
	}
	srv.Stop()
	for range 3 {
		err := get()
		if _, lost := err.(*coordinator.LostError); !lost {
			t.Fatalf("do_get of a stopped server: %v, want a LostError", err)
		}
	}
	listenOn(t, addr)
	if err := get(); err != nil {
		t.Fatalf("do_get right after the server came back on its address: %v", err)
	}
}
