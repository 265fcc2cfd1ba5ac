package flightsrv

import (
	"context"
	"crypto/subtle"
	"encoding/hex"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// checkSecret verifies that a cluster-internal call carries the cluster
// secret as "authorization: Bearer <hex secret>".
func checkSecret(ctx context.Context, secret []byte) error {
	md, _ := metadata.FromIncomingContext(ctx)
	for _, v := range md.Get("authorization") {
		token, ok := strings.CutPrefix(v, "Bearer ")
		if !ok {
			continue
		}
		got, err := hex.DecodeString(token)
		if err == nil && subtle.ConstantTimeCompare(got, secret) == 1 {
			return nil
		}
	}
	return status.Error(codes.Unauthenticated, "cluster secret missing or wrong")
}
