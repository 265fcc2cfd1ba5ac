package binder

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// ParamValue is the value of parameter i (from 0) in row of col, as a
// literal of the parameter's type want. A value converts where MySQL would
// convert it and the result is exact: a number to any numeric type that
// holds it, a string that spells a number, date, timestamp or boolean to
// that type, a date to a timestamp, anything to a string. A value that does
// not convert, or only with loss (2.5 for an INT, 0.125 for a
// DECIMAL(10,2)), is ErrInvalid naming the parameter: CAST(? AS ...) in the
// SQL gives a parameter the type wanted.
func ParamValue(i int, want arrow.DataType, col arrow.Array, row int) (*stage.Literal, error) {
	if col.IsNull(row) || col.DataType().ID() == arrow.NULL { // a null array has no validity bitmap
		return &stage.Literal{Null: true, T: want}, nil
	}
	v, err := scalarAt(col, row)
	if err != nil {
		return nil, qerr.ErrInvalid.New("parameter %d: %v", i+1, err)
	}
	text, ok := v.as(want)
	if !ok {
		return nil, qerr.ErrInvalid.New("parameter %d is %s: the %s value %s does not convert to it exactly",
			i+1, want, col.DataType(), v)
	}
	return &stage.Literal{Text: text, T: want}, nil
}

type scalarKind int

const (
	kindNumber scalarKind = iota
	kindText
	kindBool
	kindDate
	kindTimestamp
	kindBytes
)

// scalar is one bound value, read out of its Arrow array.
type scalar struct {
	kind  scalarKind
	num   *big.Rat // kindNumber; nil for a NaN or infinite float
	float *float64 // kindNumber from a float: its value
	text  string   // kindText; kindNumber: the number as written
	b     bool     // kindBool
	t     time.Time
	tUnit arrow.TimeUnit // kindTimestamp: precision of t
	bytes []byte         // kindBytes
}

func (v scalar) String() string {
	switch v.kind {
	case kindText:
		return strconv.Quote(v.text)
	case kindBool:
		return strconv.FormatBool(v.b)
	case kindDate:
		return v.t.Format(dateLayout)
	case kindTimestamp:
		return v.t.Format(timestampLayout)
	case kindBytes:
		return fmt.Sprintf("x'%x'", v.bytes)
	}
	return v.text
}

func scalarAt(col arrow.Array, row int) (scalar, error) {
	switch a := col.(type) {
	case *array.Dictionary:
		return scalarAt(a.Dictionary(), a.GetValueIndex(row))
	case *array.Boolean:
		return scalar{kind: kindBool, b: a.Value(row)}, nil
	case *array.Int8:
		return intScalar(int64(a.Value(row))), nil
	case *array.Int16:
		return intScalar(int64(a.Value(row))), nil
	case *array.Int32:
		return intScalar(int64(a.Value(row))), nil
	case *array.Int64:
		return intScalar(a.Value(row)), nil
	case *array.Uint8:
		return intScalar(int64(a.Value(row))), nil
	case *array.Uint16:
		return intScalar(int64(a.Value(row))), nil
	case *array.Uint32:
		return intScalar(int64(a.Value(row))), nil
	case *array.Uint64:
		n := new(big.Int).SetUint64(a.Value(row))
		return scalar{kind: kindNumber, num: new(big.Rat).SetInt(n), text: n.String()}, nil
	case *array.Float32:
		return floatScalar(float64(a.Value(row)), 32), nil
	case *array.Float64:
		return floatScalar(a.Value(row), 64), nil
	case *array.Decimal128:
		return decimalScalar(a.Value(row).ToString(a.DataType().(*arrow.Decimal128Type).Scale))
	case *array.Decimal256:
		return decimalScalar(a.Value(row).ToString(a.DataType().(*arrow.Decimal256Type).Scale))
	case array.StringLike:
		return scalar{kind: kindText, text: a.Value(row)}, nil
	case *array.Binary:
		return scalar{kind: kindBytes, bytes: a.Value(row)}, nil
	case *array.LargeBinary:
		return scalar{kind: kindBytes, bytes: a.Value(row)}, nil
	case *array.BinaryView:
		return scalar{kind: kindBytes, bytes: a.Value(row)}, nil
	case *array.Date32:
		return scalar{kind: kindDate, t: a.Value(row).ToTime()}, nil
	case *array.Date64:
		t := a.Value(row).ToTime()
		if t.Truncate(24*time.Hour) != t {
			return scalar{kind: kindTimestamp, t: t, tUnit: arrow.Millisecond}, nil
		}
		return scalar{kind: kindDate, t: t}, nil
	case *array.Timestamp:
		// Without a time zone the value is a wall time stored as if in UTC;
		// with one, a UTC instant. Either way its UTC reading is the value.
		unit := a.DataType().(*arrow.TimestampType).Unit
		return scalar{kind: kindTimestamp, t: a.Value(row).ToTime(unit), tUnit: unit}, nil
	}
	return scalar{}, fmt.Errorf("values of Arrow type %s cannot be bound", col.DataType())
}

