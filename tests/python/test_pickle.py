"""Scenario, Study, Result and sweep Datasets cross process boundaries (multiprocessing with
spawn, concurrent.futures.ProcessPoolExecutor) and come back equal: what Dask and process pools
need. A scenario travels as its source and overrides and is checked again on arrival; a result
travels as its data, with its metadata (solver settings and statistics) and provenance."""
import concurrent.futures
import math
import multiprocessing
import pickle

import numpy as np
import pytest

import myoflux
import pickle_workers


def same(a, b):
    """Equality that counts NaN equal to NaN (a statistic such as failure_time_h is NaN when
    nothing failed)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    return type(a) is type(b) and a == b


def assert_same_result(a, b, same_run=True):
    """`same_run` False: b is another run of the same scenario, so only the wall time differs."""
    assert a.run_id == b.run_id
    assert np.array_equal(np.asarray(a.time_h), np.asarray(b.time_h))
    assert np.array_equal(np.asarray(a.values), np.asarray(b.values))  # bit for bit, no NaN here
    assert a.names == b.names and a.units == b.units and a.descriptions == b.descriptions
    timing = set() if same_run else {"wall_time_s"}
    differ = [k for k in a.stats if k not in timing and not same(a.stats[k], b.stats.get(k))]
    assert a.stats.keys() == b.stats.keys() and not differ, differ
    assert same(a.solver, b.solver)
    assert same(a.metadata, b.metadata)
    assert a.summary() == b.summary()


@pytest.fixture(scope="module")
def spawn():
    return multiprocessing.get_context("spawn")


def test_scenario_round_trips_with_its_overrides(one_day):
    variant = one_day.with_(diet__protein="2.0 g/kg/day", params={"k_mps": 0.06})
    back = pickle.loads(pickle.dumps(variant))
    assert back.overrides == variant.overrides
    assert back.describe(full=True) == variant.describe(full=True)
    assert back.parameter_overrides == variant.parameter_overrides == {"k_mps": 0.06}
    assert back.sessions == variant.sessions and back.intakes == variant.intakes
    assert back.diet["protein_g_per_kg_day"] == 2.0


def test_a_library_file_scenario_and_a_study_round_trip(library):
    scenario = myoflux.load_scenario(library / "estes2017_hiit.yaml")
    back = pickle.loads(pickle.dumps(scenario))
    assert back.file == scenario.file and back.describe(True) == scenario.describe(True)
    study = myoflux.load_study(library / "hiit_vs_long_distance.yaml")
    copy = pickle.loads(pickle.dumps(study))
    assert list(copy.arms) == list(study.arms) and copy.name == study.name
    for name, arm in study.arms.items():
        assert copy.arms[name].describe(True) == arm.describe(True)


def test_results_round_trip_with_metadata_and_file_provenance(one_day, scratch):
    result = myoflux.run(one_day)
    assert_same_result(pickle.loads(pickle.dumps(result)), result)
    path = scratch / "one.h5"
    myoflux.write_h5(path, [result])
    read = myoflux.read_h5(path)
    (from_file,) = read.values()
    back = pickle.loads(pickle.dumps(from_file))
    assert_same_result(back, from_file)
    assert back.metadata["provenance"] == from_file.metadata["provenance"] is not None


def test_spawned_processes_run_pickled_scenarios(one_day, spawn):
    scenarios = [one_day.with_(diet__protein=f"{p} g/kg/day") for p in (0.8, 1.6)]
    with spawn.Pool(2) as pool:
        results = pool.map(pickle_workers.run_scenario, scenarios)
    for scenario, result in zip(scenarios, results):
        # The same numbers, bit for bit, as a run here.
        assert_same_result(result, myoflux.run(scenario), same_run=False)


def test_process_pool_executor_sends_studies_and_results_both_ways(library, one_day, spawn):
    study = myoflux.load_study(library / "hiit_vs_long_distance.yaml")
    result = myoflux.run(one_day)
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=spawn) as pool:
        described = pool.submit(pickle_workers.describe_study, study).result()
        facts = pool.submit(pickle_workers.result_facts, result).result()
    assert described == {n: a.describe(full=True) for n, a in study.arms.items()}
    assert np.array_equal(facts["values"], np.asarray(result.values))
    assert facts["names"] == result.names and facts["summary"] == result.summary()
    assert same(facts["stats"], result.stats) and same(facts["metadata"], result.metadata)


def test_sweep_datasets_round_trip_in_memory_and_lazy(scratch, spawn):
    spec = {
        "name": "pickled",
        "base": str(myoflux.scenario_path("studies", "postabsorptive_rest.yaml")),
        "grid": {"subject.body_mass": ["60 kg", "80 kg"]},
    }
    in_memory = myoflux.sweep(spec, threads=1)
    assert pickle.loads(pickle.dumps(in_memory)).identical(in_memory)
    on_disk = myoflux.sweep(spec, threads=1, output=scratch / "sweep")
    lazy = myoflux.read_sweep(scratch / "sweep")
    assert pickle.loads(pickle.dumps(lazy)).load().identical(lazy.load())
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=spawn) as pool:
        back = pool.submit(pickle_workers.dataset_round_trip, lazy).result()
    assert back.identical(on_disk)


def test_dask_runs_pickled_scenarios_and_computes_on_a_lazy_sweep(one_day, scratch):
    # Dask's process scheduler (spawned workers) pickles the tasks' inputs and outputs: the same
    # numbers come back as runs here, and a lazily read sweep computes as it does in memory.
    import dask
    import dask.bag

    scenarios = [one_day.with_(diet__protein=f"{p} g/kg/day") for p in (0.8, 1.6)]
    with dask.config.set({"multiprocessing.context": "spawn"}):
        bag = dask.bag.from_sequence(scenarios, npartitions=2).map(pickle_workers.run_scenario)
        results = bag.compute(scheduler="processes", num_workers=2)
        for scenario, result in zip(scenarios, results):
            assert_same_result(result, myoflux.run(scenario), same_run=False)
        spec = {
            "name": "dask",
            "base": str(myoflux.scenario_path("studies", "postabsorptive_rest.yaml")),
            "grid": {"subject.body_mass": ["60 kg", "70 kg", "80 kg"]},
        }
        eager = myoflux.sweep(spec, threads=1, output=scratch / "dask_sweep")
        lazy = myoflux.read_sweep(scratch / "dask_sweep").chunk({"run": 1})
        means = lazy.mean("run").compute(scheduler="processes", num_workers=2)
    assert means.identical(eager.mean("run"))
