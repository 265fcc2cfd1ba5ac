package flightsrv

import (
	"context"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/coordinator/binder"
)

// DoPutCommandStatementIngest is ADBC's bulk load, in every mode (create,
// append, replace, create_append) and with Flight SQL's fail options. It
// runs in the command's transaction, or else in the one open transaction
// of the caller's session (the Go ADBC driver sends no transaction_id with
// ingest), or else commits at once.
func (s *SQLServer) DoPutCommandStatementIngest(ctx context.Context, cmd flightsql.StatementIngest, rdr flight.MessageReader) (int64, error) {
	began := time.Now()
	if cmd.GetTemporary() {
		return 0, status.Error(codes.Unimplemented, "ingest into a temporary table is not supported: ingest into a regular table and drop it when done")
	}
	sess := s.session(ctx)
	ctx, err := s.inTxn(ctx, cmd.GetTransactionId())
	if err != nil {
		return 0, err
	}
	if len(cmd.GetTransactionId()) == 0 {
		if t := s.coord.SessionTxn(sess); t != nil {
			ctx = coordinator.WithTxn(ctx, t)
		}
	}
	if c := cmd.GetCatalog(); c != "" && c != CatalogName {
		return 0, status.Errorf(codes.NotFound, "catalog %q does not exist", c)
	}
	req := coordinator.IngestRequest{Database: cmd.GetSchema(), Table: cmd.GetTable()}
	if opts := cmd.GetTableDefinitionOptions(); opts != nil {
		req.CreateIfMissing = opts.IfNotExist == flightsql.TableDefinitionOptionsTableNotExistOptionCreate
		switch opts.IfExists {
		case flightsql.TableDefinitionOptionsTableExistsOptionFail:
			req.FailIfExists = true
		case flightsql.TableDefinitionOptionsTableExistsOptionReplace:
			req.Replace = true
		}
	}
	n, err := s.coord.Ingest(ctx, sess, req, rdr)
	s.audit(ctx, "ingest", "INSERT INTO "+binder.QuoteName(req.Database)+"."+binder.QuoteName(req.Table)+" FROM STREAM", began, "", err)
	return n, StatusFromError(err)
}
