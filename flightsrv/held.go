package flightsrv

import (
	"github.com/apache/arrow-go/v18/arrow/flight"
)

// doGetHeld serves a result the coordinator computed and holds itself
// (EXPLAIN, EXPLAIN ANALYZE: coordinator.IsHeldTicket): its FlightInfo
// endpoint has no location, which Flight defines as the service the
// client called, and every Flight SQL client (Go and Python ADBC, the
// JDBC driver) fetches it here. A ticket that does not open, has expired,
// belongs to another user or whose result is gone gets refuseTicket's one
// answer, as at a worker.
func (c *coordinatorService) doGetHeld(tkt *flight.Ticket, stream flight.FlightService_DoGetServer) error {
	t, rdr, err := c.coord.OpenHeld(tkt.GetTicket())
	if err != nil {
		return refuseTicket(c.log, err)
	}
	defer rdr.Release()
	if err := checkReader(stream.Context(), t, c.secret, nil); err != nil {
		return refuseTicket(c.log, err)
	}
	return sendRecords(stream, rdr)
}
