"""The message shown when the compiled module myoflux._core cannot be imported.

``import myoflux`` still succeeds (``myoflux.plot`` needs no compiled code); the first use of
the API raises the ImportError built here, which says how to build and find the module.
"""
import os
import sys

_BUILD_HELP = (
    "myoflux._core, the compiled part of myoflux, could not be imported ({cause}).\n"
    "Build it from the repository root with\n"
    "    ./tools/bootstrap.sh && cmake --workflow --preset build\n"
    "which puts the package in build/release/python/myoflux and registers that folder for\n"
    "/usr/bin/python3 (myoflux.pth in the user site-packages); or put the folder on the path:\n"
    "    export PYTHONPATH=/path/to/myoflux/build/release/python\n"
    "Use Debian's /usr/bin/python3, for which the module is built; this is {python}.{extra}"
)


def explain(error):
    """Returns an ImportError that explains how to build and find myoflux._core."""
    here = os.path.dirname(os.path.abspath(__file__))
    extra = ""
    if not any(name.startswith("_core.") for name in os.listdir(here)):
        extra = f"\n(The package was imported from {here}, which holds no compiled _core.)"
    message = _BUILD_HELP.format(cause=error, python=sys.executable, extra=extra)
    result = ImportError(message)
    result.__cause__ = error
    return result
