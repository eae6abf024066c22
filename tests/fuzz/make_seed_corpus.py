#!/usr/bin/env python3
"""Writes the seed corpus of the scenario loader's fuzz target (tests/fuzz/corpus/scenario):
every library file (with extends/file paths rewritten to resolve from scenarios/, the fuzz
target's base directory) and hand-written nasty inputs. Crashers found by fuzzing are added
beside them as crash_*.yaml and are never regenerated. Run: python3 make_seed_corpus.py"""
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "corpus" / "scenario"


def library_seeds():
    for path in sorted((ROOT / "scenarios").rglob("*.yaml")):
        rel = path.relative_to(ROOT / "scenarios")
        folder = rel.parent.as_posix()
        text = path.read_text(encoding="utf-8")

        def rebase(match):
            key, target = match.group(1), match.group(2)
            if target.startswith("../"):
                return f"{key}: {target[3:]}"
            return f"{key}: {folder}/{target}" if folder != "." else match.group(0)

        text = re.sub(r"\b(extends|file): ([\w./-]+\.yaml)", rebase, text)
        yield "lib_" + rel.as_posix().replace("/", "_"), text.encode("utf-8")


HIIT = (b"duration: 2 weeks\nsessions:\n  hiit: {type: intervals, repeats: 4, work: {duration: 4 min,"
        b" intensity: 90 %HRmax}, recovery: {activity: jog, duration: 3 min}}\n"
        b"plan: [{session: hiit, weekdays: [mon, wed, fri], time: \"16:00\"}]\n"
        b"diet: {protein: 1.6 g/kg/day, meals: [{time: \"08:00\"}, {time: \"19:00\"}]}\n")

