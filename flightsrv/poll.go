package flightsrv

import (
	"context"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"go.uber.org/zap"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/quiverdb/quiver/stage"
)

// pollWait is how long one PollFlightInfo call waits for its query to
// finish before it answers with the progress so far: a client polling in
// a loop makes few calls, and one that polls once never waits long.
const pollWait = time.Second

// PollFlightInfoStatement plans and starts a query, like
// GetFlightInfoStatement, and answers with a PollInfo: while the query
// runs, its flight_descriptor is a signed handle of the running query (to
// poll with PollFlightInfo), progress the fraction of its tasks that
// finished, info the schema without endpoints; once every task finished,
// info is the complete FlightInfo with total_records, progress 1 and no
// descriptor. A statement without rows completes at once.
func (s *SQLServer) PollFlightInfoStatement(ctx context.Context, cmd flightsql.StatementQuery, desc *flight.FlightDescriptor) (*flight.PollInfo, error) {
	res, err := s.coord.Execute(ctx, s.session(ctx), cmd.GetQuery())
	if err != nil {
		s.log.Info("statement failed", zap.String("sql", cmd.GetQuery()), zap.Error(err))
		return nil, StatusFromError(err)
	}
	if res.Query == "" {
		done := 1.0
		return &flight.PollInfo{Info: s.flightInfo(res, desc), Progress: &done}, nil
	}
	return s.poll(ctx, res.Query, desc)
}

// PollFlightInfo polls a running query by the handle a previous PollInfo
// named in its flight_descriptor (arrow-go routes every descriptor that is
// not a Flight SQL command here). A handle that does not verify is
// INVALID_ARGUMENT or UNAUTHENTICATED, an expired one or one whose query
// is gone NOT_FOUND; a failed query answers its error, a cancelled one
// CANCELLED.
func (s *SQLServer) PollFlightInfo(ctx context.Context, desc *flight.FlightDescriptor) (*flight.PollInfo, error) {
	id, err := s.coord.PollHandle(desc.GetCmd())
	if err != nil {
		return nil, StatusFromError(err)
	}
	return s.poll(ctx, id, desc)
}

// A prepared statement polls the same way: PollFlightInfoPreparedStatement
// starts its query as GetFlightInfoPreparedStatement does and answers
// s.poll(ctx, res.Query, desc). Until prepared statements run through the
// coordinator it keeps BaseServer's UNIMPLEMENTED.

// poll answers where query id is, waiting up to pollWait for it to finish.
func (s *SQLServer) poll(ctx context.Context, id stage.QueryID, desc *flight.FlightDescriptor) (*flight.PollInfo, error) {
	p, err := s.coord.Poll(ctx, id, pollWait)
	if err != nil {
		return nil, StatusFromError(err)
	}
	info := s.flightInfo(p.Result, desc)
	out := &flight.PollInfo{Info: info, Progress: &p.Fraction, ExpirationTime: timestamppb.New(p.Result.Expires)}
	if p.Done {
		info.TotalRecords = p.Rows
		return out, nil
	}
	info.TotalRecords = -1
	out.FlightDescriptor = &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: p.Handle}
	return out, nil
}
