package flightsrv

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc"
	transport "google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// WorkerClient is a Flight client of one worker's service: what the
// coordinator runs tasks, cancels queries and writes table files with, and
// what a worker fetches its exchange inputs with (PeerPool). Every call
// carries the cluster secret, and its errors are the qerr errors the worker
// raised (ErrorFromStatus). It is safe for concurrent use; Close it when
// done.
type WorkerClient struct {
	addr string
	conn *grpc.ClientConn
	fc   flight.FlightServiceClient
	auth string
	mem  memory.Allocator
}

type clientOptions struct {
	mem    memory.Allocator
	maxMsg int
	creds  transport.TransportCredentials
}

// ClientOption configures DialWorker.
type ClientOption func(*clientOptions)

// WithAllocator sets the allocator of received batches (default: a Go allocator).
func WithAllocator(mem memory.Allocator) ClientOption {
	return func(o *clientOptions) { o.mem = mem }
}

// WithMaxMessageBytes sets the gRPC send and receive limits (default, and
// for n <= 0, DefaultMaxMessageBytes).
func WithMaxMessageBytes(n int) ClientOption {
	return func(o *clientOptions) { o.maxMsg = n }
}

// WithCredentials sets the transport credentials (default: plaintext): a
// worker of a TLS cluster dials the others with TLS.
func WithCredentials(creds transport.TransportCredentials) ClientOption {
	return func(o *clientOptions) { o.creds = creds }
}

// DialWorker makes a client of the worker at addr. It does not wait for a
// connection: the first call does.
func DialWorker(addr string, secret []byte, opts ...ClientOption) (*WorkerClient, error) {
	var o clientOptions
	for _, opt := range opts {
		opt(&o)
	}
	if o.maxMsg <= 0 {
		o.maxMsg = DefaultMaxMessageBytes
	}
	if o.mem == nil {
		o.mem = memory.NewGoAllocator()
	}
	if o.creds == nil {
		o.creds = insecure.NewCredentials()
	}
	conn, err := grpc.NewClient(addr,
		grpc.WithTransportCredentials(o.creds),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(o.maxMsg), grpc.MaxCallSendMsgSize(o.maxMsg),
			grpc.ForceCodecV2(newFrameCodec())),
		grpc.WithConnectParams(workerConnectParams),
		grpc.WithChainStreamInterceptor(reconnectStream))
	if err != nil {
		return nil, qerr.ErrUnavailable.Wrap(err, "dial worker %s", addr)
	}
	return &WorkerClient{
		addr: addr,
		conn: conn,
		fc:   flight.NewFlightServiceClient(conn),
		auth: BearerSecret(secret),
		mem:  o.mem,
	}, nil
}

// Close closes the connection; calls in flight fail.
func (c *WorkerClient) Close() error { return c.conn.Close() }

// withSecret adds the cluster secret's header (auth, BearerSecret's) to
// the outgoing call.
func withSecret(ctx context.Context, auth string) context.Context {
	return metadata.AppendToOutgoingContext(ctx, AuthHeader, auth)
}

// RemoteTask is a task started on a worker by RunTask.
type RemoteTask struct {
	done  chan struct{}
	stats stage.TaskStatsSpec
	err   error
}

// RunTask starts spec on the worker and returns once the worker has
// registered the task's output buffers (so its consumers may start), or
// with the error that refused it. The call stays open until the task ends:
// cancelling ctx abandons it (the task itself stops only on CancelQuery or
// its deadline). A goroutine owned by the RemoteTask reads the outcome and
// ends with the call.
func (c *WorkerClient) RunTask(ctx context.Context, spec *stage.TaskSpec) (*RemoteTask, error) {
	body, err := json.Marshal(spec)
	if err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "encode task")
	}
	ctx, cancel := context.WithCancel(withSecret(ctx, c.auth))
	stream, err := c.fc.DoAction(ctx, &flight.Action{Type: ActionRunTask, Body: body})
	if err != nil {
		cancel()
		return nil, c.callError(err, "run task %s", spec.Task)
	}
	if _, err := stream.Recv(); err != nil {
		cancel()
		if err == io.EOF {
			err = qerr.ErrInternal.New("worker %s ended run_task without starting task %s", c.addr, spec.Task)
		}
		return nil, c.callError(err, "start task %s", spec.Task)
	}
	rt := &RemoteTask{done: make(chan struct{})}
	go func() {
		defer close(rt.done)
		defer cancel()
		res, err := stream.Recv()
		if err != nil {
			if err == io.EOF {
				err = qerr.ErrInternal.New("worker %s ended run_task without statistics for task %s", c.addr, spec.Task)
			}
			rt.err = c.callError(err, "task %s", spec.Task)
			return
		}
		if err := json.Unmarshal(res.Body, &rt.stats); err != nil {
			rt.err = qerr.ErrInternal.Wrap(err, "decode statistics of task %s", spec.Task)
			return
		}
		for {
			if _, err := stream.Recv(); err != nil {
				if err != io.EOF {
					rt.err = c.callError(err, "task %s", spec.Task)
				}
				return
			}
		}
	}()
	return rt, nil
}

