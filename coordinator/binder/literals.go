package binder

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	driver "github.com/pingcap/tidb/pkg/parser/test_driver"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Hexadecimal and bit literals (x'303132', 0x303132, b'0101', 0b0101) are
// binary strings in MySQL that read as an unsigned integer in numeric
// context. The binder decides the context from the operator: an operand of
// arithmetic, or compared with (or IN, BETWEEN against) a number, or a
// value inserted into a numeric column, is the number; anywhere else it is
// the string its bytes spell.

// binaryLiteral is the AST node of a hex or bit literal, or nil.
func binaryLiteral(n ast.ExprNode) *driver.ValueExpr {
	if v, ok := unparen(n).(*driver.ValueExpr); ok && v.Kind() == driver.KindBinaryLiteral {
		return v
	}
	return nil
}

// binaryString binds a hex or bit literal in string context: a string of
// its bytes, which must be UTF-8 text (Quiver has no binary string type in
// expressions).
func binaryString(v *driver.ValueExpr) (stage.Expr, error) {
	bytes := []byte(v.GetBinaryLiteral())
	if !utf8.Valid(bytes) {
		return nil, qerr.ErrUnsupported.New("literal %s as a string: its bytes are not UTF-8 text (use it as a number, e.g. %s + 0)", restore(v), restore(v))
	}
	return &stage.Literal{Text: string(bytes), T: arrow.BinaryTypes.String}, nil
}

// binaryNumber binds a hex or bit literal in numeric context: the integer
// its bytes spell, big-endian; a BIGINT where it fits (MySQL's BIGINT
// UNSIGNED would make 0x01 - 2 an out-of-range error), else unsigned.
func binaryNumber(v *driver.ValueExpr) (stage.Expr, error) {
	var n uint64
	for i, c := range []byte(v.GetBinaryLiteral()) {
		if n>>56 != 0 {
			return nil, qerr.ErrInvalid.New("literal %s is too large for a number (more than 8 bytes from byte %d)", restore(v), i)
		}
		n = n<<8 | uint64(c)
	}
	if n > math.MaxInt64 {
		return &stage.Literal{Text: strconv.FormatUint(n, 10), T: arrow.PrimitiveTypes.Uint64}, nil
	}
	return &stage.Literal{Text: strconv.FormatUint(n, 10), T: arrow.PrimitiveTypes.Int64}, nil
}

// binaryStored binds a hex or bit literal stored into a column of type t
// (an INSERT's value): the number where the column is numeric, or BOOLEAN
// (MySQL's BOOLEAN is a TINYINT), and the string otherwise.
func binaryStored(v *driver.ValueExpr, t arrow.DataType) (stage.Expr, error) {
	if isNumeric(t) || t.ID() == arrow.BOOL {
		return binaryNumber(v)
	}
	return binaryString(v)
}

// operands binds the two sides of a binary operator. A hex or bit literal
// among them is a number where numeric is set (arithmetic) or where the
// other side is a number, and a string otherwise.
func (b *Binder) operands(l, r ast.ExprNode, numeric bool, sub func(ast.ExprNode) (stage.Expr, error)) (stage.Expr, stage.Expr, error) {
	out, err := b.contextual([]ast.ExprNode{l, r}, numeric, sub)
	if err != nil {
		return nil, nil, err
	}
	return out[0], out[1], nil
}

// contextual binds expressions compared with each other (an operator's
// operands, IN's value and items, BETWEEN's three): the other expressions
// are bound first, and each hex or bit literal becomes a number when
// numeric is set or any of them is a number.
func (b *Binder) contextual(ns []ast.ExprNode, numeric bool, sub func(ast.ExprNode) (stage.Expr, error)) ([]stage.Expr, error) {
	out := make([]stage.Expr, len(ns))
	for i, n := range ns {
		if binaryLiteral(n) != nil {
			continue
		}
		e, err := sub(n)
		if err != nil {
			return nil, err
		}
		out[i] = e
		numeric = numeric || isNumeric(e.Type()) && e.Type().ID() != arrow.BOOL
	}
	for i, n := range ns {
		v := binaryLiteral(n)
		if v == nil {
			continue
		}
		var err error
		if numeric {
			out[i], err = binaryNumber(v)
		} else {
			out[i], err = binaryString(v)
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
