# Quiver: `make run` starts a coordinator with embedded workers, `make test`
# runs every test. Everything they need is installed from here: Go modules
# through the module proxy, Python packages into ./.venv, the JDBC suite's
# Java artifacts through Maven.

GO        ?= go
GOFLAGS   += -tags=duckdb_arrow
export GOFLAGS
PYTHON    ?= python3
VENV      := .venv
VENV_TPCDS := .venv-tpcds
BIN       := bin/quiver
WORKERS   ?= 2
IMAGE     ?= quiver:latest
DOCKER    ?= docker
MVN       ?= mvn
JDBC_POM  := integration/jdbc/pom.xml
M2        := $(HOME)/.m2/repository
# Offline once a run has filled the local repository (the driver, JUnit, and
# the Surefire provider Maven fetches last); online the first time.
MVN_OFFLINE ?= $(if $(and $(wildcard $(M2)/org/apache/arrow/flight-sql-jdbc-driver/18.3.0),$(wildcard $(M2)/org/junit/jupiter/junit-jupiter-engine/5.14.1),$(wildcard $(M2)/org/apache/maven/surefire/surefire-junit-platform/3.5.4)),-o)
# Every suite records (client, feature, result) per test here; compat-report
# turns the records into docs/compatibility.md.
COMPAT_DIR := $(CURDIR)/build/compat
export QUIVER_COMPAT_DIR := $(COMPAT_DIR)

.PHONY: build run test test-go test-python test-jdbc compat-report venv venv-tpcds chromium clean image parser

build: $(BIN)

$(BIN): $(shell find . -name '*.go' -not -path './.venv/*') $(wildcard tpch/queries/*.sql tpcds/queries/*.sql tpcds/gen.py) go.mod go.sum
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

# The TPC-DS generator's Python (tpcds/requirements.txt): `quiver tpcds` and
# the TPC-DS tests run tpcds/gen.py with it.
$(VENV_TPCDS)/.installed: tpcds/requirements.txt
	$(PYTHON) -m venv $(VENV_TPCDS)
	$(VENV_TPCDS)/bin/pip install --quiet -r tpcds/requirements.txt
	touch $@

venv-tpcds: $(VENV_TPCDS)/.installed

# Every suite runs even when one fails, so that the report covers them all.
test: build venv
	rm -rf $(COMPAT_DIR)
	@status=0; \
	$(MAKE) --no-print-directory test-go || status=1; \
	$(MAKE) --no-print-directory test-python || status=1; \
	$(MAKE) --no-print-directory test-jdbc || status=1; \
	$(MAKE) --no-print-directory compat-report || status=1; \
	exit $$status

# The console's test drives headless Chromium (Debian's package).
chromium:
	@command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

test-go: build chromium venv-tpcds
	QUIVER_BIN=$(CURDIR)/$(BIN) QUIVER_TPCDS_PYTHON=$(CURDIR)/$(VENV_TPCDS)/bin/python $(GO) test -count=1 -timeout 20m ./...

test-python: build venv
	QUIVER_BIN=$(CURDIR)/$(BIN) $(VENV)/bin/python -m pytest -q integration/python

# The Flight SQL JDBC suite (integration/jdbc): JUnit starts its own quiver serve.
test-jdbc: build
	QUIVER_BIN=$(CURDIR)/$(BIN) $(MVN) -q -B $(MVN_OFFLINE) -f $(JDBC_POM) test

compat-report:
	$(GO) run ./integration/compatreport -in $(COMPAT_DIR) -out docs/compatibility.md

# The SQL grammar is ours (third_party/tidbparser/README.md): after editing
# parser.y, regenerate parser.go and keywords.go with the module's own goyacc
# and keyword generator. Not part of build or test: the output is committed.
TIDBPARSER := third_party/tidbparser
parser:
	cd $(TIDBPARSER) && $(GO) build -o bin/goyacc ./goyacc && $(GO) build -o bin/genkeyword ./generate_keyword
	cd $(TIDBPARSER) && bin/goyacc -o parser.go -p yy -t Parser parser.y && rm -f y.output
	cd $(TIDBPARSER) && rm -f keywords.go && bin/genkeyword && chmod 644 keywords.go

# The container image of deploy/Dockerfile (needs a Docker engine, or any
# docker-compatible builder as DOCKER=...); deploy/compose.yaml and
# deploy/k8s run IMAGE.
image:
	$(DOCKER) build -f deploy/Dockerfile -t $(IMAGE) .

clean:
	rm -rf bin $(VENV) $(VENV_TPCDS) build integration/jdbc/target
