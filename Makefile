# Quiver: `make run` starts a coordinator with embedded workers, `make test`
# runs every test. Everything they need is installed from here: Go modules
# through the module proxy, Python packages into ./.venv.

GO        ?= go
GOFLAGS   += -tags=duckdb_arrow
export GOFLAGS
PYTHON    ?= python3
VENV      := .venv
BIN       := bin/quiver
WORKERS   ?= 2
IMAGE     ?= quiver:latest
DOCKER    ?= docker

.PHONY: build run test test-go test-python venv chromium clean image

build: $(BIN)

$(BIN): $(shell find . -name '*.go' -not -path './.venv/*') go.mod go.sum
	@mkdir -p bin
	$(GO) build -o $(BIN) ./cmd/quiver

run: build
	./$(BIN) serve --workers $(WORKERS)

$(VENV)/.installed: integration/python/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r integration/python/requirements.txt
	touch $@

venv: $(VENV)/.installed

test: test-go test-python

# The console's test drives headless Chromium (Debian's package).
chromium:
	@command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

test-go: build chromium
	QUIVER_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -timeout 20m ./...

test-python: build venv
	QUIVER_BIN=$(CURDIR)/$(BIN) $(VENV)/bin/python -m pytest -q integration/python

# The container image of deploy/Dockerfile (needs a Docker engine, or any
# docker-compatible builder as DOCKER=...); deploy/compose.yaml and
# deploy/k8s run IMAGE.
image:
	$(DOCKER) build -f deploy/Dockerfile -t $(IMAGE) .

clean:
	rm -rf bin $(VENV)
