#!/usr/bin/python3
"""Writes the seed corpora of the sweep spec and result reader fuzz targets:
corpus/sweep_spec (the library's sweep specs, `base:` rewritten to resolve from scenarios/, the
targets' base folder, and hand-written nasty specs) and corpus/hdf5 (small result files written
by the built program, other HDF5 files, cut and empty ones). Inputs found by fuzzing are added
beside them (crash_*; for libhdf5's own crashes, corpus/hdf5_crashers) and never regenerated.
Run: /usr/bin/python3 tests/fuzz/make_reliability_seeds.py build/release/myoflux"""
import pathlib
import re
import subprocess
import sys
import tempfile

import h5py
import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent

NASTY_SPECS = {
    "grid_huge.yaml": "base: hiit_4x4_brief.yaml\ngrid:\n  diet.protein: [" +
                      ", ".join(f"{0.8 + i / 1000:.3f} g/kg/day" for i in range(300)) + "]\n"
                      "  subject.body_mass: [" + ", ".join(f"{50 + i} kg" for i in range(60)) +
                      "]\n",
    "sample_billion.yaml": "base: hiit_4x4_brief.yaml\nsample:\n  method: sobol\n  count: 1000000000\n"
                           "  ranges:\n    diet.protein: {from: 0.8 g/kg/day, to: 2.4 g/kg/day}\n",
    "population.yaml": "base: hiit_4x4_brief.yaml\npopulation:\n  count: 50\n  sex: {female: 0.5, male: 0.5}\n"
                       "  body_mass: {mean: 70 kg, sd: 12 kg}\n",
    "cases_mixed.yaml": "base: hiit_4x4_brief.yaml\ncases:\n  - {diet.protein: 1.6 g/kg/day}\n"
                        "  - {duration: 1 day}\n",
    "keep_trajectories.yaml": "base: hiit_4x4_brief.yaml\nkeep:\n  trajectories: {outputs: [csa_change_percent], every: 1 min}\n",
    "base_missing.yaml": "base: nowhere.yaml\ngrid: {diet.protein: [1 g/kg/day]}\n",
    "base_self.yaml": "base: fuzz_sweep.yaml\n",
    "chunk_zero.yaml": "base: hiit_4x4_brief.yaml\nchunk_size: 0\ngrid: {diet.protein: [1 g/kg/day]}\n",
    "solver_odd.yaml": "base: hiit_4x4_brief.yaml\nsolver: {method: rosenbrock4, rtol: 1e-300, max_steps: -1}\n",
    "grid_parameters.yaml": "base: hiit_4x4_brief.yaml\ngrid:\n  parameters.k_digest_whey_per_h: [0.3, 6, 7]\n",
}


def sweep_seeds(out):
    for path in sorted((ROOT / "scenarios" / "sweeps").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\bbase: \.\./", "base: ", text)
        text = re.sub(r"\bbase: (\w+\.yaml)", r"base: sweeps/\1", text)
        (out / f"lib_{path.name}").write_text(text, encoding="utf-8")
    for name, text in NASTY_SPECS.items():
        (out / f"seed_{name}").write_text(text, encoding="utf-8")


def hdf5_seeds(out, myoflux):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        day = tmp / "day.yaml"
        day.write_text("name: day\nduration: 2 h\noutput_interval: 1 h\n")
        subprocess.run([myoflux, "run", day, "-o", out / "result_one_run.h5", "--force"], check=True,
                       capture_output=True)
        study = tmp / "two.yaml"
        study.write_text("name: two\narms:\n  - {name: a, file: day.yaml}\n"
                         "  - {name: b, file: day.yaml, override: {duration: 1 h}}\n")
        subprocess.run([myoflux, "compare", study, "-o", out / "result_two_runs.h5", "--no-plot",
                        "--force"],
                       check=True, capture_output=True)
    good = (out / "result_one_run.h5").read_bytes()
    (out / "cut_half.h5").write_bytes(good[: len(good) // 2])
    (out / "cut_superblock.h5").write_bytes(good[:96])
    (out / "empty.h5").write_bytes(b"")
    with h5py.File(out / "foreign.h5", "w") as f:
        f.attrs["format"] = "something-else"
        f["x"] = np.arange(3.0)
    with h5py.File(out / "format_future.h5", "w") as f:
        f.attrs["format"] = "myoflux-results"
        f.attrs["format_version"] = 99
    with h5py.File(out / "runs_not_group.h5", "w") as f:
        f.attrs["format"] = "myoflux-results"
        f.attrs["format_version"] = 1
        for key in ("myoflux_version", "git_commit", "created_utc", "command_line"):
            f.attrs[key] = "x"
        f.attrs["git_dirty"] = 0
        f["runs"] = np.arange(2)


def main():
    sweep_out, hdf5_out = HERE / "corpus" / "sweep_spec", HERE / "corpus" / "hdf5"
    sweep_out.mkdir(parents=True, exist_ok=True)
    hdf5_out.mkdir(parents=True, exist_ok=True)
    sweep_seeds(sweep_out)
    hdf5_seeds(hdf5_out, sys.argv[1])


if __name__ == "__main__":
    main()
