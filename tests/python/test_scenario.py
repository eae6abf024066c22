"""Scenarios from files, text and dicts; overrides with with_; studies; what a scenario holds."""
import pytest

import myoflux
from conftest import ONE_DAY


def test_load_library_file(library):
    hiit = myoflux.load_scenario(library / "hiit_4x4_brief.yaml")
    assert hiit.name == "hiit_4x4_brief"
    assert hiit.duration_h == pytest.approx(70 * 24)
    assert hiit.output_interval_h == pytest.approx(0.25)
    assert len(hiit.sessions) == 30
    assert hiit.subject["body_mass_kg"] == pytest.approx(68.2)
    assert hiit.diet["protein_g_per_kg_day"] == pytest.approx(1.6)
    assert hiit.file.endswith("hiit_4x4_brief.yaml")
    assert "hiit_4x4" in hiit.text
    assert hiit.sources and "Estes" in " ".join(hiit.sources)
    assert "hiit_4x4" in repr(hiit)


def test_from_yaml_and_from_dict_agree():
    text = ("duration: 1 day\n"
            "diet: {protein: 1.2 g/kg/day, meals: [{time: '08:00'}, {time: '18:00'}]}\n")
    a = myoflux.Scenario.from_yaml(text, name="two_meals")
    b = myoflux.Scenario.from_dict(
        {"duration": "1 day",
         "diet": {"protein": "1.2 g/kg/day", "meals": [{"time": "08:00"}, {"time": "18:00"}]}},
        name="two_meals",
    )
    assert a.name == b.name == "two_meals"
    assert a.diet["protein_g_per_day"] == pytest.approx(b.diet["protein_g_per_day"])
    assert [i["time_h"] for i in a.intakes] == pytest.approx([8.0, 18.0])
    assert [i["time_h"] for i in b.intakes] == pytest.approx([8.0, 18.0])


def test_dict_name_key_wins(one_day):
    assert one_day.name == "one_day"


def test_with_changes_a_copy(one_day):
    more = one_day.with_({"diet.protein": "2.0 g/kg/day"})
    assert more.diet["protein_g_per_kg_day"] == pytest.approx(2.0)
    assert one_day.diet["protein_g_per_kg_day"] == pytest.approx(1.6)
    assert more.overrides == [("diet.protein", "2.0 g/kg/day")]


def test_with_keywords_use_double_underscore_for_dots(one_day):
    s = one_day.with_(diet__protein="1.0 g/kg/day", duration="2 days")
    assert s.diet["protein_g_per_kg_day"] == pytest.approx(1.0)
    assert s.duration_h == pytest.approx(48.0)


def test_with_lists_numbers_and_removal(one_day):
    s = one_day.with_({"plan.0.days": [1, 2], "duration": "3 days"})
    assert [x["start_h"] for x in s.sessions] == pytest.approx([7.0, 31.0])
    no_run = one_day.with_(plan=None)
    assert no_run.sessions == []


def test_with_parameters(one_day):
    name = myoflux.parameters()["name"][0]
    value = float(myoflux.parameters()["value"][0])
    s = one_day.with_(params={name: value})
    assert s.parameter_overrides == {name: pytest.approx(value)}


def test_with_chains_and_keeps_earlier_overrides(one_day):
    s = one_day.with_(diet__protein="2.0 g/kg/day").with_(duration="2 days")
    assert s.diet["protein_g_per_kg_day"] == pytest.approx(2.0)
    assert s.duration_h == pytest.approx(48.0)


def test_with_nothing_returns_the_same_scenario(one_day):
    assert one_day.with_() is one_day


def test_load_with_overrides(library):
    s = myoflux.load_scenario(library / "hiit_4x4_brief.yaml", diet__protein="2.0 g/kg/day")
    assert s.diet["protein_g_per_kg_day"] == pytest.approx(2.0)


def test_extends_relative_to_base_dir(library):
    s = myoflux.Scenario.from_dict(
        {"extends": "hiit_4x4_brief.yaml", "name": "short_hiit", "duration": "1 week"},
        base_dir=library
    )
    assert s.name == "short_hiit"
    assert len(s.sessions) == 3


def test_study_arms_and_with(library):
    study = myoflux.load_study(library / "hiit_vs_long_distance.yaml")
    assert study.name == "hiit_vs_long_distance"
    assert list(study.arms) == [
        "control_1.0", "control_1.6", "hiit_1.0", "hiit_1.6",
        "long_distance_1.0", "long_distance_1.6",
    ]
    assert study["hiit_1.0"].diet["protein_g_per_kg_day"] == pytest.approx(1.0)
    assert len(study) == 6 and len(list(study)) == 6
    heavier = study.with_(subject__body_mass="80 kg")
    assert all(s.subject["body_mass_kg"] == pytest.approx(80.0) for s in heavier)
    assert heavier["hiit_1.0"].diet["protein_g_per_kg_day"] == pytest.approx(1.0)
    assert study["hiit_1.0"].subject["body_mass_kg"] == pytest.approx(68.2)
    # Overriding one arm reloads that arm alone: the long-distance arms could not be this short.
    arm = study["hiit_1.6"].with_(duration="2 weeks")
    assert arm.name == "hiit_1.6" and arm.duration_h == pytest.approx(336.0)
    assert arm.diet["protein_g_per_kg_day"] == pytest.approx(1.6)
    assert len(arm.sessions) == 6
    assert "hiit_vs_long_distance" in repr(study)


def test_study_overrides_at_load_are_kept_by_with(library):
    study = myoflux.load_study(library / "hiit_vs_long_distance.yaml", subject__body_mass="80 kg")
    arm = study["control_1.0"].with_(duration="1 week")
    assert arm.subject["body_mass_kg"] == pytest.approx(80.0)
    assert arm.overrides == [("subject.body_mass", "80 kg"), ("duration", "1 week")]


def test_plain_file_is_a_study_of_one_arm(library):
    study = myoflux.load_study(library / "sprints" / "sprint_6x20s.yaml")
    assert list(study.arms) == ["sprint_6x20s"]


def test_timeline_views(one_day):
    (session,) = one_day.sessions
    assert session["start_h"] == pytest.approx(7.0)
    assert session["duration_h"] == pytest.approx(0.5)
    assert session["segments"][0]["intensity_fraction_vo2max"] == pytest.approx(0.7)
    assert session["segments"][0]["modality"] == "running"
    meals = one_day.diet["meals"]
    assert [m["clock_h"] for m in meals] == pytest.approx([8.0, 12.5, 19.0])
    assert sum(sum(m["protein_g"].values()) for m in meals) == pytest.approx(1.6 * 60)
    assert sum(i["protein_g"] for i in one_day.intakes) == pytest.approx(1.6 * 60)


def test_describe_is_what_check_prints(one_day):
    text = one_day.describe()
    assert "one_day" in text and "run" in text
    assert len(one_day.describe(full=True)) >= len(text)


def test_scenario_path():
    assert myoflux.scenario_path("hiit_4x4_brief.yaml").is_file()
    assert myoflux.scenario_path().name == "scenarios"


def test_from_dict_does_not_change_the_dict():
    before = repr(ONE_DAY)
    myoflux.Scenario.from_dict(ONE_DAY).with_(duration="2 days")
    assert repr(ONE_DAY) == before
