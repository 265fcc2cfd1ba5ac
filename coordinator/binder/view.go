package binder

import (
	"context"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
)

// maxViewDepth bounds views defined over views, and so a view that reaches
// itself through others.
const maxViewDepth = 32

// bindCreateView checks a view's query by binding it, and stores its text.
func (b *Binder) bindCreateView(ctx context.Context, s *ast.CreateViewStmt) (Statement, error) {
	q, ok := s.Select.(ast.ResultSetNode)
	if !ok {
		return nil, qerr.ErrInvalid.New("CREATE VIEW needs a query")
	}
	p, err := b.bindQuery(ctx, q)
	if err != nil {
		return nil, err
	}
	v := &catalog.View{Database: b.dbName(s.ViewName), Name: s.ViewName.Name.O, Owner: b.env.Principal}
	if n := len(s.Cols); n > 0 {
		if n != p.Schema().NumFields() {
			return nil, qerr.ErrInvalid.New("view %s names %d columns, its query has %d", v.Name, n, p.Schema().NumFields())
		}
		for _, c := range s.Cols {
			v.Columns = append(v.Columns, c.O)
		}
	}
	var sb strings.Builder
	rctx := format.NewRestoreCtx(format.RestoreStringSingleQuotes|format.RestoreNameBackQuotes|format.RestoreKeyWordUppercase, &sb)
	if err := s.Select.Restore(rctx); err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "restore view %s", v.Name)
	}
	v.SQL = sb.String()
	return &CreateView{View: v, OrReplace: s.OrReplace}, nil
}

// viewSource expands a view where it is referenced: its query is parsed
// and bound like a derived table named after the view.
func (b *Binder) viewSource(ctx context.Context, v *catalog.View, alias string) (logical.Plan, *scope, error) {
	if b.viewDepth >= maxViewDepth {
		return nil, nil, qerr.ErrInvalid.New("view %s nests more than %d views deep (a cycle?)", v.Name, maxViewDepth)
	}
	stmt, err := Parse(v.SQL)
	if err != nil {
		return nil, nil, qerr.ErrInternal.Wrap(err, "stored query of view %s.%s", v.Database, v.Name)
	}
	q, ok := stmt.(ast.ResultSetNode)
	if !ok {
		return nil, nil, qerr.ErrInternal.New("view %s.%s holds no query", v.Database, v.Name)
	}
	// The reader needs SELECT on the view; what the view reads needs its
	// owner's privileges (its reader's, for a view without an owner).
	b.need(catalog.PrivSelect, v.Database, v.Name)
	// A view's names resolve in its own database, and not against the
	// referencing query's CTEs.
	savedDB, savedCTEs, savedDefiner, savedVia := b.db, b.ctes, b.definer, b.via
	b.db, b.ctes = v.Database, nil
	if v.Owner != "" {
		b.definer, b.via = v.Owner, v.Database+"."+v.Name
	}
	b.viewDepth++
	p, err := b.bindQuery(ctx, q)
	b.viewDepth--
	b.db, b.ctes, b.definer, b.via = savedDB, savedCTEs, savedDefiner, savedVia
	if err != nil {
		return nil, nil, err
	}
	if alias == "" {
		alias = strings.ToLower(v.Name)
	}
	var names []ast.CIStr
	for _, c := range v.Columns {
		names = append(names, ast.NewCIStr(c))
	}
	return p, scopeOf(p, alias, names), nil
}
