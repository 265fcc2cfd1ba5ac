package flightsrv

import (
	"testing"

	pb "github.com/apache/arrow-go/v18/arrow/flight/gen/flight"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"

	"github.com/quiverdb/quiver/metrics"
)

// TestStatementKind classifies the Flight SQL commands the coordinator
// times, from the bytes a DoPut descriptor or a DoGet ticket carries.
func TestStatementKind(t *testing.T) {
	anyOf := func(m proto.Message) []byte {
		a, err := anypb.New(m)
		if err != nil {
			t.Fatal(err)
		}
		b, err := proto.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tc := range []struct {
		name string
		cmd  []byte
		want string
	}{
		{"update", anyOf(&pb.CommandStatementUpdate{Query: "CREATE TABLE t (a INT)"}), metrics.KindUpdate},
		{"prepared update", anyOf(&pb.CommandPreparedStatementUpdate{}), metrics.KindUpdate},
		{"ingest", anyOf(&pb.CommandStatementIngest{Table: "t"}), metrics.KindIngest},
		{"tables", anyOf(&pb.CommandGetTables{}), metrics.KindMetadata},
		{"sql info", anyOf(&pb.CommandGetSqlInfo{}), metrics.KindMetadata},
		{"query (timed by the coordinator)", anyOf(&pb.CommandStatementQuery{Query: "SELECT 1"}), ""},
		{"not an Any (a worker ticket)", []byte("signed ticket bytes"), ""},
		{"empty", nil, ""},
		{"another package's Any", anyOf(&anypb.Any{TypeUrl: "x"}), ""},
	} {
		if got := statementKind(tc.cmd); got != tc.want {
			t.Errorf("%s: kind %q, want %q", tc.name, got, tc.want)
		}
	}
}
