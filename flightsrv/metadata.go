package flightsrv

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql/schema_ref"
	pb "github.com/apache/arrow-go/v18/arrow/flight/gen/flight"

	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/qerr"
)

// Metadata commands answer from the catalog at the coordinator: the
// FlightInfo has one endpoint whose ticket is the command itself, and DoGet
// builds the rows when it is fetched.

func (s *SQLServer) metadataInfo(schema *arrow.Schema, desc *flight.FlightDescriptor) *flight.FlightInfo {
	return &flight.FlightInfo{
		Endpoint:         []*flight.FlightEndpoint{{Ticket: &flight.Ticket{Ticket: desc.Cmd}}},
		FlightDescriptor: desc,
		Schema:           flight.SerializeSchema(schema, s.mem),
		TotalRecords:     -1,
		TotalBytes:       -1,
	}
}

// rows builds a metadata result row by row; each value is nil (NULL), a
// string, int32, bool, []byte or []string, as the schema's column wants.
type rows struct {
	b *array.RecordBuilder
}

func (s *SQLServer) newRows(schema *arrow.Schema) *rows {
	return &rows{b: array.NewRecordBuilder(s.mem, schema)}
}

func (r *rows) add(vals ...any) {
	for i, v := range vals {
		f := r.b.Field(i)
		if v == nil {
			f.AppendNull()
			continue
		}
		switch v := v.(type) {
		case string:
			f.(*array.StringBuilder).Append(v)
		case int32:
			f.(*array.Int32Builder).Append(v)
		case bool:
			f.(*array.BooleanBuilder).Append(v)
		case []byte:
			f.(*array.BinaryBuilder).Append(v)
		case []string:
			lb := f.(*array.ListBuilder)
			lb.Append(true)
			for _, s := range v {
				lb.ValueBuilder().(*array.StringBuilder).Append(s)
			}
		default:
			panic(fmt.Sprintf("metadata row: value of Go type %T", v))
		}
	}
}

// stream sends the rows as the one record of a DoGet result.
func (r *rows) stream() (*arrow.Schema, <-chan flight.StreamChunk, error) {
	defer r.b.Release()
	rec := r.b.NewRecordBatch()
	ch := make(chan flight.StreamChunk, 1)
	ch <- flight.StreamChunk{Data: rec}
	close(ch)
	return rec.Schema(), ch, nil
}

// GetFlightInfoCatalogs describes the catalog list.
func (s *SQLServer) GetFlightInfoCatalogs(_ context.Context, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.Catalogs, desc), nil
}

// DoGetCatalogs lists the one catalog.
func (s *SQLServer) DoGetCatalogs(context.Context) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	r := s.newRows(schema_ref.Catalogs)
	r.add(CatalogName)
	return r.stream()
}

// GetFlightInfoSchemas describes the db_schema list.
func (s *SQLServer) GetFlightInfoSchemas(_ context.Context, _ flightsql.GetDBSchemas, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.DBSchemas, desc), nil
}

// DoGetDBSchemas lists the databases and virtual schemas, sorted, that
// match the filter.
func (s *SQLServer) DoGetDBSchemas(ctx context.Context, cmd flightsql.GetDBSchemas) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	r := s.newRows(schema_ref.DBSchemas)
	if catalogMatches(cmd.GetCatalog()) {
		dbs, err := s.coord.Databases(ctx, s.session(ctx))
		if err != nil {
			r.b.Release()
			return nil, nil, StatusFromError(err)
		}
		sort.Strings(dbs)
		for _, db := range dbs {
			if likeMatch(cmd.GetDBSchemaFilterPattern(), db) {
				r.add(CatalogName, db)
			}
		}
	}
	return r.stream()
}

// GetFlightInfoTables describes the table list, with or without schemas.
func (s *SQLServer) GetFlightInfoTables(_ context.Context, cmd flightsql.GetTables, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	if cmd.GetIncludeSchema() {
		return s.metadataInfo(schema_ref.TablesWithIncludedSchema, desc), nil
	}
	return s.metadataInfo(schema_ref.Tables, desc), nil
}

// tableTypes are the JDBC table types of information_schema's.
var tableTypes = map[string]string{
	binder.TableTypeTable:  "TABLE",
	binder.TableTypeView:   "VIEW",
	binder.TableTypeSystem: "SYSTEM VIEW",
}

