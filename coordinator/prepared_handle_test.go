package coordinator

import (
	"bytes"
	"crypto/sha256"
	"reflect"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// TestPreparedHandle pins the handle's wire form (magic, MAC, JSON) and
// checks that it reads back, and that an altered, forged or foreign handle
// is refused.
func TestPreparedHandle(t *testing.T) {
	c := &Coordinator{signer: stage.NewTicketSigner([]byte("test secret"))}
	p := &Prepared{
		ID: "0123456789abcdef01234567", SQL: "SELECT a FROM t WHERE a = ? AND s = ?", Database: "main", User: "ann",
		Params: []arrow.DataType{arrow.PrimitiveTypes.Int32, arrow.BinaryTypes.String}, Query: true,
		Rows: [][]*stage.Literal{
			{{Text: "4", T: arrow.PrimitiveTypes.Int32}, {Null: true, T: arrow.BinaryTypes.String}},
		},
	}
	h, err := c.Handle(p)
	if err != nil {
		t.Fatal(err)
	}
	const payload = `{"v":1,"id":"0123456789abcdef01234567","sql":"SELECT a FROM t WHERE a = ? AND s = ?","db":"main","user":"ann","params":["int32","utf8"],"query":true,"rows":[["4",null]]}`
	if !bytes.HasPrefix(h, []byte("qps1")) || string(h[4+sha256.Size:]) != payload {
		t.Errorf("handle %q, want qps1 + MAC + %s", h, payload)
	}

	ann := &Session{user: "ann"}
	got, err := c.OpenPrepared(ann, h)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("read back %+v, want %+v", got, p)
	}

	altered := bytes.Replace(h, []byte(`"4"`), []byte(`"5"`), 1)
	other := &Coordinator{signer: stage.NewTicketSigner([]byte("another cluster"))}
	for name, tc := range map[string]struct {
		c      *Coordinator
		sess   *Session
		handle []byte
		want   qerr.Code
	}{
		"altered":       {c, ann, altered, qerr.ErrUnauthorized},
		"other_cluster": {other, ann, h, qerr.ErrUnauthorized},
		"other_user":    {c, &Session{user: "bob"}, h, qerr.ErrUnauthorized},
		"not_a_handle":  {c, ann, []byte("SELECT 1"), qerr.ErrInvalid},
		"truncated":     {c, ann, h[:10], qerr.ErrInvalid},
	} {
		if _, err := tc.c.OpenPrepared(tc.sess, tc.handle); !qerr.Has(err, tc.want) {
			t.Errorf("%s: %v, want %s", name, err, tc.want)
		}
	}

	big := *p
	big.Rows = nil
	long := &stage.Literal{Text: string(make([]byte, 64<<10)), T: arrow.BinaryTypes.String}
	for range 40 {
		big.Rows = append(big.Rows, []*stage.Literal{{Text: "1", T: arrow.PrimitiveTypes.Int32}, long})
	}
	if _, err := c.Handle(&big); !qerr.Has(err, qerr.ErrTooLarge) {
		t.Errorf("a handle of 2.5 MB of values: %v, want TOO_LARGE", err)
	}
}