func intScalar(n int64) scalar {
	return scalar{kind: kindNumber, num: new(big.Rat).SetInt64(n), text: strconv.FormatInt(n, 10)}
}

// floatScalar reads a float as the shortest decimal that gives it back:
// 0.1 is 0.1 (as MySQL converts a DOUBLE), not the binary fraction's
// expansion.
func floatScalar(f float64, bits int) scalar {
	v := scalar{kind: kindNumber, float: &f, text: formatFloat(f, bits)}
	if !math.IsInf(f, 0) && !math.IsNaN(f) {
		v.num, _ = new(big.Rat).SetString(strconv.FormatFloat(f, 'g', -1, bits))
	}
	return v
}

func formatFloat(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return strconv.FormatFloat(f, 'g', -1, bits)
}

func decimalScalar(text string) (scalar, error) {
	n, ok := new(big.Rat).SetString(text)
	if !ok {
		return scalar{}, fmt.Errorf("decimal %s does not read back", text)
	}
	return scalar{kind: kindNumber, num: n, text: text}, nil
}

// as is v's literal text as a value of t, and whether v converts exactly.
func (v scalar) as(t arrow.DataType) (string, bool) {
	switch v.kind {
	case kindText:
		return v.textAs(t)
	case kindBool:
		if t.ID() == arrow.BOOL {
			return strconv.FormatBool(v.b), true
		}
		n := int64(0)
		if v.b {
			n = 1
		}
		return intScalar(n).as(t)
	case kindDate, kindTimestamp:
		return v.timeAs(t)
	case kindBytes:
		switch {
		case t.ID() == arrow.BINARY:
			return blobText(v.bytes), true
		case isString(t) && utf8.Valid(v.bytes):
			return string(v.bytes), true
		}
		return "", false
	}
	return v.numberAs(t)
}

var (
	one      = big.NewRat(1, 1)
	intRange = map[arrow.Type][2]*big.Rat{
		arrow.INT8:   {big.NewRat(math.MinInt8, 1), big.NewRat(math.MaxInt8, 1)},
		arrow.INT16:  {big.NewRat(math.MinInt16, 1), big.NewRat(math.MaxInt16, 1)},
		arrow.INT32:  {big.NewRat(math.MinInt32, 1), big.NewRat(math.MaxInt32, 1)},
		arrow.INT64:  {big.NewRat(math.MinInt64, 1), big.NewRat(math.MaxInt64, 1)},
		arrow.UINT8:  {new(big.Rat), big.NewRat(math.MaxUint8, 1)},
		arrow.UINT16: {new(big.Rat), big.NewRat(math.MaxUint16, 1)},
		arrow.UINT32: {new(big.Rat), big.NewRat(math.MaxUint32, 1)},
		arrow.UINT64: {new(big.Rat), new(big.Rat).SetInt(new(big.Int).SetUint64(math.MaxUint64))},
	}
)

