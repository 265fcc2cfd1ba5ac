package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/flightsrv"
)

// Authentication modes of --auth.
const (
	authNone     = "none"
	authPassword = "password"
)

// authFlags are the flags of users and authentication (issue 10). Every
// role accepts them; the coordinator uses them, a worker only reads the
// token key of the shared data directory.
type authFlags struct {
	mode                   string
	adminPassword          string
	tokenTTL               time.Duration
	maxQueriesPerUser      int
	loginFailuresPerMinute int
}

func (a *authFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&a.mode, "auth", authNone, "coordinator: client authentication: none (every client is the anonymous administrator) or password (users of the catalog, bearer tokens)")
	fs.StringVar(&a.adminPassword, "admin-password", os.Getenv("QUIVER_ADMIN_PASSWORD"),
		"coordinator: password of the bootstrap user admin with --auth password (default: $QUIVER_ADMIN_PASSWORD, else one generated at first start into <data-dir>/admin-password)")
	fs.DurationVar(&a.tokenTTL, "token-ttl", flightsrv.DefaultTokenTTL, "coordinator: how long a bearer token is valid after its login")
	fs.IntVar(&a.maxQueriesPerUser, "max-queries-per-user", 0, "coordinator: queries one user may run at once; beyond it RESOURCE_EXHAUSTED (0: no limit)")
	fs.IntVar(&a.loginFailuresPerMinute, "login-failures-per-minute", flightsrv.DefaultLoginFailuresPerMinute, "coordinator: failed logins allowed per user and per client address, in a burst and then per minute")
}

// check refuses flag values that make no sense.
func (a *authFlags) check() error {
	switch {
	case a.mode != authNone && a.mode != authPassword:
		return fmt.Errorf("--auth %q: want %s or %s", a.mode, authNone, authPassword)
	case a.tokenTTL <= 0:
		return fmt.Errorf("--token-ttl %s: want a positive duration", a.tokenTTL)
	case a.maxQueriesPerUser < 0:
		return fmt.Errorf("--max-queries-per-user %d: want 0 (no limit) or more", a.maxQueriesPerUser)
	case a.loginFailuresPerMinute < 1:
		return fmt.Errorf("--login-failures-per-minute %d: want 1 or more", a.loginFailuresPerMinute)
	}
	return nil
}

// tokens is the bearer-token signer of the data directory: its key is
// <data-dir>/auth-key, created on first start, so that tokens survive a
// restart and every node on the directory verifies them.
func (a *authFlags) tokens(dataDir string) (*flightsrv.Tokens, error) {
	key, err := keyFile(filepath.Join(dataDir, "auth-key"))
	if err != nil {
		return nil, fmt.Errorf("token key: %w", err)
	}
	return flightsrv.NewTokens(key, a.tokenTTL), nil
}

// adminPasswordFile holds the generated password of the bootstrap admin.
const adminPasswordFile = "admin-password"

// bootstrapAdmin makes sure the user admin exists with --auth password:
// with --admin-password (or $QUIVER_ADMIN_PASSWORD) that is its password;
// without, a first start generates one into <data-dir>/admin-password
// (0600) and prints it once on stderr.
func (a *authFlags) bootstrapAdmin(ctx context.Context, coord *coordinator.Coordinator, dataDir string, log *zap.Logger) error {
	password := a.adminPassword
	path := filepath.Join(dataDir, adminPasswordFile)
	generated := false
	if password == "" {
		exists, err := coord.HasUser(ctx, coordinator.AdminUser)
		if err != nil || exists {
			return err
		}
		b, err := os.ReadFile(path)
		switch {
		case err == nil:
			password = strings.TrimSpace(string(b))
		case errors.Is(err, os.ErrNotExist):
			if password, err = generatePassword(path); err != nil {
				return err
			}
			generated = true
		default:
			return fmt.Errorf("read %s: %w", path, err)
		}
	}
	created, err := coord.BootstrapAdmin(ctx, password)
	if err != nil {
		return fmt.Errorf("bootstrap user %s: %w", coordinator.AdminUser, err)
	}
	if created {
		log.Info("bootstrap user created", zap.String("user", coordinator.AdminUser), zap.Bool("generated_password", generated))
	}
	if generated {
		fmt.Fprintf(os.Stderr, "quiver: user %s was created with the password %s (also in %s; change it with ALTER USER admin IDENTIFIED BY '...')\n",
			coordinator.AdminUser, password, path)
	}
	return nil
}

// generatePassword writes a new random password to path (0600, never
// over an existing file) and returns it.
func generatePassword(path string) (string, error) {
	b := make([]byte, 18)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	password := base64.RawURLEncoding.EncodeToString(b)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	_, err = f.WriteString(password + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return password, nil
}
