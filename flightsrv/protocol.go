package flightsrv

import (
	"encoding/hex"
	"strings"
	"time"

	"github.com/quiverdb/quiver/stage"
)

// The cluster's own protocol, beside Flight SQL: the actions, headers and
// bodies that nodes send each other. Tickets and handles are sealed by
// stage.TicketSigner (the coordinator seals them and cannot import this
// package); stage.TicketPrefix tells a sealed ticket from a Flight SQL one.

// DefaultMaxMessageBytes is the gRPC message limit Quiver sets on its
// clients and servers where nothing else is configured (gRPC's default of
// 4 MB is too small for 64K-row batches).
const DefaultMaxMessageBytes = 256 << 20

// AuthHeader is the gRPC metadata key of credentials, both ways: "Basic
// base64(user:password)" or "Bearer <token>" from a client, "Bearer
// <token>" back to it after a login, BearerSecret between nodes.
const AuthHeader = "authorization"

// The AuthHeader schemes Quiver reads (case-insensitively) and writes.
const (
	basicScheme  = "Basic"
	bearerScheme = "Bearer"
)

// bearer is the AuthHeader value that presents cred as a bearer credential.
func bearer(cred string) string { return bearerScheme + " " + cred }

// splitAuth reads an AuthHeader value as "<scheme> <credential>".
func splitAuth(v string) (scheme, cred string) {
	scheme, cred, _ = strings.Cut(strings.TrimSpace(v), " ")
	return scheme, strings.TrimLeft(cred, " ")
}

// BearerSecret is the AuthHeader value that carries the cluster secret,
// "Bearer <hex secret>": what every node-to-node call presents.
func BearerSecret(secret []byte) string { return bearer(hex.EncodeToString(secret)) }

// Flight action types. Every action carries the cluster secret.
const (
	// ActionRunTask starts a stage.TaskSpec on a worker. Its result stream
	// sends one empty message once the task's output buffers exist, then a
	// stage.TaskStatsSpec when it has finished; a failed task ends the
	// stream with an error status.
	ActionRunTask = "quiver.run_task"
	// ActionCancelQuery stops every task of a query on a worker and frees
	// its buffers (CancelSpec).
	ActionCancelQuery = "quiver.cancel_query"
	// ActionRenewQuery moves the deadline of a query's tasks and buffers on
	// a worker (RenewSpec): RenewFlightEndpoint keeps a result fetchable
	// longer.
	ActionRenewQuery = "quiver.renew_query"
	// ActionStats answers what a worker holds now as one JSON exec.Stats:
	// what tests and operators check to see a worker back at rest.
	ActionStats = "quiver.stats"
	// ActionLoad answers what a worker holds and what its DuckDB database
	// uses as one JSON exec.Load: what the coordinator's console and
	// system.workers show of each worker.
	ActionLoad = "quiver.load"
	// ActionHeartbeat is the action a worker sends the coordinator every
	// heartbeat interval (HeartbeatSpec).
	ActionHeartbeat = "quiver.heartbeat"
)

// CancelSpec is ActionCancelQuery's body.
type CancelSpec struct {
	Query stage.QueryID `json:"query"`
	// Attempt, when set, cancels the query's attempts up to it only: the
	// coordinator gave them up for a later one (exec.Worker.CancelAttempt).
	Attempt int `json:"attempt,omitempty"`
	// Tasks, when set, cancels those task attempts only: the coordinator
	// runs them again elsewhere, or released their retained output
	// (exec.Worker.CancelTasks).
	Tasks []stage.TaskAttempt `json:"tasks,omitempty"`
	// Reason is why: what readers of the query's results get instead of
	// their rows. nil means a plain cancellation.
	Reason *ErrorSpec `json:"reason,omitempty"`
}

// RenewSpec is ActionRenewQuery's body.
type RenewSpec struct {
	Query stage.QueryID `json:"query"`
	Until time.Time     `json:"until"`
}

// HeartbeatSpec is ActionHeartbeat's body.
type HeartbeatSpec struct {
	Addr string `json:"addr"` // the worker's Flight address, as others reach it
	// Incarnation names the worker's process: a new one on the same
	// address is a restart, which the coordinator connects to anew.
	Incarnation string `json:"incarnation,omitempty"`
}
