package integration

import (
	"strings"
	"testing"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
)

// wantDenied checks that err is PERMISSION_DENIED naming object.
func wantDenied(t *testing.T, what string, err error, object string) {
	t.Helper()
	if grpcCode(err) != codes.PermissionDenied || !strings.Contains(err.Error(), object) {
		t.Errorf("%s: %v, want PERMISSION_DENIED naming %s", what, err, object)
	}
}

// TestPrivilegesLogins: with --auth password, real logins through Go ADBC
// are held to their grants: a user without SELECT is refused naming the
// table while the server answers others; GRANT lets it read and REVOKE
// takes that back; a view reads with its owner's rights; metadata hides
// what a user holds nothing on; another user cannot cancel a query; bulk
// ingest needs INSERT.
func TestPrivilegesLogins(t *testing.T) {
	t.Parallel()
	addr := startAuthServe(t, "").Addr
	admin := connectAs(t, addr, "admin", adminPassword)
	for _, sql := range []string{
		"CREATE TABLE t (a BIGINT)",
		"INSERT INTO t VALUES (1), (2), (3)",
		"CREATE TABLE secret (s VARCHAR(10))",
		"CREATE USER alice IDENTIFIED BY 'alice-pw-1'",
		"CREATE USER bob IDENTIFIED BY 'bob-pw-12'",
	} {
		admin.MustExec(sql)
	}
	alice := connectAs(t, addr, "alice", "alice-pw-1")
	bob := connectAs(t, addr, "bob", "bob-pw-12")

	t.Run("select_needs_a_grant", func(t *testing.T) {
		_, err := alice.Query("SELECT count(*) FROM t")
		wantDenied(t, "alice reads t", err, "main.t")
		if got := queryText(t, alice, "SELECT 1"); got != "1" {
			t.Errorf("alice's SELECT 1 after a refusal: %q", got)
		}
		if got := queryText(t, admin, "SELECT count(*) FROM t"); got != "3" {
			t.Errorf("admin reads t: %q", got)
		}
		admin.MustExec("GRANT SELECT ON main.t TO alice")
		if got := queryText(t, alice, "SELECT count(*) FROM t"); got != "3" {
			t.Errorf("alice reads t after GRANT: %q", got)
		}
		admin.MustExec("REVOKE SELECT ON main.t FROM alice")
		_, err = alice.Query("SELECT count(*) FROM t")
		wantDenied(t, "alice reads t after REVOKE", err, "main.t")
	})

	t.Run("view_reads_with_its_owners_rights", func(t *testing.T) {
		admin.MustExec("GRANT SELECT, CREATE ON main.* TO bob")
		bob.MustExec("CREATE VIEW big AS SELECT a FROM t WHERE a > 1")
		admin.MustExec("GRANT SELECT ON main.big TO alice")
		if got := queryText(t, alice, "SELECT count(*) FROM big"); got != "2" {
			t.Errorf("alice reads bob's view: %q", got)
		}
		_, err := alice.Query("SELECT count(*) FROM t")
		wantDenied(t, "alice reads t beside the view", err, "main.t")
	})

	t.Run("metadata_hides_tables", func(t *testing.T) {
		res := alice.MustQuery("SHOW TABLES")
		if got := queryText(t, alice, "SHOW TABLES"); got != "'big'" {
			t.Errorf("alice's SHOW TABLES: %q (%d rows)", got, len(res.rows))
		}
		if got := queryText(t, alice, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"); got != "'big'" {
			t.Errorf("alice's information_schema.tables: %q", got)
		}
		ctx, cancel := stmtCtx()
		defer cancel()
		rdr, err := alice.cnxn.GetObjects(ctx, adbc.ObjectDepthTables, nil, nil, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer rdr.Release()
		names, err := objectTables(rdr)
		if err != nil {
			t.Fatal(err)
		}
		var inMain []string
		for _, n := range names {
			if strings.HasPrefix(n, "quiver.main.") {
				inMain = append(inMain, n)
			}
		}
		if strings.Join(inMain, ",") != "quiver.main.big" {
			t.Errorf("alice's GetObjects tables: %v, want quiver.main.big alone in main", names)
		}
		if got := queryText(t, admin, "SHOW TABLES"); got != "'big';'secret';'t'" {
			t.Errorf("admin's SHOW TABLES: %q", got)
		}
	})

	t.Run("ingest_needs_insert", func(t *testing.T) {
		mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
		b := array.NewInt64Builder(mem)
		b.AppendValues([]int64{7, 8}, nil)
		col := b.NewArray()
		b.Release()
		rec := array.NewRecordBatch(arrow.NewSchema([]arrow.Field{{Name: "a", Type: arrow.PrimitiveTypes.Int64, Nullable: true}}, nil), []arrow.Array{col}, 2)
		col.Release()
		defer rec.Release()
		_, err := alice.Ingest("t", adbc.OptionValueIngestModeAppend, []arrow.RecordBatch{rec})
		wantDenied(t, "alice ingests into t", err, "main.t")
		_, err = alice.Ingest("mine", adbc.OptionValueIngestModeCreate, []arrow.RecordBatch{rec})
		wantDenied(t, "alice ingests a new table", err, "main.mine")
		admin.MustExec("GRANT INSERT ON main.t TO alice")
		if n, err := alice.Ingest("t", adbc.OptionValueIngestModeAppend, []arrow.RecordBatch{rec}); err != nil || n != 2 {
			t.Errorf("alice ingests after GRANT INSERT: %d, %v", n, err)
		}
		if got := queryText(t, admin, "SELECT count(*) FROM t"); got != "5" {
			t.Errorf("t after alice's ingest: %q", got)
		}
	})

	t.Run("cancel_is_the_owners", func(t *testing.T) {
		fs := newFlightSQLClient(t, addr)
		aliceToken, err := login(t, addr, "alice", "alice-pw-1")
		if err != nil {
			t.Fatal(err)
		}
		bobToken, err := login(t, addr, "bob", "bob-pw-12")
		if err != nil {
			t.Fatal(err)
		}
		info, err := queryWith(t, fs, aliceToken, "SELECT a FROM big")
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := stmtCtx()
		defer cancel()
		res, err := fs.CancelFlightInfo(bearer(ctx, bobToken), &flight.CancelFlightInfoRequest{Info: info})
		if err != nil || res.Status != flight.CancelStatusNotCancellable {
			t.Errorf("bob cancels alice's query: %v, %v; want NOT_CANCELLABLE", res.Status, err)
		}
		if _, err := drainWith(info, addr, aliceToken); err != nil {
			t.Errorf("alice reads her query after bob's cancel: %v", err)
		}
		res, err = fs.CancelFlightInfo(bearer(ctx, aliceToken), &flight.CancelFlightInfoRequest{Info: info})
		if err != nil || res.Status != flight.CancelStatusCancelled {
			t.Errorf("alice cancels her query: %v, %v; want CANCELLED", res.Status, err)
		}
	})
}
