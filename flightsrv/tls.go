package flightsrv

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"go.uber.org/zap"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	transport "google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"
)

// TLSConfig is a node's TLS configuration, as its flags give it.
type TLSConfig struct {
	CertFile     string // --tls-cert: PEM certificate (chain) this node serves; with KeyFile
	KeyFile      string // --tls-key: its PEM private key
	ClientCAFile string // --tls-client-ca: PEM CA of node certificates: mTLS between nodes
	CAFile       string // --tls-ca: PEM CA that verifies other nodes' certificates (default: the system's roots)
}

// certCheckInterval is how often, at most, a node looks whether its
// certificate files changed.
const certCheckInterval = time.Second

// TLS is a node's TLS: the credentials of its listener, which reload the
// certificate when its files change, and of its calls to other nodes. A nil
// *TLS is plaintext everywhere (loopback without configuration).
//
// With a client CA, a listener asks every caller for a certificate and
// verifies any it gets; calls that carry the cluster secret (node-to-node)
// must come with one that verifies, and a node presents its own certificate
// when it calls another. Clients present none and are not asked to.
type TLS struct {
	cert      *certReloader // nil when the node only dials with TLS
	roots     *x509.CertPool
	clientCAs *x509.CertPool
}

// LoadTLS reads the files of cfg. An empty cfg is plaintext: nil, nil.
func LoadTLS(cfg TLSConfig, log *zap.Logger) (*TLS, error) {
	if cfg == (TLSConfig{}) {
		return nil, nil
	}
	if (cfg.CertFile == "") != (cfg.KeyFile == "") {
		return nil, errors.New("--tls-cert and --tls-key go together")
	}
	if cfg.ClientCAFile != "" && cfg.CertFile == "" {
		return nil, errors.New("--tls-client-ca needs --tls-cert and --tls-key: a node presents its own certificate to the others")
	}
	if log == nil {
		log = zap.NewNop()
	}
	t := &TLS{}
	var err error
	if cfg.CertFile != "" {
		if t.cert, err = newCertReloader(cfg.CertFile, cfg.KeyFile, log); err != nil {
			return nil, err
		}
	}
	if cfg.CAFile != "" {
		if t.roots, err = loadCertPool(cfg.CAFile, "--tls-ca"); err != nil {
			return nil, err
		}
	}
	if cfg.ClientCAFile != "" {
		if t.clientCAs, err = loadCertPool(cfg.ClientCAFile, "--tls-client-ca"); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func loadCertPool(path, flag string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s %s: no PEM certificate in it", flag, path)
	}
	return pool, nil
}

// Serves reports whether the node's listeners serve TLS.
func (t *TLS) Serves() bool { return t != nil && t.cert != nil }

// Scheme is the scheme of the node's Flight locations: grpc+tls when it
// serves TLS, else grpc+tcp. A cluster's nodes are configured alike, so
// the coordinator's scheme is its workers'.
func (t *TLS) Scheme() string {
	if t.Serves() {
		return "grpc+tls"
	}
	return "grpc+tcp"
}

// ServerOptions are the gRPC options a node's listener adds to
// ServerOptions: its TLS credentials and, with a client CA, the check that
// node-to-node calls (those that carry secret) present a verified
// certificate. None when the node serves plaintext.
func (t *TLS) ServerOptions(secret []byte) []grpc.ServerOption {
	if !t.Serves() {
		return nil
	}
	cfg := &tls.Config{
		MinVersion:     tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) { return t.cert.current(), nil },
	}
	opts := []grpc.ServerOption{}
	if t.clientCAs != nil {
		cfg.ClientCAs = t.clientCAs
		cfg.ClientAuth = tls.VerifyClientCertIfGiven
		check := func(ctx context.Context) error {
			if checkSecret(ctx, secret) != nil || verifiedPeer(ctx) {
				return nil
			}
			return status.Error(codes.Unauthenticated, "a node-to-node call needs a client certificate that --tls-client-ca verifies")
		}
		opts = append(opts,
			grpc.ChainUnaryInterceptor(func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
				if err := check(ctx); err != nil {
					return nil, err
				}
				return h(ctx, req)
			}),
			grpc.ChainStreamInterceptor(func(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
				if err := check(ss.Context()); err != nil {
					return err
				}
				return h(srv, ss)
			}))
	}
	return append([]grpc.ServerOption{grpc.Creds(transport.NewTLS(cfg))}, opts...)
}

// verifiedPeer reports whether the call's peer presented a certificate
// that the listener's client CA verified.
func verifiedPeer(ctx context.Context) bool {
	p, ok := peer.FromContext(ctx)
	if !ok {
		return false
	}
	info, ok := p.AuthInfo.(transport.TLSInfo)
	return ok && len(info.State.VerifiedChains) > 0
}

// Credentials are the transport of the node's calls to other nodes: TLS
// verified with --tls-ca (or the system's roots), presenting the node's
// certificate where mTLS is on; plaintext for a nil *TLS.
func (t *TLS) Credentials() transport.TransportCredentials {
	if t == nil {
		return insecure.NewCredentials()
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: t.roots}
	if t.clientCAs != nil {
		cfg.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) { return t.cert.current(), nil }
	}
	return transport.NewTLS(cfg)
}

// DialOption is Credentials as a gRPC dial option.
func (t *TLS) DialOption() grpc.DialOption { return grpc.WithTransportCredentials(t.Credentials()) }

// certReloader holds a node's certificate and reloads it when its files
// change, looking at most once per certCheckInterval: a rotated
// certificate reaches new connections without a restart. A pair that does
// not load (a half-written rotation) keeps the current certificate, and
// the next look tries again.
type certReloader struct {
	certFile, keyFile string
	log               *zap.Logger

	mu      sync.Mutex
	cert    *tls.Certificate
	stamp   string // sizes and modification times of both files at the last load
	checked time.Time
}

func newCertReloader(certFile, keyFile string, log *zap.Logger) (*certReloader, error) {
	r := &certReloader{certFile: certFile, keyFile: keyFile, log: log}
	stamp, err := r.fileStamp()
	if err != nil {
		return nil, err
	}
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("--tls-cert/--tls-key: %w", err)
	}
	r.cert, r.stamp, r.checked = &cert, stamp, time.Now()
	return r, nil
}

func (r *certReloader) fileStamp() (string, error) {
	var stamp string
	for _, f := range []string{r.certFile, r.keyFile} {
		st, err := os.Stat(f)
		if err != nil {
			return "", fmt.Errorf("TLS file: %w", err)
		}
		stamp += fmt.Sprintf("%d@%d;", st.Size(), st.ModTime().UnixNano())
	}
	return stamp, nil
}

// current is the certificate to present now.
func (r *certReloader) current() *tls.Certificate {
	r.mu.Lock()
	defer r.mu.Unlock()
	if time.Since(r.checked) < certCheckInterval {
		return r.cert
	}
	r.checked = time.Now()
	stamp, err := r.fileStamp()
	if err != nil || stamp == r.stamp {
		return r.cert
	}
	cert, err := tls.LoadX509KeyPair(r.certFile, r.keyFile)
	if err != nil {
		r.log.Warn("TLS certificate files changed but do not load; keeping the current certificate", zap.Error(err))
		return r.cert
	}
	r.cert, r.stamp = &cert, stamp
	if leaf, err := x509.ParseCertificate(cert.Certificate[0]); err == nil {
		r.log.Info("TLS certificate reloaded", zap.String("serial", leaf.SerialNumber.String()), zap.Time("not_after", leaf.NotAfter))
	}
	return r.cert
}
