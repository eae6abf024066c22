"""`myoflux sweep` and `myoflux merge` as a user meets them: bad sweep files rejected at their
location before anything runs, failing runs recorded while the others finish, kill -9 and
--resume giving the same endpoint table bit for bit, Ctrl-C leaving no partial chunk, and
threads, mpirun and Slurm-style array shares plus merge agreeing bit for bit."""
import os
import signal
import subprocess
import time

import h5py
import numpy as np
import pytest

from conftest import MYOFLUX, run
from sweep_helpers import built_with_mpi, index_tables, mpirun, write_spec

SMALL = """\
    name: small
    base: BASE
    seed: 11
    grid:
      diet.protein: [1.0 g/kg/day, 2.0 g/kg/day]
    sample:
      method: latin_hypercube
      count: 6
      ranges:
        parameters.k_digest_whey_per_h: {from: 0.5, to: 2.0}
    population:
      count: 2
      training_status: {untrained: 50 %, trained: 50 %}
    keep:
      trajectories: {outputs: [muscle_protein_g], every: 6 h}
    chunk_size: 5
    """


def test_a_bad_sweep_file_exits_2_at_its_location_before_anything_runs(tmp_path):
    spec = write_spec(tmp_path, """\
        base: BASE
        grid:
          diet.protien: [1.0 g/kg/day]
        """)
    out = tmp_path / "out"
    r = run("sweep", spec, "-o", out, check=2)
    assert "sweep.yaml:3:3: unknown key 'protien' in the diet (did you mean 'protein'?)" in r.stderr
    assert not out.exists()


def test_a_bad_value_is_located_in_the_sweep_file(tmp_path):
    spec = write_spec(tmp_path, """\
        base: BASE
        sample:
          method: sobol
          count: 8
          ranges:
            subject.body_mass: {from: 50 kg, to: 900 kg}
        """)
    r = run("sweep", spec, "-o", tmp_path / "out", check=2)
    assert "sweep.yaml:6:24: " in r.stderr and "20 to 300 kg" in r.stderr, r.stderr


def test_a_failing_run_is_recorded_and_the_others_finish(tmp_path):
    spec = write_spec(tmp_path, """\
        base: BASE
        grid:
          duration: [1 day, 10 weeks, 2 days]
        solver: {max_steps: 6000}
        """)
    out = tmp_path / "out"
    r = run("sweep", spec, "-o", out, check=0)
    assert "1 run failed" in r.stderr and "3 runs in 3 chunks" in r.stdout
    with h5py.File(out / "index.h5") as f:
        labels = list(f["status"].attrs["labels"])
        assert [labels[s] for s in f["status"][()]] == ["ok", "too_many_steps", "ok"]
        failures = f["failures"][()]
        assert failures["run"].tolist() == [1]
        assert b"6000" in failures["message"][0]
        endpoints = f["endpoints"][()]
        assert np.isnan(endpoints[1]).all() and np.isfinite(endpoints[[0, 2], 0]).all()
        assert f["summary/failed_runs"][0] == 1


def test_an_existing_sweep_needs_resume_and_another_sweep_is_refused(tmp_path):
    spec = write_spec(tmp_path, SMALL)
    out = tmp_path / "out"
    run("sweep", spec, "-o", out, check=0)
    r = run("sweep", spec, "-o", out, check=2)
    assert "pass --resume" in r.stderr
    r = run("sweep", spec, "-o", out, "--resume", check=0)
    assert "5 chunks kept from before" in r.stdout and "running 0 runs" in r.stdout
    other = write_spec(tmp_path, SMALL.replace("seed: 11", "seed: 12"), "other.yaml")
    r = run("sweep", other, "-o", out, "--resume", check=2)
    assert "holds another sweep" in r.stderr


