#!/usr/bin/env python3
"""Measures sweep speed and memory in one run and prints the figures side by side.

Usage: /usr/bin/python3 bench/sweep/report.py [BUILD_DIR] [--quick]
BUILD_DIR (default build/release) must hold a Release build with MYOFLUX_MPI=ON. Takes about
six minutes on 2 cores (--quick: about one, 256 runs end to end, no million-run sweep).

1. bench_sweep (Google Benchmark, 3 repetitions, medians): runs per second of a bare simulate
   loop, of the model adapter and of the sweep runner on 1 and 2 threads, for the brief's 10-week
   HIIT plan and for a one-day scenario.
2. End to end with the program: 2048 ten-week runs with --threads 1 vs 2 and with mpirun -np 1
   vs 2 (one thread per rank), three interleaved repetitions each; median and spread; and the
   fixed cost of starting an MPI job (a 2-run sweep under mpirun -np 2).
3. Memory: one-day endpoint sweeps of 10k, 100k and 1M runs on 2 cores: wall time and peak
   resident memory (/usr/bin/time -v).
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HIIT = os.path.join(SOURCE, "scenarios", "hiit_4x4_brief.yaml")
ONE_DAY = os.path.join(SOURCE, "tests", "engine", "sweep", "data", "one_day.yaml")
MPI_ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")


def spec(folder, name, base, runs, chunk_size=None):
    path = os.path.join(folder, name + ".yaml")
    with open(path, "w") as f:
        f.write(f"name: {name}\nbase: {base}\nseed: 1\n"
                f"sample:\n  method: random\n  count: {runs}\n  ranges:\n"
                "    diet.protein: {from: 0.8 g/kg/day, to: 2.4 g/kg/day}\n")
        if chunk_size:
            f.write(f"chunk_size: {chunk_size}\n")
    return path


def google_benchmark(build):
    out = subprocess.run([os.path.join(build, "bench", "sweep", "bench_sweep"),
                          "--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true",
                          "--benchmark_format=json"], capture_output=True, text=True, check=True)
    rates = {}
    for b in json.loads(out.stdout)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            rates[b["run_name"]] = b["runs_per_second"]
    return rates


def timed(command, env=None):
    start = time.monotonic()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.monotonic() - start


def end_to_end(myoflux, folder, runs):
    path = spec(folder, f"ten_weeks_{runs}", HIIT, runs, chunk_size=8)
    ways = {
        "threads 1": lambda out: [myoflux, "sweep", path, "-o", out, "--threads", "1"],
        "threads 2": lambda out: [myoflux, "sweep", path, "-o", out, "--threads", "2"],
        "mpirun -np 1": lambda out: ["mpirun", "-np", "1", myoflux, "sweep", path, "-o", out,
                                     "--threads", "1"],
        "mpirun -np 2": lambda out: ["mpirun", "-np", "2", myoflux, "sweep", path, "-o", out,
                                     "--threads", "1"],
    }
    seconds = {way: [] for way in ways}
    for repetition in range(3):
        for way, command in ways.items():
            out = os.path.join(folder, f"e2e_{repetition}_{way.replace(' ', '_')}")
            seconds[way].append(timed(command(out), env=MPI_ENV))
            shutil.rmtree(out)
    return seconds


def memory(myoflux, folder, runs):
    path = spec(folder, f"one_day_{runs}", ONE_DAY, runs)
    out = os.path.join(folder, f"mem_{runs}")
    r = subprocess.run(["/usr/bin/time", "-v", myoflux, "sweep", path, "-o", out],
                       capture_output=True, text=True, check=True)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", r.stderr).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    files = sum(len(f) for _, _, f in os.walk(out))
    size = sum(os.path.getsize(os.path.join(d, x)) for d, _, f in os.walk(out) for x in f)
    shutil.rmtree(out)
    return seconds, rss_kb, files, size


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quick = "--quick" in sys.argv
    build = os.path.abspath(args[0] if args else os.path.join(SOURCE, "build", "release"))
    myoflux = os.path.join(build, "myoflux")
    folder = tempfile.mkdtemp(prefix="myoflux_bench_sweep_")
    try:
        print(f"machine: {os.cpu_count()} cores; build: {build}\n")
        rates = google_benchmark(build)
        print("1. runs per second (Google Benchmark, median of 3)")
        for name, rate in rates.items():
            print(f"   {name:<40} {rate:10.1f}")
        def rate(prefix):
            return next(v for k, v in rates.items() if k.startswith(prefix))

        for scenario in ("ten_weeks", "one_day"):
            bare = rate(f"BareSimulate/{scenario}/")
            one = rate(f"SweepRunner/{scenario}/1/")
            two = rate(f"SweepRunner/{scenario}/2/")
            print(f"   {scenario}: runner {one:.1f} runs/s per core; 1 -> 2 threads {two / one:.2f}x; "
                  f"overhead per run over bare simulate {1e6 / one - 1e6 / bare:.1f} us "
                  f"({100 * (bare / one - 1):.1f} %)")
        runs = 256 if quick else 2048
        print(f"\n2. end to end, {runs} ten-week runs in chunks of 8 (s: median [min, max] of 3)")
        seconds = end_to_end(myoflux, folder, runs)
        for way, values in seconds.items():
            print(f"   {way:<14} {statistics.median(values):7.2f} s  [{min(values):.2f}, {max(values):.2f}]"
                  f"  {runs / statistics.median(values):7.1f} runs/s")
        launch = statistics.median(timed(["mpirun", "-np", "2", myoflux, "sweep",
                                          spec(folder, "tiny", ONE_DAY, 2), "-o",
                                          os.path.join(folder, f"tiny_{i}")], env=MPI_ENV)
                                   for i in range(3))
        print(f"   (mpirun -np 2 of a 2-run sweep, i.e. launch + MPI_Init/Finalize: {launch:.2f} s)")
        m = {w: statistics.median(v) for w, v in seconds.items()}
        print(f"   scaling: threads 1 -> 2 {m['threads 1'] / m['threads 2']:.2f}x; "
              f"mpirun -np 1 -> 2 {m['mpirun -np 1'] / m['mpirun -np 2']:.2f}x")
        print("\n3. one-day endpoint sweeps on 2 cores (wall time, peak resident memory, files)")
        for runs in ([10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]):
            wall, rss, files, size = memory(myoflux, folder, runs)
            print(f"   {runs:>9} runs: {wall:7.1f} s, {runs / wall:8.0f} runs/s, peak RSS "
                  f"{rss / 1024:6.1f} MB, {files} files, {size / 2**20:.1f} MB on disk")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
