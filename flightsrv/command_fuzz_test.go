package flightsrv_test

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	pb "github.com/apache/arrow-go/v18/arrow/flight/gen/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/stage"
)

// commandOps are the coordinator RPCs FuzzFlightSQLCommand sends its bytes
// to: as a descriptor's command, an action's body or a ticket.
const (
	opGetFlightInfo = iota
	opGetSchema
	opDoAction
	opDoGet
	opCount
)

// fuzzActions are the action types a fuzzed body goes to: Flight SQL's
// and Flight's, and the coordinator's own.
var fuzzActions = []string{
	"CreatePreparedStatement", "ClosePreparedStatement", "BeginTransaction", "EndTransaction",
	"BeginSavepoint", "EndSavepoint", "CancelQuery", "CancelFlightInfo", "RenewFlightEndpoint",
	"SetSessionOptions", "GetSessionOptions", "CloseSession", "CreatePreparedSubstraitPlan",
	flightsrv.ActionHeartbeat,
}

// FuzzFlightSQLCommand sends arbitrary bytes to a real coordinator (no
// workers) as Flight SQL commands: descriptors of GetFlightInfo and
// GetSchema, action bodies, do_get tickets. Seeds are well-formed
// commands of every kind the server decodes. Whatever the bytes, the
// server answers within the deadline with a status a client can act on,
// never INTERNAL or UNKNOWN, and goes on answering.
func FuzzFlightSQLCommand(f *testing.F) {
	dir := f.TempDir()
	cat, err := catalog.OpenBolt(filepath.Join(dir, "catalog.db"))
	if err != nil {
		f.Fatal(err)
	}
	members := coordinator.NewMembership(flightsrv.WorkerDialer(secret, 1<<20, nil), time.Second, zap.NewNop())
	coord := coordinator.New(coordinator.Config{DataDir: dir, ResultTTL: time.Minute, QueryTimeout: time.Minute}, cat, members, stage.NewTicketSigner(secret), zap.NewNop())
	sqlsrv, err := flightsrv.NewSQLServer(coord, memory.NewGoAllocator(), zap.NewNop())
	if err != nil {
		f.Fatal(err)
	}
	c := flightsrv.ServeTest(f, flightsrv.NewCoordinatorService(sqlsrv, coord, secret), 1<<20)
	f.Cleanup(func() {
		coord.Close()
		members.Close()
		cat.Close()
	})

	pack := func(m proto.Message) []byte {
		a, err := anypb.New(m)
		if err != nil {
			f.Fatal(err)
		}
		b, err := proto.Marshal(a)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	tableTypes := []string{"TABLE", "VIEW"}
	pattern := "%"
	for _, m := range []proto.Message{
		&pb.CommandStatementQuery{Query: "SELECT 1"},
		&pb.CommandStatementQuery{Query: "SELECT * FROM information_schema.tables"},
		&pb.CommandGetCatalogs{},
		&pb.CommandGetDbSchemas{DbSchemaFilterPattern: &pattern},
		&pb.CommandGetTables{TableNameFilterPattern: &pattern, TableTypes: tableTypes, IncludeSchema: true},
		&pb.CommandGetTableTypes{},
		&pb.CommandGetSqlInfo{Info: []uint32{0, 1, 500}},
		&pb.CommandGetXdbcTypeInfo{},
		&pb.CommandGetPrimaryKeys{Table: "t"},
		&pb.CommandPreparedStatementQuery{PreparedStatementHandle: []byte("not a handle")},
		&pb.CommandStatementUpdate{Query: "CREATE TABLE t (a BIGINT)"},
	} {
		b := pack(m)
		f.Add(uint8(opGetFlightInfo), b)
		f.Add(uint8(opGetSchema), b)
	}
	for i, m := range []proto.Message{
		&pb.ActionCreatePreparedStatementRequest{Query: "SELECT ? + 1"},
		&pb.ActionClosePreparedStatementRequest{PreparedStatementHandle: []byte("h")},
		&pb.ActionBeginTransactionRequest{},
		&pb.ActionEndTransactionRequest{TransactionId: []byte("t"), Action: pb.ActionEndTransactionRequest_END_TRANSACTION_COMMIT},
		&pb.ActionBeginSavepointRequest{TransactionId: []byte("t"), Name: "s"},
		&pb.ActionEndSavepointRequest{SavepointId: []byte("s")},
		&pb.ActionCancelQueryRequest{Info: []byte("x")},
	} {
		f.Add(uint8(opDoAction), append([]byte{byte(i)}, pack(m)...))
	}
	f.Add(uint8(opDoGet), pack(&pb.TicketStatementQuery{StatementHandle: []byte("q")}))
	f.Add(uint8(opDoGet), stage.NewTicketSigner(secret).Sign(stage.Ticket{Query: "q", Expires: time.Now().Add(time.Hour)}))

	f.Fuzz(func(t *testing.T, op uint8, b []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var err error
		switch op % opCount {
		case opGetFlightInfo:
			_, err = c.GetFlightInfo(ctx, &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: b})
		case opGetSchema:
			_, err = c.GetSchema(ctx, &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: b})
		case opDoAction:
			typ := fuzzActions[0]
			if len(b) > 0 {
				typ, b = fuzzActions[int(b[0])%len(fuzzActions)], b[1:]
			}
			err = actionErr(ctx, c, &flight.Action{Type: typ, Body: b})
		case opDoGet:
			err = drainDoGet(ctx, c, b)
		}
		switch code := status.Code(err); code {
		case codes.Internal, codes.Unknown, codes.DeadlineExceeded:
			t.Fatalf("op %d on %q: %v", op%opCount, b, err)
		}
	})
}

// drainDoGet reads a do_get of ticket to its end and returns its status.
func drainDoGet(ctx context.Context, c flight.FlightServiceClient, ticket []byte) error {
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
