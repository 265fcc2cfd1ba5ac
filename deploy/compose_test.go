package deploy

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// compose is the part of the Compose specification deploy/compose.yaml
// uses, decoded strictly.
type compose struct {
	XWorker  map[string]any            `json:"x-worker"` // the workers' shared settings (a YAML anchor)
	Services map[string]composeService `json:"services"`
	Volumes  map[string]map[string]any `json:"volumes"`
}

type composeService struct {
	Image string `json:"image"`
	Build *struct {
		Context    string `json:"context"`
		Dockerfile string `json:"dockerfile"`
	} `json:"build"`
	Command     []string          `json:"command"`
	Environment map[string]string `json:"environment"`
	Volumes     []string          `json:"volumes"`
	Ports       []string          `json:"ports"`
	Healthcheck *struct {
		Test     []string `json:"test"`
		Interval string   `json:"interval"`
		Timeout  string   `json:"timeout"`
		Retries  int      `json:"retries"`
	} `json:"healthcheck"`
	DependsOn map[string]struct {
		Condition string `json:"condition"`
	} `json:"depends_on"`
	Restart string `json:"restart"`
}

func loadCompose(t *testing.T) compose {
	t.Helper()
	b, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c compose
	if err := yaml.UnmarshalStrict(b, &c); err != nil {
		t.Fatalf("compose.yaml: %v", err)
	}
	return c
}

// TestCompose checks the compose file: a coordinator and three workers of
// the image the manifests use, workers that join the coordinator and
// advertise their own service name and listening port, volumes that are
// declared, a Dockerfile that exists and exposes the ports.
func TestCompose(t *testing.T) {
	c := loadCompose(t)
	coord, ok := c.Services["coordinator"]
	if !ok {
		t.Fatal("no coordinator service")
	}
	if flagValue(coord.Command, "--listen") != fmt.Sprintf("0.0.0.0:%d", flightPort) {
		t.Errorf("coordinator listens on %q, want port %d on every interface", flagValue(coord.Command, "--listen"), flightPort)
	}
	for _, port := range []int{flightPort, httpPort} {
		if !slices.Contains(coord.Ports, fmt.Sprintf("%d:%d", port, port)) {
			t.Errorf("coordinator does not publish port %d: %v", port, coord.Ports)
		}
	}
	if coord.Build == nil {
		t.Error("coordinator has no build section")
	} else if _, err := os.Stat(filepath.Join(coord.Build.Context, coord.Build.Dockerfile)); err != nil {
		t.Errorf("build: %v", err)
	}
	workers := 0
	for name, svc := range c.Services {
		if svc.Image != image {
			t.Errorf("%s: image %q, want %s (the manifests' and make image's)", name, svc.Image, image)
		}
		for _, v := range svc.Volumes {
			vol, _, _ := strings.Cut(v, ":")
			if _, ok := c.Volumes[vol]; !ok {
				t.Errorf("%s: volume %s is not declared", name, vol)
			}
		}
		if flagValue(svc.Command, "--data-dir") != "/data" || !slices.Contains(svc.Volumes, "data:/data") {
			t.Errorf("%s: the data directory is not the shared volume at /data", name)
		}
		if len(svc.Command) == 0 || svc.Command[0] != "worker" {
			continue
		}
		workers++
		if got := flagValue(svc.Command, "--coordinator"); got != fmt.Sprintf("coordinator:%d", flightPort) {
			t.Errorf("%s: --coordinator %q", name, got)
		}
		listen, advertise := flagValue(svc.Command, "--listen"), flagValue(svc.Command, "--advertise")
		if listen != fmt.Sprintf("0.0.0.0:%d", workerPort) || advertise != fmt.Sprintf("%s:%d", name, workerPort) {
			t.Errorf("%s: --listen %q --advertise %q, want port %d advertised under the service name", name, listen, advertise, workerPort)
		}
		if d, ok := svc.DependsOn["coordinator"]; !ok || d.Condition != "service_healthy" {
			t.Errorf("%s: does not wait for a healthy coordinator", name)
		}
	}
	if workers != 3 {
		t.Errorf("%d workers, want 3", workers)
	}

	dockerfile, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^EXPOSE (.+)$`).FindSubmatch(dockerfile)
	if m == nil {
		t.Fatal("Dockerfile exposes no port")
	}
	for _, port := range []int{flightPort, httpPort, workerPort} {
		if !slices.Contains(strings.Fields(string(m[1])), fmt.Sprint(port)) {
			t.Errorf("Dockerfile does not expose %d: EXPOSE %s", port, m[1])
		}
	}
}

// TestComposeCommands: the binary accepts every service's command line and
// health check.
func TestComposeCommands(t *testing.T) {
	c := loadCompose(t)
	bin := quiverBin(t)
	for name, svc := range c.Services {
		runConfig(t, bin, name, svc.Command)
		if hc := svc.Healthcheck; hc != nil {
			if len(hc.Test) < 3 || hc.Test[0] != "CMD" || hc.Test[1] != "quiver" {
				t.Errorf("%s: health check %q is not a quiver command", name, hc.Test)
				continue
			}
			runConfig(t, bin, name+" health check", hc.Test[2:])
		}
	}
}
