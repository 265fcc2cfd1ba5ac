package flightsrv

import (
	"context"
	"encoding/json"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/qerr"
)

// CatalogName is the one Flight SQL catalog; its db_schemas are Quiver's
// databases.
const CatalogName = binder.CatalogName

// SQLServer is the Flight SQL server that clients talk to. It answers a
// query with a FlightInfo whose endpoints point at the workers holding the
// result; it streams itself only metadata, the results the coordinator
// holds (EXPLAIN: held.go) and, with --proxy-results, relayed ones.
type SQLServer struct {
	flightsql.BaseServer
	coord *coordinator.Coordinator
	mem   memory.Allocator
	log   *zap.Logger
	// auditLog gets one line per statement (audit.go).
	auditLog *zap.Logger
	proxy    bool // endpoints without a location: the coordinator relays results (proxy.go)
	// scheme is the scheme of endpoint locations: grpc+tls where the
	// workers serve TLS (SetLocationScheme).
	scheme string

	sessions *sessions // by cookie (session.go)
}

// NewSQLServer returns the Flight SQL service of a coordinator.
func NewSQLServer(coord *coordinator.Coordinator, mem memory.Allocator, log *zap.Logger) (*SQLServer, error) {
	s := &SQLServer{coord: coord, mem: mem, log: log, auditLog: log.Named("audit"), scheme: "grpc+tcp", sessions: newSessions(DefaultSessionIdle)}
	// A session's end rolls back the transactions it left open.
	s.sessions.ended = coord.RollbackSession
	s.Alloc = mem
	for id, v := range sqlInfo() {
		if err := s.RegisterSqlInfo(id, v); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// SetLocationScheme sets the scheme of the endpoint locations that
// FlightInfo answers carry (TLS.Scheme: grpc+tls where workers serve TLS,
// so that clients fetch results with TLS too). Call it before serving.
func (s *SQLServer) SetLocationScheme(scheme string) { s.scheme = scheme }

// GetFlightInfoStatement plans and starts a query; the FlightInfo carries the
// planner's schema and one endpoint per result task.
func (s *SQLServer) GetFlightInfoStatement(ctx context.Context, cmd flightsql.StatementQuery, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	res, err := s.executeStatement(ctx, cmd)
	if err != nil {
		return nil, err
	}
	return s.flightInfo(res, desc), nil
}

// executeStatement starts a statement in the call's session and
// transaction (GetFlightInfo and PollFlightInfo); its error is a status.
func (s *SQLServer) executeStatement(ctx context.Context, cmd flightsql.StatementQuery) (*coordinator.Result, error) {
	began := time.Now()
	ctx, err := s.inTxn(ctx, cmd.GetTransactionId())
	if err != nil {
		return nil, err
	}
	res, err := s.coord.Execute(ctx, s.session(ctx), cmd.GetQuery())
	if err != nil {
		s.audit(ctx, "query", cmd.GetQuery(), began, "", err)
		s.log.Info("statement failed", zap.String("sql", loggable(cmd.GetQuery())), zap.Error(err))
		return nil, StatusFromError(err)
	}
	s.audit(ctx, "query", cmd.GetQuery(), began, res.Query, nil)
	return res, nil
}

// flightInfo describes a started statement: the planner's schema, and one
// endpoint per result task at the worker that holds it (no location when
// the coordinator relays results), each expiring with the results. The
// AppMetadata is the query ID (what CancelFlightInfo reads). A statement
// without rows (DDL, DML sent as a query) has no endpoints, and its
// total_records is the rows it affected: what ADBC reports as rowcount.
func (s *SQLServer) flightInfo(res *coordinator.Result, desc *flight.FlightDescriptor) *flight.FlightInfo {
	info := &flight.FlightInfo{
		Schema:           flight.SerializeSchema(withColumnMetadata(res.Schema), s.mem),
		FlightDescriptor: desc,
		TotalRecords:     -1,
		TotalBytes:       -1,
		AppMetadata:      []byte(res.Query),
	}
	for _, ep := range res.Endpoints {
		info.Endpoint = append(info.Endpoint, s.flightEndpoint(ep, res.Expires))
	}
	if res.Endpoints == nil {
		info.TotalRecords = res.Affected
	}
	return info
}

// flightEndpoint is the Flight form of a result endpoint. One the
// coordinator serves (relayed, or held by it: no Addr) has no location:
// Flight's "the service you called". One at a worker has two: the
// worker, then flight.LocationReuseConnection ("the service you called"
// again), which a client tries when the worker fails it before the first
// batch: the coordinator relays the result from wherever the query runs
// it now (a lost worker's result task runs elsewhere on the next attempt).
func (s *SQLServer) flightEndpoint(ep coordinator.Endpoint, expires time.Time) *flight.FlightEndpoint {
	fe := &flight.FlightEndpoint{
		Ticket:         &flight.Ticket{Ticket: ep.Ticket},
		ExpirationTime: timestamppb.New(expires),
	}
	if !s.proxy && ep.Addr != "" {
		fe.Location = []*flight.Location{{Uri: s.scheme + "://" + ep.Addr}, {Uri: flight.LocationReuseConnection}}
	}
	return fe
}

// DoPutCommandStatementUpdate runs DDL and DML and returns the rows affected.
func (s *SQLServer) DoPutCommandStatementUpdate(ctx context.Context, cmd flightsql.StatementUpdate) (int64, error) {
	began := time.Now()
	ctx, err := s.inTxn(ctx, cmd.GetTransactionId())
	if err != nil {
		return 0, err
	}
	n, err := s.coord.ExecuteUpdate(ctx, s.session(ctx), cmd.GetQuery())
	s.audit(ctx, "update", cmd.GetQuery(), began, "", err)
	if err != nil {
		s.log.Info("update failed", zap.String("sql", loggable(cmd.GetQuery())), zap.Error(err))
	}
	return n, StatusFromError(err)
}

// coordinatorService is the coordinator's Flight service: Flight SQL for
// clients plus the cluster's own actions.
type coordinatorService struct {
	flight.FlightServer
	coord  *coordinator.Coordinator
	secret []byte
	mem    memory.Allocator // of relayed result streams (proxy.go)
	log    *zap.Logger
}

// NewCoordinatorService wraps the Flight SQL server with the heartbeat action.
func NewCoordinatorService(sql *SQLServer, coord *coordinator.Coordinator, secret []byte) flight.FlightServer {
	return &coordinatorService{FlightServer: flightsql.NewFlightServerWithAllocator(sql, sql.mem), coord: coord, secret: secret, mem: sql.mem, log: sql.log}
}

func (c *coordinatorService) DoAction(a *flight.Action, stream flight.FlightService_DoActionServer) error {
	if a.GetType() != ActionHeartbeat {
		if PrincipalFrom(stream.Context()).cluster {
			return status.Errorf(codes.Unauthenticated, "the cluster secret authenticates cluster actions only, not %q", a.GetType())
		}
		return c.FlightServer.DoAction(a, stream)
	}
	if err := checkSecret(stream.Context(), c.secret); err != nil {
		return err
	}
	var hb HeartbeatSpec
	if err := json.Unmarshal(a.GetBody(), &hb); err != nil || hb.Addr == "" {
		return StatusFromError(qerr.ErrInvalid.New("malformed heartbeat"))
	}
	if err := c.coord.Members().Heartbeat(stream.Context(), hb.Addr, hb.Incarnation); err != nil {
		return StatusFromError(qerr.ErrUnavailable.Wrap(err, "connect back to worker %s", hb.Addr))
	}
	return stream.Send(&flight.Result{})
}
