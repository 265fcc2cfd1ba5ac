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
