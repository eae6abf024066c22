"""myoflux.sweep and myoflux.read_sweep: the Dataset's shape, coordinates and units; the same
numbers as the command line bit for bit; lazy reading; located errors; failed runs; Ctrl-C."""
import os
import pathlib
import signal
import subprocess
import threading

import numpy as np
import pytest
import xarray as xr

import myoflux

ONE_DAY = str(pathlib.Path(__file__).resolve().parents[1] / "engine" / "sweep" / "data" / "one_day.yaml")

GRID = {
    "name": "python_grid",
    "base": ONE_DAY,
    "grid": {
        "diet.protein": ["1.0 g/kg/day", "1.6 g/kg/day", "2.2 g/kg/day"],
        "plan.0.time": ["07:00", "17:00"],
    },
    "keep": {"trajectories": {"outputs": ["muscle_protein_g"], "every": "6 h"}},
}


def test_sweep_returns_runs_by_endpoints_with_axes_and_units():
    ds = myoflux.sweep(GRID, threads=2)
    assert isinstance(ds, xr.Dataset)
    assert ds.endpoints.dims == ("run", "endpoint")
    assert ds.sizes["run"] == 6 and ds.sizes["time"] == 5
    assert "csa_change_percent" in ds.endpoint.values
    assert ds.endpoints.attrs["units"]["mean_daily_net_balance"] == "g/day"
    assert ds["diet.protein"].attrs["units"] == "g/kg/day"
    assert ds["diet.protein"].values.tolist() == [1.0, 1.0, 1.6, 1.6, 2.2, 2.2]
    assert ds["plan.0.time"].values.tolist() == ["07:00", "17:00"] * 3
    assert ds.muscle_protein_g.attrs["units"] == "g" and ds.time.attrs["units"] == "h"
    assert (ds.status == 0).all() and ds.attrs["failed_runs"] == 0
    # The axes make a grid: one value per combination.
    surface = ds.endpoints.sel(endpoint="csa_change_percent").set_index(
        run=["diet.protein", "plan.0.time"]).unstack("run")
    assert surface.shape == (3, 2) and np.isfinite(surface).all()


def test_the_command_line_and_python_give_the_same_numbers(tmp_path, cli):
    spec = tmp_path / "grid.yaml"
    import json
    spec.write_text(json.dumps(GRID))
    subprocess.run([cli, "sweep", str(spec), "-o", str(tmp_path / "out")], check=True,
                   capture_output=True)
    on_disk = myoflux.read_sweep(tmp_path / "out")
    in_memory = myoflux.sweep(spec, threads=1)
    assert on_disk.endpoints.values.tobytes() == in_memory.endpoints.values.tobytes()
    xr.testing.assert_identical(on_disk.load(), in_memory)


def test_read_sweep_is_lazy_until_values_are_used(tmp_path):
    written = myoflux.sweep(GRID, output=tmp_path / "out")
    ds = myoflux.read_sweep(tmp_path / "out")
    assert not isinstance(ds.endpoints.variable._data, np.ndarray)  # still on disk
    some = ds.endpoints.isel(run=[1, 4], endpoint=0).values
    assert some.tolist() == written.endpoints.isel(run=[1, 4], endpoint=0).values.tolist()
    assert (tmp_path / "out" / "manifest.tsv").exists()


def test_resume_through_python_keeps_the_folder(tmp_path):
    first = myoflux.sweep(GRID, output=tmp_path / "out")
    with pytest.raises(ValueError, match="pass --resume"):
        myoflux.sweep(GRID, output=tmp_path / "out")
    again = myoflux.sweep(GRID, output=tmp_path / "out", resume=True)
    xr.testing.assert_identical(first, again)


def test_population_covariates_are_labelled_and_recorded():
    ds = myoflux.sweep({"base": ONE_DAY, "seed": 4,
                        "population": {"count": 12, "sex": {"female": "50 %", "male": "50 %"}}})
    assert set(ds["subject.sex"].values) <= {"female", "male"}
    assert ds["subject.body_mass"].attrs["units"] == "kg"
    assert ds.attrs["seed"] == 4
    assert ds.person.values.tolist() == list(range(12))


def test_bad_input_is_a_located_scenario_error_before_anything_runs():
    bad = dict(GRID, grid={"diet.protien": ["1.0 g/kg/day"]})
    with pytest.raises(myoflux.ScenarioError) as error:
        myoflux.sweep(bad)
    assert error.value.file == "sweep" and error.value.line > 0
    assert "did you mean 'protein'?" in str(error.value)
    with pytest.raises(ValueError, match="threads"):
        myoflux.sweep(GRID, threads=0)
    with pytest.raises(ValueError, match="not finished"):
        myoflux.read_sweep("/nonexistent/folder")


def test_a_sweep_past_the_output_limit_is_refused_before_anything_runs(tmp_path):
    # GRID's 6 runs keep a few hundred bytes each: a 1 kB limit refuses it, in memory or to a
    # folder (which is then not created), with the fixes spelt for Python.
    for output in (None, tmp_path / "out"):
        with pytest.raises(ValueError, match="^the sweep sweep would write about") as error:
            myoflux.sweep(GRID, output=output, max_output="1 kB")
        assert 'pass max_output with a larger size, e.g. max_output="' in str(error.value)
        assert "keep fewer outputs or a longer 'every'" in str(error.value)
    assert not (tmp_path / "out").exists()
    assert myoflux.sweep(GRID, max_output="10 MB").sizes["run"] == 6


def test_failed_runs_are_in_the_dataset():
    ds = myoflux.sweep({"base": ONE_DAY, "grid": {"duration": ["1 day", "10 weeks"]},
                        "solver": {"max_steps": 6000}})
    assert ds.status.attrs["labels"][int(ds.status[1])] == "too_many_steps"
    assert ds.failure_run.values.tolist() == [1]
    assert "6000" in ds.failure_message.values[0]
    assert np.isnan(ds.endpoints[1]).all() and np.isfinite(ds.endpoints[0]).all()


def test_ctrl_c_stops_a_sweep_with_keyboard_interrupt():
    long = {"base": myoflux.scenario_path("hiit_4x4_brief.yaml").as_posix(),
            "sample": {"method": "random", "count": 400,
                       "ranges": {"diet.protein": {"from": "1 g/kg/day", "to": "2 g/kg/day"}}}}
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        myoflux.sweep(long, threads=1)
    timer.join()
    assert myoflux.sweep(GRID).sizes["run"] == 6  # the next sweep runs normally
