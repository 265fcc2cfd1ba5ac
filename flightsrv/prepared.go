package flightsrv

import (
	"context"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/coordinator"
)

// Prepared statements. A handle is self-sufficient (coordinator.Handle):
// signed, it carries the SQL, the database it binds in, the parameter
// types and, once DoPut bound them, a query's parameter rows. DoPut of a
// query answers with a new handle that carries the rows, which clients
// execute from then on, so GetFlightInfo needs no server state and any
// coordinator, a restarted one included, serves it.

// CreatePreparedStatement parses and binds a statement with ? markers and
// answers with its handle, its result schema (no fields for a statement
// that is not a query) and the parameter schema the binder inferred.
func (s *SQLServer) CreatePreparedStatement(ctx context.Context, req flightsql.ActionCreatePreparedStatementRequest) (flightsql.ActionCreatePreparedStatementResult, error) {
	var res flightsql.ActionCreatePreparedStatementResult
	ctx, err := s.inTxn(ctx, req.GetTransactionId())
	if err != nil {
		return res, err
	}
	p, schema, err := s.coord.Prepare(ctx, s.session(ctx), req.GetQuery())
	if err != nil {
		s.log.Info("prepare failed", zap.String("sql", loggable(req.GetQuery())), zap.Error(err))
		return res, StatusFromError(err)
	}
	handle, err := s.coord.Handle(p)
	if err != nil {
		return res, StatusFromError(err)
	}
	isUpdate := !p.Query
	return flightsql.ActionCreatePreparedStatementResult{
		Handle: handle, DatasetSchema: schema, ParameterSchema: p.ParamSchema(), IsUpdate: &isUpdate,
	}, nil
}

// ClosePreparedStatement frees what the coordinator keeps for a statement.
// A statement it does not know (closed, forgotten, prepared elsewhere) is
// closed already.
func (s *SQLServer) ClosePreparedStatement(ctx context.Context, req flightsql.ActionClosePreparedStatementRequest) error {
	p, err := s.coord.OpenPrepared(s.session(ctx), req.GetPreparedStatementHandle())
	if err != nil {
		return StatusFromError(err)
	}
	s.coord.ClosePrepared(p)
	return nil
}

// DoPutPreparedStatementQuery binds parameter rows to a statement: it
// answers with a handle that carries them; executing that handle runs the
// statement once per row.
func (s *SQLServer) DoPutPreparedStatementQuery(ctx context.Context, cmd flightsql.PreparedStatementQuery, rdr flight.MessageReader, _ flight.MetadataWriter) ([]byte, error) {
	p, err := s.coord.OpenPrepared(s.session(ctx), cmd.GetPreparedStatementHandle())
	if err != nil {
		return nil, StatusFromError(err)
	}
	rows, err := s.coord.ReadParams(p, rdr, coordinator.MaxHandleBytes)
	if err != nil {
		return nil, StatusFromError(err)
	}
	handle, err := s.coord.Handle(s.coord.WithRows(p, rows))
	return handle, StatusFromError(err)
}

// GetFlightInfoPreparedStatement runs a prepared statement with the rows its
// handle carries, like GetFlightInfoStatement; a statement that is not a
// query runs as an update and answers with no endpoints.
func (s *SQLServer) GetFlightInfoPreparedStatement(ctx context.Context, cmd flightsql.PreparedStatementQuery, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	res, err := s.executePrepared(ctx, cmd)
	if err != nil {
		return nil, err
	}
	return s.flightInfo(res, desc), nil
}

// openPrepared reads a handle for the call's session, and puts the
// transaction the statement was prepared in on the context; its error is a
// status.
func (s *SQLServer) openPrepared(ctx context.Context, handle []byte) (context.Context, *coordinator.Session, *coordinator.Prepared, error) {
	sess := s.session(ctx)
	p, err := s.coord.OpenPrepared(sess, handle)
	if err != nil {
		return nil, nil, nil, StatusFromError(err)
	}
	ctx, err = s.inTxn(ctx, []byte(p.Txn))
	if err != nil {
		return nil, nil, nil, err
	}
	return ctx, sess, p, nil
}

// executePrepared starts a prepared statement (GetFlightInfo and
// PollFlightInfo); its error is a status.
func (s *SQLServer) executePrepared(ctx context.Context, cmd flightsql.PreparedStatementQuery) (*coordinator.Result, error) {
	began := time.Now()
	ctx, sess, p, err := s.openPrepared(ctx, cmd.GetPreparedStatementHandle())
	if err != nil {
		return nil, err
	}
	res, err := s.coord.ExecutePrepared(ctx, sess, p, s.mem)
	if err != nil {
		s.audit(ctx, "prepared", p.SQL, began, "", err)
		s.log.Info("prepared statement failed", zap.String("sql", loggable(p.SQL)), zap.Error(err))
		return nil, StatusFromError(err)
	}
	s.audit(ctx, "prepared", p.SQL, began, res.Query, nil)
	return res, nil
}

// DoPutPreparedStatementUpdate runs a prepared update once with every row
// bound: an INSERT with many rows (executemany) is one atomic write.
func (s *SQLServer) DoPutPreparedStatementUpdate(ctx context.Context, cmd flightsql.PreparedStatementUpdate, rdr flight.MessageReader) (int64, error) {
	began := time.Now()
	ctx, sess, p, err := s.openPrepared(ctx, cmd.GetPreparedStatementHandle())
	if err != nil {
		return 0, err
	}
	rows, err := s.coord.ReadParams(p, rdr, coordinator.MaxBoundBytes)
	if err != nil {
		return 0, StatusFromError(err)
	}
	n, err := s.coord.ExecutePreparedUpdate(ctx, sess, p, rows, s.mem)
	s.audit(ctx, "prepared_update", p.SQL, began, "", err)
	if err != nil {
		s.log.Info("prepared update failed", zap.String("sql", loggable(p.SQL)), zap.Error(err))
	}
	return n, StatusFromError(err)
}

// GetSchemaPreparedStatement is the result schema of a prepared statement.
func (s *SQLServer) GetSchemaPreparedStatement(ctx context.Context, cmd flightsql.PreparedStatementQuery, _ *flight.FlightDescriptor) (*flight.SchemaResult, error) {
	ctx, sess, p, err := s.openPrepared(ctx, cmd.GetPreparedStatementHandle())
	if err != nil {
		return nil, err
	}
	schema, err := s.coord.PreparedSchema(ctx, sess, p)
	if err != nil {
		return nil, StatusFromError(err)
	}
	return &flight.SchemaResult{Schema: flight.SerializeSchema(schema, s.mem)}, nil
}

// GetSchemaStatement is the result schema of a statement, without running
// it.
func (s *SQLServer) GetSchemaStatement(ctx context.Context, cmd flightsql.StatementQuery, _ *flight.FlightDescriptor) (*flight.SchemaResult, error) {
	schema, err := s.coord.Describe(ctx, s.session(ctx), cmd.GetQuery())
	if err != nil {
		return nil, StatusFromError(err)
	}
	return &flight.SchemaResult{Schema: flight.SerializeSchema(schema, s.mem)}, nil
}
