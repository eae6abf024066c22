"""The model's tables (parameters, outputs) and its virtual experiments (validate)."""
import subprocess

import numpy as np

import myoflux


def test_parameters_table():
    table = myoflux.parameters()
    assert list(table.columns) == ["name", "value", "unit", "min", "max", "source", "description"]
    assert len(table) > 10
    assert table["name"].is_unique
    assert (table["min"] <= table["value"]).all() and (table["value"] <= table["max"]).all()
    assert (table["source"].str.len() > 0).all()


def test_parameters_match_the_command_line(cli):
    listing = subprocess.run([cli, "params"], capture_output=True, text=True, check=True).stdout
    for name in myoflux.parameters()["name"]:
        assert name in listing


def test_outputs_table():
    table = myoflux.outputs()
    assert list(table.columns) == ["name", "unit", "description"]
    for name in ("net_balance", "csa_change_percent", "ck_u_per_l", "mps_rate", "mpb_rate",
                 "damage"):
        assert name in set(table["name"])


def test_validate_reports_targets_and_curves():
    table, series = myoflux.validate()
    columns = {"id", "section", "what", "source", "published", "model", "tolerance", "pass",
               "note"}
    assert columns <= set(table.columns)
    assert len(table) > 5 and table["id"].is_unique
    assert table["pass"].dtype == bool
    assert series
    for s in series:
        assert s["figure"] and isinstance(s["points"], bool)
        assert s["x"].shape == s["y"].shape and s["x"].dtype == np.float64
        if s["points"]:
            assert s["y_error"].shape == s["y"].shape
    labelled = {s["figure"] for s in series if s["x_label"] and s["y_label"]}
    assert labelled == {s["figure"] for s in series}
