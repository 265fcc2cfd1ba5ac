package flightsrv

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"go.uber.org/zap"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// workerService is a worker's Flight service: the coordinator runs tasks
// and cancels queries with actions and writes table files with do_put
// (cluster secret required); consumer tasks and clients fetch buffers with
// do_get (signed ticket required). Everything else is UNIMPLEMENTED.
type workerService struct {
	flight.BaseFlightServer
	w      *exec.Worker
	signer *stage.TicketSigner
	secret []byte
	tokens *Tokens     // verify the bearer tokens of clients that fetch user results
	logins *LoginRelay // clients' logins at this worker, relayed to the coordinator
	log    *zap.Logger
}

// NewWorkerService returns the Flight service of w. Register it on a gRPC
// server made with ServerOptions. tokens verifies the bearer token a
// client's do_get of a user's result carries (nil: only results of
// anonymous queries are served to clients); logins (nil: none) relays
// clients' Basic-credentials handshakes to the coordinator.
func NewWorkerService(w *exec.Worker, signer *stage.TicketSigner, secret []byte, tokens *Tokens, logins *LoginRelay, log *zap.Logger) flight.FlightServer {
	if log == nil {
		log = zap.NewNop()
	}
	return &workerService{
		w:      w,
		signer: signer,
		secret: append([]byte(nil), secret...),
		tokens: tokens,
		logins: logins,
		log:    log.With(qlog.Worker(w.Address())),
	}
}

var workerActions = []*flight.ActionType{
	{Type: ActionRunTask, Description: "start a TaskSpec; streams an empty result once its buffers exist, then its TaskStatsSpec"},
	{Type: ActionCancelQuery, Description: "stop every task of a query ({\"query\": id, \"reason\": error}) and free its buffers"},
	{Type: ActionRenewQuery, Description: "keep a query's tasks and buffers until a later time ({\"query\": id, \"until\": time})"},
	{Type: ActionStats, Description: "what the worker holds now: queries, tasks, buffers, buffered bytes, spill files (exec.Stats as JSON)"},
	{Type: ActionLoad, Description: "what the worker holds and what its DuckDB uses (exec.Load as JSON)"},
}

// ListActions lists the worker's actions.
func (s *workerService) ListActions(_ *flight.Empty, stream flight.FlightService_ListActionsServer) error {
	for _, a := range workerActions {
		if err := stream.Send(a); err != nil {
			return err
		}
	}
	return nil
}

// DoAction runs ActionRunTask, ActionCancelQuery, ActionRenewQuery,
// ActionStats and ActionLoad.
func (s *workerService) DoAction(a *flight.Action, stream flight.FlightService_DoActionServer) error {
	ctx := stream.Context()
	if err := checkSecret(ctx, s.secret); err != nil {
		return err
	}
	switch a.GetType() {
	case ActionRunTask:
		var spec stage.TaskSpec
		if err := json.Unmarshal(a.GetBody(), &spec); err != nil {
			return StatusFromError(qerr.ErrInvalid.Wrap(err, "malformed task spec"))
		}
		h, err := s.w.StartTask(ctx, &spec)
		if err != nil {
			return StatusFromError(err)
		}
		if err := stream.Send(&flight.Result{}); err != nil {
			return err
		}
		stats, err := h.Wait(ctx)
		if err != nil {
			if ctx.Err() != nil {
				// The coordinator gave the task up (it runs it again
				// elsewhere, the query ended, or it is gone), though its
				// cancel may never come (it timed out while this worker was
				// paused): nobody waits for what the task makes here, and a
				// result reader learns it at once. The query's other tasks
				// here may run on (a retry keeps them).
				n := max(spec.Attempt, 1)
				s.w.CancelTasks(spec.Query, []stage.TaskAttempt{{Task: spec.Task, Attempt: n}},
					qerr.ErrCancelled.New("the coordinator left task %s (attempt %d) of query %s on %s", spec.Task, n, spec.Query, s.w.Address()))
			}
			return StatusFromError(err)
		}
		return sendJSON(stream, stats, "task statistics")
	case ActionCancelQuery:
		var c CancelSpec
		if err := json.Unmarshal(a.GetBody(), &c); err != nil || c.Query == "" {
			return StatusFromError(qerr.ErrInvalid.New("malformed cancel"))
		}
		var cause error
		if c.Reason != nil {
			cause = c.Reason.error()
		}
		if len(c.Tasks) > 0 {
			s.w.CancelTasks(c.Query, c.Tasks, cause)
			return nil
		}
		if c.Attempt > 0 {
			s.w.CancelAttempt(c.Query, c.Attempt, cause)
			return nil
		}
		s.w.CancelQuery(c.Query, cause)
		return nil
	case ActionRenewQuery:
		var r RenewSpec
		if err := json.Unmarshal(a.GetBody(), &r); err != nil || r.Query == "" {
			return StatusFromError(qerr.ErrInvalid.New("malformed renew"))
		}
		if !s.w.RenewQuery(r.Query, r.Until) {
			return StatusFromError(qerr.ErrNotFound.New("worker %s holds nothing of query %s", s.w.Address(), r.Query))
		}
		return nil
	case ActionStats:
		return sendJSON(stream, s.w.Stats(), "worker stats")
	case ActionLoad:
		load, err := s.w.Load(ctx)
		if err != nil {
			return StatusFromError(err)
		}
		return sendJSON(stream, load, "worker load")
	}
	return status.Errorf(codes.Unimplemented, "worker action %q is not implemented", a.GetType())
}

