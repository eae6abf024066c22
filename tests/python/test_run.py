"""myoflux.run and myoflux.run_many: inputs they accept, overrides, C++ threads, the GIL and
Ctrl-C."""
import os
import signal
import threading
import time

import numpy as np
import pytest

import myoflux
from conftest import ONE_DAY

# A week of training; slow_solver() stretches it to a chosen wall time.
WEEK = dict(ONE_DAY, name="week", duration="1 week", output_interval="6 h",
            plan=[{"session": "run", "weekdays": ["mon", "wed", "fri"], "time": "07:00"}])


def slow_solver(target_s):
    """Solver settings that make WEEK take about target_s of wall time, whatever the model's
    current speed: a small maximal step fixes the number of steps, and a probe run measures
    what a step costs on this machine now."""
    probe_step_h = 0.02
    start = time.perf_counter()
    myoflux.run(WEEK, solver={"max_step_h": probe_step_h})
    probe_s = time.perf_counter() - start
    return {"max_step_h": max(probe_step_h * probe_s / target_s, 1e-5)}


def test_run_returns_a_result(one_day):
    result = myoflux.run(one_day)
    assert isinstance(result, myoflux.Result)
    assert result.ok and result.status == "ok" and result.message == ""
    assert result.run_id == "one_day"
    assert result.scenario is one_day
    assert result.time_h[0] == 0.0 and result.time_h[-1] == pytest.approx(24.0)
    assert len(result.time_h) == 49


def test_run_accepts_paths_and_dicts(library):
    from_dict = myoflux.run(ONE_DAY)
    assert from_dict.run_id == "one_day"
    from_path = myoflux.run(library / "studies" / "mitchell2015_whey_rest.yaml")
    assert from_path.ok


def test_overrides_and_params_change_the_run(one_day):
    base = myoflux.run(one_day)
    more_protein = myoflux.run(one_day, diet__protein="2.2 g/kg/day")
    assert more_protein.scenario.diet["protein_g_per_kg_day"] == pytest.approx(2.2)
    assert more_protein["cumulative_mps_g"][-1] != base["cumulative_mps_g"][-1]
    table = myoflux.parameters().set_index("name")
    name = table.index[0]
    low = float(table.loc[name, "min"])
    changed = myoflux.run(one_day, params={name: low})
    assert changed.scenario.parameter_overrides == {name: pytest.approx(low)}


def test_runs_are_deterministic(one_day):
    a, b = myoflux.run(one_day), myoflux.run(one_day)
    assert np.array_equal(a.values, b.values)


def test_solver_settings_are_used(one_day):
    result = myoflux.run(one_day, solver={"method": "dopri5", "rtol": 1e-5})
    assert result.solver["method"] == "dopri5"
    assert result.solver["rtol"] == pytest.approx(1e-5)
    assert result.stats["steps"] > 0 and result.stats["rhs_evaluations"] > 0


def test_run_many_matches_run_in_order(one_day):
    proteins = ["0.8 g/kg/day", "1.4 g/kg/day", "2.2 g/kg/day"]
    scenarios = [one_day.with_(diet__protein=p) for p in proteins]
    many = myoflux.run_many(scenarios, threads=2)
    assert [r.scenario for r in many] == scenarios
    for scenario, result in zip(scenarios, many):
        assert np.array_equal(result.values, myoflux.run(scenario).values)


def test_run_many_with_dict_and_study(library):
    study = myoflux.load_study(library / "studies" / "ryu2016_races.yaml")
    results = myoflux.run_many(study, threads=2)
    assert list(results) == ["race_10km", "race_21km", "race_42km"]
    assert all(results[name].scenario is study[name] for name in results)
    keyed = myoflux.run_many({"a": ONE_DAY, "b": ONE_DAY})
    assert list(keyed) == ["a", "b"]
    assert np.array_equal(keyed["a"].values, keyed["b"].values)


def test_run_many_params_apply_to_every_scenario(one_day):
    table = myoflux.parameters()
    name, value = table["name"][0], float(table["value"][0])
    results = myoflux.run_many([one_day, one_day], params={name: value})
    assert all(r.scenario.parameter_overrides == {name: pytest.approx(value)} for r in results)


def test_run_many_reports_the_first_bad_input_in_order(one_day):
    first = one_day.with_(params={"first_unknown": 1.0})
    second = one_day.with_(params={"second_unknown": 1.0})
    with pytest.raises(ValueError, match="^--set parameters.first_unknown: unknown parameter"):
        myoflux.run_many([one_day, first, second, one_day], threads=2)


def test_run_many_threads_must_be_positive(one_day):
    for threads in (0, -1, 1.5):
        with pytest.raises(ValueError, match="threads must be a positive whole number"):
            myoflux.run_many([one_day], threads=threads)


