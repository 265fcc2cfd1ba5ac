package coordinator

import (
	"context"
	"errors"
	"sync"

	"go.uber.org/zap"
	"golang.org/x/crypto/bcrypt"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/qerr"
)

// AdminUser is the bootstrap administrator, created at the first start
// with password authentication (BootstrapAdmin).
const AdminUser = "admin"

// passwordCost is bcrypt's work factor: about 50 ms a hash on this
// project's machines, which is what makes a stolen catalog slow to crack
// (and why tokens, not passwords, authenticate each call).
const passwordCost = bcrypt.DefaultCost

// errLogin is the one answer to a failed login, whether the user is unknown
// or the password wrong, so that a caller cannot tell which.
var errLogin = qerr.ErrUnauthorized.New("invalid user name or password")

// dummyHash is compared against when the user is unknown, so that an
// unknown user takes as long to refuse as a wrong password.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("quiver: no such user"), passwordCost)

// hashPassword is the stored hash of a password. bcrypt reads at most 72
// bytes: a longer password is refused rather than silently cut.
func hashPassword(password string) ([]byte, error) {
	if password == "" {
		return nil, qerr.ErrInvalid.New("the password is empty")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), passwordCost)
	if errors.Is(err, bcrypt.ErrPasswordTooLong) {
		return nil, qerr.ErrInvalid.New("the password is longer than 72 bytes")
	}
	if err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "hash password")
	}
	return h, nil
}

// Authenticate checks a user's password and returns the user. Any failure,
// an unknown user included, is the same ErrUnauthorized.
func (c *Coordinator) Authenticate(ctx context.Context, name, password string) (*catalog.User, error) {
	u, err := c.cat.GetUser(ctx, name)
	if err != nil {
		if !qerr.Has(err, qerr.ErrNotFound) {
			return nil, err
		}
		_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
		return nil, errLogin
	}
	if bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(password)) != nil {
		return nil, errLogin
	}
	return u, nil
}

// User returns the user named name (ErrNotFound if there is none): what a
// token verifier compares a token's user version with.
func (c *Coordinator) User(ctx context.Context, name string) (*catalog.User, error) {
	return c.cat.GetUser(ctx, name)
}

// BootstrapAdmin makes sure the administrator AdminUser exists. Without
// one it is created with password; with one whose password differs, the
// password is replaced (a password given at start is the one that works,
// which is how a lost one is reset). It reports whether it created the
// user.
func (c *Coordinator) BootstrapAdmin(ctx context.Context, password string) (created bool, err error) {
	u, err := c.cat.GetUser(ctx, AdminUser)
	switch {
	case err == nil:
		if bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(password)) == nil {
			return false, nil
		}
		h, err := hashPassword(password)
		if err != nil {
			return false, err
		}
		c.log.Info("admin password reset from the start-up password")
		return false, c.cat.AlterUser(ctx, AdminUser, h, false)
	case !qerr.Has(err, qerr.ErrNotFound):
		return false, err
	}
	h, err := hashPassword(password)
	if err != nil {
		return false, err
	}
	return true, c.cat.CreateUser(ctx, &catalog.User{Name: AdminUser, PasswordHash: h, Admin: true}, false)
}

