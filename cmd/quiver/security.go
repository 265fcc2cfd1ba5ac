package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"strings"

	"go.uber.org/zap"
	"google.golang.org/grpc/credentials"

	"github.com/quiverdb/quiver/flightsrv"
)

// securityFlags are the TLS and exposure flags every serving role shares.
type securityFlags struct {
	tls      flightsrv.TLSConfig
	insecure bool
}

func (s *securityFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.tls.CertFile, "tls-cert", "", "PEM certificate (chain) every listener of this node serves TLS with; reloaded when the file changes")
	fs.StringVar(&s.tls.KeyFile, "tls-key", "", "PEM private key of --tls-cert")
	fs.StringVar(&s.tls.ClientCAFile, "tls-client-ca", "", "PEM CA of node certificates: mTLS between nodes (node-to-node calls must present a certificate it verifies)")
	fs.StringVar(&s.tls.CAFile, "tls-ca", "", "PEM CA that verifies the other nodes' certificates (default: the system's roots)")
	fs.BoolVar(&s.insecure, "insecure", false, "listen beyond loopback without TLS (and, on a coordinator, without --auth password)")
}

// load reads the TLS files: nil (plaintext) without TLS flags.
func (s *securityFlags) load(log *zap.Logger) (*flightsrv.TLS, error) {
	return flightsrv.LoadTLS(s.tls, log)
}

// checkExposure refuses a node that would listen beyond loopback
// unprotected: a worker without TLS, a coordinator without TLS or without
// password authentication (passwords: --auth password), unless --insecure
// is given. On loopback nothing is required.
func (s *securityFlags) checkExposure(ctx context.Context, role, listen string, passwords bool) error {
	if s.insecure {
		return nil
	}
	loopback, err := onLoopback(ctx, listen)
	if err != nil {
		return err
	}
	if loopback {
		return nil
	}
	var missing, pass []string
	if s.tls.CertFile == "" {
		missing = append(missing, "TLS")
		pass = append(pass, "--tls-cert FILE --tls-key FILE")
	}
	if role != "worker" && !passwords {
		missing = append(missing, "password authentication")
		pass = append(pass, "--auth password")
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("refusing to listen on %s without %s: the address is reachable beyond loopback, "+
		"and anyone who reaches it could read and change the data; pass %s, or --insecure to accept that risk "+
		"(on loopback nothing is required)", listen, strings.Join(missing, " and "), strings.Join(pass, " and "))
}

// onLoopback reports whether every address listen binds is a loopback
// address: 127.0.0.0/8, ::1, or a name that resolves only to them. An empty
// or unspecified host (all interfaces) is not.
func onLoopback(ctx context.Context, listen string) (bool, error) {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return false, fmt.Errorf("listen address %q: %w", listen, err)
	}
	if host == "" {
		return false, nil
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback(), nil
	}
	addrs, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return false, fmt.Errorf("listen address %q: %w", listen, err)
	}
	for _, a := range addrs {
		if !a.IP.IsLoopback() {
			return false, nil
		}
	}
	return len(addrs) > 0, nil
}

// clientTLSFlags are the TLS flags of the commands that are clients of a
// running Quiver (tpch, bench with --addr), as the shell has them.
type clientTLSFlags struct {
	on bool
	ca string
}

func (c *clientTLSFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&c.on, "tls", false, "connect with TLS")
	fs.StringVar(&c.ca, "tls-ca", "", "PEM file of the CA of the server's certificate (default: the system's roots; implies --tls)")
}

// credentials are the TLS credentials to connect with: nil for plaintext.
func (c *clientTLSFlags) credentials() (credentials.TransportCredentials, error) {
	if !c.on && c.ca == "" {
		return nil, nil
	}
	t, err := flightsrv.LoadTLS(flightsrv.TLSConfig{CAFile: c.ca}, nil)
	if err != nil {
		return nil, err
	}
	if t == nil { // no CA file: the system's roots
		return credentials.NewTLS(nil), nil
	}
	return t.Credentials(), nil
}
