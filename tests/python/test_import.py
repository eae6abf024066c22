"""The package imports, reports its version, and explains itself when _core is missing."""
import os
import pathlib
import subprocess
import sys

import myoflux

SOURCE_PACKAGE_PARENT = pathlib.Path(__file__).resolve().parents[2] / "python"


def test_public_names_exist():
    for name in myoflux.__all__:
        assert hasattr(myoflux, name), name


def test_version_and_build_folder():
    assert myoflux.__version__.count(".") == 2
    from myoflux import _core

    assert pathlib.Path(_core.__file__).parent == pathlib.Path(myoflux.__file__).parent


def _python_with_source_package_only(code):
    env = dict(os.environ, PYTHONPATH=str(SOURCE_PACKAGE_PARENT), PYTHONNOUSERSITE="1")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_plot_module_works_without_core():
    # The CLI runs `python3 -m myoflux.plot` with only the source folder on PYTHONPATH.
    done = _python_with_source_package_only("import myoflux.plot; print(myoflux.plot.__name__)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "myoflux.plot"


def test_missing_core_says_how_to_build_it():
    done = _python_with_source_package_only("import myoflux; myoflux.run")
    assert done.returncode != 0
    expected = "ImportError: myoflux._core, the compiled part of myoflux, could not be imported"
    assert expected in done.stderr
    assert "cmake --workflow --preset build" in done.stderr
    assert "PYTHONPATH" in done.stderr


def test_missing_core_from_import_raises_import_error():
    done = _python_with_source_package_only("from myoflux import run_many")
    assert "ImportError" in done.stderr and "cmake --workflow" in done.stderr


def test_unknown_attribute_is_attribute_error():
    done = _python_with_source_package_only("import myoflux; myoflux.no_such_thing")
    assert "AttributeError: module 'myoflux' has no attribute 'no_such_thing'" in done.stderr
