package catalog

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/quiverdb/quiver/qerr"
)

// User is a principal that may log in. The catalog stores its password
// hash only (the coordinator hashes and checks passwords).
type User struct {
	// Name is case-sensitive, as MySQL's user names are.
	Name string
	// PasswordHash is a salted, slow hash of the password (bcrypt).
	PasswordHash []byte
	// Admin may do everything, users included.
	Admin bool
	// Version changes on every CreateUser and AlterUser and is never
	// handed out twice, not even to a user dropped and created again: a
	// token that names another version than the stored one is revoked.
	Version uint64
	Created time.Time
}

// Users live in their own top-level bucket, created on the first CreateUser:
// name -> JSON userRecord. Its sequence hands out user versions; the bucket
// is never deleted, so a version is never reused.
var bucketUsers = []byte("users")

// maxUserNameLen is MySQL's limit on user names, in characters.
const maxUserNameLen = 32

type userRecord struct {
	Name         string    `json:"name"`
	PasswordHash []byte    `json:"password_hash"`
	Admin        bool      `json:"admin,omitempty"`
	Version      uint64    `json:"version"`
	Created      time.Time `json:"created"`
}

func (r *userRecord) decode() *User {
	return &User{Name: r.Name, PasswordHash: r.PasswordHash, Admin: r.Admin, Version: r.Version, Created: r.Created}
}

// ValidateUserName checks a user name: non-empty UTF-8 of at most 32
// characters without ':' (Basic credentials end the name at the first
// colon), control characters or surrounding spaces.
func ValidateUserName(name string) error {
	switch {
	case name == "":
		return qerr.ErrInvalid.New("user name is empty")
	case !utf8.ValidString(name):
		return qerr.ErrInvalid.New("user name %q is not valid UTF-8", name)
	case utf8.RuneCountInString(name) > maxUserNameLen:
		return qerr.ErrInvalid.New("user name %q is longer than %d characters", name, maxUserNameLen)
	case strings.ContainsRune(name, ':'):
		return qerr.ErrInvalid.New("user name %q contains ':'", name)
	case strings.TrimSpace(name) != name:
		return qerr.ErrInvalid.New("user name %q starts or ends with a space", name)
	}
	for _, r := range name {
		if r < ' ' || r == 0x7f {
			return qerr.ErrInvalid.New("user name %q contains a control character", name)
		}
	}
	return nil
}

func getUserRecord(b *bolt.Bucket, name string) (*userRecord, error) {
	var data []byte
	if b != nil {
		data = b.Get([]byte(name))
	}
	if data == nil {
		return nil, qerr.ErrNotFound.New("user %s does not exist", name)
	}
	var rec userRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, err
	}
	return &rec, nil
}

func putUserRecord(b *bolt.Bucket, rec *userRecord) error {
	v, err := b.NextSequence()
	if err != nil {
		return err
	}
	rec.Version = v
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return b.Put([]byte(rec.Name), data)
}

// CreateUser stores u and assigns u.Version and u.Created. A user of that
// name is ErrAlreadyExists unless ifNotExists.
func (c *BoltCatalog) CreateUser(ctx context.Context, u *User, ifNotExists bool) error {
	if err := ValidateUserName(u.Name); err != nil {
		return err
	}
	if len(u.PasswordHash) == 0 {
		return qerr.ErrInvalid.New("user %s has no password", u.Name)
	}
	return c.update(ctx, "create user "+u.Name, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketUsers)
		if err != nil {
			return err
		}
		if b.Get([]byte(u.Name)) != nil {
			if ifNotExists {
				return nil
			}
			return qerr.ErrAlreadyExists.New("user %s already exists", u.Name)
		}
		rec := &userRecord{Name: u.Name, PasswordHash: u.PasswordHash, Admin: u.Admin, Created: now()}
		if err := putUserRecord(b, rec); err != nil {
			return err
		}
		u.Version, u.Created = rec.Version, rec.Created
		return nil
	})
}

// AlterUser replaces a user's password hash and gives it a new version,
// which revokes the tokens issued before. A missing user is ErrNotFound
// unless ifExists.
func (c *BoltCatalog) AlterUser(ctx context.Context, name string, passwordHash []byte, ifExists bool) error {
	if len(passwordHash) == 0 {
		return qerr.ErrInvalid.New("user %s has no password", name)
	}
	return c.update(ctx, "alter user "+name, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketUsers)
		rec, err := getUserRecord(b, name)
		if err != nil {
			if ifExists && qerr.Has(err, qerr.ErrNotFound) {
				return nil
			}
			return err
		}
		rec.PasswordHash = passwordHash
		return putUserRecord(b, rec)
	})
}

// DropUser removes a user (ErrNotFound unless ifExists).
func (c *BoltCatalog) DropUser(ctx context.Context, name string, ifExists bool) error {
	return c.update(ctx, "drop user "+name, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketUsers)
		if _, err := getUserRecord(b, name); err != nil {
			if ifExists && qerr.Has(err, qerr.ErrNotFound) {
				return nil
			}
			return err
		}
		return b.Delete([]byte(name))
	})
}

// GetUser returns a user by its exact name (ErrNotFound if there is none).
func (c *BoltCatalog) GetUser(ctx context.Context, name string) (*User, error) {
	var u *User
	err := c.view(ctx, "get user "+name, func(tx *bolt.Tx) error {
		rec, err := getUserRecord(tx.Bucket(bucketUsers), name)
		if err == nil {
			u = rec.decode()
		}
		return err
	})
	return u, err
}

// ListUsers returns every user sorted by name.
func (c *BoltCatalog) ListUsers(ctx context.Context) ([]*User, error) {
	var out []*User
	err := c.view(ctx, "list users", func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketUsers)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, data []byte) error {
			var rec userRecord
			if err := json.Unmarshal(data, &rec); err != nil {
				return err
			}
			out = append(out, rec.decode())
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}
