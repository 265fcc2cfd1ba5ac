package flightsrv

import (
	"context"

	"github.com/apache/arrow-go/v18/arrow/flight"

	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// CancelFlightInfo cancels the query behind a FlightInfo this server
// returned: its AppMetadata is the query ID. Every task of the query stops
// on every worker, DuckDB is interrupted, buffers and spill files are freed
// and result streams being read end with CANCELLED. A FlightInfo whose
// query is unknown, expired, failed or already cancelled is
// NOT_CANCELLABLE. (The older CancelQuery action reaches this too.)
func (s *SQLServer) CancelFlightInfo(ctx context.Context, req *flight.CancelFlightInfoRequest) (flight.CancelFlightInfoResult, error) {
	info := req.GetInfo()
	if info == nil || len(info.GetAppMetadata()) == 0 {
		return flight.CancelFlightInfoResult{Status: flight.CancelStatusNotCancellable}, nil
	}
	id := stage.QueryID(info.GetAppMetadata())
	ok, err := s.coord.Cancel(ctx, s.session(ctx), id)
	if err != nil {
		return flight.CancelFlightInfoResult{Status: flight.CancelStatusUnspecified}, StatusFromError(err)
	}
	if !ok {
		s.log.Info("cancel of a query that is not cancellable", qlog.Query(id))
		return flight.CancelFlightInfoResult{Status: flight.CancelStatusNotCancellable}, nil
	}
	return flight.CancelFlightInfoResult{Status: flight.CancelStatusCancelled}, nil
}
