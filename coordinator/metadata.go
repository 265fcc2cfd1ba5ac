package coordinator

import (
	"context"

	"github.com/quiverdb/quiver/coordinator/binder"
)

// Databases lists the schemas a session can name, virtual ones included, as
// SHOW DATABASES and GetDbSchemas list them.
func (c *Coordinator) Databases(ctx context.Context, sess *Session) ([]string, error) {
	return c.metadataBinder(sess).Databases(ctx)
}

// Relations lists the tables, views and virtual tables of database db (of
// every database when db is empty), as information_schema.tables and
// GetTables list them: with their columns, a view's only when viewColumns
// (see binder.Relations).
func (c *Coordinator) Relations(ctx context.Context, sess *Session, db string, viewColumns bool) ([]binder.Relation, error) {
	return c.metadataBinder(sess).Relations(ctx, db, viewColumns)
}

func (c *Coordinator) metadataBinder(sess *Session) *binder.Binder {
	return binder.New(c.cat, sess.Database(), 1).WithEnv(c.env(sess))
}
