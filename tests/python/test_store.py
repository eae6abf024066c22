"""Result files: runs written by Python or by the command line read back as the same Results."""
import subprocess

import h5py
import numpy as np
import pytest

import myoflux


def test_write_and_read_back_the_same_data(one_day, scratch):
    runs = {"base": myoflux.run(one_day),
            "more_protein": myoflux.run(one_day, diet__protein="2.2 g/kg/day")}
    path = scratch / "runs.h5"
    myoflux.write_h5(path, runs, labels={"study": "python round trip"})
    back = myoflux.read_h5(path)
    assert list(back) == ["base", "more_protein"]
    for name, run in runs.items():
        copy = back[name]
        assert isinstance(copy, myoflux.Result)
        assert copy.run_id == name
        assert np.array_equal(copy.time_h, run.time_h)
        assert np.array_equal(copy.values, run.values)
        assert copy.names == run.names and copy.units == run.units
        assert copy.summary() == run.summary()
        assert copy.values.base is copy._core  # zero copy from the file's Result, too
    meta = back["base"].metadata
    assert meta["provenance"]["myoflux_version"] == myoflux.__version__
    assert meta["provenance"]["command_line"].startswith("python: myoflux.write_h5(")
    assert meta["scenario_text"] == one_day.text


def test_file_labels_round_trip(one_day, scratch):
    path = scratch / "labelled.h5"
    myoflux.write_h5(path, [myoflux.run(one_day)], labels={"study": "python round trip"})
    (result,) = myoflux.read_h5(path).values()
    assert result.metadata["file_labels"] == {"study": "python round trip"}


def test_units_are_attributes_for_other_readers(one_day, scratch):
    path = scratch / "one.h5"
    myoflux.write_h5(path, [myoflux.run(one_day)])
    result = myoflux.run(one_day)
    with h5py.File(path, "r") as f:
        run = f["runs"]["one_day"]
        assert run["time"].attrs["units"] == "h"
        assert run["outputs"]["csa_change_percent"].attrs["units"] == "%"
        assert np.array_equal(run["outputs"]["net_balance"][()], result["net_balance"])


def test_existing_file_needs_overwrite(one_day, scratch):
    path = scratch / "twice.h5"
    result = myoflux.run(one_day)
    myoflux.write_h5(path, [result])
    with pytest.raises(ValueError):
        myoflux.write_h5(path, [result])
    myoflux.write_h5(path, [result], overwrite=True)


def test_read_what_the_command_line_wrote(library, scratch, cli):
    scenario_file = library / "studies" / "mitchell2015_whey_rest.yaml"
    path = scratch / "cli.h5"
    done = subprocess.run([cli, "run", str(scenario_file), "-o", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (from_file,) = myoflux.read_h5(path).values()
    in_python = myoflux.run(scenario_file)
    assert from_file.run_id == in_python.run_id
    assert np.array_equal(from_file.time_h, in_python.time_h)
    assert np.array_equal(from_file.values, in_python.values)
    assert from_file.names == in_python.names and from_file.units == in_python.units
    assert from_file.summary() == in_python.summary()
    meta = from_file.metadata
    assert meta["provenance"]["command_line"].split()[1] == "run"
    assert meta["scenario_source"].endswith("mitchell2015_whey_rest.yaml")
    assert from_file.to_xarray().shape == in_python.values.shape
