// targets.yaml: the library file reads as the 51 targets (TARGETS.md and those added since: plant vs animal protein, marathon body-mass loss, training frequency, the glycogen floor, protein distribution); a new target is an entry
// that evaluates like the built-in ones; the expression language computes as C++ does; and every
// mistake is reported at its file:line:column with what was expected.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/models/validation_fixture.hpp"

namespace myoflux::protein_balance {
namespace {

std::vector<Target> read(const std::string& text) {
  return targets_from_yaml(text, "t.yaml", default_scenario_dir());
}

/// The message of the error reading `text`, or "" when it reads.
std::string error_of(const std::string& text) {
  try {
    read(text);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

StudyRunner& runner() {
  return shared_runner();
}
const FeedingData& data() {
  return shared_data();
}

// A target that needs no simulation: the rested model's outputs over exercise intensities.
const std::string kHead = R"(targets:
  - id: test_target
    section: TARGETS.md section 5
    what: fat oxidation
    source: Achten 2002
    published: peak near 64 %VO2max
    tolerance: "+/- 8.5 points"
    runs:
      sweep: {intensity_sweep: {modality: running, from: 0.2, to: 1.0001, step: 0.01}}
)";

TEST(TargetsFile, TheLibraryHoldsEveryTargetOnceWithItsSource) {
  const std::vector<Target>& all = targets();
  ASSERT_EQ(all.size(), 51u);
  int known = 0;
  for (const Target& t : all) {
    known += !t.known_failure.empty();
    EXPECT_FALSE(t.source.empty()) << t.id;
    EXPECT_FALSE(t.published.empty()) << t.id;
    EXPECT_FALSE(t.tolerance.empty()) << t.id;
    EXPECT_GT(t.mark.line, 0) << t.id;
  }
  EXPECT_EQ(known, 13);
  std::ostringstream out;
  check_targets_file(default_targets_path(), out);  // what `myoflux check` will call
  EXPECT_EQ(out.str().substr(0, out.str().find('\n')), "51 targets, 13 of them known failures");
}

TEST(TargetsFile, ANewTargetIsAnEntry) {
  // The Estes 2017 CSA target written anew: it must give what the library's entry gives.
  const std::vector<Target> mine = read(R"(targets:
  - id: estes_again
    section: TARGETS.md section 0
    what: CSA after 10 weeks of HIIT
    source: Estes 2017, Int J Exerc Sci 10:137
    published: "+10.6 +/- 2.7 %"
    tolerance: "+/- 2.7 percentage points"
    runs:
      hiit: {study: estes2017_hiit.yaml, arm: estes2017_hiit}
    values:
      csa: final(hiit.csa_change_percent)
    checks:
      - within(csa, 10.6, 2.7)
    model: "{csa:4} %"
)");
  ASSERT_EQ(mine.size(), 1u);
  const Evaluation e = mine[0].evaluate(runner(), data());
  const Target* library = nullptr;
  for (const Target& t : targets())
    if (t.id == "estes2017_hiit_csa") library = &t;
  ASSERT_NE(library, nullptr);
  const Evaluation l = library->evaluate(runner(), data());
  EXPECT_EQ(e.model, l.model);
  EXPECT_EQ(e.score, l.score);
  EXPECT_EQ(e.pass, l.pass);
  EXPECT_TRUE(e.pass);  // Estes 2017 is met (test_validation)
  std::ostringstream four_digits;
  four_digits.precision(4);
  four_digits << l.model << " %";
  EXPECT_EQ(e.model_text, four_digits.str());
}

TEST(TargetsFile, ExpressionsComputeAsCppDoes) {
  const std::vector<Target> t = read(kHead + R"(    functions:
      twice(x): 2 * x
    values:
      left: 10 - 4 - 3
      ratio: 1 / 3 * 3
      quarter_hour: 15 min
      grouped: -(2 - 5) * twice(1.5)
      logic: (1 < 2 and not 3 <= 2) or 0
      branch: if(left > 2, 7, 8)
      peak_at: peak_time(sweep.fat_oxidation_g_per_h)
    checks:
      - within(left, 3, 1e-12)
      - within(ratio, 1.0 / 3 * 3, 1e-12)
      - within(quarter_hour, 0.25, 1e-15)
      - within(grouped, 9, 1e-12)
      - holds(logic == 1 and branch == 7 and peak_at > 0.6 and peak_at < 0.7)
    model: "{left} {quarter_hour} {grouped} {branch:1}"
)");
  const Evaluation e = t.at(0).evaluate(runner(), data());
  EXPECT_TRUE(e.pass) << e.model_text;
  EXPECT_EQ(e.model, 3.0);  // the first check's value
  EXPECT_EQ(e.model_text, "3 0.25 9 7");
  EXPECT_EQ(e.score, 0.0);
}

TEST(TargetsFile, TheScoreIsTheChecksSumPlusItsOwn) {
  const std::vector<Target> t = read(kHead + R"(    values:
      x: 2
    checks:
      - within(x, 1, 0.5)
      - at_most(x, 1, 1)
      - at_least(x, 4, 1)
      - holds(x > 3, 10)
    score: 0.5
    model_value: 42
    model: "{x}"
)");
  const Evaluation e = t.at(0).evaluate(runner(), data());
  EXPECT_FALSE(e.pass);
  // ((2-1)/0.5)^2 + ((2-1)/1)^2 + ((4-2)/1)^2 + 10 + 0.5
  EXPECT_DOUBLE_EQ(e.score, 4.0 + 1.0 + 4.0 + 10.0 + 0.5);
  EXPECT_EQ(e.model, 42.0);
}

// --- mistakes, each where it is written ---

TEST(TargetsFile, AnUnknownKeyIsNamedWithTheNearestOne) {
  EXPECT_EQ(error_of(kHead + "    stages: feeding\n    checks: [holds(1)]\n    model: x\n"),
            "t.yaml:10:5: unknown key 'stages' in target 'test_target' (did you mean 'stage'?); "
            "its keys: id, section, what, source, published, tolerance, stage, weight, "
            "known_failure, runs, functions, values, checks, score, model_value, model, series");
}

TEST(TargetsFile, AMissingSourceIsAskedFor) {
  EXPECT_EQ(error_of("targets:\n  - id: x\n    section: s\n    what: w\n    published: p\n"
                     "    tolerance: t\n"),
            "t.yaml:2:5: target 'x' needs 'source' (e.g. source: \"Estes 2017, Int J Exerc Sci "
            "10:137\")");
}

TEST(TargetsFile, NamesInExpressionsAreResolved) {
  const std::string tail = "    model: \"{a}\"\n";
  EXPECT_EQ(error_of(kHead +
                     "    values:\n      a: peak(sweep.fat_oxidation_g_per)\n    checks: "
                     "[holds(1)]\n" +
                     tail),
            "t.yaml:11:15: the model has no output 'fat_oxidation_g_per' (did you mean "
            "'fat_oxidation_g_per_h'?); docs/model.md lists the outputs");
  EXPECT_EQ(error_of(kHead +
                     "    values:\n      a: peak(swep.fat_oxidation_g_per_h)\n    "
                     "checks: [holds(1)]\n" +
                     tail),
            "t.yaml:11:15: unknown run 'swep' (did you mean 'sweep'?); runs are named under "
            "'runs:'");
  EXPECT_EQ(
      error_of(kHead + "    values:\n      a: b + 1\n      b: 2\n    checks: [holds(1)]\n" + tail),
      "t.yaml:11:10: unknown value 'b'; a value must be defined under 'values:' above its "
      "first use");
  EXPECT_EQ(
      error_of(kHead + "    values:\n      a: param(ck_basal_u_perl)\n    checks: [holds(1)]\n" +
               tail),
      "t.yaml:11:16: param() takes a model parameter's name ('ck_basal_u_perl' is none (did you "
      "mean 'ck_basal_u_per_l'?)); `myoflux params` lists them");
  EXPECT_EQ(error_of(kHead +
                     "    values:\n      a: mean(sweep.damage, 1)\n    checks: "
                     "[holds(1)]\n" +
                     tail),
            "t.yaml:11:10: mean() takes 3 arguments, got 2");
  EXPECT_EQ(error_of(kHead + "    values:\n      a: 1\n    checks: [holds(1)]\n    model: "
                             "\"{a} and {b}\"\n"),
            "t.yaml:13:22: unknown value 'b' in 'model' (did you mean 'a'?)");
}

TEST(TargetsFile, ABadExpressionPointsAtTheCharacter) {
  EXPECT_EQ(error_of(kHead + "    values:\n      a: 2 * (3 + 4\n    checks: [holds(1)]\n"
                             "    model: x\n"),
            "t.yaml:11:20: in \"2 * (3 + 4\": expected ')'");
  EXPECT_EQ(error_of(kHead + "    values:\n      a: 5 minutes\n    checks: [holds(1)]\n"
                             "    model: x\n"),
            "t.yaml:11:12: in \"5 minutes\": expected a time unit (s, min, h, day, week) or an "
            "operator after the number");
  EXPECT_EQ(error_of(kHead + "    values:\n      a: 1\n    checks:\n      - near(a, 1, 2)\n"
                             "    model: x\n"),
            "t.yaml:13:9: a check is within(x, published, tolerance), at_most(x, limit, scale), "
            "at_least(x, limit, scale) or holds(condition, penalty)");
}

TEST(TargetsFile, RunsMustNameAStudyArmThatExists) {
  const std::string head = R"(targets:
  - id: x
    section: s
    what: w
    source: s
    published: p
    tolerance: t
    runs:
)";
  EXPECT_EQ(error_of(head + "      hiit: {study: estes2017_hiit.yaml, arm: estes2017_hit}\n"),
            "t.yaml:9:47: estes2017_hiit.yaml has no arm 'estes2017_hit' (did you mean "
            "'estes2017_hiit'?); its arms: estes2017_hiit");
  const std::string missing = error_of(head + "      a: {study: no_such_study.yaml, arm: a}\n");
  EXPECT_EQ(missing.substr(0, missing.find("no_such_study.yaml") + 18),
            "t.yaml:9:18: run 'a': " + (default_scenario_dir() / "no_such_study.yaml").string());
  EXPECT_EQ(error_of(head + "      a: {study: estes2017_hiit.yaml, arm: estes2017_hiit, "
                            "output_interval: 5 mins}\n"),
            "t.yaml:9:79: 'output_interval': unknown unit \"mins\" in \"5 mins\": expected a "
            "duration (e.g. \"4 min\"); units: s, min, h, day, week");
}

TEST(TargetsFile, IdsAndStagesAreChecked) {
  const std::string entry =
      kHead.substr(kHead.find("  - id")) + "    checks: [holds(1)]\n" + "    model: x\n";
  EXPECT_EQ(error_of("targets:\n" + entry + entry),
            "t.yaml:12:5: target 'test_target' is listed twice (first at t.yaml:2:5)");
  EXPECT_EQ(error_of(kHead + "    stage: feding\n    checks: [holds(1)]\n    model: x\n"),
            "t.yaml:10:12: unknown calibration stage 'feding' (did you mean 'feeding'?); stages: "
            "feeding, exercise, damage, fuel, frequency, lactate, weeks, diet");
}

}  // namespace
}  // namespace myoflux::protein_balance
