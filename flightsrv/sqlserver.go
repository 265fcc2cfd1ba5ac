package flightsrv

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql/schema_ref"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/qerr"
)

// CatalogName is the one Flight SQL catalog; its db_schemas are Quiver's
// databases.
const CatalogName = "quiver"

// Version is reported in GetSqlInfo.
const Version = "0.1.0"

// SQLServer is the Flight SQL server that clients talk to. It answers a
// query with a FlightInfo whose endpoints point at the workers holding the
// result; it streams nothing itself but metadata.
type SQLServer struct {
	flightsql.BaseServer
	coord *coordinator.Coordinator
	mem   memory.Allocator
	log   *zap.Logger
	proxy bool // endpoints without a location: the coordinator relays results (proxy.go)
}

// NewSQLServer returns the Flight SQL service of a coordinator.
func NewSQLServer(coord *coordinator.Coordinator, mem memory.Allocator, log *zap.Logger) (*SQLServer, error) {
	s := &SQLServer{coord: coord, mem: mem, log: log}
	s.Alloc = mem
	infos := map[flightsql.SqlInfo]any{
		flightsql.SqlInfoFlightSqlServerName:          "Quiver",
		flightsql.SqlInfoFlightSqlServerVersion:       Version,
		flightsql.SqlInfoFlightSqlServerArrowVersion:  "18",
		flightsql.SqlInfoFlightSqlServerReadOnly:      false,
		flightsql.SqlInfoFlightSqlServerSql:           true,
		flightsql.SqlInfoFlightSqlServerSubstrait:     false,
		flightsql.SqlInfoFlightSqlServerTransaction:   int32(flightsql.SqlTransactionNone),
		flightsql.SqlInfoFlightSqlServerCancel:        true,
		flightsql.SqlInfoFlightSqlServerBulkIngestion: true,
		flightsql.SqlInfoDDLCatalog:                   false,
		flightsql.SqlInfoDDLSchema:                    true,
		flightsql.SqlInfoDDLTable:                     true,
		flightsql.SqlInfoIdentifierQuoteChar:          "`",
	}
	for id, v := range infos {
		if err := s.RegisterSqlInfo(id, v); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// GetFlightInfoStatement plans and starts a query; the FlightInfo carries the
// planner's schema and one endpoint per result task.
func (s *SQLServer) GetFlightInfoStatement(ctx context.Context, cmd flightsql.StatementQuery, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	res, err := s.coord.Execute(ctx, cmd.GetQuery())
	if err != nil {
		s.log.Info("statement failed", zap.String("sql", cmd.GetQuery()), zap.Error(err))
		return nil, StatusFromError(err)
	}
	info := &flight.FlightInfo{
		Schema:           flight.SerializeSchema(res.Schema, s.mem),
		FlightDescriptor: desc,
		TotalRecords:     -1,
		TotalBytes:       -1,
		AppMetadata:      []byte(res.Query),
	}
	for _, ep := range res.Endpoints {
		fe := &flight.FlightEndpoint{
			Ticket:         &flight.Ticket{Ticket: ep.Ticket},
			ExpirationTime: timestamppb.New(res.Expires),
		}
		if !s.proxy {
			fe.Location = []*flight.Location{{Uri: "grpc+tcp://" + ep.Addr}}
		}
		info.Endpoint = append(info.Endpoint, fe)
	}
	if res.Endpoints == nil {
		info.TotalRecords = 0
	}
	return info, nil
}

// DoPutCommandStatementUpdate runs DDL and DML and returns the rows affected.
func (s *SQLServer) DoPutCommandStatementUpdate(ctx context.Context, cmd flightsql.StatementUpdate) (int64, error) {
	n, err := s.coord.ExecuteUpdate(ctx, cmd.GetQuery())
	if err != nil {
		s.log.Info("update failed", zap.String("sql", cmd.GetQuery()), zap.Error(err))
	}
	return n, StatusFromError(err)
}

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
	n, err := s.coord.Ingest(ctx, req, rdr)
	return n, StatusFromError(err)
}

func (s *SQLServer) metadataInfo(schema *arrow.Schema, desc *flight.FlightDescriptor) *flight.FlightInfo {
	return &flight.FlightInfo{
		Endpoint:         []*flight.FlightEndpoint{{Ticket: &flight.Ticket{Ticket: desc.Cmd}}},
		FlightDescriptor: desc,
		Schema:           flight.SerializeSchema(schema, s.mem),
		TotalRecords:     -1,
		TotalBytes:       -1,
	}
}

// stream sends one record as a DoGet result.
func stream(rec arrow.RecordBatch) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	ch := make(chan flight.StreamChunk, 1)
	ch <- flight.StreamChunk{Data: rec}
	close(ch)
	return rec.Schema(), ch, nil
}

func (s *SQLServer) GetFlightInfoCatalogs(_ context.Context, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.Catalogs, desc), nil
}

func (s *SQLServer) DoGetCatalogs(context.Context) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	b := array.NewRecordBuilder(s.mem, schema_ref.Catalogs)
	defer b.Release()
	b.Field(0).(*array.StringBuilder).Append(CatalogName)
	return stream(b.NewRecordBatch())
}

func (s *SQLServer) GetFlightInfoSchemas(_ context.Context, _ flightsql.GetDBSchemas, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.DBSchemas, desc), nil
}

