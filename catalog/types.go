package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
)

// TypeString is the stable text form of a column type, used in the catalog's
// stored schemas and in the wire specs: "int64", "decimal(15,2)", "utf8",
// "date32", "timestamp_us", "bool". ParseType reads it back.
func TypeString(t arrow.DataType) string {
	switch t := t.(type) {
	case *arrow.Decimal128Type:
		return fmt.Sprintf("decimal(%d,%d)", t.Precision, t.Scale)
	case *arrow.TimestampType:
		if t.TimeZone != "" {
			return "timestamptz_" + t.Unit.String()
		}
		return "timestamp_" + t.Unit.String()
	case *arrow.NullType:
		return "null"
	}
	return t.Name()
}

var simpleTypes = map[string]arrow.DataType{
	"null":    arrow.Null,
	"bool":    arrow.FixedWidthTypes.Boolean,
	"int8":    arrow.PrimitiveTypes.Int8,
	"int16":   arrow.PrimitiveTypes.Int16,
	"int32":   arrow.PrimitiveTypes.Int32,
	"int64":   arrow.PrimitiveTypes.Int64,
	"uint8":   arrow.PrimitiveTypes.Uint8,
	"uint16":  arrow.PrimitiveTypes.Uint16,
	"uint32":  arrow.PrimitiveTypes.Uint32,
	"uint64":  arrow.PrimitiveTypes.Uint64,
	"float32": arrow.PrimitiveTypes.Float32,
	"float64": arrow.PrimitiveTypes.Float64,
	"utf8":    arrow.BinaryTypes.String,
	"binary":  arrow.BinaryTypes.Binary,
	"date32":  arrow.FixedWidthTypes.Date32,
}

// ParseType reads a type written by TypeString.
func ParseType(s string) (arrow.DataType, error) {
	if t, ok := simpleTypes[s]; ok {
		return t, nil
	}
	if strings.HasPrefix(s, "decimal(") && strings.HasSuffix(s, ")") {
		parts := strings.Split(s[len("decimal("):len(s)-1], ",")
		if len(parts) == 2 {
			p, err1 := strconv.Atoi(parts[0])
			sc, err2 := strconv.Atoi(parts[1])
			if err1 == nil && err2 == nil && p >= 1 && p <= 38 && sc >= 0 && sc <= p {
				return &arrow.Decimal128Type{Precision: int32(p), Scale: int32(sc)}, nil
			}
		}
	}
	for _, unit := range []arrow.TimeUnit{arrow.Second, arrow.Millisecond, arrow.Microsecond, arrow.Nanosecond} {
		switch s {
		case "timestamp_" + unit.String():
			return &arrow.TimestampType{Unit: unit}, nil
		case "timestamptz_" + unit.String():
			return &arrow.TimestampType{Unit: unit, TimeZone: "UTC"}, nil
		}
	}
	return nil, qerr.ErrInvalid.New("unknown column type %q", s)
}
