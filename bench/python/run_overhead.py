#!/usr/bin/python3
"""Python's `myoflux.run` against the C++ run it wraps, side by side in one script run.

The same one-day scenario (bench/python/one_day.yaml) is run by bench_model's OneDayRun (the
adapter's whole run: set-up, simulation, summary, the record's tables) and by myoflux.run from
an already compiled Scenario, each as the median of several repeats of many calls. The target
(issue 11) is an overhead of at most 10 %.

    /usr/bin/python3 bench/python/run_overhead.py [BUILD_DIR]   (default build/release)
"""
import json
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "release").resolve()
sys.path.insert(0, str(BUILD / "python"))
import myoflux  # noqa: E402

SCENARIO = ROOT / "bench" / "python" / "one_day.yaml"


def cpp_run_us():
    out = subprocess.run(
        [str(BUILD / "bench" / "models" / "bench_model"), "--benchmark_filter=^OneDayRun$",
         "--benchmark_repetitions=5", "--benchmark_format=json"],
        check=True, capture_output=True, text=True).stdout
    runs = [b for b in json.loads(out)["benchmarks"] if b.get("run_type") == "iteration"]
    return statistics.median(b["real_time"] for b in runs)


def python_run_us(repeats=5, calls=400):
    scenario = myoflux.load_scenario(SCENARIO)
    myoflux.run(scenario)  # warm-up: first-call costs (the Jacobian pattern, imports)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            myoflux.run(scenario)
        times.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(times)


if __name__ == "__main__":
    # Interleaved (C++, Python, C++) so that a change in machine load shows as a spread.
    cpp = [cpp_run_us()]
    py = python_run_us()
    cpp.append(cpp_run_us())
    ref = statistics.mean(cpp)
    print(f"C++ adapter run (bench_model OneDayRun): {cpp[0]:.1f} / {cpp[1]:.1f} us")
    print(f"Python myoflux.run:                      {py:.1f} us")
    print(f"overhead: {py - ref:+.1f} us = {100 * (py / ref - 1):+.1f} % (target <= 10 %)")
