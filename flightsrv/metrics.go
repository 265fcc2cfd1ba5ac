package flightsrv

import (
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"

	"github.com/quiverdb/quiver/metrics"
)

// WithStatementMetrics times the Flight SQL statements svc serves into
// metrics.StatementSeconds by kind: an update or an ingest as its DoPut, a
// metadata request as the DoGet that streams it. Queries are timed by the
// coordinator, which sees their last task end; everything else passes
// through untimed.
func WithStatementMetrics(svc flight.FlightServer) flight.FlightServer {
	return timedService{svc}
}

type timedService struct{ flight.FlightServer }

func (s timedService) DoGet(tkt *flight.Ticket, stream flight.FlightService_DoGetServer) error {
	if statementKind(tkt.GetTicket()) == metrics.KindMetadata {
		defer metrics.ObserveStatement(metrics.KindMetadata, time.Now())
	}
	return s.FlightServer.DoGet(tkt, stream)
}

func (s timedService) DoPut(stream flight.FlightService_DoPutServer) error {
	ts := &timedPut{FlightService_DoPutServer: stream, began: time.Now()}
	err := s.FlightServer.DoPut(ts)
	if ts.kind == metrics.KindUpdate || ts.kind == metrics.KindIngest {
		metrics.ObserveStatement(ts.kind, ts.began)
	}
	return err
}

// timedPut learns the statement kind of a DoPut from its first message's
// descriptor.
type timedPut struct {
	flight.FlightService_DoPutServer
	began time.Time
	seen  bool
	kind  string
}

func (t *timedPut) Recv() (*flight.FlightData, error) {
	d, err := t.FlightService_DoPutServer.Recv()
	if !t.seen && err == nil {
		t.seen = true
		t.kind = statementKind(d.GetFlightDescriptor().GetCmd())
	}
	return d, err
}

// statementKind is the kind of the Flight SQL command cmd encodes (an Any
// of arrow.flight.protocol.sql), or "" for anything else: a query, a
// prepared-statement action, a worker's ticket.
func statementKind(cmd []byte) string {
	var a anypb.Any
	if len(cmd) == 0 || proto.Unmarshal(cmd, &a) != nil {
		return ""
	}
	name := a.GetTypeUrl()[strings.LastIndexByte(a.GetTypeUrl(), '.')+1:]
	switch {
	case !strings.HasPrefix(a.GetTypeUrl(), "type.googleapis.com/arrow.flight.protocol.sql."):
		return ""
	case strings.HasPrefix(name, "CommandGet"):
		return metrics.KindMetadata
	case name == "CommandStatementUpdate" || name == "CommandPreparedStatementUpdate":
		return metrics.KindUpdate
	case name == "CommandStatementIngest":
		return metrics.KindIngest
	}
	return ""
}
