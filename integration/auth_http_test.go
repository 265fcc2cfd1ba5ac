package integration

import (
	"net/http"
	"testing"
)

// TestAuthHTTP checks that with --auth password the HTTP endpoints take the
// same logins as Flight SQL: /metrics any user, the console and its API an
// administrator, the probes nobody.
func TestAuthHTTP(t *testing.T) {
	t.Parallel()
	compat(t, clientGoFlightSQL, "authentication")
	cl := startAuthServe(t, "")
	base := "http://" + cl.Coordinator.HTTPAddr(t)
	admin := connectAs(t, cl.Addr, "admin", adminPassword)
	admin.MustExec("CREATE USER carl IDENTIFIED BY 'carl-pw'")
	carlToken, err := login(t, cl.Addr, "carl", "carl-pw")
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string, auth func(*http.Request)) int {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if auth != nil {
			auth(req)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	adminBasic := func(r *http.Request) { r.SetBasicAuth("admin", adminPassword) }
	wrong := func(r *http.Request) { r.SetBasicAuth("admin", "wrong") }
	carl := func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+carlToken) }
	for _, c := range []struct {
		path string
		auth func(*http.Request)
		want int
	}{
		{"/healthz", nil, http.StatusOK},
		{"/readyz", nil, http.StatusOK},
		{"/metrics", nil, http.StatusUnauthorized},
		{"/metrics", wrong, http.StatusUnauthorized},
		{"/metrics", carl, http.StatusOK},
		{"/metrics", adminBasic, http.StatusOK},
		{"/api/queries", nil, http.StatusUnauthorized},
		{"/api/queries", carl, http.StatusForbidden},
		{"/api/queries", adminBasic, http.StatusOK},
		{"/ui/", adminBasic, http.StatusOK},
	} {
		if got := get(c.path, c.auth); got != c.want {
			t.Errorf("GET %s: %d, want %d", c.path, got, c.want)
		}
	}
}
