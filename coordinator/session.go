package coordinator

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/qerr"
)

// Version is the server's version, as version() and GetSqlInfo report it.
const Version = "0.1.0"

// AnonymousUser is the user of a session that authenticated as nobody.
const AnonymousUser = "anonymous"

// Session is one client's state across statements: who it is, its current
// database and its options. flightsrv keeps one per Flight SQL session and
// passes it to every statement; a call outside any session gets a fresh
// default one. A Session is safe for concurrent use: a client may run
// statements in parallel.
type Session struct {
	mu       sync.Mutex
	user     string
	admin    bool // may manage users (and, with grants, everything)
	database string
	// timeout bounds each query of the session; 0 is the server's
	// statement timeout.
	timeout time.Duration
	// parallelism caps the tasks of a fragment (the workers a query runs
	// on); 0 is every live worker.
	parallelism int
}

// NewSession returns a session of user, an administrator if admin, with
// the default database current.
func NewSession(user string, admin bool) *Session {
	return &Session{user: user, admin: admin, database: catalog.DefaultDatabase}
}

// User is the principal the session belongs to.
func (s *Session) User() string { return s.user }

// Admin reports whether the session's user is an administrator.
func (s *Session) Admin() bool { return s.admin }

// Database is the session's current database: where unqualified names bind.
func (s *Session) Database() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.database
}

// SetDatabase makes db the current database (USE db).
func (s *Session) SetDatabase(db string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.database = db
}

// Session options, as Flight SQL's SetSessionOptions and SQL's SET name them.
const (
	OptionCatalog          = "catalog"           // the one catalog, binder.CatalogName
	OptionSchema           = "schema"            // the current database
	OptionStatementTimeout = "statement_timeout" // seconds (a number) or a duration ("90s", "5m")
	OptionParallelism      = "parallelism"       // tasks per fragment at most; 0 for every live worker
)

// Options are the session's options by name: catalog and schema as strings,
// statement_timeout as seconds (float64), parallelism as an int64.
func (c *Coordinator) Options(sess *Session) map[string]any {
	sess.mu.Lock()
	defer sess.mu.Unlock()
	return map[string]any{
		OptionCatalog:          binder.CatalogName,
		OptionSchema:           sess.database,
		OptionStatementTimeout: c.statementTimeout(sess).Seconds(),
		OptionParallelism:      int64(sess.parallelism),
	}
}

// SetOption validates one option's value and applies it to the session. A
// value arrives as the client typed it: a string, int64, float64 or bool.
// An unknown name is ErrNotFound, a value the option cannot take ErrInvalid.
func (c *Coordinator) SetOption(ctx context.Context, sess *Session, name string, value any) error {
	switch strings.ToLower(name) {
	case OptionCatalog:
		if s, ok := value.(string); !ok || !strings.EqualFold(s, binder.CatalogName) {
			return qerr.ErrInvalid.New("catalog %v: the only catalog is %s", value, binder.CatalogName)
		}
		return nil
	case OptionSchema:
		s, ok := value.(string)
		if !ok {
			return qerr.ErrInvalid.New("schema %v is not a name", value)
		}
		dbs, err := c.Databases(ctx, sess)
		if err != nil {
			return err
		}
		for _, d := range dbs {
			if strings.EqualFold(d, s) {
				sess.SetDatabase(d)
				return nil
			}
		}
		return qerr.ErrNotFound.New("database %s does not exist", s)
	case OptionStatementTimeout:
		d, err := parseTimeout(value)
		if err != nil {
			return err
		}
		if d > c.cfg.QueryTimeout {
			return qerr.ErrInvalid.New("statement_timeout %s is above the server's limit of %s", d, c.cfg.QueryTimeout)
		}
		sess.mu.Lock()
		sess.timeout = d
		sess.mu.Unlock()
		return nil
	case OptionParallelism:
		n, err := parseCount(value)
		if err != nil {
			return qerr.ErrInvalid.Wrap(err, "parallelism %v", value)
		}
		sess.mu.Lock()
		sess.parallelism = n
		sess.mu.Unlock()
		return nil
	}
	return qerr.ErrNotFound.New("unknown session option %s", name)
}

// parseTimeout reads a statement timeout: seconds as a number or numeric
// text, or a Go duration ("1m30s"). 0 is the server's default.
func parseTimeout(value any) (time.Duration, error) {
	var secs float64
	switch v := value.(type) {
	case int64:
		secs = float64(v)
	case float64:
		secs = v
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			d, derr := time.ParseDuration(strings.TrimSpace(v))
			if derr != nil {
				return 0, qerr.ErrInvalid.New("statement_timeout %q is neither seconds nor a duration such as 90s", v)
			}
			f = d.Seconds()
		}
		secs = f
	default:
		return 0, qerr.ErrInvalid.New("statement_timeout %v is neither seconds nor a duration", value)
	}
	if secs < 0 || secs != secs {
		return 0, qerr.ErrInvalid.New("statement_timeout %v is negative", value)
	}
	return time.Duration(secs * float64(time.Second)), nil
}

