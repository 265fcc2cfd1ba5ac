package flightsrv

import (
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
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
	return sendStream(stream, rdr, c.mem)
}

// sendStream writes every batch of rdr to a do_get stream, then its end;
// a failure of rdr ends the stream with its status, never with an
// end-of-stream marker.
func sendStream(stream flight.FlightService_DoGetServer, rdr array.RecordReader, mem memory.Allocator) error {
	wr := flight.NewRecordWriter(stream, ipc.WithSchema(rdr.Schema()), ipc.WithAllocator(mem))
	for rdr.Next() {
		if err := wr.Write(rdr.RecordBatch()); err != nil {
			return err // the client went away; the caller releases the reader
		}
	}
	if err := rdr.Err(); err != nil {
		return StatusFromError(err)
	}
	return wr.Close()
}
