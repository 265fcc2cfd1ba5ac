package binder

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// maxDecimalPrecision is Arrow's decimal128 limit; MySQL allows 65, and wider
// results are capped here.
const maxDecimalPrecision = 38

// ArrowType maps a MySQL column type to the Arrow type Quiver stores it as.
func ArrowType(ft *types.FieldType) (arrow.DataType, error) {
	unsigned := mysql.HasUnsignedFlag(ft.GetFlag())
	pick := func(s, u arrow.DataType) arrow.DataType {
		if unsigned {
			return u
		}
		return s
	}
	switch ft.GetType() {
	case mysql.TypeTiny:
		if ft.GetFlen() == 1 && !unsigned {
			return arrow.FixedWidthTypes.Boolean, nil // BOOL is TINYINT(1)
		}
		return pick(arrow.PrimitiveTypes.Int8, arrow.PrimitiveTypes.Uint8), nil
	case mysql.TypeShort:
		return pick(arrow.PrimitiveTypes.Int16, arrow.PrimitiveTypes.Uint16), nil
	case mysql.TypeInt24, mysql.TypeLong:
		return pick(arrow.PrimitiveTypes.Int32, arrow.PrimitiveTypes.Uint32), nil
	case mysql.TypeLonglong:
		return pick(arrow.PrimitiveTypes.Int64, arrow.PrimitiveTypes.Uint64), nil
	case mysql.TypeFloat:
		return arrow.PrimitiveTypes.Float32, nil
	case mysql.TypeDouble:
		return arrow.PrimitiveTypes.Float64, nil
	case mysql.TypeNewDecimal:
		p, s := ft.GetFlen(), ft.GetDecimal()
		if p <= 0 {
			p = 10
		}
		if s < 0 {
			s = 0
		}
		if p > maxDecimalPrecision {
			return nil, qerr.ErrUnsupported.New("DECIMAL(%d,%d): precision above %d", p, s, maxDecimalPrecision)
		}
		return &arrow.Decimal128Type{Precision: int32(p), Scale: int32(s)}, nil
	case mysql.TypeVarchar, mysql.TypeVarString, mysql.TypeString, mysql.TypeBlob,
		mysql.TypeTinyBlob, mysql.TypeMediumBlob, mysql.TypeLongBlob:
		if mysql.HasBinaryFlag(ft.GetFlag()) && ft.GetCharset() == "binary" {
			return arrow.BinaryTypes.Binary, nil
		}
		return arrow.BinaryTypes.String, nil
	case mysql.TypeDate:
		return arrow.FixedWidthTypes.Date32, nil
	case mysql.TypeDatetime, mysql.TypeTimestamp:
		return &arrow.TimestampType{Unit: arrow.Microsecond}, nil
	}
	return nil, qerr.ErrUnsupported.New("column type %s", ft.String())
}

func isNumeric(t arrow.DataType) bool {
	return stage.IsInteger(t) || isDecimal(t) || isFloat(t)
}

func isDecimal(t arrow.DataType) bool { return t.ID() == arrow.DECIMAL128 }

func isFloat(t arrow.DataType) bool {
	return t.ID() == arrow.FLOAT32 || t.ID() == arrow.FLOAT64
}

// decimalOf is the exact decimal that holds every value of an integer or
// decimal type: (precision, scale).
func decimalOf(t arrow.DataType) (int32, int32) {
	switch t.ID() {
	case arrow.DECIMAL128:
		d := t.(*arrow.Decimal128Type)
		return d.Precision, d.Scale
	case arrow.INT8, arrow.UINT8, arrow.BOOL:
		return 3, 0
	case arrow.INT16, arrow.UINT16:
		return 5, 0
	case arrow.INT32, arrow.UINT32:
		return 10, 0
	case arrow.UINT64:
		return 20, 0
	}
	return 19, 0
}

func decimal(p, s int32) arrow.DataType {
	if s > maxDecimalPrecision {
		s = maxDecimalPrecision
	}
	if p > maxDecimalPrecision {
		p = maxDecimalPrecision
	}
	if p < s {
		p = s
	}
	if p < 1 {
		p = 1
	}
	return &arrow.Decimal128Type{Precision: p, Scale: s}
}

// divScaleIncrement is MySQL's div_precision_increment: the scale that /
// adds to its dividend's.
const divScaleIncrement = 4

// arithmeticType applies MySQL's rules to a binary arithmetic operator: any
// float makes a double; integers stay BIGINT except under /, which gives a
// decimal; decimals widen as MySQL widens them.
func arithmeticType(op string, l, r arrow.DataType) (arrow.DataType, error) {
	if !isNumeric(l) && l.ID() != arrow.NULL || !isNumeric(r) && r.ID() != arrow.NULL {
		return nil, qerr.ErrUnsupported.New("arithmetic %s on %s and %s", op, l, r)
	}
	if isFloat(l) || isFloat(r) {
		if op == "div" {
			return arrow.PrimitiveTypes.Int64, nil
		}
		return arrow.PrimitiveTypes.Float64, nil
	}
	if op == "div" {
		return arrow.PrimitiveTypes.Int64, nil
	}
	if !isDecimal(l) && !isDecimal(r) && op != "/" {
		if l.ID() == arrow.UINT64 || r.ID() == arrow.UINT64 {
			return arrow.PrimitiveTypes.Uint64, nil
		}
		return arrow.PrimitiveTypes.Int64, nil
	}
	p1, s1 := decimalOf(l)
	p2, s2 := decimalOf(r)
	switch op {
	case "+", "-":
		s := max(s1, s2)
		return decimal(max(p1-s1, p2-s2)+s+1, s), nil
	case "*":
		return decimal(p1+p2, s1+s2), nil
	case "/":
		return decimal(p1+s2+divScaleIncrement, s1+divScaleIncrement), nil
	case "%":
		s := max(s1, s2)
		return decimal(max(p1-s1, p2-s2)+s, s), nil
	}
	return nil, qerr.ErrUnsupported.New("operator %s", op)
}

// aggregateType is the result type of an aggregate over arg, by MySQL's
// rules: SUM of integers is an exact decimal, AVG adds four digits of scale.
func aggregateType(fn stage.AggFunc, arg arrow.DataType) (arrow.DataType, error) {
	switch fn {
	case stage.AggCount, stage.AggCountStar:
		return arrow.PrimitiveTypes.Int64, nil
	case stage.AggMin, stage.AggMax:
		return arg, nil
	case stage.AggGroupConcat:
		return arrow.BinaryTypes.String, nil
	case stage.AggStddevPop, stage.AggStddevSamp, stage.AggVarPop, stage.AggVarSamp:
		if !isNumeric(arg) && arg.ID() != arrow.NULL {
			return nil, qerr.ErrUnsupported.New("%s over %s", fn, arg)
		}
		return arrow.PrimitiveTypes.Float64, nil
	}
	if !isNumeric(arg) && arg.ID() != arrow.NULL {
		return nil, qerr.ErrUnsupported.New("%s over %s", fn, arg)
	}
	if isFloat(arg) || arg.ID() == arrow.NULL {
		return arrow.PrimitiveTypes.Float64, nil
	}
	_, s := decimalOf(arg)
	if fn == stage.AggAvg {
		s += divScaleIncrement
	}
	return decimal(maxDecimalPrecision, s), nil
}

var arrowInt64 = arrow.PrimitiveTypes.Int64
