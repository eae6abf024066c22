"""A file written by `myoflux compare` is checked against docs/file-format.md, whose tables list
the root attributes and the members of every run group."""
import os
import re

import h5py
import numpy as np

from conftest import SOURCE_DIR, run, scenario


def documented(marker):
    """First-column names of the Markdown table between <!-- marker --> and <!-- /marker -->."""
    text = open(os.path.join(SOURCE_DIR, "docs", "file-format.md"), encoding="utf-8").read()
    block = text.split("<!-- %s -->" % marker)[1].split("<!-- /%s -->" % marker)[0]
    names = re.findall(r"^\| `([^`]+)` \|", block, flags=re.M)
    assert names, "no table under " + marker
    return [n.rstrip("/") for n in names]


def test_file_matches_the_document(tmp_path):
    out = tmp_path / "format.h5"
    run("compare", scenario("studies/glynn2010_eaa_leucine.yaml"), "-o", out, "--no-plot", check=0)
    with h5py.File(out) as f:
        for attribute in documented("root-attributes"):
            assert attribute in f.attrs, attribute
        assert f.attrs["format"] == "myoflux-results"
        assert f.attrs["format_version"] == 1
        for arm in f["runs"]:
            run_group = f["runs"][arm]
            for member in documented("run-members"):
                assert member in run_group, (arm, member)
            names = list(run_group["outputs"].attrs["names"])
            assert names == list(run_group["outputs"]), "outputs are stored in model order"
            n = run_group["time"].shape[0]
            for name in names:
                ds = run_group["outputs"][name]
                assert ds.shape == (n,) and ds.dtype == np.float64
                assert ds.compression == "gzip" and ds.shuffle
            scenario_group = run_group["scenario"]
            assert len(scenario_group.attrs["sha256"]) == 64 and scenario_group.attrs["text"]
            for table in ("subject", "parameters", "summary"):
                assert set(run_group[table].dtype.names) == {"name", "value", "unit", "note"}
            for attribute in ("method", "rtol", "steps", "rejected_steps", "rhs_evaluations", "status", "wall_time_s"):
                assert attribute in run_group["solver"].attrs
            assert run_group["solver"].attrs["status"] == "ok"

        # Every dataset carries units.
        def check_units(name, obj):
            if isinstance(obj, h5py.Dataset):
                assert "units" in obj.attrs, name
        f.visititems(check_units)
