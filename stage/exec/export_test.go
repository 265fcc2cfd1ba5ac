package exec

import (
	"context"

	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// SetRender replaces duck.RenderTask on w, so that tests run hand-written
// SQL. Only tests can call it.
func SetRender(w *Worker, f func(*stage.TaskSpec, duck.RenderEnv) (string, error)) {
	w.render = f
}

// ExecSQL runs one statement on a new connection of e, its error as a
// task's would be (duckError).
func ExecSQL(ctx context.Context, e *Engine, sql string) error {
	conn, release, err := e.connect(ctx)
	if err != nil {
		return err
	}
	defer release()
	return duckError(execSQL(ctx, conn, sql), "run statement")
}
