package binder

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// SQLType describes how an Arrow column type reads in SQL: what
// information_schema, SHOW, GetXdbcTypeInfo and the JDBC column metadata
// report for it. One table serves them all, so they agree.
type SQLType struct {
	// Name is the standard type name (JDBC's TYPE_NAME): "BIGINT", "DECIMAL".
	Name string
	// DDL is the column type as CREATE TABLE spells it, parameters included
	// ("decimal(15,2)"): it parses back to the same Arrow type, except that
	// a timestamp's time zone and nanoseconds are MySQL's to lose.
	DDL string
	// XDBC is the ODBC/JDBC type code (java.sql.Types).
	XDBC int32
	// Precision is the column size: digits for numbers, characters of the
	// text form for dates and times, 0 where unbounded (strings, binary).
	Precision int32
	// Scale is the digits after the point (decimal) or of the fraction of a
	// second (timestamps).
	Scale int32
	// Unsigned marks the unsigned integers.
	Unsigned bool
	// Quoted marks the types whose literals are quoted strings.
	Quoted bool
}

// DataType is information_schema's DATA_TYPE: the DDL spelling without
// parameters or attributes ("decimal", "bigint").
func (s SQLType) DataType() string {
	name, _, _ := strings.Cut(s.DDL, "(")
	name, _, _ = strings.Cut(name, " ")
	return name
}

// ODBC/JDBC type codes (java.sql.Types), as Flight SQL's XdbcDataType.
const (
	xdbcBit       = -7
	xdbcTinyint   = -6
	xdbcBigint    = -5
	xdbcVarbinary = -3
	xdbcNull      = 0
	xdbcDecimal   = 3
	xdbcInteger   = 4
	xdbcSmallint  = 5
	xdbcReal      = 7
	xdbcDouble    = 8
	xdbcVarchar   = 12
	xdbcBoolean   = 16
	xdbcDate      = 91
	xdbcTimestamp = 93
)

// SQLTypeOf describes t. Every type a table can hold has an entry; any other
// Arrow type reads as its Arrow name.
func SQLTypeOf(t arrow.DataType) SQLType {
	switch t := t.(type) {
	case *arrow.Decimal128Type:
		return SQLType{Name: "DECIMAL", DDL: fmt.Sprintf("decimal(%d,%d)", t.Precision, t.Scale), XDBC: xdbcDecimal, Precision: t.Precision, Scale: t.Scale}
	case *arrow.TimestampType:
		digits := map[arrow.TimeUnit]int32{arrow.Second: 0, arrow.Millisecond: 3, arrow.Microsecond: 6, arrow.Nanosecond: 9}[t.Unit]
		name, ddl := "DATETIME", "datetime"
		if t.TimeZone != "" {
			name, ddl = "TIMESTAMP", "timestamp"
		}
		// MySQL's fractional seconds stop at microseconds.
		return SQLType{Name: name, DDL: fmt.Sprintf("%s(%d)", ddl, min(digits, 6)), XDBC: xdbcTimestamp,
			Precision: 19 + min(digits, 1) + digits, Scale: digits, Quoted: true}
	}
	if s, ok := simpleSQLTypes[t.ID()]; ok {
		return s
	}
	return SQLType{Name: strings.ToUpper(t.Name()), DDL: t.Name()}
}

var simpleSQLTypes = map[arrow.Type]SQLType{
	arrow.NULL:    {Name: "NULL", DDL: "null", XDBC: xdbcNull},
	arrow.BOOL:    {Name: "BOOLEAN", DDL: "boolean", XDBC: xdbcBoolean, Precision: 1},
	arrow.INT8:    {Name: "TINYINT", DDL: "tinyint", XDBC: xdbcTinyint, Precision: 3},
	arrow.INT16:   {Name: "SMALLINT", DDL: "smallint", XDBC: xdbcSmallint, Precision: 5},
	arrow.INT32:   {Name: "INT", DDL: "int", XDBC: xdbcInteger, Precision: 10},
	arrow.INT64:   {Name: "BIGINT", DDL: "bigint", XDBC: xdbcBigint, Precision: 19},
	arrow.UINT8:   {Name: "TINYINT UNSIGNED", DDL: "tinyint unsigned", XDBC: xdbcTinyint, Precision: 3, Unsigned: true},
	arrow.UINT16:  {Name: "SMALLINT UNSIGNED", DDL: "smallint unsigned", XDBC: xdbcSmallint, Precision: 5, Unsigned: true},
	arrow.UINT32:  {Name: "INT UNSIGNED", DDL: "int unsigned", XDBC: xdbcInteger, Precision: 10, Unsigned: true},
	arrow.UINT64:  {Name: "BIGINT UNSIGNED", DDL: "bigint unsigned", XDBC: xdbcBigint, Precision: 20, Unsigned: true},
	arrow.FLOAT32: {Name: "FLOAT", DDL: "float", XDBC: xdbcReal, Precision: 7},
	arrow.FLOAT64: {Name: "DOUBLE", DDL: "double", XDBC: xdbcDouble, Precision: 15},
	arrow.STRING:  {Name: "VARCHAR", DDL: "text", XDBC: xdbcVarchar, Quoted: true},
	arrow.BINARY:  {Name: "VARBINARY", DDL: "blob", XDBC: xdbcVarbinary, Quoted: true},
	arrow.DATE32:  {Name: "DATE", DDL: "date", XDBC: xdbcDate, Precision: 10, Quoted: true},
}

// ColumnTypes are the column types Quiver stores, one of each kind with its
// widest parameters: what GetXdbcTypeInfo lists.
func ColumnTypes() []arrow.DataType {
	return []arrow.DataType{
		arrow.FixedWidthTypes.Boolean,
		arrow.PrimitiveTypes.Int8, arrow.PrimitiveTypes.Int16, arrow.PrimitiveTypes.Int32, arrow.PrimitiveTypes.Int64,
		arrow.PrimitiveTypes.Uint8, arrow.PrimitiveTypes.Uint16, arrow.PrimitiveTypes.Uint32, arrow.PrimitiveTypes.Uint64,
		arrow.PrimitiveTypes.Float32, arrow.PrimitiveTypes.Float64,
		&arrow.Decimal128Type{Precision: maxDecimalPrecision, Scale: 0},
		arrow.BinaryTypes.String, arrow.BinaryTypes.Binary,
		arrow.FixedWidthTypes.Date32,
		&arrow.TimestampType{Unit: arrow.Microsecond},
		&arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"},
	}
}
