// Package deploy holds Quiver's deployment files: the container image
// (Dockerfile), a compose file with a coordinator and three workers, and
// Kubernetes manifests under k8s/. It has no code; its tests decode every
// file with the types of its tools (the Kubernetes API, strictly) and check
// that their references agree and that every flag and configuration key
// they pass is one the binary accepts.
package deploy