func (v scalar) numberAs(t arrow.DataType) (string, bool) {
	if r, ok := intRange[t.ID()]; ok {
		if v.num == nil || !v.num.IsInt() || v.num.Cmp(r[0]) < 0 || v.num.Cmp(r[1]) > 0 {
			return "", false
		}
		return v.num.Num().String(), true
	}
	switch t := t.(type) {
	case *arrow.Decimal128Type:
		if v.num == nil {
			return "", false
		}
		scaled := new(big.Rat).Mul(v.num, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(t.Scale)), nil)))
		if !scaled.IsInt() || len(new(big.Int).Abs(scaled.Num()).String()) > int(t.Precision) {
			return "", false
		}
		return v.num.FloatString(int(t.Scale)), true
	}
	switch t.ID() {
	case arrow.FLOAT64, arrow.FLOAT32:
		bits := 64
		if t.ID() == arrow.FLOAT32 {
			bits = 32
		}
		var f float64
		if v.float != nil {
			f = *v.float
		} else {
			f, _ = v.num.Float64()
		}
		if bits == 32 && math.IsInf(float64(float32(f)), 0) && !math.IsInf(f, 0) {
			return "", false // beyond FLOAT's range
		}
		return formatFloat(f, bits), true
	case arrow.BOOL:
		switch {
		case v.num != nil && v.num.Sign() == 0:
			return "false", true
		case v.num != nil && v.num.Cmp(one) == 0:
			return "true", true
		}
	case arrow.STRING:
		return v.text, true
	}
	return "", false
}

func (v scalar) textAs(t arrow.DataType) (string, bool) {
	s := strings.TrimSpace(v.text)
	switch {
	case isString(t):
		return v.text, true
	case t.ID() == arrow.BINARY:
		return blobText([]byte(v.text)), true
	case t.ID() == arrow.BOOL:
		if b, err := strconv.ParseBool(strings.ToLower(s)); err == nil {
			return strconv.FormatBool(b), true
		}
	case isFloat(t):
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return "", false
		}
		return floatScalar(f, 64).as(t)
	case t.ID() == arrow.DATE32 || t.ID() == arrow.TIMESTAMP:
		tm, ok := parseTime(s)
		if !ok {
			return "", false
		}
		return scalar{kind: kindTimestamp, t: tm, tUnit: arrow.Nanosecond}.timeAs(t)
	}
	if !numberRE.MatchString(s) {
		return "", false
	}
	n, ok := new(big.Rat).SetString(s)
	if !ok {
		return "", false
	}
	return scalar{kind: kindNumber, num: n, text: s}.numberAs(t)
}

// timeLayouts are the date and timestamp spellings a string value may use;
// without a zone it is a wall time, with one an instant.
var timeLayouts = []string{
	"2006-01-02",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999-07",
}

func parseTime(s string) (time.Time, bool) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

var unitOf = map[arrow.TimeUnit]time.Duration{
	arrow.Second: time.Second, arrow.Millisecond: time.Millisecond, arrow.Microsecond: time.Microsecond, arrow.Nanosecond: time.Nanosecond,
}

func (v scalar) timeAs(t arrow.DataType) (string, bool) {
	switch t := t.(type) {
	case *arrow.TimestampType:
		if v.t.Truncate(unitOf[t.Unit]) != v.t {
			return "", false // finer than the type holds
		}
		// The UTC wall time, marked as UTC for a zoned type.
		if t.TimeZone != "" {
			return v.t.Format(timestampLayout) + "+00", true
		}
		return v.t.Format(timestampLayout), true
	}
	switch {
	case t.ID() == arrow.DATE32:
		if v.t.Truncate(24*time.Hour) != v.t {
			return "", false
		}
		return v.t.Format(dateLayout), true
	case isString(t):
		return v.String(), true
	}
	return "", false
}

const (
	dateLayout      = "2006-01-02"
	timestampLayout = "2006-01-02 15:04:05.999999999"
)

// BlobBytes reads the text of a BINARY literal (blobText) back to bytes.
func BlobBytes(text string) []byte {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		if text[i] == '\\' && i+3 < len(text) && text[i+1] == 'x' {
			if n, err := strconv.ParseUint(text[i+2:i+4], 16, 8); err == nil {
				out = append(out, byte(n))
				i += 3
				continue
			}
		}
		out = append(out, text[i])
	}
	return out
}

// blobText spells bytes as the renderer's BLOB literal text: printable
// ASCII as itself, every other byte (and the backslash) as \xNN.
func blobText(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		if c >= 0x20 && c < 0x7f && c != '\\' {
			sb.WriteByte(c)
		} else {
			fmt.Fprintf(&sb, `\x%02X`, c)
		}
	}
	return sb.String()
}
