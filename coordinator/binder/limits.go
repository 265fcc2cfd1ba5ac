package binder

import (
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/qerr"
)

// Limits bound what one statement may ask of the front end. Every later
// layer (binder, optimizer, renderer, the task spec's JSON codec, DuckDB's
// own parser) recurses over the expression tree, so the depth is checked
// once, right after parsing, by a walk that itself never recurses deeper
// than the limit: a statement past it is refused before anything can
// overflow a stack.
type Limits struct {
	// MaxStatementBytes is the longest SQL text accepted.
	MaxStatementBytes int
	// MaxDepth is the deepest nesting of AST nodes accepted: a chain of
	// 1,000 binary operators, 1,000 nested calls or subqueries. DuckDB's
	// max_expression_depth is 1000 by default too.
	MaxDepth int
	// MaxSetOperands is the most SELECTs one UNION, INTERSECT or EXCEPT
	// chain may combine. The parser keeps a chain flat, so the depth
	// limit does not see it, but DuckDB's planning time grows faster than
	// the square of the operands (1,000 UNION ALL branches of a constant
	// take it about 40 s): a longer chain is refused rather than left to
	// keep a worker busy long after its client gave up.
	MaxSetOperands int
}

// DefaultLimits are the limits of a coordinator that sets none.
var DefaultLimits = Limits{MaxStatementBytes: 1 << 20, MaxDepth: 1000, MaxSetOperands: 256}

// check refuses sql before parsing when it is too long.
func (l Limits) checkLength(sql string) error {
	if l.MaxStatementBytes > 0 && len(sql) > l.MaxStatementBytes {
		return qerr.ErrTooLarge.New("statement of %d bytes exceeds the limit of %d bytes (--max-statement-bytes)", len(sql), l.MaxStatementBytes)
	}
	return nil
}

// checkDepth refuses a statement nested deeper than MaxDepth.
func (l Limits) checkDepth(stmt ast.StmtNode) error {
	if l.MaxDepth <= 0 {
		return nil
	}
	v := &depthVisitor{max: l.MaxDepth, maxOperands: l.MaxSetOperands}
	stmt.Accept(v)
	if v.exceeded {
		return qerr.ErrTooLarge.New("statement nests expressions deeper than %d levels; flatten it (an IN list instead of an OR chain, fewer nested calls)", l.MaxDepth)
	}
	if v.operands > 0 {
		return qerr.ErrTooLarge.New("a set operation of %d SELECTs exceeds the limit of %d (--max-set-operands); load the rows into a table, or use VALUES", v.operands, l.MaxSetOperands)
	}
	return nil
}

// depthVisitor measures nesting; past max it stops descending, so the walk's
// own recursion is bounded by max. It also finds a set operation with more
// than maxOperands SELECTs (operands: how many; 0 when none has).
type depthVisitor struct {
	depth, max  int
	exceeded    bool
	maxOperands int
	operands    int
}

func (v *depthVisitor) Enter(n ast.Node) (ast.Node, bool) {
	if l, ok := n.(*ast.SetOprSelectList); ok && v.maxOperands > 0 && len(l.Selects) > v.maxOperands {
		v.operands = len(l.Selects)
		return n, true
	}
	v.depth++
	if v.depth > v.max {
		v.exceeded = true
		return n, true
	}
	return n, v.exceeded
}

func (v *depthVisitor) Leave(n ast.Node) (ast.Node, bool) {
	v.depth--
	return n, true
}
