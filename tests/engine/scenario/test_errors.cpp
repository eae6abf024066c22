// Every class of input error is reported at its file:line:column with what was expected, an
// example and, for slips, a suggestion. Locations are 1-based; columns point at the offending
// character (for units, at the unit itself).
#include <gtest/gtest.h>

#include <fstream>

#include "test_util.hpp"

namespace myoflux {
namespace {

using testing::error_of;

constexpr const char* kRun =
    "sessions: {run: {type: run, duration: 30 min, intensity: 70 %VO2max}}\n";

TEST(Errors, UnknownKeyWithSuggestion) {
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsubject:\n  sex: male\n  bodymass: 70 kg\n",
                        "test.yaml:4:3",
                        "unknown key 'bodymass' in the subject (did you mean 'body_mass'?); "
                        "allowed keys: sex, age, body_mass, vo2max, lactate_threshold, hrmax, "
                        "training_status, muscle_mass_fraction");
  EXPECT_SCENARIO_ERROR("duraton: 1 day\n", "test.yaml:1:1",
                        "unknown key 'duraton' in the scenario (did you mean 'duration'?)");
  EXPECT_SCENARIO_ERROR("duration: 1 day\ndiet: {protien: 1.6 g/kg/day}\n", "test.yaml:2:8",
                        "(did you mean 'protein'?)");
  // Far from every key: no suggestion, but the list.
  const ScenarioError e = error_of("duration: 1 day\nxyzzy: 3\n");
  EXPECT_EQ(std::string(e.message()).find("did you mean"), std::string::npos);
  EXPECT_NE(std::string(e.message()).find("allowed keys: name, description"), std::string::npos);
}

TEST(Errors, MissingUnit) {
  EXPECT_SCENARIO_ERROR("duration: 10\n", "test.yaml:1:13",
                        "'duration': \"10\" has no unit: expected a duration (e.g. \"4 min\"); "
                        "units: s, min, h, day, week");
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsubject: {body_mass: 70}\n", "test.yaml:2:24",
                        "'body_mass': \"70\" has no unit");
}

TEST(Errors, WrongUnitAndMisspeltUnit) {
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsubject:\n  body_mass: 70 min\n", "test.yaml:3:17",
                        "'body_mass': \"70 min\" is a duration, but this field expects a mass "
                        "(e.g. \"25 g\")");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions:\n  run: {type: run, duration: 30 min, intensity: \"90 "
      "%vo2max\"}\n",
      "test.yaml:3:53", "unknown unit \"%vo2max\" in \"90 %vo2max\" (did you mean \"%VO2max\"?)");
}

TEST(Errors, NegativeNanAndAbsurdValues) {
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsubject: {body_mass: -5 kg}\n", "test.yaml:2:22",
                        "'body_mass' must be in the range 20 to 300 kg (e.g. \"68.2 kg\"), got "
                        "\"-5 kg\"");
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsubject: {body_mass: 0 kg}\n", "test.yaml:2:22",
                        "'body_mass' must be in the range 20 to 300 kg");
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsubject: {body_mass: nan kg}\n", "test.yaml:2:22",
                        "\"nan kg\" is not a finite number");
  EXPECT_SCENARIO_ERROR("duration: 1e308 min\n", "test.yaml:1:11",
                        "'duration' must be in the range 1 min to 730 day (e.g. \"10 weeks\"), "
                        "got \"1e308 min\"");
  EXPECT_SCENARIO_ERROR("duration: 1e999 min\n", "test.yaml:1:11", "too large to be a number");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {run: {type: run, duration: 30 min, intensity: 500 %VO2max}}\n",
      "test.yaml:2:58",
      "'intensity' must be in the range 1 to 250 %VO2max (e.g. \"90 %VO2max\"), got \"500 "
      "%VO2max\"");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {run: {type: run, duration: 30 min, intensity: 105 %HRmax}}\n",
      "test.yaml:2:58", "'intensity' must be in the range 40 to 100 %HRmax");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsubject: {lactate_threshold: 90 %VO2max}\nsessions: "
      "{run: {type: run, duration: 30 min, intensity: 290 %LT}}\n",
      "test.yaml:3:58", "(= 261 %VO2max for this subject)");
}

