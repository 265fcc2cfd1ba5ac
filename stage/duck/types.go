package duck

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
)

// sqlTypeName is the DuckDB name of an Arrow type in a rendered cast of an
// expression. The binder types expressions with DuckType's types only;
// stored types, which could be others, are checked where scans and input
// tables enter them.
func sqlTypeName(t arrow.DataType) string {
	if name, err := DuckType(t); err == nil {
		return name
	}
	return strings.ToUpper(t.Name())
}

// DuckType is the DuckDB type that holds an Arrow type exactly: the one
// table from Arrow to DuckDB types, for rendered casts and scans, the
// worker's input tables and the files it writes (TestTypeRoundTrip).
//
// Every unit of a timestamp has a DuckDB type of its own: TIMESTAMP_S,
// TIMESTAMP_MS, TIMESTAMP (microseconds) and TIMESTAMP_NS. A plain
// TIMESTAMP for all of them would cut nanoseconds and hand microseconds
// back to Arrow where the plan promised another unit. DuckDB's one zoned
// type, TIMESTAMPTZ, has microseconds: a zoned timestamp of another unit is
// ErrUnsupported.
func DuckType(t arrow.DataType) (string, error) {
	switch t := t.(type) {
	case *arrow.Decimal128Type:
		return fmt.Sprintf("DECIMAL(%d,%d)", t.Precision, t.Scale), nil
	case *arrow.TimestampType:
		if t.TimeZone != "" {
			if t.Unit != arrow.Microsecond {
				return "", qerr.ErrUnsupported.New("type %s (a timestamp with a time zone has microseconds)", t)
			}
			return "TIMESTAMPTZ", nil
		}
		return map[arrow.TimeUnit]string{
			arrow.Second: "TIMESTAMP_S", arrow.Millisecond: "TIMESTAMP_MS",
			arrow.Microsecond: "TIMESTAMP", arrow.Nanosecond: "TIMESTAMP_NS",
		}[t.Unit], nil
	}
	if name, ok := duckTypes[t.ID()]; ok {
		return name, nil
	}
	return "", qerr.ErrUnsupported.New("column type %s", t)
}

var duckTypes = map[arrow.Type]string{
	arrow.BOOL:    "BOOLEAN",
	arrow.INT8:    "TINYINT",
	arrow.INT16:   "SMALLINT",
	arrow.INT32:   "INTEGER",
	arrow.INT64:   "BIGINT",
	arrow.UINT8:   "UTINYINT",
	arrow.UINT16:  "USMALLINT",
	arrow.UINT32:  "UINTEGER",
	arrow.UINT64:  "UBIGINT",
	arrow.FLOAT32: "FLOAT",
	arrow.FLOAT64: "DOUBLE",
	arrow.STRING:  "VARCHAR",
	arrow.BINARY:  "BLOB",
	arrow.DATE32:  "DATE",
	// DuckDB tables have no NULL type: a NULL column is typed INTEGER.
	arrow.NULL: "INTEGER",
}

// ArrowOf is the Arrow type of a DuckDB type as DESCRIBE names it: the
// inverse of DuckType, for schemas a worker infers from files. A type
// DuckType does not produce is ErrUnsupported.
func ArrowOf(duckName string) (arrow.DataType, error) {
	name := strings.ToUpper(strings.TrimSpace(duckName))
	var p, s int32
	if _, err := fmt.Sscanf(name, "DECIMAL(%d,%d)", &p, &s); err == nil {
		return &arrow.Decimal128Type{Precision: p, Scale: s}, nil
	}
	switch name {
	case "TIMESTAMP_S":
		return &arrow.TimestampType{Unit: arrow.Second}, nil
	case "TIMESTAMP_MS":
		return &arrow.TimestampType{Unit: arrow.Millisecond}, nil
	case "TIMESTAMP":
		return &arrow.TimestampType{Unit: arrow.Microsecond}, nil
	case "TIMESTAMP_NS":
		return &arrow.TimestampType{Unit: arrow.Nanosecond}, nil
	case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ":
		return &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}, nil
	}
	if t, ok := arrowTypes[name]; ok {
		return t, nil
	}
	return nil, qerr.ErrUnsupported.New("DuckDB type %s", duckName)
}

// arrowTypes inverts duckTypes (but for NULL, which has no DuckDB type).
var arrowTypes = map[string]arrow.DataType{
	"BOOLEAN": arrow.FixedWidthTypes.Boolean, "TINYINT": arrow.PrimitiveTypes.Int8,
	"SMALLINT": arrow.PrimitiveTypes.Int16, "INTEGER": arrow.PrimitiveTypes.Int32,
	"BIGINT": arrow.PrimitiveTypes.Int64, "UTINYINT": arrow.PrimitiveTypes.Uint8,
	"USMALLINT": arrow.PrimitiveTypes.Uint16, "UINTEGER": arrow.PrimitiveTypes.Uint32,
	"UBIGINT": arrow.PrimitiveTypes.Uint64, "FLOAT": arrow.PrimitiveTypes.Float32,
	"DOUBLE": arrow.PrimitiveTypes.Float64, "VARCHAR": arrow.BinaryTypes.String,
	"BLOB": arrow.BinaryTypes.Binary, "DATE": arrow.FixedWidthTypes.Date32,
}