// sendJSON answers an action with v as one JSON result; what names v in
// the error.
func sendJSON(stream flight.FlightService_DoActionServer, v any, what string) error {
	body, err := json.Marshal(v)
	if err != nil {
		return StatusFromError(qerr.ErrInternal.Wrap(err, "encode %s", what))
	}
	return stream.Send(&flight.Result{Body: body})
}

// DoGet streams the buffer a sealed ticket names. A user's result goes
// only to that user (its bearer token) or to a node (the cluster secret).
// A client's ticket that does not open, has expired, belongs to another
// user, or names a buffer that is gone (closed, cancelled, expired, never
// there) gets one answer, refuseTicket's; a node-to-node call gets the
// real error, so that a consumer task reports its producer's failure as it
// was. A stream that fails midway ends with the error status and never
// with an end-of-stream marker, so a reader cannot mistake a partial
// stream for a whole one.
func (s *workerService) DoGet(tkt *flight.Ticket, stream flight.FlightService_DoGetServer) error {
	ctx := stream.Context()
	internal := checkSecret(ctx, s.secret) == nil
	t, err := s.signer.Verify(tkt.GetTicket(), time.Now())
	if err != nil {
		return s.refuse(internal, err)
	}
	if err := checkReader(ctx, t, s.secret, s.tokens); err != nil {
		return s.refuse(internal, err)
	}
	rdr, err := s.w.OpenBuffer(ctx, t)
	if err != nil {
		if resultGone(err) {
			return s.refuse(internal, err)
		}
		return StatusFromError(err)
	}
	defer rdr.Release()
	return sendRecords(stream, rdr, s.w.IPCOptions()...)
}

// refuse answers a do_get that cannot be served: the real error to a
// node of the cluster, refuseTicket's to a client.
func (s *workerService) refuse(internal bool, err error) error {
	if internal {
		return StatusFromError(err)
	}
	return refuseTicket(s.log, err)
}

// DoPut writes the batches of the stream as one new Parquet file of a
// table: the descriptor's command is a WriteSpec, the one PutResult's
// AppMetadata the written catalog.DataFile as JSON.
func (s *workerService) DoPut(stream flight.FlightService_DoPutServer) error {
	ctx := stream.Context()
	if err := checkSecret(ctx, s.secret); err != nil {
		return err
	}
	rdr, err := flight.NewRecordReader(stream, ipc.WithAllocator(s.w.Allocator()))
	if err != nil {
		return StatusFromError(qerr.ErrInvalid.Wrap(err, "read do_put stream"))
	}
	defer rdr.Release()
	var spec stage.WriteSpec
	desc := rdr.LatestFlightDescriptor()
	if desc == nil || json.Unmarshal(desc.GetCmd(), &spec) != nil {
		return StatusFromError(qerr.ErrInvalid.New("do_put without a write spec in its descriptor"))
	}
	df, err := s.w.WriteFile(ctx, spec, rdr)
	if err != nil {
		return StatusFromError(err)
	}
	body, err := json.Marshal(df)
	if err != nil {
		return StatusFromError(qerr.ErrInternal.Wrap(err, "encode data file"))
	}
	return stream.Send(&flight.PutResult{AppMetadata: body})
}

// Handshake answers a client's Basic-credentials login by relaying it to the
// coordinator (LoginRelay): the reply carries the bearer token, which this
// worker's do_get accepts. Other calls carry the cluster secret, a signed
// ticket or that token, and need no handshake.
func (s *workerService) Handshake(stream flight.FlightService_HandshakeServer) error {
	scheme, cred := credentials(stream.Context())
	if s.logins == nil || !strings.EqualFold(scheme, basicScheme) {
		return status.Error(codes.Unimplemented, "the worker service has no handshake but a relayed login: send Basic credentials, or the cluster secret or a bearer token with each call")
	}
	reply, err := s.logins.Login(stream.Context(), scheme+" "+cred)
	if err != nil {
		return err
	}
	if err := stream.SetHeader(reply); err != nil {
		return err
	}
	stream.SetTrailer(reply)
	return nil
}
