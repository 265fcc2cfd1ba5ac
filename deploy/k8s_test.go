package deploy

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
	k8syaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

// The contract between the manifests, the compose file and the binary.
const (
	image      = "quiver:latest"
	flightPort = 47470         // the coordinator's Flight SQL
	httpPort   = 47471         // every node's HTTP: /readyz, /healthz
	workerPort = 47480         // a worker's Flight service
	readyPath  = "/readyz"     // readiness: the node can serve
	alivePath  = "/healthz"    // liveness: the process runs
	configDir  = "/etc/quiver" // where the ConfigMap is mounted
)

// manifests are the decoded objects of deploy/k8s, by kind and name.
type manifests struct {
	services     map[string]*corev1.Service
	configMaps   map[string]*corev1.ConfigMap
	secrets      map[string]*corev1.Secret
	claims       map[string]*corev1.PersistentVolumeClaim
	deployments  map[string]*appsv1.Deployment
	statefulSets map[string]*appsv1.StatefulSet
}

// workload is a Deployment or StatefulSet as far as the checks go.
type workload struct {
	kind, name string
	selector   *metav1.LabelSelector
	template   corev1.PodTemplateSpec
}

func (m *manifests) workloads() []workload {
	var out []workload
	for _, name := range sortedKeys(m.deployments) {
		d := m.deployments[name]
		out = append(out, workload{"Deployment", name, d.Spec.Selector, d.Spec.Template})
	}
	for _, name := range sortedKeys(m.statefulSets) {
		s := m.statefulSets[name]
		out = append(out, workload{"StatefulSet", name, s.Spec.Selector, s.Spec.Template})
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// kustomization is the part of kustomize's Kustomization the manifests use
// (decoded strictly: a field it does not know fails).
type kustomization struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Labels     []struct {
		Pairs map[string]string `json:"pairs"`
	} `json:"labels"`
	Resources []string `json:"resources"`
	Images    []struct {
		Name    string `json:"name"`
		NewName string `json:"newName"`
		NewTag  string `json:"newTag"`
	} `json:"images"`
}

// loadManifests decodes every resource kustomization.yaml lists, each
// document strictly into its Kubernetes API type.
func loadManifests(t *testing.T) *manifests {
	t.Helper()
	b, err := os.ReadFile("k8s/kustomization.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var k kustomization
	if err := yaml.UnmarshalStrict(b, &k); err != nil {
		t.Fatalf("kustomization.yaml: %v", err)
	}
	if k.APIVersion != "kustomize.config.k8s.io/v1beta1" || k.Kind != "Kustomization" {
		t.Errorf("kustomization.yaml is %s %s", k.APIVersion, k.Kind)
	}
	if len(k.Images) != 1 || k.Images[0].Name+":"+k.Images[0].NewTag != image {
		t.Errorf("kustomization.yaml images %+v, want one for %s", k.Images, image)
	}
	files, err := filepath.Glob("k8s/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var onDisk []string
	for _, f := range files {
		if base := filepath.Base(f); base != "kustomization.yaml" {
			onDisk = append(onDisk, base)
		}
	}
	listed := slices.Sorted(slices.Values(k.Resources))
	if !slices.Equal(listed, onDisk) {
		t.Errorf("kustomization.yaml lists %v, deploy/k8s has %v", listed, onDisk)
	}

	m := &manifests{
		services: map[string]*corev1.Service{}, configMaps: map[string]*corev1.ConfigMap{},
		secrets: map[string]*corev1.Secret{}, claims: map[string]*corev1.PersistentVolumeClaim{},
		deployments: map[string]*appsv1.Deployment{}, statefulSets: map[string]*appsv1.StatefulSet{},
	}
	for _, file := range k.Resources {
		for i, doc := range yamlDocuments(t, filepath.Join("k8s", file)) {
			if err := m.add(doc); err != nil {
				t.Errorf("%s document %d: %v", file, i+1, err)
			}
		}
	}
	return m
}

// yamlDocuments splits a file into its YAML documents.
func yamlDocuments(t *testing.T, path string) [][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rdr := k8syaml.NewYAMLReader(bufio.NewReader(f))
	var docs [][]byte
	for {
		doc, err := rdr.Read()
		if errors.Is(err, io.EOF) {
			return docs
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(bytes.TrimSpace(stripComments(doc))) > 0 {
			docs = append(docs, doc)
		}
	}
}

var commentLine = regexp.MustCompile(`(?m)^\s*#.*$`)

func stripComments(doc []byte) []byte { return commentLine.ReplaceAll(doc, nil) }

// add decodes one document strictly by its kind.
func (m *manifests) add(doc []byte) error {
	var tm metav1.TypeMeta
	if err := yaml.Unmarshal(doc, &tm); err != nil {
		return err
	}
	var name string
	var err error
	decode := func(obj interface{ GetName() string }) {
		err = yaml.UnmarshalStrict(doc, obj)
		name = obj.GetName()
	}
	switch tm.APIVersion + " " + tm.Kind {
	case "v1 Service":
		o := &corev1.Service{}
		decode(o)
		m.services[name] = o
	case "v1 ConfigMap":
		o := &corev1.ConfigMap{}
		decode(o)
		m.configMaps[name] = o
	case "v1 Secret":
		o := &corev1.Secret{}
		decode(o)
		m.secrets[name] = o
	case "v1 PersistentVolumeClaim":
		o := &corev1.PersistentVolumeClaim{}
		decode(o)
		m.claims[name] = o
	case "apps/v1 Deployment":
		o := &appsv1.Deployment{}
		decode(o)
		m.deployments[name] = o
	case "apps/v1 StatefulSet":
		o := &appsv1.StatefulSet{}
		decode(o)
		m.statefulSets[name] = o
	default:
		return errors.New("unexpected kind " + tm.APIVersion + " " + tm.Kind)
	}
	if err == nil && name == "" {
		err = errors.New(tm.Kind + " without a name")
	}
	return err
}

// TestStrictDecodingCatchesUnknownFields: the decoding the checks rely on
// rejects a misspelt field.
func TestStrictDecodingCatchesUnknownFields(t *testing.T) {
	m := &manifests{services: map[string]*corev1.Service{}}
	err := m.add([]byte("apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  selektor: {a: b}\n"))
	if err == nil || !strings.Contains(err.Error(), "selektor") {
		t.Fatalf("a misspelt field decoded: %v", err)
	}
}

// TestManifests checks that the manifests' references agree: selectors
// select their pods, Services reach container ports, volumes name claims,
// ConfigMaps and Secrets that exist, readiness probes ask /readyz and
// liveness probes /healthz on the HTTP port.
func TestManifests(t *testing.T) {
	m := loadManifests(t)
	if len(m.deployments) != 1 || len(m.statefulSets) != 1 {
		t.Fatalf("%d Deployments and %d StatefulSets, want a coordinator Deployment and a worker StatefulSet", len(m.deployments), len(m.statefulSets))
	}
	for _, w := range m.workloads() {
		t.Run(w.kind+"/"+w.name, func(t *testing.T) { m.checkWorkload(t, w) })
	}
	for _, name := range sortedKeys(m.services) {
		t.Run("Service/"+name, func(t *testing.T) { m.checkService(t, m.services[name]) })
	}
	for _, sts := range m.statefulSets {
		svc := m.services[sts.Spec.ServiceName]
		switch {
		case svc == nil:
			t.Errorf("StatefulSet %s: serviceName %q is no Service", sts.Name, sts.Spec.ServiceName)
		case svc.Spec.ClusterIP != corev1.ClusterIPNone:
			t.Errorf("StatefulSet %s: its Service %s is not headless", sts.Name, svc.Name)
		case !selects(svc.Spec.Selector, sts.Spec.Template.Labels):
			t.Errorf("StatefulSet %s: its Service %s does not select its pods", sts.Name, svc.Name)
		}
	}
	for _, pvc := range m.claims {
		if !slices.Contains(pvc.Spec.AccessModes, corev1.ReadWriteMany) {
			t.Errorf("PersistentVolumeClaim %s is not ReadWriteMany: every node mounts the data directory", pvc.Name)
		}
	}
	if len(m.claims) == 0 {
		t.Error("no PersistentVolumeClaim for the data directory")
	}
}

func selects(selector, podLabels map[string]string) bool {
	return len(selector) > 0 && labels.SelectorFromSet(selector).Matches(labels.Set(podLabels))
}

func (m *manifests) checkWorkload(t *testing.T, w workload) {
	sel, err := metav1.LabelSelectorAsSelector(w.selector)
	if err != nil || sel.Empty() {
		t.Fatalf("selector %v: %v", w.selector, err)
	}
	if !sel.Matches(labels.Set(w.template.Labels)) {
		t.Errorf("selector %v does not match the pod labels %v", w.selector, w.template.Labels)
	}
	served := false
	for _, svc := range m.services {
		served = served || selects(svc.Spec.Selector, w.template.Labels)
	}
	if !served {
		t.Errorf("no Service selects its pods")
	}
	pod := w.template.Spec
	uid, gid := dockerfileUser(t)
	if sc := pod.SecurityContext; sc == nil || sc.RunAsUser == nil || *sc.RunAsUser != uid || sc.FSGroup == nil || *sc.FSGroup != gid {
		t.Errorf("the pod does not run as the image's user %d:%d with fsGroup %d (the data volume must be writable): %+v", uid, gid, gid, sc)
	}
	volumes := map[string]corev1.Volume{}
	for _, v := range pod.Volumes {
		volumes[v.Name] = v
		switch {
		case v.ConfigMap != nil:
			if m.configMaps[v.ConfigMap.Name] == nil {
				t.Errorf("volume %s: no ConfigMap %s", v.Name, v.ConfigMap.Name)
			}
		case v.Secret != nil:
			if m.secrets[v.Secret.SecretName] == nil {
				t.Errorf("volume %s: no Secret %s", v.Name, v.Secret.SecretName)
			}
		case v.PersistentVolumeClaim != nil:
			if m.claims[v.PersistentVolumeClaim.ClaimName] == nil {
				t.Errorf("volume %s: no PersistentVolumeClaim %s", v.Name, v.PersistentVolumeClaim.ClaimName)
			}
		default:
			t.Errorf("volume %s: not a ConfigMap, Secret or claim", v.Name)
		}
	}
	for _, c := range pod.Containers {
		if c.Image != image {
			t.Errorf("container %s: image %s, want %s", c.Name, c.Image, image)
		}
		for _, vm := range c.VolumeMounts {
			if _, ok := volumes[vm.Name]; !ok {
				t.Errorf("container %s: mount of volume %s, which the pod does not have", c.Name, vm.Name)
			}
		}
		for _, e := range c.Env {
			if e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil {
				continue
			}
			ref := e.ValueFrom.SecretKeyRef
			s := m.secrets[ref.Name]
			if s == nil {
				t.Errorf("container %s: $%s from Secret %s, which does not exist", c.Name, e.Name, ref.Name)
			} else if _, ok := s.StringData[ref.Key]; !ok {
				if _, ok := s.Data[ref.Key]; !ok {
					t.Errorf("container %s: $%s from key %s, which Secret %s does not have", c.Name, e.Name, ref.Key, ref.Name)
				}
			}
		}
		for what, p := range map[string]*corev1.Probe{"readiness": c.ReadinessProbe, "liveness": c.LivenessProbe} {
			want := map[string]string{"readiness": readyPath, "liveness": alivePath}[what]
			switch {
			case p == nil || p.HTTPGet == nil:
				t.Errorf("container %s: no HTTP %s probe", c.Name, what)
			case p.HTTPGet.Path != want:
				t.Errorf("container %s: %s probe asks %s, want %s", c.Name, what, p.HTTPGet.Path, want)
			case containerPort(c, p.HTTPGet.Port) != httpPort:
				t.Errorf("container %s: %s probe on port %s, want the HTTP port %d", c.Name, what, p.HTTPGet.Port.String(), httpPort)
			}
		}
		m.checkConfigArg(t, c, volumes)
	}
}

// dockerfileUser is the user:group of the Dockerfile's USER line.
func dockerfileUser(t *testing.T) (uid, gid int64) {
	t.Helper()
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^USER (\d+):(\d+)$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("the Dockerfile has no USER uid:gid line")
	}
	uid, _ = strconv.ParseInt(string(m[1]), 10, 64)
	gid, _ = strconv.ParseInt(string(m[2]), 10, 64)
	return uid, gid
}

// containerPort resolves a port by name or number to a port the container
// declares (0: none).
func containerPort(c corev1.Container, port intstr.IntOrString) int32 {
	for _, p := range c.Ports {
		if (port.Type == intstr.String && p.Name == port.StrVal) || (port.Type == intstr.Int && p.ContainerPort == port.IntVal) {
			return p.ContainerPort
		}
	}
	return 0
}

// checkConfigArg: the --config a container is given is a key of the
// ConfigMap mounted at configDir.
func (m *manifests) checkConfigArg(t *testing.T, c corev1.Container, volumes map[string]corev1.Volume) {
	path := flagValue(c.Args, "--config")
	if path == "" {
		t.Errorf("container %s: no --config", c.Name)
		return
	}
	for _, vm := range c.VolumeMounts {
		v := volumes[vm.Name]
		if vm.MountPath != configDir || v.ConfigMap == nil {
			continue
		}
		cm := m.configMaps[v.ConfigMap.Name]
		if cm != nil {
			if _, ok := cm.Data[strings.TrimPrefix(path, configDir+"/")]; ok {
				return
			}
		}
	}
	t.Errorf("container %s: --config %s is no file of the ConfigMap mounted at %s", c.Name, path, configDir)
}

// flagValue is the value of --name in args ("" when absent).
func flagValue(args []string, name string) string {
	for i, a := range args {
		if a == name && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return v
		}
	}
	return ""
}

func (m *manifests) checkService(t *testing.T, svc *corev1.Service) {
	var pods []corev1.PodTemplateSpec
	for _, w := range m.workloads() {
		if selects(svc.Spec.Selector, w.template.Labels) {
			pods = append(pods, w.template)
		}
	}
	if len(pods) == 0 {
		t.Fatalf("selector %v selects no pods", svc.Spec.Selector)
	}
	for _, sp := range svc.Spec.Ports {
		target := sp.TargetPort
		if target.Type == intstr.Int && target.IntVal == 0 {
			target = intstr.FromInt32(sp.Port)
		}
		for _, pod := range pods {
			found := int32(0)
			for _, c := range pod.Spec.Containers {
				if p := containerPort(c, target); p != 0 {
					found = p
				}
			}
			if found == 0 {
				t.Errorf("port %s (%d): target %s is no container port of the pods it selects", sp.Name, sp.Port, target.String())
			} else if found != sp.Port {
				t.Errorf("port %s: Service port %d, container port %d (clients and probes expect them equal)", sp.Name, sp.Port, found)
			}
		}
	}
}

// TestConfigMapFiles: the configuration files of the ConfigMap are TOML,
// and the binary accepts them with the arguments the containers pass (its
// flags are the files' keys; an unknown key fails 'quiver config').
func TestConfigMapFiles(t *testing.T) {
	m := loadManifests(t)
	for _, cm := range m.configMaps {
		for key, text := range cm.Data {
			var v map[string]any
			if _, err := toml.Decode(text, &v); err != nil {
				t.Errorf("ConfigMap %s, %s: %v", cm.Name, key, err)
			}
		}
	}
	bin := quiverBin(t)
	dir := t.TempDir()
	for _, w := range m.workloads() {
		for _, c := range w.template.Spec.Containers {
			file := strings.TrimPrefix(flagValue(c.Args, "--config"), configDir+"/")
			text, ok := m.configMaps["quiver-config"].Data[file]
			if !ok {
				t.Errorf("%s %s: no configuration file %s", w.kind, w.name, file)
				continue
			}
			path := filepath.Join(dir, file)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			args := slices.Clone(c.Args)
			for i, a := range args {
				args[i] = strings.ReplaceAll(strings.ReplaceAll(a, "$(POD_NAME)", w.name+"-0"), configDir+"/"+file, path)
			}
			runConfig(t, bin, w.kind+" "+w.name, args)
		}
	}
}

// quiverBin is $QUIVER_BIN (make test sets it); the checks that run the
// binary skip without it.
func quiverBin(t *testing.T) string {
	bin := os.Getenv("QUIVER_BIN")
	if bin == "" {
		t.Skip("QUIVER_BIN is not set: the files are not checked against the binary's flags (make test sets it)")
	}
	return bin
}

// runConfig runs 'quiver config ARGS...' (ARGS starting with the command),
// which fails on an unknown flag or configuration key.
func runConfig(t *testing.T, bin, what string, args []string) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"config"}, args...)...)
	cmd.Env = append(os.Environ(), "QUIVER_CONFIG=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("%s: quiver config %s: %v\n%s", what, strings.Join(args, " "), err, out)
	}
}