// DoGetTables lists tables, views and information_schema's tables, ordered
// by schema then name as the spec asks, with their Arrow schemas (whose
// fields carry the Flight SQL column metadata) when asked.
func (s *SQLServer) DoGetTables(ctx context.Context, cmd flightsql.GetTables) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	schema := schema_ref.Tables
	if cmd.GetIncludeSchema() {
		schema = schema_ref.TablesWithIncludedSchema
	}
	r := s.newRows(schema)
	wantType := func(t string) bool {
		if len(cmd.GetTableTypes()) == 0 {
			return true
		}
		for _, w := range cmd.GetTableTypes() {
			if strings.EqualFold(w, t) {
				return true
			}
		}
		return false
	}
	if catalogMatches(cmd.GetCatalog()) {
		rels, err := s.coord.Relations(ctx, s.session(ctx), "", cmd.GetIncludeSchema())
		if err != nil {
			r.b.Release()
			return nil, nil, StatusFromError(err)
		}
		sort.SliceStable(rels, func(i, j int) bool { return rels[i].Database < rels[j].Database })
		for _, rel := range rels {
			typ := tableTypes[rel.Type]
			if !wantType(typ) || !likeMatch(cmd.GetDBSchemaFilterPattern(), rel.Database) || !likeMatch(cmd.GetTableNameFilterPattern(), rel.Name) {
				continue
			}
			if !cmd.GetIncludeSchema() {
				r.add(CatalogName, rel.Database, rel.Name, typ)
				continue
			}
			r.add(CatalogName, rel.Database, rel.Name, typ, flight.SerializeSchema(relationSchema(rel), s.mem))
		}
	}
	return r.stream()
}

// relationSchema is a relation's Arrow schema with the Flight SQL column
// metadata on every field: what JDBC's getColumns and ADBC's GetObjects at
// column depth read.
func relationSchema(rel binder.Relation) *arrow.Schema {
	fields := make([]arrow.Field, len(rel.Columns))
	for i, c := range rel.Columns {
		md := columnMetadata(c.Type).
			CatalogName(CatalogName).SchemaName(rel.Database).TableName(rel.Name).
			IsReadOnly(rel.Type != binder.TableTypeTable)
		fields[i] = arrow.Field{Name: c.Name, Type: c.Type, Nullable: c.Nullable, Metadata: md.Metadata()}
	}
	return arrow.NewSchema(fields, nil)
}

// columnMetadata is the Flight SQL metadata of a column of type t.
func columnMetadata(t arrow.DataType) *flightsql.ColumnMetadataBuilder {
	st := binder.SQLTypeOf(t)
	return flightsql.NewColumnMetadataBuilder().TypeName(st.Name).Precision(st.Precision).Scale(st.Scale).
		IsAutoIncrement(false).IsCaseSensitive(t.ID() == arrow.STRING).IsSearchable(true)
}

// withColumnMetadata gives every field of a result schema its Flight SQL
// column metadata (type name, precision, scale), keeping metadata already
// there.
func withColumnMetadata(schema *arrow.Schema) *arrow.Schema {
	fields := make([]arrow.Field, schema.NumFields())
	for i, f := range schema.Fields() {
		md := columnMetadata(f.Type).Metadata()
		keys, vals := append([]string(nil), f.Metadata.Keys()...), append([]string(nil), f.Metadata.Values()...)
		for j, k := range md.Keys() {
			if f.Metadata.FindKey(k) < 0 {
				keys, vals = append(keys, k), append(vals, md.Values()[j])
			}
		}
		f.Metadata = arrow.NewMetadata(keys, vals)
		fields[i] = f
	}
	md := schema.Metadata()
	return arrow.NewSchema(fields, &md)
}

// GetFlightInfoTableTypes describes the table type list.
func (s *SQLServer) GetFlightInfoTableTypes(_ context.Context, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.TableTypes, desc), nil
}

// DoGetTableTypes lists the table types GetTables reports.
func (s *SQLServer) DoGetTableTypes(context.Context) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	r := s.newRows(schema_ref.TableTypes)
	for _, t := range []string{"SYSTEM VIEW", "TABLE", "VIEW"} {
		r.add(t)
	}
	return r.stream()
}

// GetFlightInfoXdbcTypeInfo describes the type list.
func (s *SQLServer) GetFlightInfoXdbcTypeInfo(_ context.Context, _ flightsql.GetXdbcTypeInfo, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.XdbcTypeInfo, desc), nil
}

