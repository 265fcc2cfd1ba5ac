package exec

import (
	"context"

	"github.com/apache/arrow-go/v18/arrow/array"
)

// Peers fetches a task's exchange inputs from the workers that produced
// them: flightsrv's do_get client of the worker service, given to the Worker
// by whoever builds it (Config.Peers), so that this package speaks no wire
// protocol. It is safe for concurrent use.
type Peers interface {
	// Fetch streams the buffer that a sealed ticket names from the worker
	// at addr, returning once the stream's schema is known. The caller
	// releases the reader. Errors, the reader's included, are the qerr
	// errors the producer raised, with their codes.
	Fetch(ctx context.Context, addr string, ticket []byte) (array.RecordReader, error)
}
