// Drinks in the scenario language: `drink:` events, `during:` and `drinks:` in sessions,
// `drink:` in session doses and meals, the diet's `fluids:`; what each compiles to (doses on the
// fluid target, the fluid_intake and drinking_to_thirst channels) and the located errors for bad
// volumes.
#include <gtest/gtest.h>

#include <sstream>

#include "engine/scenario/channels.hpp"
#include "engine/scenario/describe.hpp"
#include "test_util.hpp"

namespace myoflux {
namespace {

using testing::from_text;

constexpr const char* kRunWithDrinks =
    "sessions: {run: {type: run, duration: 60 min, intensity: 65 %VO2max, during: 500 mL/h,\n"
    "                 drinks: [{at: 30 min, drink: 250 mL}]}}\n";

TEST(Fluids, DrinkEventIsADoseOfWater) {
  const Scenario s = from_text("duration: 4 h\nevents:\n  - {at: 30 min, drink: 250 mL}\n");
  EXPECT_NEAR(s.schedule.total_dose(dose::fluid), 0.25, 1e-12);
  ASSERT_EQ(s.timeline.intakes.size(), 1u);
  EXPECT_NEAR(s.timeline.intakes[0].time_h, 0.5, 1e-12);
  EXPECT_EQ(s.timeline.intakes[0].protein_g, 0.0);
  // Without a diet's fluids, drinking to thirst stays on (the channel's baseline).
  EXPECT_NEAR(s.schedule.integral(channel::drinking_to_thirst), 4.0, 1e-12);
}

TEST(Fluids, SessionDrinksDuringAndAtTimes) {
  const Scenario s =
      from_text(std::string("duration: 1 day\n") + kRunWithDrinks + "events: [{at: 2 h, session: run}]\n");
  // during: 0.5 L/h over the 1 h session, on the fluid_intake channel.
  EXPECT_NEAR(s.schedule.integral(channel::fluid_intake), 0.5, 1e-12);
  EXPECT_NEAR(s.schedule.inputs(s.schedule.segment_at(2.5))[channel::fluid_intake], 0.5, 1e-12);
  EXPECT_EQ(s.schedule.inputs(s.schedule.segment_at(3.5))[channel::fluid_intake], 0.0);
  // drinks: one dose 30 min after the session's start.
  EXPECT_NEAR(s.schedule.total_dose(dose::fluid), 0.25, 1e-12);
  ASSERT_EQ(s.timeline.intakes.size(), 1u);
  EXPECT_NEAR(s.timeline.intakes[0].time_h, 2.5, 1e-12);
  EXPECT_NEAR(s.timeline.sessions[0].drink_l_per_h, 0.5, 1e-12);
  EXPECT_NEAR(s.timeline.sessions[0].drinks_l, 0.25, 1e-12);
}

TEST(Fluids, DietFluidsSplitAcrossMealsAndStopDrinkingToThirst) {
  const Scenario s = from_text(R"(
duration: 2 days
diet:
  protein: 100 g/day
  fluids: 2.5 L/day
  meals:
    - {name: breakfast, time: "08:00", share: 30 %, drink: 500 mL}
    - {name: lunch, time: "12:30", share: 30 %}
    - {name: dinner, time: "19:00", share: 40 %}
)");
  EXPECT_TRUE(s.diet.fluids_given);
  EXPECT_NEAR(s.diet.fluid_l_per_day, 2.5, 1e-12);
  ASSERT_EQ(s.diet.meals.size(), 3u);
  EXPECT_NEAR(s.diet.meals[0].fluid_l, 0.5, 1e-12);
  EXPECT_NEAR(s.diet.meals[1].fluid_l, 1.0, 1e-12);  // the rest split equally
  EXPECT_NEAR(s.diet.meals[2].fluid_l, 1.0, 1e-12);
  EXPECT_NEAR(s.schedule.total_dose(dose::fluid), 5.0, 1e-12);
  EXPECT_EQ(s.schedule.integral(channel::drinking_to_thirst), 0.0);
}

TEST(Fluids, SessionDoseDrink) {
  const Scenario s = from_text(std::string("duration: 1 day\n") + kRunWithDrinks +
                               "events: [{at: 2 h, session: run}]\n"
                               "diet:\n  around_sessions: [{before: 15 min, drink: 300 mL}]\n");
  EXPECT_NEAR(s.schedule.total_dose(dose::fluid), 0.55, 1e-12);
  EXPECT_EQ(s.diet.around_sessions.at(0).name, "pre-session water");
}

TEST(Fluids, BadVolumesAreLocated) {
  EXPECT_SCENARIO_ERROR("duration: 4 h\nevents:\n  - {at: 30 min, drink: 250 g}\n",
                        "test.yaml:3:29",
                        "\"250 g\" is a mass, but this field expects a volume");
  EXPECT_SCENARIO_ERROR("duration: 4 h\nevents:\n  - {at: 30 min, drink: 250}\n",
                        "test.yaml:3:28", "'drink': \"250\" has no unit: expected a volume");
  EXPECT_SCENARIO_ERROR("duration: 4 h\nevents:\n  - {at: 30 min, drink: 9 L}\n",
                        "test.yaml:3:25", "0 to 5 L");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {run: {type: run, duration: 1 h, intensity: 65 %VO2max, "
      "during: 500 mL}}\n",
      "test.yaml:2:79", "is a volume, but this field expects a drinking rate (e.g. \"500 mL/h\")");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\nsessions: {run: {type: run, duration: 1 h, intensity: 65 %VO2max,\n"
      "  drinks: [{at: 2 h, drink: 250 mL}]}}\n",
      "test.yaml:3:17", "falls after the session's end (it lasts 1 h)");
  EXPECT_SCENARIO_ERROR("duration: 1 day\ndiet:\n  fluids: 2.5 L\n  meals: [{time: \"08:00\", "
                        "protein: 20 g}]\n",
                        "test.yaml:3:15",
                        "is a volume, but this field expects a daily volume (e.g. \"2.5 L/day\")");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\ndiet:\n  fluids: 1 L/day\n  meals: [{time: \"08:00\", protein: 20 g, "
      "drink: 1.5 L}]\n",
      "test.yaml:3:3", "the meals add up to 1.5 L fluid a day, but the diet's daily fluid is 1 L");
}

// `myoflux check`: each day's sweat (here 1 L/h while moving) against what is drunk.
TEST(Fluids, CheckShowsTheDaysFluidBalance) {
  const Scenario s =
      from_text(std::string("duration: 2 days\n") + kRunWithDrinks +
                "events: [{at: 2 h, session: run}, {at: 30 h, drink: 400 mL}]\n");
  scenario::DescribeOptions options;
  options.sweat_l_per_h = [](const TimelineSegment& seg) {
    return seg.modality == Modality::rest ? 0.0 : 1.0;
  };
  options.sweat_note = " at 20 degC";
  std::ostringstream out;
  scenario::describe_scenario(out, s, options);
  const std::string text = out.str();
  EXPECT_NE(text.find("fluid balance (sweat estimated by the model at 20 degC; at rest, drinking "
                      "to thirst makes up a deficit)"),
            std::string::npos)
      << text;
  // Day 1: 1 L sweat, 0.5 L during + 0.25 L at 30 min; day 2: the 400 mL glass.
  EXPECT_NE(text.find("     1        1     0.75               0.75            -0.25"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("     2        0      0.4                  0              0.4"),
            std::string::npos)
      << text;
  // Without the model's estimate (a model that has none) there is no fluid balance.
  std::ostringstream plain;
  scenario::describe_scenario(plain, s);
  EXPECT_EQ(plain.str().find("fluid balance"), std::string::npos);
}

}  // namespace
}  // namespace myoflux
