"""pytest plugin of the compatibility report (docs/compatibility.md).

A test names the features it shows with a marker; when it ends, one JSON line
per feature goes to $QUIVER_COMPAT_DIR/python.jsonl (default build/compat at
the repository root), which integration/compatreport turns into the table:

    @pytest.mark.feature("statement query")                          # python-adbc
    @pytest.mark.feature("repeated do_get", client="pyarrow-flight")

The result is "pass", "fail", or "unsupported" when the test skipped or
failed with the server's UNIMPLEMENTED (ADBC's NotSupportedError or status
NOT_IMPLEMENTED, pyarrow's ArrowNotImplementedError). Feature and client
names must be ones the report knows.
"""

import importlib.metadata
import json
import os
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_CLIENT = "python-adbc"
# The package whose version names each client.
CLIENT_PACKAGES = {"python-adbc": "adbc-driver-flightsql", "pyarrow-flight": "pyarrow"}
MAX_MESSAGE = 300


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        'feature(name, client="python-adbc"): the compatibility-report feature the test shows',
    )


def _version(client):
    try:
        return importlib.metadata.version(CLIENT_PACKAGES[client])
    except (KeyError, importlib.metadata.PackageNotFoundError):
        return ""


def _unimplemented(exc):
    """Whether the server's UNIMPLEMENTED is anywhere in exc's chain."""
    import adbc_driver_manager
    import pyarrow as pa

    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, (adbc_driver_manager.NotSupportedError, pa.ArrowNotImplementedError)):
            return True
        if getattr(exc, "status_code", None) == adbc_driver_manager.AdbcStatusCode.NOT_IMPLEMENTED:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _result(call, report):
    if report.skipped:
        return "unsupported"
    if report.passed:
        return "pass"
    if call.excinfo is not None and _unimplemented(call.excinfo.value):
        return "unsupported"
    return "fail"


def _message(call, report):
    if report.passed:
        return ""
    if call.excinfo is not None:
        e = call.excinfo.value
        text = f"{type(e).__name__}: {e}"
    else:
        text = str(report.longrepr)
    text = " ".join(text.split())
    return text[:MAX_MESSAGE] + ("..." if len(text) > MAX_MESSAGE else "")


def _write(lines):
    out = pathlib.Path(os.environ.get("QUIVER_COMPAT_DIR") or REPO / "build" / "compat")
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "python.jsonl", "a", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    # One record per test: its call, or the setup that kept it from running.
    if report.when != "call" and not (report.when == "setup" and not report.passed):
        return
    marks = list(item.iter_markers(name="feature"))
    if not marks:
        return
    result, message = _result(call, report), _message(call, report)
    lines = []
    for m in marks:
        client = m.kwargs.get("client", DEFAULT_CLIENT)
        for feature in m.args:
            lines.append(
                {
                    "client": client,
                    "version": _version(client),
                    "feature": feature,
                    "test": item.nodeid,
                    "result": result,
                    "message": message,
                }
            )
    _write(lines)
