"""`myoflux run`, `compare` and `info`: what they print, what they write, and that a failed,
refused or interrupted run leaves no file under the requested name."""
import os
import signal
import subprocess
import time

import h5py

from conftest import MYOFLUX, run, scenario

SHORT_STUDY = "studies/glynn2010_eaa_leucine.yaml"  # two arms of 4 h: fast


def test_run_prints_the_summary_and_writes_hdf5(tmp_path):
    out = tmp_path / "whey.h5"
    r = run("run", scenario("studies/mitchell2015_whey_rest.yaml"), "-o", out, check=0)
    for entry in ("csa_change_percent", "mean_daily_net_balance", "cumulative_synthesis", "cumulative_breakdown",
                  "peak_ck", "glycogen_low", "final_readiness", "solver:"):
        assert entry in r.stdout
    with h5py.File(out) as f:
        assert list(f["runs"]) == ["mitchell2015_whey_rest"]


def test_run_rejects_a_study_and_points_to_compare():
    r = run("run", scenario(SHORT_STUDY), check=2)
    assert "myoflux compare" in r.stderr


def test_set_overrides_a_field_and_a_parameter(tmp_path):
    out = tmp_path / "set.h5"
    run("run", scenario("studies/mitchell2015_whey_rest.yaml"), "--set", "duration=2 h",
        "--set", "parameters.k_digest_whey_per_h=1.5", "-o", out, check=0)
    with h5py.File(out) as f:
        assert f["runs/mitchell2015_whey_rest/time"][-1] == 2.0
        params = {row["name"].decode(): row["value"] for row in f["runs/mitchell2015_whey_rest/parameters"][()]}
        assert params["k_digest_whey_per_h"] == 1.5


def test_set_with_a_bad_value_is_rejected_like_the_file(tmp_path):
    out = tmp_path / "bad.h5"
    r = run("run", scenario("studies/mitchell2015_whey_rest.yaml"), "--set", "parameters.k_digest_whey_per_h=100",
            "-o", out, check=2)
    assert "k_digest_whey_per_h" in r.stderr and "must lie in" in r.stderr
    assert not out.exists()


def test_compare_runs_every_arm_into_one_file_and_draws_the_figure(tmp_path):
    out, png = tmp_path / "cmp.h5", tmp_path / "cmp.png"
    r = run("compare", scenario(SHORT_STUDY), "-o", out, "--plot", png, check=0)
    assert "eaa_1.85g_leucine" in r.stdout and "eaa_3.5g_leucine" in r.stdout
    with h5py.File(out) as f:
        assert list(f["runs"]) == ["eaa_1.85g_leucine", "eaa_3.5g_leucine"]
        assert f.attrs["study"] == "glynn2010_eaa_leucine"
    assert png.stat().st_size > 10_000


def test_compare_defaults_to_the_results_folder(tmp_path):
    run("compare", scenario(SHORT_STUDY), "--no-plot", cwd=tmp_path, check=0)
    assert (tmp_path / "results" / "glynn2010_eaa_leucine.h5").exists()


def test_an_existing_file_is_kept_unless_forced(tmp_path):
    out = tmp_path / "keep.h5"
    out.write_text("precious")
    r = run("compare", scenario(SHORT_STUDY), "-o", out, "--no-plot", check=2)
    assert "already exists" in r.stderr and "--force" in r.stderr
    assert out.read_text() == "precious"
    run("compare", scenario(SHORT_STUDY), "-o", out, "--no-plot", "--force", check=0)
    with h5py.File(out) as f:
        assert len(f["runs"]) == 2


def test_a_failed_simulation_leaves_no_file(tmp_path):
    out = tmp_path / "failed.h5"
    r = run("compare", scenario(SHORT_STUDY), "-o", out, "--no-plot", "--max-steps", "5", check=3)
    assert "too_many_steps" in r.stderr and "nothing was written" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_run_leaves_no_file(tmp_path):
    out = tmp_path / "interrupted.h5"
    # Two years of six arms with the stiff stepper on one thread take tens of seconds on any
    # machine, so the interrupt always arrives mid-run.
    proc = subprocess.Popen([MYOFLUX, "compare", scenario("hiit_vs_long_distance.yaml"), "-o", str(out), "--no-plot",
                             "--threads", "1", "--method", "rosenbrock4", "--set", "duration=104 weeks"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    assert list(tmp_path.iterdir()) == []


def test_info_shows_provenance_and_contents(tmp_path):
    out = tmp_path / "info.h5"
    run("compare", scenario(SHORT_STUDY), "-o", out, "--no-plot", check=0)
    r = run("info", out, check=0)
    for entry in ("format version 1", "written by", "created", "command", "/runs/eaa_3.5g_leucine", "solver:",
                  "csa_change_percent"):
        assert entry in r.stdout


def test_info_explains_a_file_of_an_older_format(tmp_path):
    out = tmp_path / "old.h5"
    run("compare", scenario(SHORT_STUDY), "-o", out, "--no-plot", check=0)
    with h5py.File(out, "r+") as f:
        f.attrs["format_version"] = 0
    r = run("info", out, check=2)
    assert "early layout" in r.stderr and "Re-run the scenario" in r.stderr


def test_info_refuses_a_file_that_is_not_hdf5(tmp_path):
    out = tmp_path / "notes.h5"
    out.write_text("hello")
    r = run("info", out, check=2)
    assert "is not an HDF5 file" in r.stderr
