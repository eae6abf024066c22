"""`myoflux check` on every kind of file: each file of the scenario library checks clean and is
read as the kind its content says; errors stay located and say which kind the file was read as;
library files are found by name from any folder."""
import pathlib

import pytest
import yaml

from conftest import SOURCE_DIR, run

LIBRARY = pathlib.Path(SOURCE_DIR) / "scenarios"
LIBRARY_FILES = sorted(LIBRARY.rglob("*.yaml"))


def expected_kind(path):
    """The kind by the rule docs/scenarios.md states: 'arms' makes a study, 'base' a sweep spec."""
    document = yaml.safe_load(path.read_text())
    if "arms" in document:
        return "study"
    if "base" in document:
        return "sweep spec"
    return "scenario"


def test_the_library_has_every_engine_kind():
    assert {expected_kind(p) for p in LIBRARY_FILES} == {"scenario", "study", "sweep spec"}


@pytest.mark.parametrize("path", LIBRARY_FILES, ids=lambda p: str(p.relative_to(LIBRARY)))
def test_every_library_file_checks_clean(path):
    r = run("check", path, check=0)
    assert r.stderr == ""
    last = r.stdout.strip().splitlines()[-1]
    assert last.startswith(f"{path}: valid ({expected_kind(path)}"), last


def test_a_sweep_spec_is_explained(tmp_path):
    r = run("check", LIBRARY / "sweeps" / "protein_x_hiit_frequency.yaml", check=0)
    for line in ("sweep     protein_x_hiit_frequency",
                 "grid      diet.protein: 5 values (0.8 g/kg/day, 1.2 g/kg/day, 1.6 g/kg/day, 2.0 g/kg/day, "
                 "2.4 g/kg/day)",
                 "grid      plan.0.count: 5 values (10, 20, 30, 40, 50), shown as hiit_sessions_per_week (1/week)",
                 "trajectories csa_change_percent every 1 day (71 samples)",
                 "runs      25 in"):
        assert line in r.stdout, r.stdout
    assert r.stdout.rstrip().endswith("valid (sweep spec, 25 runs)")


def test_a_sweep_error_is_located_and_names_the_kind(tmp_path):
    spec = tmp_path / "bad_sweep.yaml"
    spec.write_text(f"base: {LIBRARY / 'hiit_4x4_brief.yaml'}\n"
                    "grid:\n"
                    "  diet.protein: [1.0 g/kg/day, 1.6 g/kgday]\n")
    r = run("check", spec, check=2)
    assert r.stdout == ""
    first, second = r.stderr.strip().splitlines()
    assert first.startswith(f"myoflux: error: {spec}:3:")
    assert "1.6 g/kgday" in first
    assert second == f"({spec} was read as a sweep spec: a YAML file with the top-level key 'base')"


def test_a_sweep_without_base_is_read_as_a_scenario_and_says_so(tmp_path):
    spec = tmp_path / "no_base.yaml"
    spec.write_text("grid:\n  diet.protein: [1.0 g/kg/day]\n")
    r = run("check", spec, check=2)
    first, second = r.stderr.strip().splitlines()
    assert first.startswith(f"myoflux: error: {spec}:1:1: ") and "'grid'" in first
    assert second == f"({spec} was read as a scenario: a YAML file without 'arms', 'base', 'foods', 'targets')"


def test_set_and_arm_are_refused_for_a_sweep_spec():
    r = run("check", LIBRARY / "sweeps" / "virtual_population.yaml", "--set", "diet.protein=1 g/kg/day",
            check=2)
    assert "is a sweep spec; --set and --arm apply to scenarios and studies" in r.stderr


def test_a_file_of_no_kind_lists_the_kinds(tmp_path):
    table = tmp_path / "table.csv"
    table.write_text("a,b\n1,2\n")
    r = run("check", table, check=2)
    assert f"{table}: not a kind of file myoflux reads; it reads" in r.stderr
    for kind in ("study: a YAML file with the top-level key 'arms'", "sweep spec: a YAML file with the top-level "
                 "key 'base'", "scenario: a YAML file without 'arms', 'base'"):
        assert kind in r.stderr


def test_library_files_are_found_by_name_from_any_folder(tmp_path):
    r = run("check", "virtual_population", cwd=tmp_path, check=0)
    assert "valid (sweep spec, 400 runs)" in r.stdout
    r = run("check", "studies/ryu2016_races.yaml", cwd=tmp_path, check=0)
    assert "valid (study of" in r.stdout
    r = run("check", "hiit_vs_long_distanse", cwd=tmp_path, check=2)
    assert "has no file of that name (did you mean 'hiit_vs_long_distance'?)" in r.stderr


def test_the_models_targets_file_is_a_kind_of_its_own():
    targets = pathlib.Path(SOURCE_DIR) / "models" / "protein_balance" / "experiments" / "targets.yaml"
    r = run("check", targets, check=0)
    count = len(yaml.safe_load(targets.read_text())["targets"])
    assert r.stdout.strip().splitlines()[-1] == f"{targets}: valid (targets file, {count} targets)"


def test_an_error_in_a_targets_file_is_located_and_names_the_kind(tmp_path):
    targets = tmp_path / "targets.yaml"
    targets.write_text("targets:\n  - id: x\n    studdy: 1\n")
    first, second = run("check", targets, check=2).stderr.strip().splitlines()
    assert first.startswith(f"myoflux: error: {targets}:3:5: unknown key 'studdy' in target 'x'"), first
    assert second == f"({targets} was read as a targets file: a YAML file with the top-level key 'targets')"
