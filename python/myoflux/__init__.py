"""myoflux: skeletal-muscle protein balance under exercise and diet (Python interface).

A five-line session (docs/python.md has the whole API)::

    import myoflux
    hiit = myoflux.load_scenario(myoflux.scenario_path("hiit_4x4_brief.yaml"))
    result = myoflux.run(hiit, diet__protein="2.0 g/kg/day")
    result["csa_change_percent"][-1]          # % change of whole-muscle CSA at the end
    result.summary()["mean_daily_net_balance"]  # Quantity(value=..., unit='g/day', note=...)

The compiled part, myoflux._core, is built by CMake (docs/python.md says where it lands).
``myoflux.__version__`` is the version ``myoflux --version`` prints; ``myoflux.build_info()`` gives
the rest of what it prints (git commit, build type, compiler, Eigen, Boost and HDF5 versions).
``myoflux.plot`` works without it, so the command line can draw figures from the source folder.
"""

__all__ = [
    "Quantity",
    "Result",
    "Scenario",
    "ScenarioError",
    "Study",
    "UnknownVariableError",
    "Validation",
    "build_info",
    "equations",
    "load_scenario",
    "load_study",
    "outputs",
    "parameters",
    "read_h5",
    "read_sweep",
    "run",
    "run_many",
    "scenario_path",
    "summary_table",
    "sweep",
    "validate",
    "write_h5",
]

try:
    from myoflux._core import ScenarioError, __version__  # noqa: F401  (re-exported)
    from myoflux._core import _build_info
    from myoflux.model_functions import equations  # noqa: F401
    from myoflux.model import Validation, outputs, parameters, validate  # noqa: F401
    from myoflux.result import Quantity, Result, UnknownVariableError, summary_table  # noqa: F401
    from myoflux.scenario import (  # noqa: F401
        Scenario,
        Study,
        load_scenario,
        load_study,
        scenario_path,
    )
    from myoflux.simulate import run, run_many  # noqa: F401
    from myoflux.store import read_h5, write_h5  # noqa: F401
    from myoflux.sweep import read_sweep, sweep  # noqa: F401

    def build_info():
        """How this myoflux was built: the facts ``myoflux --version`` prints, as a dict with the
        keys version, git_commit, git_dirty (True when the tree had uncommitted changes),
        build_type, compiler, eigen, boost and hdf5 (version texts), and summary (the one-line
        text that every result file stores in its provenance as ``build``)."""
        return _build_info()

except ImportError as _error:  # the compiled module is missing or was built for another Python
    from myoflux._missing import explain as _explain

    _import_error = _explain(_error)

    def __getattr__(name):
        if name in __all__ or name == "__version__":
            raise _import_error
        raise AttributeError(f"module 'myoflux' has no attribute '{name}'")
