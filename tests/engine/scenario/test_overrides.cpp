// `--set PATH=VALUE` overrides: applied to the document before validation, validated like the
// file, and located at "--set PATH" when wrong.
#include <gtest/gtest.h>

#include "test_util.hpp"

namespace myoflux {
namespace {

using testing::library;

Scenario brief(std::vector<FieldOverride> sets) {
  return load_scenario(library("hiit_4x4_brief.yaml"), sets);
}

std::string error_with(std::vector<FieldOverride> sets) {
  try {
    brief(sets);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Overrides, ParseAssignment) {
  const FieldOverride f = parse_field_override("diet.protein=2.0 g/kg/day");
  EXPECT_EQ(f.path, "diet.protein");
  EXPECT_EQ(f.value, "2.0 g/kg/day");
  EXPECT_EQ(parse_field_override("name=a=b").value, "a=b");
  EXPECT_EQ(parse_field_override("plan=").value, "");
  try {
    parse_field_override("diet.protein 2.0");
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "--set needs PATH=VALUE (e.g. --set diet.protein=\"1.6 g/kg/day\" or --set "
              "subject.body_mass=\"75 kg\"), got \"diet.protein 2.0\"");
  }
  EXPECT_THROW(parse_field_override("=3"), InputError);
}

TEST(Overrides, ChangeValuesListsAndRemoveKeys) {
  EXPECT_NEAR(brief({{"diet.protein", "2.0 g/kg/day"}}).diet.protein_g_per_day, 136.4, 1e-9);
  EXPECT_NEAR(brief({{"subject.body_mass", "80 kg"}}).diet.protein_g_per_day, 128.0, 1e-9);
  EXPECT_EQ(brief({{"plan.0.weekdays", "[mon]"}}).timeline.sessions.size(), 10u);
  EXPECT_EQ(brief({{"sessions.hiit_4x4.repeats", "6"}}).timeline.sessions[0].segments.size(),
            1u + 6u + 5u + 1u);
  const Scenario no_cool_down = brief({{"sessions.hiit_4x4.cool_down", ""}});
  EXPECT_NEAR(no_cool_down.timeline.sessions[0].segments.back().start_h -
                  no_cool_down.timeline.sessions[0].start_h,
              26.0 / 60.0, 1e-9);
  EXPECT_TRUE(brief({{"plan", ""}}).timeline.sessions.empty());
  const Scenario with_parameter = brief({{"parameters.k_example", "0.5"}});
  ASSERT_EQ(with_parameter.parameters.size(), 1u);
  EXPECT_EQ(with_parameter.parameters[0].mark.str(), "--set parameters.k_example");
  EXPECT_EQ(brief({{"name", "renamed"}}).name, "renamed");
}

TEST(Overrides, AreValidatedLikeTheFile) {
  EXPECT_EQ(error_with({{"diet.protein", "2.0 g/kg"}}),
            "--set diet.protein: 'protein': \"2.0 g/kg\" is an amount per kg body mass, but this "
            "field expects a daily amount per kg body mass (e.g. \"1.6 g/kg/day\") or a daily "
            "amount (e.g. \"110 g/day\")");
  EXPECT_EQ(error_with({{"diet.protien", "2 g/kg/day"}}),
            "--set diet.protien: unknown key 'protien' in the diet (did you mean 'protein'?); "
            "allowed keys: energy, protein, carbohydrate, fat, fluids, meals, around_sessions, "
            "fasting");
  EXPECT_EQ(error_with({{"subject.body_mass", "900 kg"}}),
            "--set subject.body_mass: 'body_mass' must be in the range 20 to 300 kg (e.g. \"68.2 "
            "kg\"), got \"900 kg\"");
  EXPECT_EQ(error_with({{"duration.weeks", "3"}}),
            "--set duration.weeks: 'duration' is a single value, not a section with a 'weeks' "
            "inside");
  EXPECT_EQ(error_with({{"plan.5.time", "\"08:00\""}}),
            "--set plan.5.time: 'plan' is a list of 1 items; address one by its number from 0 to "
            "0, got '5'");
  EXPECT_EQ(error_with({{"diet..protein", "1"}})
                .rfind("--set diet..protein: the path has an empty "
                       "part",
                       0),
            0u);
  EXPECT_EQ(error_with({{"plan.0.weekdays", "[mon, wed"}})
                .rfind("--set plan.0.weekdays: not valid "
                       "YAML",
                       0),
            0u);
}

TEST(Overrides, ApplyToEveryArmOfAStudy) {
  const std::vector<FieldOverride> sets{{"subject.body_mass", "80 kg"}};
  const Study study = load_study(library("hiit_vs_long_distance.yaml"), sets);
  for (const Scenario& arm : study.arms) EXPECT_DOUBLE_EQ(arm.subject.body_mass_kg, 80.0);
  // The arm's own override still wins over its file, and --set over both.
  EXPECT_NEAR(study.arms[0].diet.protein_g_per_day, 80.0, 1e-9);
  const std::vector<FieldOverride> protein{{"diet.protein", "2 g/kg/day"}};
  for (const Scenario& arm : load_study(library("hiit_vs_long_distance.yaml"), protein).arms)
    EXPECT_NEAR(arm.diet.protein_g_per_kg_day, 2.0, 1e-12);
}

}  // namespace
}  // namespace myoflux
