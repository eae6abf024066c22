"""Shared fixtures for the command-line tests: where the program and the sources are."""
import os
import subprocess

import pytest

MYOFLUX = os.environ.get("MYOFLUX_EXE", "")
SOURCE_DIR = os.environ.get("MYOFLUX_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


def run(*args, cwd=None, check=None):
    """Runs `myoflux ARGS...`; returns the CompletedProcess (text output)."""
    result = subprocess.run([MYOFLUX, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300)
    if check is not None:
        assert result.returncode == check, result.stdout + result.stderr
    return result


def scenario(relative):
    return os.path.join(SOURCE_DIR, "scenarios", relative)


@pytest.fixture(autouse=True)
def _needs_program():
    if not MYOFLUX or not os.path.exists(MYOFLUX):
        pytest.fail("MYOFLUX_EXE must name the built myoflux program (ctest sets it)")
