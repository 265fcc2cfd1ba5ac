package integration

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
)

// TestNoWorkers runs a coordinator and one worker process, kills the
// worker and waits until the coordinator has dropped it: then queries
// that read no table (constants, SHOW, information_schema, system
// tables), prepared ones too, and the metadata commands still answer, from
// the coordinator itself (endpoints without a location); a constant result
// too large to hold is RESOURCE_EXHAUSTED; a query of a table fails.
func TestNoWorkers(t *testing.T) {
	t.Parallel()
	cl := startCluster(t, 1)
	fs := newFlightSQLClient(t, cl.Addr)
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if _, err := fs.ExecuteUpdate(ctx, "CREATE TABLE t (a INT)"); err != nil {
		t.Fatal(err)
	}
	fetch := func(what string, info *flight.FlightInfo, err error) (*result, error) {
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		for i, ep := range info.Endpoint {
			if len(ep.Location) > 0 && ep.Location[0].Uri != flight.LocationReuseConnection {
				return nil, fmt.Errorf("%s: endpoint %d at %s, want the coordinator", what, i, ep.Location[0].Uri)
			}
		}
		return drainInfo(info, cl.Addr, mem)
	}
	// rows prints a result's rows (strings quoted), joined by ;.
	rows := func(sql string) (string, error) {
		info, err := fs.Execute(ctx, sql)
		res, err := fetch(sql, info, err)
		if err != nil {
			return "", err
		}
		var lines []string
		for _, r := range res.rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = c.String()
			}
			lines = append(lines, strings.Join(cells, "|"))
		}
		return strings.Join(lines, ";"), nil
	}
	if got, err := rows("SELECT 1"); err != nil || got != "1" {
		t.Fatalf("SELECT 1 with a worker: %q, %v", got, err)
	}

	cl.Workers[0].Kill(t)
	for deadline := time.Now().Add(90 * time.Second); ; {
		got, err := rows("SELECT count(*) FROM system.workers")
		if err != nil {
			t.Fatalf("system.workers while the worker leaves: %v", err)
		}
		if got == "0" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the killed worker is still in system.workers (%s rows)", got)
		}
		time.Sleep(500 * time.Millisecond)
	}

	for _, tc := range []struct{ sql, want string }{
		{"SELECT 1", "1"},
		{"SELECT 1+1, 'a'", "2|'a'"},
		{"SHOW TABLES", "'t'"},
		{"SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'", "'t'"},
		{"SELECT * FROM system.workers", ""},
	} {
		got, err := rows(tc.sql)
		if err != nil {
			t.Errorf("%s without workers: %v (gRPC code %s)", tc.sql, err, grpcCode(err))
		} else if got != tc.want {
			t.Errorf("%s without workers: %q, want %q", tc.sql, got, tc.want)
		}
	}
	if _, err := rows("SELECT * FROM information_schema.tables"); err != nil {
		t.Errorf("information_schema.tables without workers: %v", err)
	}

	t.Run("prepared", func(t *testing.T) {
		prep, err := fs.Prepare(ctx, "SELECT 40 + 2 AS n")
		if err != nil {
			t.Fatal(err)
		}
		defer prep.Close(ctx)
		info, err := prep.Execute(ctx)
		res, err := fetch("prepared SELECT 40 + 2", info, err)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.rows) != 1 || res.rows[0][0].String() != "42" {
			t.Errorf("prepared SELECT 40 + 2: %v", res.rows)
		}
	})

	t.Run("metadata", func(t *testing.T) {
		info, err := fs.GetTables(ctx, &flightsql.GetTablesOpts{})
		res, err := fetch("GetTables", info, err)
		if err != nil {
			t.Fatal(err)
		}
		if got := qualifiedTables(res); !slices.Contains(got, "quiver.main.t") {
			t.Errorf("GetTables = %v, want quiver.main.t among them", got)
		}
		info, err = fs.GetCatalogs(ctx)
		if _, err := fetch("GetCatalogs", info, err); err != nil {
			t.Error(err)
		}
		info, err = fs.GetDBSchemas(ctx, &flightsql.GetDBSchemasOpts{})
		if _, err := fetch("GetDbSchemas", info, err); err != nil {
			t.Error(err)
		}
	})

	t.Run("result_bound", func(t *testing.T) {
		_, err := fs.Execute(ctx, "SELECT repeat('x', 100000000)")
		if grpcCode(err) != codes.ResourceExhausted {
			t.Errorf("a 100 MB constant: %v (code %s), want RESOURCE_EXHAUSTED", err, grpcCode(err))
		}
		if got, err := rows("SELECT 'still here'"); err != nil || got != "'still here'" {
			t.Errorf("after the refused result: %q, %v", got, err)
		}
	})

	t.Run("table_needs_a_worker", func(t *testing.T) {
		qctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if _, err := fs.Execute(qctx, "SELECT a FROM t"); err == nil {
			t.Error("a query of a table answered without workers")
		} else {
			t.Logf("SELECT a FROM t without workers: %v (gRPC code %s)", err, grpcCode(err))
		}
	})
}
