"""Running the model: one scenario (``run``) or many on C++ threads (``run_many``).

Both release the GIL while the model runs, so other Python threads keep going, and both stop
on Ctrl-C (or Jupyter's "interrupt kernel") with KeyboardInterrupt.
"""
import os

from myoflux import _core, _fields
from myoflux.result import Result
from myoflux.scenario import Scenario, Study, load_scenario


def _as_scenario(item):
    """A Scenario from a Scenario, a path to a scenario file or a dict in scenario-file form."""
    if isinstance(item, Scenario):
        return item
    if isinstance(item, (str, os.PathLike)):
        return load_scenario(item)
    if isinstance(item, dict):
        return Scenario.from_dict(item)
    raise TypeError(
        f"expected a myoflux.Scenario, a scenario file path or a dict, got {type(item).__name__}"
    )


def run(scenario, params=None, solver=None, check=True, max_output=None, **overrides):
    """Simulates one scenario and returns its Result.

    Arguments:
        scenario: a Scenario, a path to a scenario file, or a dict in scenario-file form.
        params: dict of model parameter names to values in their units (see parameters()).
        solver: dict of solver settings changing the model's defaults (name [unit]: meaning;
            the model's default), e.g. {"method": "rosenbrock4", "rtol": 1e-7}:
{solver_options}
        check: raise RuntimeError when the solver fails (else return the partial Result,
            whose ``ok`` is False and ``message`` says why).
        max_output: refuse, before simulating, a run whose samples would exceed this size
            ("5 GB", or bytes; default 2 GB, as ``myoflux run --max-output``): a 100-year
            scenario with 1-minute output is stopped with the estimate, not after filling memory.
        **overrides: scenario fields, ``__`` for the dot: ``diet__protein="2.0 g/kg/day"``.
    Raises ValueError (ScenarioError with file:line:column) for bad input, RuntimeError for a
    failed simulation, with the C++ message text.
    """
    scenario = _as_scenario(scenario).with_(params=params, **overrides)
    return Result(_core.run(scenario._core, solver, check, max_output), scenario)


run.__doc__ = run.__doc__.replace("{solver_options}", _fields.solver_options(" " * 12))


def run_many(scenarios, threads=None, params=None, solver=None, check=True, max_output=None):
    """Simulates many scenarios at once on C++ threads and returns their Results.

    Arguments:
        scenarios: a list (or other iterable) of Scenarios, paths or dicts -> a list of Results
            in the same order; a dict name -> scenario or a Study -> a dict name -> Result.
        threads: how many runs at a time (default: one per core).
        params: model parameter values applied to every scenario (dict name -> value).
        solver: solver settings for every run, as in run().
        check: raise RuntimeError if any solver fails (else failed runs come back with ok False).
        max_output: the limit of run() on all the runs' samples together.
    The model is shared read-only; each run owns its data. Errors as in run(): the first bad
    input (in input order) raises ValueError with the C++ message.
    """
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise ValueError(f"threads must be a positive whole number, got {threads!r}")
    if isinstance(scenarios, Study):
        scenarios = scenarios.arms
    keyed = isinstance(scenarios, dict)
    labels = list(scenarios.keys()) if keyed else None
    given = scenarios.values() if keyed else scenarios
    items = [_as_scenario(s).with_(params=params) for s in given]
    cores = _core.run_many([s._core for s in items], solver, threads or 0, check, max_output)
    results = [Result(core, scenario) for core, scenario in zip(cores, items)]
    return dict(zip(labels, results)) if keyed else results