def test_run_many_of_nothing():
    assert myoflux.run_many([]) == []


def test_output_past_the_limit_is_refused_before_simulating():
    # Two years at 1-min output: about 1.05 million samples of every output, 8 bytes each
    # (tests/cli/test_reliability.py: one year), refused before any simulating, with the fixes
    # spelt for Python.
    years = dict(ONE_DAY, name="years", duration="104 weeks", output_interval="1 min")
    expected_mb = round(104 * 7 * 24 * 60 * len(myoflux.outputs()) * 8 / 1e6)
    with pytest.raises(ValueError, match="^the run of 'years' would write about ([0-9]+) MB") as e:
        myoflux.run(years, max_output="100 MB")
    # Breakpoints (three meals a day, the one session) add ~0.2 % to the grid's samples.
    stated_mb = int(str(e.value).split("about ")[1].split(" MB")[0])
    assert expected_mb <= stated_mb <= 1.01 * expected_mb
    assert 'output_interval="1 h"' in str(e.value) and "--set" not in str(e.value)
    assert 'pass max_output with a larger size, e.g. max_output="' in str(e.value)
    # The limit applies to run_many's runs together: each of two days fits, both do not.
    day = dict(ONE_DAY, output_interval="1 min")
    one = myoflux.run(day, max_output="1 MB")
    size = len(one.time_h) * len(myoflux.outputs()) * 8
    assert size < 1_000_000
    with pytest.raises(ValueError, match="^the 2 runs \\(the largest 'one_day'\\) would write"):
        myoflux.run_many([day, day], max_output=size + size // 2)
    assert len(myoflux.run_many([day, day], max_output=3 * size)) == 2
    for bad in ("lots", -1, 1.5, True):
        with pytest.raises(ValueError, match="^max_output needs a size such as"):
            myoflux.run(day, max_output=bad)


def test_run_releases_the_gil():
    # A Python loop in this thread keeps ticking while another thread is inside run(). If run()
    # held the GIL, the loop would stall for the whole run (one gap as long as the run).
    # The probe of slow_solver() can meet a busier machine than the run: a run that came out
    # too short to tell is tried again, longer.
    for target_s in (0.8, 1.6, 3.2):
        solver = slow_solver(target_s)
        done = threading.Event()
        timing = {}

        def simulate():
            start = time.perf_counter()
            myoflux.run(WEEK, solver=solver)
            timing["run_s"] = time.perf_counter() - start
            done.set()

        worker = threading.Thread(target=simulate)
        ticks = [time.perf_counter()]
        worker.start()
        while not done.is_set():
            ticks.append(time.perf_counter())
        worker.join()
        if timing["run_s"] > 0.3:
            break
    largest_gap = max(np.diff(ticks))
    assert timing["run_s"] > 0.3, "the run is too short to tell"
    assert largest_gap < 0.5 * timing["run_s"], (largest_gap, timing["run_s"])


def test_run_many_uses_threads_and_releases_the_gil():
    solver = slow_solver(0.4)
    counter = {"ticks": 0}
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            counter["ticks"] += 1

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        start = time.perf_counter()
        results = myoflux.run_many([WEEK, WEEK], threads=2, solver=solver)
        elapsed = time.perf_counter() - start
    finally:
        stop.set()
        ticker.join()
    assert all(r.ok for r in results)
    assert elapsed > 0.2, "the runs are too short to tell"
    # Python code ran the whole time: at least some thousand loop turns per second.
    assert counter["ticks"] > 1000 * elapsed, (counter["ticks"], elapsed)


def test_ctrl_c_stops_the_runs_and_the_next_run_works():
    solver = slow_solver(1.5)  # three runs on two threads: about 3 s unless interrupted
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    start = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        myoflux.run_many([WEEK, WEEK, WEEK], threads=2, solver=solver)
    stopped_after_s = time.perf_counter() - start
    timer.join()
    assert stopped_after_s < 1.2, stopped_after_s
    assert myoflux.run(ONE_DAY).ok


def test_ctrl_c_stops_a_single_run_on_the_calling_thread():
    # One run goes on the calling thread (no thread per call); Ctrl-C must still stop it, and
    # Python's own SIGINT handling must be back in place afterwards.
    solver = slow_solver(3.0)
    handler_before = signal.getsignal(signal.SIGINT)
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    start = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        myoflux.run(WEEK, solver=solver)
    stopped_after_s = time.perf_counter() - start
    timer.join()
    assert stopped_after_s < 2.0, stopped_after_s
    assert signal.getsignal(signal.SIGINT) is handler_before
    assert myoflux.run(ONE_DAY).ok
    with pytest.raises(KeyboardInterrupt):  # Python's handler, not ours, answers a later Ctrl-C
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1.0)
