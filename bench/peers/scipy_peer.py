#!/usr/bin/env python3
"""SciPy's solve_ivp (LSODA, BDF) on myoflux's model and scenario, beside myoflux.run in the same
process: each SciPy method at the loosest tolerance of a ladder at which it meets the accuracy bar
of tests/models/accuracy_bar.hpp against a myoflux dopri5 rtol 1e-10 reference. SciPy calls the
model's right-hand side and exact Jacobian through myoflux.equations (pybind11), segment by
segment. Prints a Markdown table.

Usage: /usr/bin/python3 bench/peers/scipy_peer.py [SCENARIO ...]   (needs python3-scipy)
"""
import sys
import time

import numpy as np

import myoflux
from myoflux.model_functions import summarize

LADDER = [1e-4, 3e-5, 1e-5, 3e-6, 1e-6, 3e-7, 1e-7]


def bar_ratio(ref, times, outputs, names, interval_h):
    """The worst error / allowed over the endpoints, as tests/models/accuracy_bar.hpp defines it
    (CSA 0.01 percentage points; net balance 0.1 % or the CSA bar per day; extremum times one
    output interval unless the extremum is flat; everything else 0.1 %)."""
    got = {r[0]: r[1] for r in summarize(times, outputs)}
    want = ref.summary()
    days = ref.time_h[-1] / 24.0
    m0 = ref["muscle_protein_g"][0]
    worst, what = 0.0, ""
    for name, q in want.items():
        b, a = q.value, got[name]
        err = abs(a - b)
        if name == "csa_change_percent":
            ratio = err / 0.01
        elif name == "mean_daily_net_balance":
            ratio = err / max(1e-3 * abs(b), 1e-4 * m0 / days)
        elif name in ("peak_ck_time", "glycogen_low_time"):
            peak = name == "peak_ck_time"
            variable = ref["ck_u_per_l" if peak else "glycogen_mmol_per_kg_dw"]
            extremum = want["peak_ck" if peak else "glycogen_low"].value
            at = variable[int(np.argmin(np.abs(ref.time_h - a)))]
            flat = abs(at - extremum) <= 1e-3 * abs(extremum)
            ratio = 0.0 if flat else err / (interval_h * 1.0001)
        else:
            ratio = 0.0 if err == 0 else err / (1e-3 * abs(b))
        if ratio > worst:
            worst, what = ratio, f"{name} {a:.6g} vs {b:.6g}"
    return worst, what


def main(paths):
    print("| scenario | solver | rtol | CPU s per run | vs myoflux | RHS | Jacobians | LU | bar ratio |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for path in paths:
        scenario = myoflux.load_scenario(path if "/" in path else myoflux.scenario_path(path))
        ref = myoflux.run(scenario, solver={"method": "dopri5", "rtol": 1e-10})
        start = time.process_time()
        repeats = 20
        for _ in range(repeats):
            ours = myoflux.run(scenario)
        ours_s = (time.process_time() - start) / repeats
        stats = ours.stats
        print(f"| {path} | myoflux.run (recommended) | {ours.solver['rtol']:.0e} | {ours_s:.4f} | 1x | "
              f"{stats['rhs_evaluations']} | {stats['jacobian_evaluations']} | - | "
              f"{bar_ratio(ref, ours.time_h, np.asarray(ours.values), None, scenario.output_interval_h)[0]:.2f} |",
              flush=True)
        eq = myoflux.equations(scenario)
        for method in ("LSODA", "BDF"):
            for rtol in LADDER:
                start = time.process_time()
                times, outputs, info = eq.solve_ivp(method, rtol=rtol)
                seconds = time.process_time() - start
                ratio, what = bar_ratio(ref, times, outputs, eq.output_names, scenario.output_interval_h)
                if ratio <= 1.0:
                    print(f"| {path} | SciPy {method}, exact J | {rtol:.0e} | {seconds:.2f} | "
                          f"{seconds / ours_s:.0f}x | {info['nfev']} | {info['njev']} | {info['nlu']} | "
                          f"{ratio:.2f} |", flush=True)
                    break
                print(f"  ({method} at {rtol:.0e}: bar ratio {ratio:.2f}, {what}; {seconds:.1f} s)",
                      file=sys.stderr, flush=True)
            else:
                print(f"| {path} | SciPy {method} | - | - | - | - | - | - | misses the bar |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["hiit_4x4_brief.yaml"])
