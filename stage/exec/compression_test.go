package exec_test

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// wireBytes fetches a buffer with a raw Flight client and returns the
// bytes of its message bodies as sent.
func wireBytes(t *testing.T, addr string, ticket []byte) int64 {
	t.Helper()
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(flightsrv.DefaultMaxMessageBytes)))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	stream, err := flight.NewFlightServiceClient(conn).DoGet(context.Background(), &flight.Ticket{Ticket: ticket})
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for {
		fd, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return n
		}
		if err != nil {
			t.Fatal(err)
		}
		n += int64(len(fd.DataBody))
	}
}

// TestExchangeCompression: with Compression set, a worker's streams carry
// compressed IPC bodies (far smaller than the batches for repetitive data)
// that readers decode transparently; "none" sends them as they are.
func TestExchangeCompression(t *testing.T) {
	const rows = 200_000
	out := stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("n", "int64")}
	query := `SELECT i % 10 AS c0 FROM range(200000) r(i)`
	sizes := map[string]int64{}
	for _, codec := range []string{"none", "lz4", "zstd"} {
		t.Run(codec, func(t *testing.T) {
			c := newClusterWith(t, func(cfg *exec.Config) { cfg.Compression = codec }, 0)
			n := c.nodes[0]
			ctx := context.Background()
			for i, q := range []stage.QueryID{"q-wire", "q-read"} {
				rt, err := n.client.RunTask(ctx, spec(q, task(0, 0), query, out))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := rt.Wait(ctx); err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					sizes[codec] = wireBytes(t, n.addr, c.ticket(q, task(0, 0), 0))
					continue
				}
				var sum, count int64
				_, err = readAll(t, ctx, n.client, c.ticket(q, task(0, 0), 0), nil, func(rec arrow.RecordBatch, i int) {
					sum += rec.Column(0).(*array.Int64).Value(i)
					count++
				})
				if err != nil || count != rows || sum != rows/10*45 {
					t.Fatalf("read back %d rows summing to %d (%v)", count, sum, err)
				}
			}
		})
	}
	if sizes["none"] < rows*8 {
		t.Errorf("uncompressed stream carried %d bytes, want at least %d", sizes["none"], rows*8)
	}
	for _, codec := range []string{"lz4", "zstd"} {
		if sizes[codec]*4 > sizes["none"] {
			t.Errorf("%s stream carried %d bytes, uncompressed %d", codec, sizes[codec], sizes["none"])
		}
	}
	dir := t.TempDir()
	_, err := exec.NewWorker(exec.Config{Compression: "snappy", DataDir: dir, SpillDir: dir, Allocator: memory.NewGoAllocator(), Peers: flightsrv.NewPeerPool(testSecret, nil, 0, nil)}, nil, nil)
	wantCode(t, err, qerr.ErrInvalid)
}
