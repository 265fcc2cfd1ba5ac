package flightsrv

import (
	"context"

	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/coordinator"
)

// BeginTransaction starts a snapshot-isolated transaction (coordinator/txn.go)
// and returns its ID, which later commands carry as transaction_id.
func (s *SQLServer) BeginTransaction(ctx context.Context, _ flightsql.ActionBeginTransactionRequest) ([]byte, error) {
	t, err := s.coord.BeginTxn(ctx, s.session(ctx))
	if err != nil {
		return nil, StatusFromError(err)
	}
	return []byte(t.ID()), nil
}

// EndTransaction commits or rolls back a transaction. A commit that loses
// to a concurrent change is ABORTED and rolls the transaction back.
func (s *SQLServer) EndTransaction(ctx context.Context, req flightsql.ActionEndTransactionRequest) error {
	t, err := s.coord.Txn(string(req.GetTransactionId()), s.session(ctx))
	if err != nil {
		return StatusFromError(err)
	}
	switch req.GetAction() {
	case flightsql.EndTransactionCommit:
		err = s.coord.CommitTxn(ctx, t)
	case flightsql.EndTransactionRollback:
		err = s.coord.RollbackTxn(ctx, t)
	default:
		return status.Errorf(codes.InvalidArgument, "EndTransaction: action %v is neither commit nor rollback", req.GetAction())
	}
	return StatusFromError(err)
}

// BeginSavepoint answers UNIMPLEMENTED: transactions have no savepoints
// (GetSqlInfo reports SQL_SUPPORTED_TRANSACTION_TRANSACTION).
func (s *SQLServer) BeginSavepoint(context.Context, flightsql.ActionBeginSavepointRequest) ([]byte, error) {
	return nil, status.Error(codes.Unimplemented, "savepoints are not supported: commit or roll back the whole transaction")
}

// EndSavepoint answers UNIMPLEMENTED, as BeginSavepoint does.
func (s *SQLServer) EndSavepoint(context.Context, flightsql.ActionEndSavepointRequest) error {
	return status.Error(codes.Unimplemented, "savepoints are not supported: commit or roll back the whole transaction")
}

// inTxn is ctx carrying the transaction that a command names by its
// transaction_id (none when it is empty). An unknown or ended transaction
// is NOT_FOUND.
func (s *SQLServer) inTxn(ctx context.Context, id []byte) (context.Context, error) {
	if len(id) == 0 {
		return ctx, nil
	}
	t, err := s.coord.Txn(string(id), s.session(ctx))
	if err != nil {
		return nil, StatusFromError(err)
	}
	return coordinator.WithTxn(ctx, t), nil
}