// Wait returns the task's statistics once it has finished, or its error
// (with the qerr code the worker gave it). ctx bounds only the wait.
func (t *RemoteTask) Wait(ctx context.Context) (stage.TaskStatsSpec, error) {
	select {
	case <-t.done:
		return t.stats, t.err
	case <-ctx.Done():
		return stage.TaskStatsSpec{}, qerr.ErrCancelled.Wrap(context.Cause(ctx), "waiting for a task")
	}
}

// Done is closed when the outcome is known.
func (t *RemoteTask) Done() <-chan struct{} { return t.done }

// CancelQuery asks the worker to stop every task of q and free its
// buffers; readers of them get cause (a plain cancellation when nil).
func (c *WorkerClient) CancelQuery(ctx context.Context, q stage.QueryID, cause error) error {
	spec := CancelSpec{Query: q}
	if cause != nil {
		spec.Reason = errorSpecOf(cause)
	}
	body, _ := json.Marshal(spec) // always marshals
	return c.do(ctx, ActionCancelQuery, body, "cancel query %s", q)
}

// CancelAttempt asks the worker to stop q's attempts up to upTo and free
// their buffers; later attempts run on. Readers of them get cause.
func (c *WorkerClient) CancelAttempt(ctx context.Context, q stage.QueryID, upTo int, cause error) error {
	body, _ := json.Marshal(CancelSpec{Query: q, Attempt: upTo, Reason: errorSpecOf(cause)}) // always marshals
	return c.do(ctx, ActionCancelQuery, body, "cancel attempt %d of query %s", upTo, q)
}

// CancelTasks asks the worker to stop the given task attempts of q and
// free their buffers; q's other tasks run on. Readers of them get cause.
func (c *WorkerClient) CancelTasks(ctx context.Context, q stage.QueryID, tasks []stage.TaskAttempt, cause error) error {
	body, _ := json.Marshal(CancelSpec{Query: q, Tasks: tasks, Reason: errorSpecOf(cause)}) // always marshals
	return c.do(ctx, ActionCancelQuery, body, "cancel tasks %v of query %s", tasks, q)
}

// RenewQuery asks the worker to keep q's tasks and buffers until until. A
// worker that holds nothing of q answers ErrNotFound.
func (c *WorkerClient) RenewQuery(ctx context.Context, q stage.QueryID, until time.Time) error {
	body, _ := json.Marshal(RenewSpec{Query: q, Until: until}) // always marshals
	return c.do(ctx, ActionRenewQuery, body, "renew query %s", q)
}

// do runs a worker action whose results carry nothing and drains them; its
// errors say what (format, args) failed.
func (c *WorkerClient) do(ctx context.Context, action string, body []byte, format string, args ...any) error {
	ctx, cancel := context.WithCancel(withSecret(ctx, c.auth))
	defer cancel()
	stream, err := c.fc.DoAction(ctx, &flight.Action{Type: action, Body: body})
	if err != nil {
		return c.callError(err, format, args...)
	}
	for {
		if _, err := stream.Recv(); err != nil {
			if err == io.EOF {
				return nil
			}
			return c.callError(err, format, args...)
		}
	}
}

// Stats asks the worker what it holds now.
func (c *WorkerClient) Stats(ctx context.Context) (exec.Stats, error) {
	var s exec.Stats
	err := c.askJSON(ctx, ActionStats, "worker stats", &s)
	return s, err
}

// Load asks the worker what it holds and what its DuckDB database uses.
func (c *WorkerClient) Load(ctx context.Context) (exec.Load, error) {
	var l exec.Load
	err := c.askJSON(ctx, ActionLoad, "worker load", &l)
	return l, err
}

// askJSON runs a worker action without a body whose one result is JSON,
// decoding it into out.
func (c *WorkerClient) askJSON(ctx context.Context, action, what string, out any) error {
	ctx, cancel := context.WithCancel(withSecret(ctx, c.auth))
	defer cancel()
	stream, err := c.fc.DoAction(ctx, &flight.Action{Type: action})
	if err != nil {
		return c.callError(err, "%s", what)
	}
	res, err := stream.Recv()
	if err != nil {
		if err == io.EOF {
			err = qerr.ErrInternal.New("worker %s sent no answer to %s", c.addr, action)
		}
		return c.callError(err, "%s", what)
	}
	if err := json.Unmarshal(res.Body, out); err != nil {
		return qerr.ErrInternal.Wrap(err, "decode %s", what)
	}
	return nil
}

