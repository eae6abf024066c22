"""Functions that the pickling tests send to other processes (spawned interpreters import this
module by name, so the functions must live in a module, not in the test file's closures)."""
import pickle

import numpy as np


def run_scenario(scenario):
    """Runs a Scenario that arrived by pickle and sends the Result back the same way."""
    import myoflux

    return myoflux.run(scenario)


def describe_study(study):
    """What a Study that arrived by pickle says about its arms."""
    return {name: arm.describe(full=True) for name, arm in study.arms.items()}


def result_facts(result):
    """A Result that arrived by pickle, reduced to plain values to compare in the parent."""
    return {
        "run_id": result.run_id,
        "time_h": np.array(result.time_h),
        "values": np.array(result.values),
        "names": result.names,
        "units": result.units,
        "stats": result.stats,
        "solver": result.solver,
        "metadata": result.metadata,
        "summary": result.summary(),
    }


def dataset_round_trip(dataset):
    """A sweep Dataset that arrived by pickle, loaded, sent back."""
    return dataset.load()


def pickled_size(value):
    return len(pickle.dumps(value))
