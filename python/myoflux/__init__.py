"""myoflux: skeletal-muscle protein balance under exercise and diet (Python interface).

A five-line session (docs/python.md has the whole API)::

    import myoflux
    hiit = myoflux.load_scenario(myoflux.scenario_path("hiit_4x4_brief.yaml"))
    result = myoflux.run(hiit, diet__protein="2.0 g/kg/day")
    result["csa_change_percent"][-1]          # % change of whole-muscle CSA at the end
    result.summary()["mean_daily_net_balance"]  # Quantity(value=..., unit='g/day', note=...)

The compiled part, myoflux._core, is built by CMake (docs/python.md says where it lands).
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
except ImportError as _error:  # the compiled module is missing or was built for another Python
    from myoflux._missing import explain as _explain

    _import_error = _explain(_error)

    def __getattr__(name):
        if name in __all__ or name == "__version__":
            raise _import_error
        raise AttributeError(f"module 'myoflux' has no attribute '{name}'")
