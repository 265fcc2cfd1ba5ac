package coordinator

import (
	"context"

	"github.com/quiverdb/quiver/coordinator/binder"
)

// Databases lists the schemas a session can name, virtual ones included, as
// SHOW DATABASES and GetDbSchemas list them.
func (c *Coordinator) Databases(ctx context.Context, sess *Session) ([]string, error) {
	b, err := c.metadataBinder(ctx, sess)
	if err != nil {
		return nil, err
	}
	return b.Databases(ctx)
}

// Relations lists the tables, views and virtual tables of database db (of
// every database when db is empty), as information_schema.tables and
// GetTables list them: with their columns, a view's only when viewColumns
// (see binder.Relations).
func (c *Coordinator) Relations(ctx context.Context, sess *Session, db string, viewColumns bool) ([]binder.Relation, error) {
	b, err := c.metadataBinder(ctx, sess)
	if err != nil {
		return nil, err
	}
	return b.Relations(ctx, db, viewColumns)
}

// metadataBinder binds listings against what the session's principal may
// see (privileges.go).
func (c *Coordinator) metadataBinder(ctx context.Context, sess *Session) (*binder.Binder, error) {
	cat, err := c.visible(ctx, sess, c.cat)
	if err != nil {
		return nil, err
	}
	return binder.New(cat, sess.Database()).WithEnv(c.env(sess)), nil
}
