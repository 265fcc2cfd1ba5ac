package flightsrv

import (
	"context"
	"regexp"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql/schema_ref"
)

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
