package flightsrv

import (
	"net/http"

	"google.golang.org/grpc/metadata"
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
		// The request's credentials go through the Flight calls' own check,
		// as if they were a call's metadata.
		ctx := metadata.NewIncomingContext(r.Context(), metadata.Pairs(AuthHeader, r.Header.Get(AuthHeader)))
		ctx, _, err := a.authenticate(ctx, r.URL.Path)
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Basic realm="quiver"`)
			http.Error(w, status.Convert(err).Message(), http.StatusUnauthorized)
			return
		}
		if !PrincipalFrom(ctx).Admin && r.URL.Path != "/metrics" {
			http.Error(w, "the console is for administrators", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
