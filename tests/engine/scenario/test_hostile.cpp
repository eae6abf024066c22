// Hostile YAML is rejected cleanly and quickly: deep nesting (flow and block), alias bombs,
// self-referencing aliases, oversized text and values, devices named by extends, huge numbers.
// Each case must finish well within a second; a crash or hang fails the whole test binary.
#include <gtest/gtest.h>

#include <chrono>

#include "test_util.hpp"

namespace myoflux {
namespace {

using Clock = std::chrono::steady_clock;

// Loads `yaml` expecting an error whose message contains `expected`; returns the seconds taken.
double rejects(const std::string& yaml, const std::string& expected) {
  const auto start = Clock::now();
  try {
    testing::from_text(yaml);
    ADD_FAILURE() << "accepted hostile input starting " << yaml.substr(0, 60);
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
  }
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Hostile, DeepFlowNesting) {
  EXPECT_LT(rejects("duration: " + repeat("[", 100000) + repeat("]", 100000),
                    "test.yaml:1:42: nesting deeper than 32 levels"),
            1.0);
  EXPECT_LT(rejects(repeat("{a: ", 50000) + "1" + repeat("}", 50000), "nesting deeper than 32"),
            1.0);
}

TEST(Hostile, DeepBlockNesting) {
  EXPECT_LT(rejects("x:\n" + repeat("- ", 20000) + "1\n", "nesting deeper than 32"), 1.0);
  std::string indented;
  for (int i = 0; i < 200; ++i) indented += std::string(static_cast<std::size_t>(i), ' ') + "a:\n";
  EXPECT_LT(rejects(indented, "nesting deeper than 32"), 1.0);
}

TEST(Hostile, AliasBomb) {
  // "Billion laughs": each level doubles nine times; fully expanded it has 9^9 nodes.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  const char* names = "abcdefghi";
  for (int i = 1; i < 9; ++i) {
    bomb += std::string(1, names[i]) + ": &" + names[i] + " [";
    for (int k = 0; k < 9; ++k) bomb += std::string(k ? ", " : "") + "*" + names[i - 1];
    bomb += "]\n";
  }
  EXPECT_LT(rejects(bomb, "expands to more than 100000 nodes"), 1.0);
}

TEST(Hostile, AliasesThatAreFine) {
  const Scenario s = testing::from_text(
      "duration: 1 day\nsessions:\n  a: &easy {type: run, duration: 20 min, intensity: 60 "
      "%VO2max}\n  b: *easy\nevents: [{at: 1 h, session: a}, {at: 3 h, session: b}]\n");
  EXPECT_EQ(s.timeline.sessions.size(), 2u);
}

TEST(Hostile, SelfReferencingAliasAndUndefinedAlias) {
  EXPECT_LT(rejects("duration: 1 day\nx: &a [1, *a]\n",
                    "an alias cannot refer to a node that "
                    "contains it"),
            1.0);
  EXPECT_LT(rejects("duration: *nothing\n", "not valid YAML: the referenced anchor is not defined"),
            1.0);
}

TEST(Hostile, OversizedTextAndValues) {
  EXPECT_LT(rejects("duration: 1 day\ndescription: " + std::string(2u << 20, 'x') + "\n",
                    "scenario files are limited to 1048576 bytes"),
            1.0);
  EXPECT_LT(rejects("duration: 1 day\ndescription: " + std::string(100000, 'x') + "\n",
                    "values are limited to 65536 bytes"),
            1.0);
  std::string many_keys = "duration: 1 day\nparameters:\n";
  for (int i = 0; i < 60000; ++i) many_keys += "  k" + std::to_string(i) + ": 1\n";
  EXPECT_LT(rejects(many_keys, "expands to more than 100000 nodes"), 2.0);
}

TEST(Hostile, HugeNumbers) {
  rejects("duration: 1" + repeat("0", 400) + " min\n", "too large to be a number");
  rejects("duration: 1e-400 min\n", "'duration'");
  rejects("duration: inf h\n", "is not a finite number");
  rejects(
      "duration: 1 day\nsessions: {x: {type: intervals, repeats: 99999999999999999999, work: "
      "{duration: 1 s, intensity: 50 %VO2max}}}\n",
      "'repeats' must be in the range 1 to 50");
  rejects("duration: 1 day\nparameters: {k: 1e999}\n", "must be a plain number");
}

TEST(Hostile, ExtendsOfDevicesAndDirectories) {
  rejects("extends: /dev/zero.yaml\nduration: 1 day\n", "no such file");
  rejects("extends: /dev/stdin\nduration: 1 day\n",
          "'extends' names a scenario file ending in .yaml");
  rejects("extends: studies\nduration: 1 day\n", "ending in .yaml");
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "myoflux_dir.yaml";
  std::filesystem::create_directories(dir);
  rejects("extends: " + dir.string() + "\nduration: 1 day\n", "is not a regular file");
  std::filesystem::remove_all(dir);
}

TEST(Hostile, PlansThatWouldExplode) {
  // 730 days x 50 repeats x 2 segments would be 73000 segments.
  rejects(
      "duration: 730 day\nsessions: {x: {type: intervals, repeats: 50, work: {duration: 10 s, "
      "intensity: 90 %VO2max}, recovery: {activity: rest, duration: 10 s}}}\n"
      "plan: [{session: x, every: 1 day, time: \"07:00\"}]\n",
      "the plan expands to 72270 session segments; at most 20000 are supported");
}

TEST(Hostile, ExpansionsAreBoundedBeforeTheyCostMemory) {
  // Thousands of plan entries, each placing a session every day of two years.
  std::string plan =
      "duration: 730 day\nsessions: {r: {type: run, duration: 1 min, intensity: 60 "
      "%VO2max}}\nplan:\n";
  for (int i = 0; i < 5000; ++i) plan += "  - {session: r, every: 1 day, time: \"07:00\"}\n";
  EXPECT_LT(rejects(plan, "the plan places more than 20000 sessions"), 2.0);
  // Session doses multiply with sessions: 700 sessions x 100 doses.
  std::string doses =
      "duration: 730 day\nsessions: {r: {type: run, duration: 1 min, intensity: 60 "
      "%VO2max}}\nplan: [{session: r, every: 1 day, time: \"07:00\"}]\n"
      "diet:\n  around_sessions:\n";
  for (int i = 0; i < 100; ++i) doses += "    - {after: 1 h, protein: 1 g, type: whey}\n";
  EXPECT_LT(rejects(doses, "expands to more than 50000 meals, drinks and session doses"), 2.0);
}

TEST(Hostile, MergingLargeMappingsStaysLinear) {
  // An arm's override merged over an inline scenario, both with 20000 parameters.
  std::string params;
  for (int i = 0; i < 20000; ++i) params += "k" + std::to_string(i) + ": 1, ";
  const std::string study = "arms:\n  - name: a\n    scenario: {duration: 1 h, parameters: {" +
                            params + "}}\n    override: {parameters: {" + params + "}}\n";
  const auto start = Clock::now();
  const Study s = study_from_yaml(study, "study.yaml");
  EXPECT_EQ(s.arms.at(0).parameters.size(), 20000u);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 2.0);
}

TEST(Hostile, TabsAndGarbage) {
  rejects("duration: 1 day\nsubject:\n\tsex: male\n", "not valid YAML");
  rejects("{{{{]]]]", "not valid YAML");
  rejects("? [a, b]\n: c\n", "a key must be a name such as 'duration', got a list");
}

}  // namespace
}  // namespace myoflux