// parseCount reads a non-negative integer given as a number or as text.
func parseCount(value any) (int, error) {
	var n int64
	switch v := value.(type) {
	case int64:
		n = v
	case float64:
		if v != float64(int64(v)) {
			return 0, qerr.ErrInvalid.New("not a whole number")
		}
		n = int64(v)
	case string:
		var err error
		if n, err = strconv.ParseInt(strings.TrimSpace(v), 10, 32); err != nil {
			return 0, qerr.ErrInvalid.New("not a whole number")
		}
	default:
		return 0, qerr.ErrInvalid.New("not a whole number")
	}
	if n < 0 || n > 1<<20 {
		return 0, qerr.ErrInvalid.New("out of range")
	}
	return int(n), nil
}

// statementTimeout is what bounds the session's queries: its own timeout,
// else the server's. The caller holds sess.mu.
func (c *Coordinator) statementTimeout(sess *Session) time.Duration {
	if sess.timeout > 0 {
		return sess.timeout
	}
	return c.cfg.QueryTimeout
}

// env is the binder's view of the session: user, version and variables.
func (c *Coordinator) env(sess *Session) binder.Env {
	user := sess.User()
	if user == "" {
		user = AnonymousUser
	}
	opts := c.Options(sess)
	principal, _ := c.principal(sess)
	return binder.Env{
		User:      user,
		Principal: principal,
		Version:   Version,
		Variables: []binder.Variable{
			{Name: OptionParallelism, Value: strconv.FormatInt(opts[OptionParallelism].(int64), 10)},
			{Name: OptionStatementTimeout, Value: strconv.FormatFloat(opts[OptionStatementTimeout].(float64), 'f', -1, 64)},
			{Name: "version", Value: Version},
			{Name: "version_comment", Value: "Quiver"},
		},
		Schemas: []binder.VirtualSchema{systemSchema{c: c, sess: sess}},
	}
}

// runSession applies a statement that changes the session (USE, SET) or
// its users (users.go); handled is false for any other statement.
func (c *Coordinator) runSession(ctx context.Context, sess *Session, stmt binder.Statement) (handled bool, err error) {
	if handled, err := c.runUsers(ctx, sess, stmt); handled {
		return true, err
	}
	switch s := stmt.(type) {
	case *binder.Use:
		sess.SetDatabase(s.Database)
		return true, nil
	case *binder.SetVariables:
		// Validate every assignment on a copy first: SET applies all or none.
		trial := &Session{user: sess.user, admin: sess.admin, database: sess.Database()}
		sess.mu.Lock()
		trial.timeout, trial.parallelism = sess.timeout, sess.parallelism
		sess.mu.Unlock()
		for _, a := range s.Assignments {
			if err := c.SetOption(ctx, trial, a.Name, a.Value); err != nil {
				if qerr.Has(err, qerr.ErrNotFound) && !strings.EqualFold(a.Name, OptionSchema) {
					return true, qerr.ErrNotFound.New("unknown system variable %s", a.Name)
				}
				return true, err
			}
		}
		sess.mu.Lock()
		sess.database, sess.timeout, sess.parallelism = trial.database, trial.timeout, trial.parallelism
		sess.mu.Unlock()
		return true, nil
	}
	return false, nil
}

// statementTimeoutKey is the context key of a statement's timeout.
type statementTimeoutKey struct{}

// withLimits returns ctx carrying the session's statement timeout, which
// launch applies to the query it starts (the query outlives the RPC, so
// the bound cannot be the RPC's deadline), and its user, whose query limit
// launch applies and whom result tickets name.
func (c *Coordinator) withLimits(ctx context.Context, sess *Session) context.Context {
	ctx = withUser(ctx, sess.User())
	sess.mu.Lock()
	defer sess.mu.Unlock()
	return context.WithValue(ctx, statementTimeoutKey{}, c.statementTimeout(sess))
}

// queryTimeout is the statement timeout ctx carries, else the server's.
func (c *Coordinator) queryTimeout(ctx context.Context) time.Duration {
	if d, ok := ctx.Value(statementTimeoutKey{}).(time.Duration); ok {
		return d
	}
	return c.cfg.QueryTimeout
}

// sessionWorkers caps the live workers a session's query is planned for at
// its parallelism.
func sessionWorkers(sess *Session, live []*Member) []*Member {
	sess.mu.Lock()
	defer sess.mu.Unlock()
	if sess.parallelism > 0 && sess.parallelism < len(live) {
		return live[:sess.parallelism]
	}
	return live
}
