package flightsrv

import (
	"net/http"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// HTTP puts a node's HTTP endpoints behind the same logins as Flight SQL
// when passwords are on: a request carries `Authorization: Basic ...` or the
// bearer token a login returned. /metrics needs any user; the console and
// its API (/ui/, /api/) show every user's queries, so they need an
// administrator. /healthz and /readyz stay open: probes carry no
// credentials and learn nothing from them. Without passwords it returns
// next unchanged.
func (a *Auth) HTTP(next http.Handler) http.Handler {
	if !a.cfg.Passwords {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
			next.ServeHTTP(w, r)
			return
		}
		p, err := a.httpPrincipal(r)
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Basic realm="quiver"`)
			http.Error(w, status.Convert(err).Message(), http.StatusUnauthorized)
			return
		}
		if !p.Admin && r.URL.Path != "/metrics" {
			http.Error(w, "the console is for administrators", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// httpPrincipal authenticates an HTTP request like a Flight call: Basic
// credentials log in (within the login rate limit), a bearer token is
// verified against its user's current version.
func (a *Auth) httpPrincipal(r *http.Request) (Principal, error) {
	scheme, cred, _ := strings.Cut(strings.TrimSpace(r.Header.Get(authHeader)), " ")
	cred = strings.TrimLeft(cred, " ")
	switch {
	case strings.EqualFold(scheme, "Basic"):
		user, password, err := basicCredentials(cred)
		if err != nil {
			return Principal{}, err
		}
		_, p, err := a.login(r.Context(), user, password)
		return p, err
	case strings.EqualFold(scheme, "Bearer") && isToken(cred):
		return a.verify(r.Context(), cred)
	}
	return Principal{}, status.Error(codes.Unauthenticated, "authentication required: Basic credentials or a bearer token")
}
