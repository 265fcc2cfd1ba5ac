package flightsrv

import (
	"context"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/quiverdb/quiver/coordinator"
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
	res, err := s.executeStatement(ctx, cmd)
	if err != nil {
		return nil, err
	}
	return s.pollStarted(ctx, res, desc)
}

// PollFlightInfoPreparedStatement starts a prepared statement, with the
// parameters bound last, and answers as PollFlightInfoStatement does.
func (s *SQLServer) PollFlightInfoPreparedStatement(ctx context.Context, cmd flightsql.PreparedStatementQuery, desc *flight.FlightDescriptor) (*flight.PollInfo, error) {
	res, err := s.executePrepared(ctx, cmd)
	if err != nil {
		return nil, err
	}
	return s.pollStarted(ctx, res, desc)
}

// pollStarted answers the first poll of a statement just started.
func (s *SQLServer) pollStarted(ctx context.Context, res *coordinator.Result, desc *flight.FlightDescriptor) (*flight.PollInfo, error) {
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

// poll answers where query id is, waiting up to pollWait for it to finish.
func (s *SQLServer) poll(ctx context.Context, id stage.QueryID, desc *flight.FlightDescriptor) (*flight.PollInfo, error) {
	p, err := s.coord.Poll(ctx, s.session(ctx), id, pollWait)
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
