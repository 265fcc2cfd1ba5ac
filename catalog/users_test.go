package catalog

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/quiverdb/quiver/qerr"
)

// TestUsers: create, alter, drop and reopen; every change gives a new
// version, never one handed out before (a re-created user included).
func TestUsers(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "catalog.db")
	c, err := OpenBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	ann := &User{Name: "Ann", PasswordHash: []byte("h1")}
	if err := c.CreateUser(ctx, ann, false); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateUser(ctx, &User{Name: "Ann", PasswordHash: []byte("h")}, false); !qerr.Has(err, qerr.ErrAlreadyExists) {
		t.Fatalf("second CreateUser: %v, want ErrAlreadyExists", err)
	}
	if err := c.CreateUser(ctx, &User{Name: "Ann", PasswordHash: []byte("h")}, true); err != nil {
		t.Fatalf("CREATE USER IF NOT EXISTS: %v", err)
	}
	if _, err := c.GetUser(ctx, "ann"); !qerr.Has(err, qerr.ErrNotFound) {
		t.Fatalf("user names are case-sensitive: GetUser(ann) = %v", err)
	}
	if err := c.AlterUser(ctx, "Ann", []byte("h2"), false); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetUser(ctx, "Ann")
	if err != nil || string(got.PasswordHash) != "h2" || got.Version <= ann.Version {
		t.Fatalf("after AlterUser: %+v, %v (created as version %d)", got, err, ann.Version)
	}
	altered := got.Version
	if err := c.AlterUser(ctx, "nobody", []byte("h"), false); !qerr.Has(err, qerr.ErrNotFound) {
		t.Fatalf("AlterUser of nobody: %v", err)
	}
	if err := c.AlterUser(ctx, "nobody", []byte("h"), true); err != nil {
		t.Fatalf("ALTER USER IF EXISTS nobody: %v", err)
	}
	for _, bad := range []string{"", "a:b", " ann", "a\nb", "abcdefghijabcdefghijabcdefghijabc"} {
		if err := c.CreateUser(ctx, &User{Name: bad, PasswordHash: []byte("h")}, false); !qerr.Has(err, qerr.ErrInvalid) {
			t.Errorf("CreateUser(%q): %v, want ErrInvalid", bad, err)
		}
	}
	if err := c.CreateUser(ctx, &User{Name: "bob"}, false); !qerr.Has(err, qerr.ErrInvalid) {
		t.Errorf("a user without a password hash: %v, want ErrInvalid", err)
	}
	if err := c.DropUser(ctx, "Ann", false); err != nil {
		t.Fatal(err)
	}
	if err := c.DropUser(ctx, "Ann", false); !qerr.Has(err, qerr.ErrNotFound) {
		t.Fatalf("second DropUser: %v", err)
	}
	again := &User{Name: "Ann", PasswordHash: []byte("h3"), Admin: true}
	if err := c.CreateUser(ctx, again, false); err != nil {
		t.Fatal(err)
	}
	if again.Version <= altered {
		t.Fatalf("re-created user got version %d, not above %d", again.Version, altered)
	}
	c.Close()

	c, err = OpenBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	users, err := c.ListUsers(ctx)
	if err != nil || len(users) != 1 || users[0].Name != "Ann" || !users[0].Admin || users[0].Version != again.Version {
		t.Fatalf("ListUsers after reopen = %+v, %v", users, err)
	}
}