func (s *SQLServer) DoGetDBSchemas(ctx context.Context, cmd flightsql.GetDBSchemas) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	b := array.NewRecordBuilder(s.mem, schema_ref.DBSchemas)
	defer b.Release()
	if catalogMatches(cmd.GetCatalog()) {
		dbs, err := s.coord.Catalog().ListDatabases(ctx)
		if err != nil {
			return nil, nil, StatusFromError(err)
		}
		for _, db := range dbs {
			if likeMatch(cmd.GetDBSchemaFilterPattern(), db) {
				b.Field(0).(*array.StringBuilder).Append(CatalogName)
				b.Field(1).(*array.StringBuilder).Append(db)
			}
		}
	}
	return stream(b.NewRecordBatch())
}

func (s *SQLServer) GetFlightInfoTables(_ context.Context, cmd flightsql.GetTables, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	if cmd.GetIncludeSchema() {
		return s.metadataInfo(schema_ref.TablesWithIncludedSchema, desc), nil
	}
	return s.metadataInfo(schema_ref.Tables, desc), nil
}

func (s *SQLServer) DoGetTables(ctx context.Context, cmd flightsql.GetTables) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	schema := schema_ref.Tables
	if cmd.GetIncludeSchema() {
		schema = schema_ref.TablesWithIncludedSchema
	}
	b := array.NewRecordBuilder(s.mem, schema)
	defer b.Release()
	wantType := len(cmd.GetTableTypes()) == 0
	for _, t := range cmd.GetTableTypes() {
		wantType = wantType || strings.EqualFold(t, "TABLE")
	}
	if catalogMatches(cmd.GetCatalog()) && wantType {
		cat := s.coord.Catalog()
		dbs, err := cat.ListDatabases(ctx)
		if err != nil {
			return nil, nil, StatusFromError(err)
		}
		for _, db := range dbs {
			if !likeMatch(cmd.GetDBSchemaFilterPattern(), db) {
				continue
			}
			tables, err := cat.ListTables(ctx, db)
			if err != nil {
				return nil, nil, StatusFromError(err)
			}
			for _, t := range tables {
				if !likeMatch(cmd.GetTableNameFilterPattern(), t.Name) {
					continue
				}
				b.Field(0).(*array.StringBuilder).Append(CatalogName)
				b.Field(1).(*array.StringBuilder).Append(db)
				b.Field(2).(*array.StringBuilder).Append(t.Name)
				b.Field(3).(*array.StringBuilder).Append("TABLE")
				if cmd.GetIncludeSchema() {
					b.Field(4).(*array.BinaryBuilder).Append(flight.SerializeSchema(t.Schema(), s.mem))
				}
			}
		}
	}
	return stream(b.NewRecordBatch())
}

func (s *SQLServer) GetFlightInfoTableTypes(_ context.Context, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.TableTypes, desc), nil
}

func (s *SQLServer) DoGetTableTypes(context.Context) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	b := array.NewRecordBuilder(s.mem, schema_ref.TableTypes)
	defer b.Release()
	b.Field(0).(*array.StringBuilder).Append("TABLE")
	return stream(b.NewRecordBatch())
}

func catalogMatches(c *string) bool { return c == nil || *c == "" || *c == CatalogName }

// likeMatch applies a Flight SQL filter pattern (SQL LIKE: % and _).
func likeMatch(pattern *string, s string) bool {
	if pattern == nil || *pattern == "" || *pattern == "%" {
		return true
	}
	var re strings.Builder
	re.WriteString("(?is)^")
	for _, r := range *pattern {
		switch r {
		case '%':
			re.WriteString(".*")
		case '_':
			re.WriteString(".")
		default:
			re.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	re.WriteString("$")
	ok, _ := regexp.MatchString(re.String(), s)
	return ok
}

// ActionHeartbeat is the action a worker sends the coordinator every
// heartbeat interval, with the cluster secret; its body is HeartbeatSpec.
const ActionHeartbeat = "quiver.heartbeat"

// HeartbeatSpec is a heartbeat's body.
type HeartbeatSpec struct {
	Addr string `json:"addr"` // the worker's Flight address, as others reach it
}

// coordinatorService is the coordinator's Flight service: Flight SQL for
// clients plus the cluster's own actions.
type coordinatorService struct {
	flight.FlightServer
	coord  *coordinator.Coordinator
	secret []byte
	mem    memory.Allocator // of relayed result streams (proxy.go)
}

// NewCoordinatorService wraps the Flight SQL server with the heartbeat action.
func NewCoordinatorService(sql *SQLServer, coord *coordinator.Coordinator, secret []byte) flight.FlightServer {
	return &coordinatorService{FlightServer: flightsql.NewFlightServerWithAllocator(sql, sql.mem), coord: coord, secret: secret, mem: sql.mem}
}

func (c *coordinatorService) DoAction(a *flight.Action, stream flight.FlightService_DoActionServer) error {
	if a.GetType() != ActionHeartbeat {
		return c.FlightServer.DoAction(a, stream)
	}
	if err := checkSecret(stream.Context(), c.secret); err != nil {
		return err
	}
	var hb HeartbeatSpec
	if err := json.Unmarshal(a.GetBody(), &hb); err != nil || hb.Addr == "" {
		return StatusFromError(qerr.ErrInvalid.New("malformed heartbeat"))
	}
	if err := c.coord.Members().Heartbeat(stream.Context(), hb.Addr); err != nil {
		return StatusFromError(qerr.ErrUnavailable.Wrap(err, "connect back to worker %s", hb.Addr))
	}
	return stream.Send(&flight.Result{})
}
