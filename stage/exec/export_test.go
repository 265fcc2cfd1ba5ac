package exec

import "github.com/quiverdb/quiver/stage"

// SetRender replaces stage.RenderTask on w, so that tests run hand-written
// SQL. Only tests can call it.
func SetRender(w *Worker, f func(*stage.TaskSpec, stage.RenderEnv) (string, error)) {
	w.render = f
}