def test_kill_9_then_resume_gives_the_same_endpoint_table(tmp_path):
    # 600 ten-week runs in 40 chunks take a few seconds on 2 cores: the kill lands mid-way.
    spec = write_spec(tmp_path, """\
        name: kill_and_resume
        base: HIIT
        seed: 5
        sample:
          method: random
          count: 600
          ranges:
            diet.protein: {from: 0.8 g/kg/day, to: 2.4 g/kg/day}
        chunk_size: 15
        """)
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    run("sweep", spec, "-o", whole, check=0)
    proc = subprocess.Popen([MYOFLUX, "sweep", str(spec), "-o", str(killed)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list((killed / "chunks").glob("chunk_*.h5"))) >= 3:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the sweep finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished = sorted((killed / "chunks").glob("chunk_*.h5"))
    assert 3 <= len(finished) < 40
    for chunk in finished:  # every file under a final name is complete
        with h5py.File(chunk) as f:
            assert f["endpoints"].shape[0] == f.attrs["run_count"] == 15
    assert not (killed / "index.h5").exists()
    r = run("sweep", spec, "-o", killed, "--resume", check=0)
    assert f"{len(finished)} chunks kept from before" in r.stdout
    assert index_tables(whole) == index_tables(killed)
    leftovers = [p.name for p in killed.rglob(".*partial*")]
    assert leftovers == [], leftovers


def test_ctrl_c_leaves_no_partial_chunk_and_says_how_to_resume(tmp_path):
    spec = write_spec(tmp_path, """\
        base: HIIT
        sample:
          method: random
          count: 400
          ranges:
            diet.protein: {from: 0.8 g/kg/day, to: 2.4 g/kg/day}
        chunk_size: 20
        """)
    out = tmp_path / "out"
    proc = subprocess.Popen([MYOFLUX, "sweep", str(spec), "-o", str(out)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list((out / "chunks").glob("chunk_*.h5")):
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "--resume" in err
    for chunk in (out / "chunks").glob("chunk_*.h5"):
        with h5py.File(chunk) as f:
            assert f["endpoints"].shape[0] == f.attrs["run_count"] == 20
    assert not list((out / "chunks").glob(".*partial*"))
    manifest = (out / "manifest.tsv").read_text()
    assert "pending" in manifest


def test_merge_names_the_chunks_that_are_missing(tmp_path):
    spec = write_spec(tmp_path, SMALL)
    out = tmp_path / "out"
    run("sweep", spec, "-o", out, "--chunk", "1/2", check=0)
    r = run("merge", out, check=2)
    assert "3 chunks have no file yet (0, 2, 4)" in r.stderr
    r = run("sweep", spec, "-o", out, "--chunk", "2/2", check=2)
    assert "--chunk needs i/n with 0 <= i < n" in r.stderr


def test_threads_mpi_and_array_shares_give_the_same_endpoint_table(tmp_path):
    spec = write_spec(tmp_path, SMALL)
    threads, shares, ranks = tmp_path / "threads", tmp_path / "shares", tmp_path / "mpi"
    r = run("sweep", spec, "-o", threads, "--threads", "2", check=0)
    assert "24 runs in 5 chunks" in r.stdout
    for share in ("1/3", "0/3", "2/3"):
        r = run("sweep", spec, "-o", shares, "--chunk", share, check=0)
        assert "myoflux merge" in r.stdout
    assert not (shares / "index.h5").exists()
    run("merge", shares, check=0)
    assert index_tables(threads) == index_tables(shares)
    if not built_with_mpi():
        pytest.skip("this myoflux was built without MPI (MYOFLUX_MPI=OFF)")
    r = mpirun("sweep", spec, "-o", ranks)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 MPI ranks" in r.stdout
    assert r.stdout.count("wrote ") == 1  # rank 0 alone reports
    assert index_tables(threads) == index_tables(ranks)


def test_mpirun_with_a_bad_sweep_file_exits_2_once(tmp_path):
    if not built_with_mpi():
        pytest.skip("this myoflux was built without MPI (MYOFLUX_MPI=OFF)")
    spec = write_spec(tmp_path, "base: BASE\nseed: -1\n")
    r = mpirun("sweep", spec, "-o", tmp_path / "out")
    assert r.returncode == 2, r.stdout + r.stderr
    assert r.stderr.count("sweep.yaml:2:7: 'seed' must be a whole number") == 1
