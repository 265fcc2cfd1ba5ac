package catalog

import (
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
)

// TestValidateZonedTimestampUnit: a zoned timestamp of a unit other than
// microseconds (which no worker can scan) is refused as the writer's error,
// naming the column, its type and the type it should be.
func TestValidateZonedTimestampUnit(t *testing.T) {
	for _, unit := range []arrow.TimeUnit{arrow.Second, arrow.Millisecond, arrow.Nanosecond} {
		tbl := sampleTable("main", "t")
		tbl.Columns[5].Type = &arrow.TimestampType{Unit: unit, TimeZone: "UTC"}
		err := ValidateTable(tbl)
		if !qerr.Has(err, qerr.ErrInvalid) {
			t.Fatalf("unit %s: %v, want %s", unit, err, qerr.ErrInvalid)
		}
		for _, want := range []string{"column o_tstz", tbl.Columns[5].Type.String(), "timestamp[us, tz=UTC]"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("unit %s: %q does not name %q", unit, err, want)
			}
		}
	}
	if err := ValidateTable(sampleTable("main", "t")); err != nil {
		t.Fatalf("zoned timestamp in microseconds: %v", err)
	}
}
