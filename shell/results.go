package shell

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/sync/errgroup"
)

// results reads every endpoint of a FlightInfo at once and hands out their
// batches in endpoint order (the order of an ORDER BY result spread over
// several endpoints). Each endpoint has its own queue, so that no stream
// waits for an earlier one to be consumed: a server whose endpoints share
// producers is never stalled by the client. Close releases what was not
// handed out.
type results struct {
	schema *arrow.Schema
	queues []*endpointQueue
	next   int // the queue Next reads from
	rows   atomic.Int64
	cancel context.CancelFunc
	g      *errgroup.Group
}

// endpointQueue holds the batches one endpoint sent that Next has not
// handed out yet.
type endpointQueue struct {
	mu      sync.Mutex
	changed *sync.Cond
	batches []arrow.RecordBatch // retained
	schema  *arrow.Schema       // the stream's, once it opened
	done    bool
	err     error
}

func newEndpointQueue() *endpointQueue {
	q := &endpointQueue{}
	q.changed = sync.NewCond(&q.mu)
	return q
}

func (q *endpointQueue) push(rec arrow.RecordBatch) {
	rec.Retain()
	q.mu.Lock()
	q.batches = append(q.batches, rec)
	q.mu.Unlock()
	q.changed.Broadcast()
}

func (q *endpointQueue) opened(s *arrow.Schema) {
	q.mu.Lock()
	q.schema = s
	q.mu.Unlock()
	q.changed.Broadcast()
}

func (q *endpointQueue) finish(err error) {
	q.mu.Lock()
	q.done, q.err = true, err
	q.mu.Unlock()
	q.changed.Broadcast()
}

// pop waits for the next batch; nil with a nil error is the stream's end.
func (q *endpointQueue) pop() (arrow.RecordBatch, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.batches) == 0 && !q.done {
		q.changed.Wait()
	}
	if len(q.batches) > 0 {
		rec := q.batches[0]
		q.batches = q.batches[1:]
		return rec, nil
	}
	return nil, q.err
}

// waitSchema waits until the stream opened (its schema) or ended.
func (q *endpointQueue) waitSchema() (*arrow.Schema, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.schema == nil && !q.done {
		q.changed.Wait()
	}
	return q.schema, q.err
}

func (q *endpointQueue) release() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, b := range q.batches {
		b.Release()
	}
	q.batches = nil
}

// openResults starts reading every endpoint of info. The schema is the
// FlightInfo's, else the first stream's.
func (c *Conn) openResults(ctx context.Context, info *flight.FlightInfo, mem memory.Allocator) (*results, error) {
	ctx, cancel := context.WithCancel(c.withAuth(ctx))
	g, gctx := errgroup.WithContext(ctx)
	r := &results{cancel: cancel, g: g}
	for i, ep := range info.Endpoint {
		q := newEndpointQueue()
		r.queues = append(r.queues, q)
		g.Go(func() error {
			err := c.readEndpoint(gctx, i, ep, q, mem, &r.rows)
			q.finish(err)
			return err
		})
	}
	if len(info.Schema) > 0 {
		s, err := flight.DeserializeSchema(info.Schema, mem)
		if err != nil {
			r.Close()
			return nil, fmt.Errorf("flight info schema: %w", err)
		}
		r.schema = s
	} else if len(r.queues) > 0 {
		s, err := r.queues[0].waitSchema()
		if s == nil {
			r.Close()
			if err == nil {
				err = fmt.Errorf("endpoint 0 sent no schema")
			}
			return nil, err
		}
		r.schema = s
	} else {
		r.schema = arrow.NewSchema(nil, nil)
	}
	return r, nil
}

// readEndpoint does_get one endpoint at its location into q.
func (c *Conn) readEndpoint(ctx context.Context, i int, ep *flight.FlightEndpoint, q *endpointQueue, mem memory.Allocator, rows *atomic.Int64) error {
	cl, err := c.endpointClient(ep)
	if err != nil {
		return err
	}
	stream, err := cl.DoGet(ctx, ep.Ticket)
	if err != nil {
		return fmt.Errorf("do_get endpoint %d: %w", i, err)
	}
	rdr, err := flight.NewRecordReader(stream, ipc.WithAllocator(mem))
	if err != nil {
		return fmt.Errorf("do_get endpoint %d: %w", i, err)
	}
	defer rdr.Release()
	q.opened(rdr.Schema())
	for rdr.Next() {
		rec := rdr.RecordBatch()
		q.push(rec)
		rows.Add(rec.NumRows())
	}
	if err := rdr.Err(); err != nil && err != io.EOF {
		return fmt.Errorf("do_get endpoint %d: %w", i, err)
	}
	return nil
}

// Next returns the next batch in endpoint order, which the caller
// releases; io.EOF after the last. The first failing endpoint's error
// ends every stream.
func (r *results) Next() (arrow.RecordBatch, error) {
	for r.next < len(r.queues) {
		rec, err := r.queues[r.next].pop()
		if err != nil {
			// A stream cancelled because another failed reports the cancel;
			// the group has the cause.
			r.cancel()
			if gerr := r.g.Wait(); gerr != nil {
				err = gerr
			}
			return nil, err
		}
		if rec != nil {
			return rec, nil
		}
		r.next++
	}
	return nil, io.EOF
}

// Rows is how many rows arrived so far (handed out or not).
func (r *results) Rows() int64 { return r.rows.Load() }

// Close stops the streams that are still open, waits for their readers
// and releases every batch not handed out.
func (r *results) Close() {
	r.cancel()
	_ = r.g.Wait()
	for _, q := range r.queues {
		q.release()
	}
}