// Write sends rdr's batches with DoPut to be written as one new Parquet
// file of a table (WriteSpec in the descriptor's command) and returns the
// file the worker wrote. The caller keeps ownership of rdr.
func (c *WorkerClient) Write(ctx context.Context, spec stage.WriteSpec, rdr array.RecordReader) (catalog.DataFile, error) {
	var df catalog.DataFile
	cmd, err := json.Marshal(spec)
	if err != nil {
		return df, qerr.ErrInternal.Wrap(err, "encode write")
	}
	ctx, cancel := context.WithCancel(withSecret(ctx, c.auth))
	defer cancel()
	stream, err := c.fc.DoPut(ctx)
	if err != nil {
		return df, c.callError(err, "write to %s", spec.Dir)
	}
	wr := flight.NewRecordWriter(stream, ipc.WithSchema(rdr.Schema()), ipc.WithAllocator(c.mem))
	wr.SetFlightDescriptor(&flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: cmd})
	sendErr := func() error {
		for rdr.Next() {
			if err := wr.Write(rdr.RecordBatch()); err != nil {
				return err
			}
		}
		if err := rdr.Err(); err != nil {
			return qerr.CodeOf(err).Wrap(err, "read batches to write")
		}
		return wr.Close()
	}()
	if sendErr != nil {
		var qe *qerr.Error
		if errors.As(sendErr, &qe) {
			return df, sendErr // our reader failed: the server sees the call end
		}
		// The server ended the call; its status says why.
	}
	_ = stream.CloseSend()
	res, err := stream.Recv()
	if err != nil {
		if err == io.EOF {
			if sendErr != nil {
				return df, qerr.ErrUnavailable.Wrap(sendErr, "write to %s on %s", spec.Dir, c.addr)
			}
			err = qerr.ErrInternal.New("worker %s ended the write without a result", c.addr)
		}
		return df, c.callError(err, "write to %s", spec.Dir)
	}
	if err := json.Unmarshal(res.AppMetadata, &df); err != nil {
		return df, qerr.ErrInternal.Wrap(err, "decode written file")
	}
	for {
		if _, err := stream.Recv(); err != nil {
			if err == io.EOF {
				return df, nil
			}
			return df, c.callError(err, "write to %s", spec.Dir)
		}
	}
}

// StreamReader is a do_get stream: a flight.Reader whose errors carry qerr
// codes and whose last Release also ends the call.
type StreamReader struct {
	*flight.Reader
	addr   string
	cancel context.CancelFunc
	refs   atomic.Int64
}

// Retain adds a reference.
func (r *StreamReader) Retain() {
	r.refs.Add(1)
	r.Reader.Retain()
}

// Release drops a reference; the last one releases the batches and ends
// the call.
func (r *StreamReader) Release() {
	r.Reader.Release()
	if r.refs.Add(-1) == 0 {
		r.cancel()
	}
}

// Err is the stream's error, decoded into a qerr error; a lost
// connection is a coordinator.LostError naming the worker.
func (r *StreamReader) Err() error {
	if err := r.Reader.Err(); err != nil {
		return lostOr(r.addr, err)
	}
	return nil
}

// lostOr decodes a failed call's status: a lost connection to addr as a
// coordinator.LostError, anything else as ErrorFromStatus does.
func lostOr(addr string, err error) error {
	d := ErrorFromStatus(err)
	var qe *qerr.Error
	if connectionLost(err) && errors.As(d, &qe) {
		return &coordinator.LostError{Addr: addr, Err: qe}
	}
	return d
}

// DoGet streams the buffer a sealed ticket names. It returns once the
// schema has arrived, which the worker sends with the first batch or at the
// end of an empty buffer. The call carries the cluster secret, so that a
// refusal says why (a client's do_get learns only that it was refused).
// The caller releases the reader.
func (c *WorkerClient) DoGet(ctx context.Context, ticket []byte) (*StreamReader, error) {
	ctx, cancel := context.WithCancel(withSecret(ctx, c.auth))
	stream, err := c.fc.DoGet(ctx, &flight.Ticket{Ticket: ticket})
	if err != nil {
		cancel()
		return nil, c.callError(err, "do_get")
	}
	rdr, err := flight.NewRecordReader(stream, ipc.WithAllocator(c.mem))
	if err != nil {
		cancel()
		return nil, c.callError(err, "do_get")
	}
	r := &StreamReader{Reader: rdr, addr: c.addr, cancel: cancel}
	r.refs.Store(1)
	return r, nil
}

// callError decodes a failed call's status (the worker's error as it
// raised it, a LostError it relays about a peer included; a lost
// connection as a coordinator.LostError); an error that is no qerr error
// and no status (the client's own) is wrapped with what (format, args)
// failed.
func (c *WorkerClient) callError(err error, format string, args ...any) error {
	d := lostOr(c.addr, err)
	var qe *qerr.Error
	if errors.As(d, &qe) {
		return d
	}
	return qerr.CodeOf(d).Wrap(d, format, args...)
}
