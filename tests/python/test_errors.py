"""C++ exceptions reach Python as ValueError (bad input) or RuntimeError (failed simulation),
with the C++ message text unchanged; the command line prints the same text."""
import os
import subprocess

import pytest

import myoflux

BROKEN = "name: broken\nduration: 1 day\nsubject:\n  body_mass: 70\n"
# The column points at where the unit should be (docs/scenarios.md, errors).
BROKEN_MESSAGE = ("broken.yaml:4:16: 'body_mass': \"70\" has no unit: "
                  "expected a mass (e.g. \"25 g\"); units: mg, g, kg")


def test_broken_file_gives_file_line_column(scratch):
    path = scratch / "broken.yaml"
    path.write_text(BROKEN)
    with pytest.raises(ValueError) as caught:
        myoflux.load_scenario(path)
    assert str(caught.value) == str(path.parent / BROKEN_MESSAGE)
    assert isinstance(caught.value, myoflux.ScenarioError)
    assert (caught.value.file, caught.value.line, caught.value.column) == (str(path), 4, 16)
    assert caught.value.message.startswith("'body_mass': \"70\" has no unit")


def test_same_text_as_the_command_line(scratch, cli):
    path = scratch / "broken.yaml"
    path.write_text(BROKEN)
    with pytest.raises(ValueError) as caught:
        myoflux.load_scenario(path)
    done = subprocess.run([cli, "check", str(path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert str(caught.value) in done.stderr


def test_text_errors_use_the_given_name():
    with pytest.raises(myoflux.ScenarioError, match=r"^broken\.yaml:4:16: 'body_mass'"):
        myoflux.Scenario.from_yaml(BROKEN, name="broken.yaml")


def test_dict_errors_point_into_the_json_text():
    with pytest.raises(ValueError) as caught:
        myoflux.Scenario.from_dict({"duration": "1 day", "subject": {"bodymass": "70 kg"}},
                                   name="mine")
    assert str(caught.value).startswith("mine:")
    assert "unknown key 'bodymass' in the subject (did you mean 'body_mass'?)" in str(caught.value)
    assert caught.value.line > 1


def test_bad_override_names_its_path(one_day):
    with pytest.raises(ValueError) as caught:
        one_day.with_(diet__protein="2 kg")
    assert str(caught.value).startswith("--set diet.protein: 'protein': \"2 kg\" is a mass")


def test_unknown_parameter(one_day):
    expected = r"^--set parameters\.no_such_parameter: unknown parameter"
    with pytest.raises(ValueError, match=expected):
        myoflux.run(one_day, params={"no_such_parameter": 1.0})


def test_parameter_out_of_range(one_day):
    table = myoflux.parameters()
    row = table.iloc[0]
    with pytest.raises(ValueError) as caught:
        myoflux.run(one_day, params={row["name"]: float(row["max"]) * 10 + 1})
    assert f"parameter '{row['name']}' must lie in" in str(caught.value)


def test_missing_file():
    with pytest.raises(ValueError, match="cannot read '/no/such/file.yaml': no such file"):
        myoflux.load_scenario("/no/such/file.yaml")


def test_solver_failure_is_runtime_error(one_day):
    with pytest.raises(RuntimeError) as caught:
        myoflux.run(one_day, solver={"max_steps": 3})
    assert not isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(
        "the simulation of 'one_day' failed: too_many_steps: more than 3 steps")


def test_unchecked_solver_failure_returns_partial_result(one_day):
    result = myoflux.run(one_day, solver={"max_steps": 3}, check=False)
    assert not result.ok
    assert result.status == "too_many_steps"
    assert result.message.startswith("more than 3 steps")
    assert result.time_h[-1] < one_day.duration_h


def test_bad_solver_settings_are_value_errors(one_day):
    with pytest.raises(ValueError, match="unknown solver method 'rk4'"):
        myoflux.run(one_day, solver={"method": "rk4"})
    with pytest.raises(ValueError, match="unknown solver setting 'tolerance'"):
        myoflux.run(one_day, solver={"tolerance": 1e-3})


def test_unknown_variable_is_key_error_and_value_error(one_day):
    result = myoflux.run(one_day)
    with pytest.raises(KeyError) as caught:
        result["no_such_output"]
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(
        "no variable 'no_such_output' in this result; it has: mps_rate")


def test_not_a_result_file(scratch):
    path = scratch / "plain.txt"
    path.write_text("hello")
    with pytest.raises(ValueError, match="is not an HDF5 file"):
        myoflux.read_h5(path)


def test_write_into_missing_folder(one_day, scratch):
    result = myoflux.run(one_day)
    target = scratch / "no" / "such" / "x.h5"
    with pytest.raises(ValueError) as caught:
        myoflux.write_h5(target, [result])
    assert str(caught.value) == f"cannot write {target}: folder {target.parent} does not exist"
    assert not os.path.exists(scratch / "no")


def test_wrong_type_is_type_error():
    with pytest.raises(TypeError, match="expected a myoflux.Scenario"):
        myoflux.run(42)
