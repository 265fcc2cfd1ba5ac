"""Every ```python block of README.md, run verbatim against a real server,
so that the examples cannot rot. Only the address changes: the README's
default "127.0.0.1:47470" becomes the test server's. The blocks run in
order on one server (a later block may read what an earlier one wrote),
each in a fresh namespace and a temporary working directory; a block passes
when it runs to its end without raising.
"""

import contextlib
import io
import linecache
import pathlib
import re

import pytest

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"
DEFAULT_ADDR = "127.0.0.1:47470"
FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def python_blocks():
    """(line number, code) of each ```python block, in order."""
    text = README.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in FENCE.finditer(text)]


BLOCKS = python_blocks()


def test_readme_has_python_examples():
    assert BLOCKS, f"no ```python block in {README}"
    assert any(DEFAULT_ADDR in code for _, code in BLOCKS), f"no python block of {README} connects to {DEFAULT_ADDR}"


@pytest.mark.feature("README examples")
@pytest.mark.parametrize("line,code", BLOCKS, ids=[f"README.md:{line}" for line, _ in BLOCKS])
def test_readme_block(quiver_server, tmp_path, monkeypatch, line, code):
    monkeypatch.chdir(tmp_path)
    # Blank lines in front keep the README's line numbers in tracebacks.
    source = "\n" * line + code.replace(DEFAULT_ADDR, quiver_server.addr)
    filename = str(README)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, filename, "exec"), {"__name__": "__readme__"})
    finally:
        linecache.cache.pop(filename, None)
        print(out.getvalue())