TEST(Errors, IntensityThatNoSpeedMatches) {
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {run: {type: run, duration: 30 min, intensity: 5 %VO2max}}\n",
      "test.yaml:2:58",
      "5 %VO2max is not above resting oxygen uptake for this subject (3.5 of "
      "45 mL/kg/min = 7.8 %VO2max)");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsubject: {vo2max: 90 mL/kg/min}\n"
      "sessions: {run: {type: run, duration: 30 s, intensity: 250 %VO2max}}\n",
      "test.yaml:3:56",
      "250 %VO2max means running at 66.4 km/h for this subject (ACSM running "
      "equation), outside 1 to 45 km/h");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {run: {type: run, duration: 30 min, speed: 40 km/h, grade: "
      "20 %}}\n",
      "test.yaml:2:54", "which costs 256.8 mL/kg/min (ACSM), 570.7 %VO2max for this subject");
}

TEST(Errors, ChoicesWithSuggestion) {
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsubject: {sex: femal}\n", "test.yaml:2:16",
                        "'sex' must be one of female, male, got \"femal\" (did you mean "
                        "'female'?)");
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsessions: {x: {type: interval}}\n", "test.yaml:2:22",
                        "(did you mean 'intervals'?)");
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan: [{session: runn, weekdays: [mon], time: \"07:00\"}]\n",
                        "test.yaml:3:18",
                        "no session named 'runn' (did you mean 'run'?); defined sessions: run");
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan: [{session: run, weekdays: [mon, thur], time: \"07:00\"}]\n",
                        "test.yaml:3:39", "(did you mean 'thu'?)");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nevents: [{at: 0 h, intake: {protein: 20 g, type: wey}}]\n",
      "test.yaml:2:50", "(did you mean 'whey'?)");
}

