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
}

// DefaultLimits are the limits of a coordinator that sets none.
var DefaultLimits = Limits{MaxStatementBytes: 1 << 20, MaxDepth: 1000}

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
	v := &depthVisitor{max: l.MaxDepth}
	stmt.Accept(v)
	if v.exceeded {
		return qerr.ErrTooLarge.New("statement nests expressions deeper than %d levels; flatten it (an IN list instead of an OR chain, fewer nested calls)", l.MaxDepth)
	}
	return nil
}

// depthVisitor measures nesting; past max it stops descending, so the walk's
// own recursion is bounded by max.
type depthVisitor struct {
	depth, max int
	exceeded   bool
}

func (v *depthVisitor) Enter(n ast.Node) (ast.Node, bool) {
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
