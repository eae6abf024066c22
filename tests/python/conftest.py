"""Shared fixtures for the Python package tests: small scenarios that run in milliseconds, the
scenario library, the built CLI and a scratch folder in the build tree."""
import os
import pathlib

import pytest

import myoflux

# One day with three meals and a short run: enough to exercise every output.
ONE_DAY = {
    "name": "one_day",
    "duration": "1 day",
    "output_interval": "30 min",
    "subject": {"sex": "female", "body_mass": "60 kg"},
    "sessions": {"run": {"type": "run", "duration": "30 min", "intensity": "70 %VO2max"}},
    "plan": [{"session": "run", "days": [1], "time": "07:00"}],
    "diet": {
        "protein": "1.6 g/kg/day",
        "meals": [
            {"name": "breakfast", "time": "08:00"},
            {"name": "lunch", "time": "12:30"},
            {"name": "dinner", "time": "19:00"},
        ],
    },
}


@pytest.fixture
def one_day():
    """A compiled one-day scenario (a fresh dict each time, so tests may change it)."""
    return myoflux.Scenario.from_dict(ONE_DAY)


@pytest.fixture
def library():
    """The scenario library folder (scenarios/ in the repository)."""
    path = myoflux.scenario_path()
    assert path.is_dir(), path
    return path


@pytest.fixture
def cli():
    """The built `myoflux` program (ctest passes its path in MYOFLUX_EXE)."""
    exe = os.environ.get("MYOFLUX_EXE")
    if not exe or not os.path.exists(exe):
        pytest.fail("MYOFLUX_EXE must name the built myoflux program (ctest sets it)")
    return exe


@pytest.fixture
def scratch(tmp_path):
    """A scratch folder (pytest's tmp_path, outside the source tree)."""
    return pathlib.Path(tmp_path)
