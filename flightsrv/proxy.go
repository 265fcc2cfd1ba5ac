package flightsrv

import (
	"bytes"
	"context"
	"errors"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/stage"
)

// SetProxyResults makes the server answer queries with endpoints that have
// no location, so that clients fetch results from the coordinator, which
// relays them from the workers (--proxy-results): for clients that cannot
// reach the workers. Call it before serving.
func (s *SQLServer) SetProxyResults(on bool) { s.proxy = on }

// DoGet serves Flight SQL tickets, the results the coordinator holds
// itself (held.go), and relays result tickets (sealed Quiver tickets) from
// the worker that holds the result: the coordinator
// opens the ticket, opens the worker's stream and copies its batches. A
// ticket that cannot be served gets refuseTicket's one answer, as at a
// worker.
// A failure of the worker's stream ends the relay with its status, never
// with an end-of-stream marker.
func (c *coordinatorService) DoGet(tkt *flight.Ticket, stream flight.FlightService_DoGetServer) error {
	if coordinator.IsHeldTicket(tkt.GetTicket()) {
		return c.doGetHeld(tkt, stream) // held.go
	}
	if !bytes.HasPrefix(tkt.GetTicket(), stage.TicketPrefix) {
		return c.FlightServer.DoGet(tkt, stream)
	}
	ctx := stream.Context()
	t, err := stage.NewTicketSigner(c.secret).Verify(tkt.GetTicket(), time.Now())
	if err != nil {
		return StatusFromError(err)
	}
	if err := checkReader(ctx, t, c.secret, nil); err != nil {
		return err
	}
	rdr, err := c.coord.OpenResult(ctx, tkt.GetTicket())
	if err != nil {
		var ended *coordinator.EndedError
		if resultGone(err) && !errors.As(err, &ended) {
			return refuseTicket(c.log, err)
		}
		return StatusFromError(err)
	}
	defer rdr.Release()
	return sendRecords(stream, rdr)
}

// FetchResult streams a result buffer from the worker (the coordinator's
// ResultFetcher: EXPLAIN ANALYZE and --proxy-results).
func (w workerConn) FetchResult(ctx context.Context, ticket []byte) (array.RecordReader, error) {
	return w.WorkerClient.DoGet(ctx, ticket)
}

var _ coordinator.ResultFetcher = workerConn{}