// HasUser reports whether a user named name exists.
func (c *Coordinator) HasUser(ctx context.Context, name string) (bool, error) {
	_, err := c.cat.GetUser(ctx, name)
	if qerr.Has(err, qerr.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// runUsers runs CREATE USER, ALTER USER and DROP USER; handled is false
// for any other statement. Only an administrator manages users; any user
// may change its own password (ALTER USER USER() or its own name). The
// changes take effect at once, inside a transaction too (as MySQL's
// implicit commit of account statements). A statement of several users
// stops at the first failure, the users before it changed.
func (c *Coordinator) runUsers(ctx context.Context, sess *Session, stmt binder.Statement) (handled bool, err error) {
	switch s := stmt.(type) {
	case *binder.CreateUser:
		if err := requireAdmin(sess, "CREATE USER"); err != nil {
			return true, err
		}
		for _, u := range s.Users {
			if u.Name == AnonymousUser {
				return true, qerr.ErrInvalid.New("user name %s is reserved", u.Name)
			}
			if err := c.refuseRoleName(ctx, u.Name); err != nil {
				return true, err
			}
			h, err := hashPassword(u.Password)
			if err != nil {
				return true, err
			}
			if err := c.cat.CreateUser(ctx, &catalog.User{Name: u.Name, PasswordHash: h}, s.IfNotExists); err != nil {
				return true, err
			}
			c.log.Info("user created", zap.String("user", u.Name), zap.String("by", sess.User()))
		}
		return true, nil
	case *binder.AlterUser:
		for _, u := range s.Users {
			name := u.Name
			if name == "" {
				name = sess.User()
			}
			if name != sess.User() {
				if err := requireAdmin(sess, "ALTER USER of another user"); err != nil {
					return true, err
				}
			}
			h, err := hashPassword(u.Password)
			if err != nil {
				return true, err
			}
			if err := c.cat.AlterUser(ctx, name, h, s.IfExists); err != nil {
				return true, err
			}
			c.log.Info("user password changed", zap.String("user", name), zap.String("by", sess.User()))
		}
		return true, nil
	case *binder.DropUser:
		if err := requireAdmin(sess, "DROP USER"); err != nil {
			return true, err
		}
		for _, name := range s.Names {
			if name == "" {
				name = sess.User()
			}
			if name == AdminUser {
				return true, qerr.ErrInvalid.New("the bootstrap administrator %s cannot be dropped", AdminUser)
			}
			if err := c.cat.DropUser(ctx, name, s.IfExists); err != nil {
				return true, err
			}
			if err := c.dropGrantee(ctx, name); err != nil {
				return true, err
			}
			c.log.Info("user dropped", zap.String("user", name), zap.String("by", sess.User()))
		}
		return true, nil
	}
	return false, nil
}

// requireAdmin refuses what only an administrator may do.
func requireAdmin(sess *Session, what string) error {
	if sess.Admin() {
		return nil
	}
	return qerr.ErrDenied.New("%s needs an administrator; %s is not one", what, sess.User())
}

// userQueries counts each user's running queries against
// Config.MaxQueriesPerUser. Its zero value is ready to use.
type userQueries struct {
	mu      sync.Mutex
	running map[string]int
}

// admit counts one more running query of user, or refuses it with
// ErrTooLarge (RESOURCE_EXHAUSTED) when the user runs max already (0: no
// limit). The caller calls release once the query's tasks ended.
func (q *userQueries) admit(user string, max int) (release func(), err error) {
	if max <= 0 {
		return func() {}, nil
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.running[user] >= max {
		name := user
		if name == "" {
			name = AnonymousUser
		}
		return nil, qerr.ErrTooLarge.New("user %s runs %d queries already, the most allowed (--max-queries-per-user): wait for one to finish or cancel one", name, q.running[user])
	}
	if q.running == nil {
		q.running = map[string]int{}
	}
	q.running[user]++
	var once sync.Once
	return func() {
		once.Do(func() {
			q.mu.Lock()
			defer q.mu.Unlock()
			if q.running[user]--; q.running[user] <= 0 {
				delete(q.running, user)
			}
		})
	}, nil
}

// userKey is the context key of the user a statement runs for.
type userKey struct{}

// withUser returns ctx carrying the user a statement runs for: its result
// tickets name it, and its queries count against its limit.
func withUser(ctx context.Context, user string) context.Context {
	return context.WithValue(ctx, userKey{}, user)
}

// userOf is the user ctx carries (withUser); "" for the anonymous user of
// a server without authentication, whose tickets name nobody.
func userOf(ctx context.Context) string {
	u, _ := ctx.Value(userKey{}).(string)
	return u
}
