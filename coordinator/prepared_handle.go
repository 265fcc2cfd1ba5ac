package coordinator

import (
	"bytes"
	"container/list"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"sync"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// A handle is "qps1" + HMAC-SHA256 of the payload + the payload, the JSON of
// a handleSpec, signed with a key derived from the cluster secret, so a
// forged or altered handle is refused and every coordinator of the cluster
// reads a genuine one.
var handleMagic = []byte("qps1")

const handleKeyPurpose = "quiver prepared statement handle v1"

type handleSpec struct {
	Version  int         `json:"v"`
	ID       string      `json:"id"`
	SQL      string      `json:"sql"`
	Database string      `json:"db"`
	User     string      `json:"user,omitempty"`
	Params   []string    `json:"params,omitempty"` // catalog.TypeString
	Query    bool        `json:"query,omitempty"`
	Rows     [][]*string `json:"rows,omitempty"` // values' texts; nil is NULL
	Txn      string      `json:"txn,omitempty"`
}

const handleVersion = 1

func (c *Coordinator) handleMAC(payload []byte) []byte {
	m := hmac.New(sha256.New, c.signer.Derive(handleKeyPurpose))
	m.Write(payload)
	return m.Sum(nil)
}

// Handle is p's signed handle. A handle over MaxHandleBytes (a query's
// bound values are in it) is ErrTooLarge.
func (c *Coordinator) Handle(p *Prepared) ([]byte, error) {
	spec := handleSpec{Version: handleVersion, ID: p.ID, SQL: p.SQL, Database: p.Database, User: p.User, Query: p.Query, Txn: p.Txn}
	for _, t := range p.Params {
		spec.Params = append(spec.Params, catalog.TypeString(t))
	}
	for _, row := range p.Rows {
		texts := make([]*string, len(row))
		for i, v := range row {
			if !v.Null {
				texts[i] = &v.Text
			}
		}
		spec.Rows = append(spec.Rows, texts)
	}
	payload, err := json.Marshal(spec)
	if err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "encode prepared statement handle")
	}
	if n := len(handleMagic) + sha256.Size + len(payload); n > MaxHandleBytes {
		return nil, qerr.ErrTooLarge.New("the bound parameters make a prepared statement handle of %d bytes, more than %d: bind fewer rows per execution", n, MaxHandleBytes)
	}
	out := append(append([]byte(nil), handleMagic...), c.handleMAC(payload)...)
	return append(out, payload...), nil
}

// OpenPrepared reads a handle that a coordinator of this cluster signed, for
// sess. A handle that is not one is ErrInvalid, a forged or altered one, or
// one of another user, ErrUnauthorized.
func (c *Coordinator) OpenPrepared(sess *Session, handle []byte) (*Prepared, error) {
	rest, ok := bytes.CutPrefix(handle, handleMagic)
	if !ok || len(rest) < sha256.Size {
		return nil, qerr.ErrInvalid.New("not a prepared statement handle of this server")
	}
	mac, payload := rest[:sha256.Size], rest[sha256.Size:]
	if !hmac.Equal(mac, c.handleMAC(payload)) {
		return nil, qerr.ErrUnauthorized.New("prepared statement handle signature does not match")
	}
	var spec handleSpec
	if err := json.Unmarshal(payload, &spec); err != nil || spec.Version != handleVersion {
		return nil, qerr.ErrInvalid.New("prepared statement handle of an unknown version")
	}
	if spec.User != sess.User() {
		return nil, qerr.ErrUnauthorized.New("prepared statement belongs to another user")
	}
	p := &Prepared{ID: spec.ID, SQL: spec.SQL, Database: spec.Database, User: spec.User, Query: spec.Query, Txn: spec.Txn}
	for _, s := range spec.Params {
		t, err := catalog.ParseType(s)
		if err != nil {
			return nil, qerr.ErrInvalid.Wrap(err, "prepared statement handle")
		}
		p.Params = append(p.Params, t)
	}
	for _, texts := range spec.Rows {
		if len(texts) != len(p.Params) {
			return nil, qerr.ErrInvalid.New("prepared statement handle: a row of %d values for %d parameters", len(texts), len(p.Params))
		}
		row := make([]*stage.Literal, len(texts))
		for i, text := range texts {
			row[i] = &stage.Literal{Null: text == nil, T: p.Params[i]}
			if text != nil {
				row[i].Text = *text
			}
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// statementCache keeps the parameter rows last bound to each prepared
// statement, by ID, the least recently used forgotten beyond
// maxCachedStatements: for a client that executes the handle it had before
// binding rather than the one DoPut answered with. Losing an entry (a
// restart) loses only that; a handle needs nothing else.
type statementCache struct {
	mu    sync.Mutex
	order *list.List // of *boundRows, most recent first
	byID  map[string]*list.Element
}

type boundRows struct {
	id   string
	rows [][]*stage.Literal
}

func (s *statementCache) put(id string, rows [][]*stage.Literal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byID == nil {
		s.order, s.byID = list.New(), map[string]*list.Element{}
	}
	if el, ok := s.byID[id]; ok {
		el.Value.(*boundRows).rows = rows
		s.order.MoveToFront(el)
		return
	}
	s.byID[id] = s.order.PushFront(&boundRows{id: id, rows: rows})
	for s.order.Len() > maxCachedStatements {
		last := s.order.Back()
		s.order.Remove(last)
		delete(s.byID, last.Value.(*boundRows).id)
	}
}

func (s *statementCache) get(id string) [][]*stage.Literal {
	s.mu.Lock()
	defer s.mu.Unlock()
	el, ok := s.byID[id]
	if !ok {
		return nil
	}
	s.order.MoveToFront(el)
	return el.Value.(*boundRows).rows
}

func (s *statementCache) remove(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.byID[id]; ok {
		s.order.Remove(el)
		delete(s.byID, id)
	}
}
