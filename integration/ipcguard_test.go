package integration

import (
	"errors"
	"io"
	"os"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/flight"
	pb "github.com/apache/arrow-go/v18/arrow/flight/gen/flight"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

// TestForgedIPCSchemaRefused: a do_put (bulk ingest) whose schema message
// claims billions of fields (found by FuzzIngestStream: arrow-go would
// allocate them all, and the Go runtime ends a process out of memory) is
// refused with INVALID_ARGUMENT, and the coordinator keeps answering.
func TestForgedIPCSchemaRefused(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 1, "")
	bad, err := os.ReadFile("../stage/testdata/ipc/schema-fields-length.bin")
	if err != nil {
		t.Fatal(err)
	}
	fsql := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	for range 2 {
		stream, err := fsql.Client.DoPut(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cmd, err := anypb.New(&pb.CommandStatementIngest{Table: "forged", TableDefinitionOptions: &pb.CommandStatementIngest_TableDefinitionOptions{
			IfNotExist: pb.CommandStatementIngest_TableDefinitionOptions_TABLE_NOT_EXIST_OPTION_CREATE}})
		if err != nil {
			t.Fatal(err)
		}
		body, err := proto.Marshal(cmd)
		if err != nil {
			t.Fatal(err)
		}
		desc := &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: body}
		if err := stream.Send(&flight.FlightData{FlightDescriptor: desc, DataHeader: bad}); err != nil && !errors.Is(err, io.EOF) {
			t.Fatal(err)
		}
		_ = stream.CloseSend()
		_, err = stream.Recv()
		if code := grpcCode(err); code != codes.InvalidArgument {
			t.Fatalf("do_put of a forged schema: %v (code %s), want INVALID_ARGUMENT", err, code)
		}
	}
	c := connect(t, cl.Addr)
	if r := c.MustQuery("SELECT 1"); len(r.rows) != 1 {
		t.Fatalf("SELECT 1 after the forged schemas: %d rows", len(r.rows))
	}
}