TEST(Errors, MissingAndConflictingKeys) {
  EXPECT_SCENARIO_ERROR("name: x\n", "test.yaml:1:1",
                        "the scenario needs 'duration' (e.g. duration: 10 weeks)");
  EXPECT_SCENARIO_ERROR("duration:\n", "test.yaml:2:1", "the scenario needs 'duration'");
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsessions: {run: {duration: 30 min}}\n", "test.yaml:2:17",
                        "session 'run' needs a 'type': one of run, walk, cycle, intervals, "
                        "resistance (e.g. type: intervals)");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {run: {type: run, duration: 30 min, distance: "
      "5 km, speed: 10 km/h}}\n",
      "test.yaml:2:47",
      "session 'run' gives both 'duration' and 'distance'; give only one of "
      "duration, distance");
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsessions: {run: {type: run, duration: 30 min}}\n",
                        "test.yaml:2:17",
                        "session 'run' needs one of intensity, speed, pace (e.g. intensity: 90 "
                        "%VO2max)");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {x: {type: intervals, repeats: 4, work: {duration: 1 min, "
      "intensity: 90 %VO2max}}}\n",
      "test.yaml:2:15", "needs a 'recovery' between its work bouts");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {x: {type: cycle, duration: 30 min, grade: 5 "
      "%, intensity: 50 %VO2max}}\n",
      "test.yaml:2:54", "'grade' applies to running and walking, not to a ride");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {x: {type: intervals, repeats: 2, work: {activity: cycle, "
      "duration: 1 min, intensity: 90 %VO2max}, recovery: {activity: walk_back}}}\n",
      "test.yaml:2:120", "the work bout must be a run or walk");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {x: {type: run, duration: 5 min, intensity: "
      "50 %VO2max, repeats: 3}}\n",
      "test.yaml:2:67", "unknown key 'repeats' in session 'x'");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {x: {type: resistance, exercises: [{name: squat, sets: 3, "
      "reps: 8, load: 80 %1RM}]}}\n",
      "test.yaml:2:46", "exercise 1 of session 'x' needs 'rest' (e.g. rest: 2 min)");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {x: {type: resistance, exercises: [{name: "
      "squat, sets: 2.5, reps: 8, load: 80 %1RM, rest: 1 min}]}}\n",
      "test.yaml:2:66", "'sets' must be a whole number (e.g. 4), got \"2.5\"");
}

TEST(Errors, IntervalsThatDoNotFitInADay) {
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan: [{session: run, weekdays: [mon], time: \"23:45\"}]\n",
                        "test.yaml:3:46",
                        "session 'run' at 23:45 lasts 30 min and would run past midnight; a "
                        "session placed by clock time must end within its day");
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan: [{session: run, weekdays: [mon], time: \"24:10\"}]\n",
                        "test.yaml:3:46",
                        "'time' must be a clock time from 00:00 to 23:59 (e.g. \"07:30\"), got "
                        "\"24:10\"");
  EXPECT_SCENARIO_ERROR("duration: 3 days\nsessions: {ultra: {type: walk, distance: 150 km}}\n",
                        "test.yaml:2:42",
                        "150 km at 5 km/h takes 30 h; a segment lasts at most 1 day");
  EXPECT_SCENARIO_ERROR(
      "duration: 3 days\nsessions:\n  ultra:\n    type: intervals\n    repeats: "
      "30\n    work: {duration: 1 h, intensity: 50 %VO2max}\n    recovery: "
      "{activity: rest, duration: 10 min}\n",
      "test.yaml:3:3",
      "session 'ultra' lasts 34 h 50 min; a session must fit "
      "in a day (24 h)");
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan: [{session: run, every: 36 h, time: \"07:00\"}]\n",
                        "test.yaml:3:30", "'every' must be a whole number of days");
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan: [{session: run, count: 9, time: \"07:00\"}]\n",
                        "test.yaml:3:30",
                        "'count' 9 is more than the 7 days of the plan (days 1 to 7)");
  EXPECT_SCENARIO_ERROR(
      std::string("duration: 2 h\n") + kRun + "events: [{at: 1 h 45 min, session: run}]\n",
      "test.yaml:3:17",
      "'at': unknown unit \"h 45 min\" in \"1 h 45 min\": expected a duration (e.g. "
      "\"4 min\"); units: s, min, h, day, week; write one number with one unit "
      "(e.g. \"105 min\" rather than \"1 h 45 min\")");
}

TEST(Errors, SessionsOutsideTheScenario) {
  EXPECT_SCENARIO_ERROR(
      std::string("duration: 2 h\n") + kRun + "events: [{at: 100 min, session: run}]\n",
      "test.yaml:3:15",
      "session 'run' at 1 h 40 min lasts 30 min and would end after the "
      "scenario (2 h)");
  EXPECT_SCENARIO_ERROR(std::string("duration: 7 days\n") + kRun +
                            "plan: [{session: run, days: [8], time: \"07:00\"}]\n",
                        "test.yaml:3:30", "day 8 is outside the plan (days 1 to 7)");
  EXPECT_SCENARIO_ERROR(std::string("duration: 6 days 18 h\n") + kRun, "test.yaml:1:13",
                        "unknown unit \"days 18 h\"");
  EXPECT_SCENARIO_ERROR(std::string("duration: 162 h\n") + kRun +
                            "plan: [{session: run, weekdays: [sun], time: \"19:00\"}]\n",
                        "test.yaml:3:8",
                        "session 'run' on day 7 (Sun) at 19:00 would end after the scenario "
                        "(162 h)");
  EXPECT_SCENARIO_ERROR("duration: 2 h\nevents: [{at: 2 h, intake: {protein: 20 g, type: whey}}]\n",
                        "test.yaml:2:15", "event 1 at 2 h is not before the end of the scenario");
  EXPECT_SCENARIO_ERROR(
      "duration: 2 h\nevents: [{at: 1 h, infusion: {leucine: 2 g, duration: 2 h}}]\n",
      "test.yaml:2:55", "the infusion runs from 1 h to 3 h, past the end of the scenario (2 h)");
  EXPECT_SCENARIO_ERROR("duration: 2 h\noutput_interval: 3 h\n", "test.yaml:2:18",
                        "'output_interval' (3 h) is longer than the scenario (2 h)");
}

TEST(Errors, OverlappingInfusions) {
  EXPECT_SCENARIO_ERROR(
      "duration: 8 h\nevents:\n  - {at: 0 h, infusion: {leucine: 2 g, duration: 3 "
      "h}}\n  - {at: 2 h, infusion: {leucine: 1 g, duration: 1 h}}\n",
      "test.yaml:4:25",
      "this infusion starts at 2 h, while the one placed at test.yaml:3:25 runs "
      "until 3 h; infusions must not overlap");
}

TEST(Errors, OverlappingSessions) {
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan:\n  - {session: run, weekdays: [mon, tue], time: \"07:00\"}\n"
                            "  - {session: run, days: [2], time: \"07:15\"}\n",
                        "test.yaml:5:5",
                        "session 'run' on day 2 (Tue) at 07:15 overlaps session 'run' on day 2 "
                        "(Tue) at 07:00 (placed at test.yaml:4:5), which lasts 30 min; move one "
                        "of them");
}

TEST(Errors, DietInconsistencies) {
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\ndiet:\n  protein: 100 g/day\n  meals:\n    - {time: "
      "\"08:00\", share: 60 %}\n    - {time: \"18:00\", share: 60 %}\n",
      "test.yaml:5:5", "the meals' shares add up to 120 %");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\ndiet:\n  protein: 100 g/day\n  meals:\n    - {time: "
      "\"08:00\", protein: 30 g}\n    - {time: \"18:00\", protein: 30 g}\n",
      "test.yaml:3:3",
      "the meals add up to 60 g protein a day, but the diet's daily protein is "
      "100 g; make the meals' grams and shares add up to it");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\ndiet:\n  meals:\n    - {name: lunch, time: \"12:00\", "
      "share: 50 %}\n",
      "test.yaml:4:43",
      "meal 'lunch' has a 'share' of the day's protein, but the diet gives no "
      "daily protein");
  EXPECT_SCENARIO_ERROR("duration: 1 day\ndiet: {protein: 1.2 g/kg/day}\n", "test.yaml:2:7",
                        "the diet gives daily amounts but no 'meals'");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\ndiet:\n  protein: 1 g/kg/day\n  carbohydrate: 80 "
      "%energy\n  fat: 30 %energy\n  meals: [{time: \"12:00\"}]\n",
      "test.yaml:5:8",
      "carbohydrate and fat together give 110 %energy; together they can be at "
      "most 100 %energy");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\ndiet:\n  protein: 1 g/kg/day\n  meals: [{name: "
      "breakfast, time: \"07:00\"}]\n  fasting: [{from: \"20:00\", to: "
      "\"08:00\"}]\n",
      "test.yaml:4:35",
      "meal 'breakfast' at 07:00 falls in the fasting window 20:00 to 08:00 "
      "(test.yaml:5:13); move the meal or the window");
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan: [{session: run, weekdays: [mon], time: \"18:00\"}]\n"
                            "diet:\n  around_sessions: [{after: 30 min, protein: 25 g, type: "
                            "whey}]\n  fasting: [{from: \"18:45\", to: \"07:00\"}]\n",
                        "test.yaml:5:21",
                        "'post-session whey' at 19:00 falls in the fasting window 18:45 to 07:00 "
                        "(test.yaml:6:13); move one of them");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\ndiet: {around_sessions: [{after: 30 min, protein: 25 "
      "g}]}\n",
      "test.yaml:2:51", "needs the protein's 'type'");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nevents: [{at: 0 h, intake: {protein: 20 g, type: whey, "
      "pulses: 4}}]\n",
      "test.yaml:2:28", "has 4 pulses but no 'every' between them");
  EXPECT_SCENARIO_ERROR(std::string("duration: 2 h\n") + kRun +
                            "events: [{at: 1 h, session: run}]\ndiet: {around_sessions: [{after: "
                            "45 min, protein: 25 g, type: whey}]}\n",
                        "test.yaml:4:26",
                        "'post-session whey' 45 min after session 'run' at 1 h falls outside "
                        "the scenario (0 to 2 h)");
}

TEST(Errors, PlanMistakes) {
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan: [{session: run, weekdays: [mon], time: \"07:00\", skip: [2]}]\n",
                        "test.yaml:3:62",
                        "day 2 has no 'run' session to skip; this entry places it on days 1");
  EXPECT_SCENARIO_ERROR(std::string("duration: 2 weeks\n") + kRun +
                            "phases:\n  - {from_week: 1, plan: [{session: run, days: [1], time: "
                            "\"07:00\"}]}\n  - {name: b, from_week: 2, plan: []}\n",
                        "test.yaml:5:5",
                        "phase 'b' (weeks 2 to 2) overlaps phase '1' (weeks 1 to 2, "
                        "test.yaml:4:5)");
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan: [{session: run, days: [3], first_day: 2, time: \"07:00\"}]\n",
                        "test.yaml:3:45", "'first_day' goes with 'every'");
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 week\n") + kRun +
                            "plan: [{session: run, "
                            "weekdays: [sat], time: "
                            "\"07:00\", skip: [6]}]\n",
                        "test.yaml:3:8", "places no 'run' session in the plan");
}

TEST(Errors, MergeKeysAreNotSupported) {
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsubject: {<<: {age: 20 years}}\n", "test.yaml:2:11",
      "YAML merge keys ('<<') are not supported in the subject; reuse a file with "
      "'extends'");
}

TEST(Errors, DuplicateKeys) {
  EXPECT_SCENARIO_ERROR("duration: 1 day\nname: a\nduration: 2 days\n", "test.yaml:3:1",
                        "duplicate key 'duration' (first given at test.yaml:1:1); give each key "
                        "once");
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsubject: {age: 20 years, age: 30 years}\n",
                        "test.yaml:2:26", "duplicate key 'age'");
}

TEST(Errors, NotUtf8AndControlCharacters) {
  EXPECT_SCENARIO_ERROR("duration: 1 day\nname: caf\xE9\n", "test.yaml:2:10",
                        "byte 0xE9 is not valid UTF-8; save the file as UTF-8 (plain text)");
  EXPECT_SCENARIO_ERROR(std::string("duration: 1 day\nna\0me: x\n", 24), "test.yaml:2:3",
                        "control character 0 is not allowed in YAML");
  EXPECT_SCENARIO_ERROR(
      "\xFF\xFE"
      "d\0u\0",
      "test.yaml:1:1", "the text is UTF-16 encoded");
  // Accepted: a byte-order mark and real UTF-8 in a description.
  EXPECT_NO_THROW(
      testing::from_text("\xEF\xBB\xBF"
                         "duration: 1 day\ndescription: caf\xC3\xA9\n"));
}

TEST(Errors, EmptyAndNonMappingDocuments) {
  EXPECT_SCENARIO_ERROR("", "test.yaml:1:1",
                        "the scenario is empty; a scenario needs at least a duration");
  EXPECT_SCENARIO_ERROR("# just a comment\n\n", "test.yaml:1:1", "the scenario is empty");
  EXPECT_SCENARIO_ERROR("- duration: 1 day\n", "test.yaml:1:1",
                        "the scenario must be a mapping of keys to values (e.g. \"duration: 8 h\" "
                        "on its own line), got a list");
  EXPECT_SCENARIO_ERROR("just words\n", "test.yaml:1:1", "got a single value");
  EXPECT_SCENARIO_ERROR("duration: 1 day\n---\nduration: 2 days\n", "test.yaml:2:1",
                        "a scenario file holds one YAML document");
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsubject: [1, 2\n", "test.yaml:3:1", "not valid YAML");
  EXPECT_SCENARIO_ERROR("duration: 1 day\nsubject: 70 kg\n", "test.yaml:2:10",
                        "the subject must be a mapping of keys to values (key: value lines), got "
                        "a single value");
}

TEST(Errors, ParametersAreNumbers) {
  EXPECT_SCENARIO_ERROR("duration: 1 day\nparameters: {k_mps: 8 %}\n", "test.yaml:2:21",
                        "parameter 'k_mps' must be a plain number in the parameter's documented "
                        "unit (e.g. 0.08");
  EXPECT_SCENARIO_ERROR("duration: 1 day\nparameters: {k-mps: 1}\n", "test.yaml:2:14",
                        "'k-mps' is not a parameter name");
}

class TempDir {
 public:
  TempDir()
      : path_(std::filesystem::temp_directory_path() /
              ("myoflux_test_" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
    return path_ / name;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(Errors, RecursiveAndMissingExtends) {
  const TempDir dir;
  dir.write("a.yaml", "extends: b.yaml\nduration: 1 day\n");
  dir.write("b.yaml", "# b\nextends: a.yaml\n");
  dir.write("self.yaml", "extends: self.yaml\n");
  dir.write("missing.yaml", "duration: 1 day\nextends: nowhere.yaml\n");
  dir.write("wrong.yaml", "extends: notes.txt\n");
  const auto error = [&](const char* file) {
    try {
      load_scenario(dir.path() / file);
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string a = (dir.path() / "a.yaml").string();
  const std::string b = (dir.path() / "b.yaml").string();
  EXPECT_EQ(error("a.yaml"), b + ":2:10: recursive extends: a.yaml -> b.yaml -> a.yaml; a file "
                                 "cannot extend itself, directly or through others");
  EXPECT_NE(error("self.yaml").find("self.yaml:1:10: recursive extends: self.yaml -> self.yaml"),
            std::string::npos);
  EXPECT_EQ(error("missing.yaml"), (dir.path() / "missing.yaml").string() + ":2:10: cannot read '" +
                                       (dir.path() / "nowhere.yaml").string() + "': no such file");
  EXPECT_NE(error("wrong.yaml").find("'extends' names a scenario file ending in .yaml"),
            std::string::npos);
  try {
    load_scenario(dir.path() / "absent.yaml");
    ADD_FAILURE();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), (dir.path() / "absent.yaml").string() + ": cannot read '" +
                                         (dir.path() / "absent.yaml").string() + "': no such file");
  }
}

TEST(Errors, ExtendsMergesDeeplyAndNullRemoves) {
  const TempDir dir;
  dir.write("base.yaml",
            "duration: 1 week\nsubject: {sex: female, body_mass: 60 kg}\n"
            "sessions: {run: {type: run, duration: 30 min, intensity: 70 %VO2max, cool_down: "
            "{activity: walk, duration: 5 min}}}\n"
            "plan: [{session: run, weekdays: [mon], time: \"07:00\"}]\n");
  dir.write("child.yaml",
            "extends: base.yaml\nsubject: {body_mass: 65 kg}\n"
            "sessions: {run: {cool_down: null}}\n");
  const Scenario s = load_scenario(dir.path() / "child.yaml");
  EXPECT_EQ(s.subject.sex, Sex::female);
  EXPECT_DOUBLE_EQ(s.subject.body_mass_kg, 65.0);
  ASSERT_EQ(s.timeline.sessions.size(), 1u);
  EXPECT_EQ(s.timeline.sessions[0].segments.size(), 1u);
  EXPECT_EQ(s.name, "child");
}

TEST(Errors, StudyMistakes) {
  const auto study_error = [](const std::string& yaml) {
    try {
      study_from_yaml(yaml, "study.yaml", {}, testing::library(""));
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(study_error("arms:\n  - {name: a, file: control_no_training.yaml}\n  - {name: a, "
                        "file: hiit_4x4_brief.yaml}\n"),
            "study.yaml:3:12: arm name 'a' is used twice; arm names must be unique");
  EXPECT_EQ(study_error("arms:\n  - {name: \"a b\", file: control_no_training.yaml}\n"),
            "study.yaml:2:12: 'name' must be a name of up to 64 letters, digits, '_', '-' or '.', "
            "not starting with '.' or '-' (e.g. \"hiit_4x4\" or \"control_1.0\"), got \"a b\"");
  EXPECT_NE(study_error("arms:\n  - {name: a, file: control_no_training.yaml, scenario: {duration: "
                        "1 h}}\n")
                .find("study.yaml:2:47: arm 1 of the study gives both 'file' and 'scenario'"),
            std::string::npos);
  EXPECT_NE(study_error("arms:\n  - {name: a, file: nope.yaml}\n")
                .find("study.yaml:2:21: cannot read '" +
                      (testing::library("") / "nope.yaml").lexically_normal().string() +
                      "': no such file"),
            std::string::npos);
  EXPECT_EQ(study_error("arms: []\n"), "study.yaml:1:7: the study lists no arms");
  EXPECT_EQ(study_error("arms: [{name: a, file: /etc/hostname}]\n"),
            "study.yaml:1:24: 'file' names a scenario file ending in .yaml (e.g. file: "
            "hiit_4x4_brief.yaml), got \"/etc/hostname\"");
  EXPECT_NE(study_error("arms:\n  - name: a\n    scenario: {duration: 1 h, plan: 3}\n")
                .find("study.yaml:3:37: plan entry 1 of the plan (days 1 to 1) must be a mapping"),
            std::string::npos);
  EXPECT_NE(study_error("arms:\n  - {name: a, file: control_no_training.yaml, override: {diet: "
                        "{protein: 9 g/kg/day}}}\n")
                .find("study.yaml:2:74: 'protein' must be in the range 0 to 5 g/kg/day"),
            std::string::npos);
}

}  // namespace
}  // namespace myoflux