NASTY = {
    "deep_flow_list": b"duration: " + b"[" * 5000 + b"]" * 5000,
    "deep_flow_map": b"{a: " * 3000 + b"1" + b"}" * 3000,
    "deep_block_list": b"x:\n" + b"- " * 3000 + b"1\n",
    "deep_block_map": b"".join(b" " * i + b"a:\n" for i in range(300)),
    "alias_bomb": b"a: &a [x,x,x,x,x,x,x,x,x]\n" + b"".join(
        b"%c: &%c [%s]\n" % (c, c, b",".join([b"*%c" % (c - 1)] * 9)) for c in range(ord("b"), ord("j"))),
    "alias_self": b"duration: 1 day\nx: &a [1, *a]\n",
    "alias_undefined": b"duration: *nope\n",
    "alias_session": b"duration: 1 day\nsessions:\n  a: &s {type: run, duration: 20 min, intensity: 60 %VO2max}\n"
                     b"  b: *s\nevents: [{at: 1 h, session: a}, {at: 2 h, session: b}]\n",
    "merge_key": b"duration: 1 day\nbase: &b {age: 20 years}\nsubject: {<<: *b, sex: male}\n",
    "utf8_invalid": b"duration: 1 day\nname: caf\xe9\n",
    "utf8_overlong": b"duration: 1 day\nname: \xc0\xaf\n",
    "utf8_surrogate": b"duration: 1 day\nname: \xed\xa0\x80\n",
    "utf8_truncated": b"duration: 1 day\nname: \xe2\x82",
    "utf8_valid": "duration: 1 day\ndescription: \u00e9\u00e8 \u4e2d\u6587 \U0001f3c3\n".encode("utf-8"),
    "utf16": "duration: 1 day\n".encode("utf-16"),
    "bom": b"\xef\xbb\xbfduration: 1 day\n",
    "nul": b"duration: 1 day\nna\x00me: x\n",
    "control_chars": b"duration: 1 day\x07\n",
    "empty": b"",
    "comment_only": b"# nothing here\n\n",
    "not_mapping_list": b"- a\n- b\n",
    "not_mapping_scalar": b"hello\n",
    "two_documents": b"duration: 1 day\n---\nduration: 2 days\n",
    "tabs": b"duration: 1 day\nsubject:\n\tsex: male\n",
    "duplicate_keys": b"duration: 1 day\nduration: 2 days\n",
    "complex_key": b"? [a, b]\n: c\n",
    "tags": b"!!map\nduration: !!str 1 day\nname: !custom x\n",
    "huge_number": b"duration: 1" + b"0" * 500 + b" min\n",
    "huge_exponent": b"duration: 1e999 min\nsubject: {body_mass: 1e-999 kg}\n",
    "nan_inf": b"duration: nan h\nsubject: {body_mass: inf kg, age: -inf years}\n",
    "negative": b"duration: -1 day\nsubject: {body_mass: -70 kg}\n",
    "absurd_intensity": b"duration: 1 day\nsessions: {r: {type: run, duration: 30 min, intensity: 500 %VO2max}}\n",
    "compound_duration": b"duration: 1 h 45 min\n",
    "many_keys": b"duration: 1 day\nparameters:\n" + b"".join(b"  k%d: %d\n" % (i, i) for i in range(3000)),
    "long_value": b"duration: 1 day\ndescription: " + b"x" * 70000 + b"\n",
    "long_plan": b"duration: 730 day\nsessions: {x: {type: intervals, repeats: 50, work: {duration: 10 s,"
                 b" intensity: 90 %VO2max}, recovery: {activity: rest, duration: 10 s}}}\n"
                 b"plan: [{session: x, every: 1 day, time: \"07:00\"}]\n",
    "count_too_many": b"duration: 1 week\nsessions: {r: {type: run, duration: 1 h, speed: 10 km/h}}\n"
                      b"plan: [{session: r, count: 731, time: \"07:00\"}]\n",
    "overlap": b"duration: 1 week\nsessions: {r: {type: run, duration: 1 h, speed: 10 km/h}}\n"
               b"plan: [{session: r, days: [1], time: \"07:00\"}, {session: r, days: [1], time: \"07:30\"}]\n",
    "past_midnight": b"duration: 1 week\nsessions: {r: {type: run, duration: 1 h, speed: 10 km/h}}\n"
                     b"plan: [{session: r, days: [1], time: \"23:30\"}]\n",
    "extends_devzero": b"extends: /dev/zero\nduration: 1 day\n",
    "extends_missing": b"extends: nowhere.yaml\nduration: 1 day\n",
    "extends_directory": b"extends: studies\nduration: 1 day\n",
    "extends_library": b"extends: hiit_4x4_brief.yaml\nsubject: {body_mass: 90 kg}\nsessions: {hiit_4x4: {cool_down: null}}\n",
    "json_flow": b'{"duration": "8 h", "sessions": {"b": {"type": "cycle", "duration": "30 min", '
                 b'"intensity": "60 %VO2max"}}, "events": [{"at": "0 h", "session": "b"}, {"at": "1 h", '
                 b'"intake": {"protein": "20 g", "type": "whey", "pulses": 4, "every": "15 min"}}]}',
    "set_override": b"#set diet.protein=2.0 g/kg/day\n" + HIIT,
    "set_list_index": b"#set plan.0.weekdays=[tue]\n" + HIIT,
    "set_remove": b"#set plan=\n" + HIIT,
    "set_bad_path": b"#set duration.x.y=3\n" + HIIT,
    "set_bad_index": b"#set plan.99.time=07:00\n" + HIIT,
    "set_no_equals": b"#set diet.protein\n" + HIIT,
    "study_inline": b"arms:\n  - {name: a, scenario: {duration: 1 h}}\n  - {name: b, file: hiit_4x4_brief.yaml,"
                    b" override: {diet: {protein: 1 g/kg/day}}}\n",
    "study_duplicate_arm": b"arms: [{name: a, scenario: {duration: 1 h}}, {name: a, scenario: {duration: 1 h}}]\n",
    "acute_everything": b"duration: 8 h\nsessions:\n  lift: {type: resistance, exercises: [{name: squat, sets: 3, reps: 8,"
                        b" load: 80 %1RM, rest: 2 min}]}\n  hill: {type: intervals, repeats: 3, work: {duration: 30 s,"
                        b" intensity: 150 %VO2max, grade: 8 %}, recovery: {activity: walk_back}}\n"
                        b"events:\n  - {at: 0 h, session: lift}\n  - {at: 2 h, session: hill}\n"
                        b"  - {at: 30 min, intake: {protein: {eaa: 8 g, leucine: 2 g}, carbohydrate: 30 g}}\n"
                        b"  - {at: 3 h, infusion: {leucine: 3 g, duration: 2 h}}\n",
    "diet_everything": b"duration: 2 weeks\nsubject: {sex: female, body_mass: 60 kg}\nsessions: {r: {type: run,"
                       b" distance: 5 km, pace: \"5:30 min/km\"}}\nplan: [{session: r, every: 3 day, first_day: 2,"
                       b" time: \"17:00\", skip: [5]}]\ndiet:\n  energy: 2200 kcal\n  protein: 100 g/day\n"
                       b"  carbohydrate: 50 %energy\n  fat: 1 g/kg/day\n  meals:\n    - {name: b, time: \"08:00\","
                       b" share: 30 %}\n    - {name: l, time: \"13:00\", protein: 30 g, type: egg}\n"
                       b"    - {name: d, time: \"19:00\"}\n  around_sessions: [{after: 30 min, protein: 25 g,"
                       b" type: whey}, {before: 1 h, carbohydrate: 40 g}]\n  fasting: [{from: \"21:00\","
                       b" to: \"07:00\"}]\n",
    "phases": b"duration: 6 weeks\nsessions: {r: {type: run, duration: 30 min, intensity: 100 %LT}}\n"
              b"phases:\n  - {from_week: 1, to_week: 3, plan: [{session: r, weekdays: [mon], time: \"07:00\"}]}\n"
              b"  - {from_week: 3, plan: [{session: r, weekdays: [tue], time: \"07:00\"}]}\n",
    # Regressions found while hardening the loader (see the tests in test_hostile.cpp).
    "regress_plan_entries": b"duration: 730 day\nsessions: {r: {type: run, duration: 1 min, intensity: 60 %VO2max}}\n"
                            b"plan:\n" + b"  - {session: r, every: 1 day, time: \"07:00\"}\n" * 30,
    "regress_session_doses": b"duration: 730 day\nsessions: {r: {type: run, duration: 1 min, intensity: 60 %VO2max}}\n"
                             b"plan: [{session: r, every: 1 day, time: \"07:00\"}]\ndiet:\n  around_sessions:\n"
                             + b"    - {after: 1 h, protein: 1 g, type: whey}\n" * 70,
    "regress_merge_index": b"arms:\n  - name: a\n    scenario: {duration: 1 h, parameters: {"
                           + b"".join(b"k%d: 1, " % i for i in range(3000)) + b"}}\n    override: {parameters: {"
                           + b"".join(b"k%d: %s, " % (i, b"null" if i % 3 == 0 else b"2") for i in range(3000))
                           + b"}}\n",
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("seed_*"):
        old.unlink()
    seeds = list(library_seeds()) + [(name + ".yaml", text) for name, text in NASTY.items()]
    for name, data in seeds:
        (OUT / ("seed_" + name)).write_bytes(data)
    print(f"wrote {len(seeds)} seeds to {OUT}")


if __name__ == "__main__":
    main()
