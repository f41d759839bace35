"""What a plain `pip install quoteattr` brings: pymorphy3's C dictionary
reader wherever PyPI has a wheel for it, the pure-Python reader elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")
packaging_requirements = pytest.importorskip("packaging.requirements")

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _project() -> dict:
    with PYPROJECT.open("rb") as file:
        return tomllib.load(file)["project"]


def _reader():
    found = [
        packaging_requirements.Requirement(spec)
        for spec in _project()["dependencies"]
        if spec.lower().startswith("dawg2")
    ]
    assert len(found) == 1, "DAWG2 is a plain dependency"
    return found[0]


def _env(implementation: str, version: str, machine: str, platform: str) -> dict[str, str]:
    return {
        "platform_python_implementation": implementation,
        "python_version": version,
        "platform_machine": machine,
        "sys_platform": platform,
    }


@pytest.mark.parametrize(
    "env",
    [
        _env("CPython", "3.10", "x86_64", "linux"),
        _env("CPython", "3.14", "x86_64", "linux"),
        _env("CPython", "3.12", "arm64", "darwin"),
        _env("CPython", "3.11", "x86_64", "darwin"),
        _env("CPython", "3.13", "AMD64", "win32"),
        _env("CPython", "3.11", "x86", "win32"),
    ],
)
def test_the_c_reader_comes_where_wheels_exist(env):
    assert _reader().marker.evaluate(env)


@pytest.mark.parametrize(
    "env",
    [
        _env("CPython", "3.12", "aarch64", "linux"),  # no wheel: would need a compiler
        _env("CPython", "3.12", "ARM64", "win32"),
        _env("PyPy", "3.10", "x86_64", "linux"),
        _env("CPython", "3.15", "x86_64", "linux"),  # not released for it yet
    ],
)
def test_elsewhere_the_pure_python_reader_stays(env):
    assert not _reader().marker.evaluate(env)


def test_the_reader_is_the_one_pymorphy3_fast_asks_for():
    assert _reader().specifier.contains("0.13.3")
    assert "pymorphy3[fast]>=2.0" in _project()["optional-dependencies"]["fast"]


def test_here_pymorphy3_reads_in_c_if_the_marker_says_so():
    if not _reader().marker.evaluate():
        pytest.skip("no DAWG2 wheel for this platform: the pure-Python reader is right")
    from pymorphy3 import dawg

    assert dawg.DAWG.__module__ == "dawg", "pymorphy3 fell back to dawg_python"
