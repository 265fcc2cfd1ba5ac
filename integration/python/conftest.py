"""Fixtures that run a real `quiver serve` for the Python client tests.

The binary is $QUIVER_BIN (the Makefile sets it); when unset, ./cmd/quiver
is built once into a temporary directory. Every wait has a deadline, and
every process started here is stopped (SIGTERM, then SIGKILL) at teardown.
"""

import ctypes
import json
import os
import pathlib
import signal
import subprocess
import sys
import threading
import time

import pytest

pytest_plugins = ["compat_plugin"]

REPO = pathlib.Path(__file__).resolve().parents[2]
READY_TIMEOUT = 120.0  # seconds from start to the ready line
STOP_GRACE = 20.0  # seconds from SIGTERM to SIGKILL
LOG_TAIL = 60


def _die_with_parent():
    """Runs in the child before exec: SIGKILL it when pytest dies (Linux)."""
    if sys.platform.startswith("linux"):
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class QuiverProcess:
    """One quiver process whose output lines are kept and teed to a file."""

    def __init__(self, binary, args, log_path):
        self.args = [str(binary)] + [str(a) for a in args]
        self.log_path = pathlib.Path(log_path)
        self._lines = []
        self._lock = threading.Lock()
        self._log = open(self.log_path, "w", encoding="utf-8")
        self._log.write("# " + " ".join(self.args) + "\n")
        self.proc = subprocess.Popen(
            self.args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            preexec_fn=_die_with_parent,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for raw in self.proc.stdout:
            line = raw.rstrip("\n")
            fields = None
            if line.lstrip().startswith("{"):
                try:
                    fields = json.loads(line)
                except ValueError:
                    fields = None
            with self._lock:
                self._lines.append((line, fields))
                self._log.write(line + "\n")
                self._log.flush()

    def lines(self):
        with self._lock:
            return list(self._lines)

    def tail(self, n=LOG_TAIL):
        return "\n".join(line for line, _ in self.lines()[-n:])

    def wait_for(self, msg, timeout=READY_TIMEOUT):
        """Returns the fields of the first JSON line whose "msg" is msg."""
        deadline = time.monotonic() + timeout
        while True:
            for _, fields in self.lines():
                if isinstance(fields, dict) and fields.get("msg") == msg:
                    return fields
            if self.proc.poll() is not None:
                self._reader.join(timeout=5)
                for _, fields in self.lines():
                    if isinstance(fields, dict) and fields.get("msg") == msg:
                        return fields
                raise RuntimeError(
                    f"quiver exited ({self.proc.returncode}) before logging {msg!r}; "
                    f"last lines:\n{self.tail()}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"quiver did not log {msg!r} within {timeout}s; last lines:\n{self.tail()}"
                )
            time.sleep(0.05)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=STOP_GRACE)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        with self._lock:
            self._log.close()


@pytest.fixture(scope="session")
def quiver_bin(tmp_path_factory):
    path = os.environ.get("QUIVER_BIN")
    if path:
        path = pathlib.Path(path).resolve()
        if not path.exists():
            pytest.fail(f"QUIVER_BIN={path} does not exist")
        return path
    out = tmp_path_factory.mktemp("bin") / "quiver"
    try:
        subprocess.run(
            ["go", "build", "-tags", "duckdb_arrow", "-o", str(out), "./cmd/quiver"],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
            timeout=900,
        )
    except subprocess.CalledProcessError as e:
        pytest.fail(f"go build ./cmd/quiver failed:\n{e.stdout}\n{e.stderr}")
    return out


@pytest.fixture(scope="module")
def quiver_server(request, quiver_bin, tmp_path_factory):
    """`quiver serve --workers 2` on a free port in a temporary data dir.

    Yields an object with .addr (host:port), .uri (grpc://host:port),
    .process (QuiverProcess) and .data_dir. A test module's QUIVER_ARGS
    (a list) are further flags of the server.
    """
    data_dir = tmp_path_factory.mktemp("data")
    log_dir = pathlib.Path(os.environ.get("QUIVER_IT_LOGDIR") or tmp_path_factory.mktemp("logs"))
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"py-{request.module.__name__}-serve.log"
    proc = QuiverProcess(
        quiver_bin,
        ["serve", "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0", "--data-dir", data_dir, "--workers", "2"]
        + list(getattr(request.module, "QUIVER_ARGS", [])),
        log_path,
    )
    try:
        ready = proc.wait_for("serving Flight SQL")
    except Exception:
        proc.stop()
        raise
    addr = ready.get("addr")
    if not addr:
        proc.stop()
        pytest.fail(f"ready line without addr: {ready}")

    class Server:
        pass

    server = Server()
    server.addr = addr
    server.uri = "grpc://" + addr
    server.process = proc
    server.data_dir = data_dir
    failed_before = request.session.testsfailed
    yield server
    proc.stop()
    if request.session.testsfailed > failed_before:
        sys.stderr.write(
            f"\n---- last {LOG_TAIL} lines of quiver serve ({log_path}) ----\n{proc.tail()}\n"
        )