// DoGetXdbcTypeInfo lists every column type Quiver stores (JDBC's
// getTypeInfo), ordered by data type, or those of one data type.
func (s *SQLServer) DoGetXdbcTypeInfo(_ context.Context, cmd flightsql.GetXdbcTypeInfo) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	var types []binder.SQLType
	for _, t := range binder.ColumnTypes() {
		st := binder.SQLTypeOf(t)
		if cmd.GetDataType() == nil || *cmd.GetDataType() == st.XDBC {
			types = append(types, st)
		}
	}
	sort.SliceStable(types, func(i, j int) bool { return types[i].XDBC < types[j].XDBC })
	r := s.newRows(schema_ref.XdbcTypeInfo)
	for _, st := range types {
		var prefix, suffix, createParams, minScale, maxScale, radix, subcode any
		if st.Quoted {
			prefix, suffix = "'", "'"
		}
		sqlType := st.XDBC
		switch st.Name {
		case "DECIMAL":
			createParams, minScale, maxScale, radix = []string{"precision", "scale"}, int32(0), st.Precision, int32(10)
		case "DATE", "DATETIME", "TIMESTAMP":
			// ODBC's SQL_DATA_TYPE of every date and time type is
			// SQL_DATETIME, told apart by the subcode.
			sqlType, subcode = 9, int32(1)
			if st.Name != "DATE" {
				subcode, minScale, maxScale = int32(3), int32(0), st.Scale
			}
		default:
			if st.Precision > 0 && !st.Quoted && st.Name != "BOOLEAN" {
				radix = int32(10)
			}
		}
		var columnSize any
		if st.Precision > 0 {
			columnSize = st.Precision
		}
		r.add(st.Name, st.XDBC, columnSize, prefix, suffix, createParams,
			int32(pb.Nullable_NULLABILITY_NULLABLE), st.Name == "VARCHAR", int32(pb.Searchable_SEARCHABLE_FULL), st.Unsigned,
			st.Name == "DECIMAL", false, st.DDL, minScale, maxScale, sqlType, subcode, radix, nil)
	}
	return r.stream()
}

// Quiver has no unique or foreign keys: those commands answer their
// schemas with no rows, which is what JDBC and DBeaver expect of a database
// without such constraints. A table's PRIMARY KEY is answered.

// GetFlightInfoPrimaryKeys describes a table's primary key.
func (s *SQLServer) GetFlightInfoPrimaryKeys(_ context.Context, _ flightsql.TableRef, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.PrimaryKeys, desc), nil
}

// DoGetPrimaryKeys answers the PRIMARY KEY columns of the table ref names
// (of any schema when ref has none), in key order, the key unnamed.
func (s *SQLServer) DoGetPrimaryKeys(ctx context.Context, ref flightsql.TableRef) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	r := s.newRows(schema_ref.PrimaryKeys)
	if catalogMatches(ref.Catalog) {
		db := ""
		if ref.DBSchema != nil {
			db = *ref.DBSchema
		}
		rels, err := s.coord.Relations(ctx, s.session(ctx), db, false)
		if err != nil && !qerr.Has(err, qerr.ErrNotFound) { // an unknown schema has no keys
			r.b.Release()
			return nil, nil, StatusFromError(err)
		}
		for _, rel := range rels {
			if rel.Table == nil || !strings.EqualFold(rel.Name, ref.Table) {
				continue
			}
			for i, k := range rel.Table.PrimaryKey {
				r.add(CatalogName, rel.Database, rel.Name, k, int32(i+1), nil)
			}
		}
	}
	return r.stream()
}

// GetFlightInfoExportedKeys describes the foreign keys that refer to a table.
func (s *SQLServer) GetFlightInfoExportedKeys(_ context.Context, _ flightsql.TableRef, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.ExportedKeys, desc), nil
}

// DoGetExportedKeys answers no foreign key.
func (s *SQLServer) DoGetExportedKeys(context.Context, flightsql.TableRef) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	return s.newRows(schema_ref.ExportedKeys).stream()
}

// GetFlightInfoImportedKeys describes a table's foreign keys.
func (s *SQLServer) GetFlightInfoImportedKeys(_ context.Context, _ flightsql.TableRef, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.ImportedKeys, desc), nil
}

// DoGetImportedKeys answers no foreign key.
func (s *SQLServer) DoGetImportedKeys(context.Context, flightsql.TableRef) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	return s.newRows(schema_ref.ImportedKeys).stream()
}

// GetFlightInfoCrossReference describes the foreign keys between two tables.
func (s *SQLServer) GetFlightInfoCrossReference(_ context.Context, _ flightsql.CrossTableRef, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	return s.metadataInfo(schema_ref.CrossReference, desc), nil
}

// DoGetCrossReference answers no foreign key.
func (s *SQLServer) DoGetCrossReference(context.Context, flightsql.CrossTableRef) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	return s.newRows(schema_ref.CrossReference).stream()
}

func catalogMatches(c *string) bool { return c == nil || *c == "" || *c == CatalogName }

// likeMatch applies a Flight SQL filter pattern (SQL LIKE: % and _, with
// backslash escaping either, as JDBC tools escape the _ of a name).
func likeMatch(pattern *string, s string) bool {
	if pattern == nil || *pattern == "" || *pattern == "%" {
		return true
	}
	var re strings.Builder
	re.WriteString("(?is)^")
	escaped := false
	for _, r := range *pattern {
		switch {
		case escaped:
			re.WriteString(regexp.QuoteMeta(string(r)))
			escaped = false
		case r == '\\':
			escaped = true
		case r == '%':
			re.WriteString(".*")
		case r == '_':
			re.WriteString(".")
		default:
			re.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	re.WriteString("$")
	ok, _ := regexp.MatchString(re.String(), s)
	return ok
}
