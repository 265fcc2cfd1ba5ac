package integration

import (
	"testing"

	"google.golang.org/grpc/codes"
)

// TestPrivilegesAuthNone: with --auth none (the default) the anonymous
// principal may do everything, GRANT, roles and SHOW GRANTS included, and
// the privilege state it writes survives a restart; what Quiver has no
// privilege for is refused with INVALID_ARGUMENT.
//
// Checks of users without privileges need logins (--auth password); the
// coordinator's goldens (coordinator/testdata/privileges) cover them.
func TestPrivilegesAuthNone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cl := startServe(t, 1, dir)
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE t (a BIGINT)")
	c.MustExec("INSERT INTO t VALUES (1), (2)")
	for _, sql := range []string{
		"CREATE USER alice IDENTIFIED BY 'alice-pw-1'",
		"CREATE ROLE analyst",
		"GRANT SELECT ON main.* TO analyst",
		"GRANT analyst TO alice",
		"GRANT SELECT, INSERT ON main.t TO 'alice'@'%'",
		"REVOKE INSERT ON main.t FROM alice",
	} {
		c.MustExec(sql)
	}
	want := "'GRANT SELECT ON `main`.`t` TO `alice`';'GRANT `analyst` TO `alice`'"
	if got := queryText(t, c, "SHOW GRANTS FOR alice"); got != want {
		t.Errorf("SHOW GRANTS FOR alice: %q, want %q", got, want)
	}
	if got := queryText(t, c, "SELECT count(*) FROM t"); got != "2" {
		t.Errorf("anonymous reads t: %q", got)
	}
	for sql, code := range map[string]codes.Code{
		"GRANT ALTER ON main.t TO alice":    codes.InvalidArgument,
		"REVOKE DROP ON main.t FROM nobody": codes.NotFound,
		"CREATE ROLE analyst":               codes.AlreadyExists,
		"GRANT nosuchrole TO alice":         codes.NotFound,
	} {
		if _, err := c.Exec(sql); grpcCode(err) != code {
			t.Errorf("%s: %v, want %s", sql, err, code)
		}
	}
	c.Close()
	cl.Coordinator.Stop(t)

	cl = startServe(t, 1, dir)
	c = connect(t, cl.Addr)
	if got := queryText(t, c, "SHOW GRANTS FOR alice"); got != want {
		t.Errorf("after a restart, SHOW GRANTS FOR alice: %q, want %q", got, want)
	}
}
