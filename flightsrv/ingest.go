package flightsrv

import (
	"context"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/coordinator"
)

// DoPutCommandStatementIngest is ADBC's bulk load.
func (s *SQLServer) DoPutCommandStatementIngest(ctx context.Context, cmd flightsql.StatementIngest, rdr flight.MessageReader) (int64, error) {
	if cmd.GetTemporary() || len(cmd.GetTransactionId()) > 0 {
		return 0, status.Error(codes.Unimplemented, "temporary tables and transactions are not supported")
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
			return 0, status.Error(codes.Unimplemented, "ingest mode replace is not supported; drop the table and ingest with mode create")
		}
	}
	n, err := s.coord.Ingest(ctx, s.session(ctx), req, rdr)
	return n, StatusFromError(err)
}
