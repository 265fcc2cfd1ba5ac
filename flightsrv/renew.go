package flightsrv

import (
	"context"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/qerr"
)

// RenewFlightEndpoint extends the expiration of a result endpoint this
// server returned: the coordinator verifies its ticket and keeps the
// query's results, in its registry and on the workers, for the result TTL
// from now (never past --result-max-age from the query's start). The
// answer is the endpoint with a new ticket and expiration_time; the old
// ticket stays valid until its own expiration. A result the coordinator
// holds itself (EXPLAIN's) is renewed in its store. An expired or unknown
// ticket is NOT_FOUND, a bad one INVALID_ARGUMENT, the endpoint of a
// cancelled query CANCELLED.
func (s *SQLServer) RenewFlightEndpoint(ctx context.Context, req *flight.RenewFlightEndpointRequest) (*flight.FlightEndpoint, error) {
	old := req.GetEndpoint()
	if old.GetTicket() == nil {
		return nil, StatusFromError(qerr.ErrInvalid.New("RenewFlightEndpoint without an endpoint ticket"))
	}
	ticket := old.GetTicket().GetTicket()
	var ep coordinator.Endpoint
	var exp time.Time
	var err error
	if coordinator.IsHeldTicket(ticket) {
		ep, exp, err = s.coord.RenewHeld(ticket) // a result the coordinator holds itself
	} else {
		ep, exp, err = s.coord.Renew(ctx, s.session(ctx), ticket)
	}
	if err != nil {
		return nil, StatusFromError(err)
	}
	fe := s.flightEndpoint(ep, exp)
	fe.AppMetadata = old.GetAppMetadata()
	return fe, nil
}
