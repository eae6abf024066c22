// The food table and meals written as foods: the table reads with located errors, an amount of a
// food resolves to its protein (with the food's leucine and digestibility), carbohydrate and fat,
// the compiled doses carry exactly that, unknown foods get a did-you-mean at file:line:column,
// and docs/foods.md is the table as the program prints it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "engine/scenario/foods.hpp"
#include "test_util.hpp"

namespace myoflux {
namespace {

using testing::from_text;

const Food& food(std::string_view name) {
  const Food* f = find_food(food_table(), name);
  EXPECT_NE(f, nullptr) << name;
  return *f;
}

TEST(Foods, TableCoversTheBriefsFoodsEachCitedAndInRange) {
  const std::vector<Food>& table = food_table();
  for (const char* name : {"beef", "pork", "chicken", "turkey breast", "salmon", "egg", "milk",
                           "yogurt", "cheese", "whey", "casein", "tofu", "soy milk", "beans",
                           "lentils", "chickpeas", "peas", "bread", "rice", "oats"})
    EXPECT_NE(find_food(table, name), nullptr) << name;
  for (const Food& f : table) {
    EXPECT_FALSE(f.source.empty()) << f.name;
    EXPECT_LT(static_cast<int>(f.digestion_class), kFoodClassCount) << f.name;
    EXPECT_GT(f.digestibility, 0.0);
    EXPECT_LE(f.digestibility, 1.0);
  }
  // Names are found ignoring case.
  EXPECT_EQ(find_food(table, "Chicken Breast"), find_food(table, "chicken breast"));
}

TEST(Foods, PlantProteinGivesLessAbsorbedLeucinePerGramThanAnimalProtein) {
  double plant_max = 0.0, animal_min = 1.0;
  for (const Food& f : food_table()) {
    const double absorbed_leucine = f.leucine_g_per_g_protein * f.digestibility;
    if (f.group == "plant") plant_max = std::max(plant_max, absorbed_leucine);
    if (f.group == "animal") animal_min = std::min(animal_min, absorbed_leucine);
  }
  EXPECT_LT(plant_max, animal_min + 0.01);  // the best plant food barely reaches the worst meat
  EXPECT_LT(food("lentils").leucine_g_per_g_protein * food("lentils").digestibility,
            food("beef").leucine_g_per_g_protein * food("beef").digestibility);
}

TEST(Foods, AnAmountResolvesToProteinCarbohydrateAndFat) {
  const Food& chicken = food("chicken breast");
  const FoodIntake in = food_amount(chicken, 150.0);
  ASSERT_EQ(in.protein.size(), 1u);
  EXPECT_DOUBLE_EQ(in.protein[0].grams, 1.5 * chicken.protein_g_per_100g);
  EXPECT_EQ(in.protein[0].type, chicken.digestion_class);
  EXPECT_DOUBLE_EQ(in.protein[0].digestibility, chicken.digestibility);
  EXPECT_DOUBLE_EQ(in.protein[0].leucine_per_g_protein, chicken.leucine_g_per_g_protein);
  EXPECT_DOUBLE_EQ(in.carbohydrate_g, 1.5 * chicken.carbohydrate_g_per_100g);
  EXPECT_DOUBLE_EQ(in.fat_g, 1.5 * chicken.fat_g_per_100g);
  EXPECT_EQ(in.text, "150 g chicken breast");
}

double dose_total(const Scenario& s, std::string_view target) {
  return s.schedule.total_dose(
      ScheduleBuilder(input_channels(), dose_targets(), 1.0).dose_target(target));
}

TEST(Foods, AMealOfFoodsCompilesToTheFoodsAbsorbedProteinAndLeucine) {
  const Scenario s = from_text(
      "duration: 1 day\n"
      "diet:\n"
      "  meals:\n"
      "    - {name: lunch, time: \"12:00\", foods: [{food: rice, amount: 200 g},\n"
      "                                          {food: lentils, amount: 150 g}],\n"
      "       carbohydrate: 10 g}\n"
      "    - {name: shake, time: \"16:00\", food: whey protein, amount: 30 g}\n");
  const Food& rice = food("rice");
  const Food& lentils = food("lentils");
  const Food& whey = food("whey protein");
  const double rice_p = 2.0 * rice.protein_g_per_100g, lentil_p = 1.5 * lentils.protein_g_per_100g;
  const double whey_p = 0.3 * whey.protein_g_per_100g;
  // The diet's totals are protein as eaten; carbohydrate written beside the foods adds to theirs.
  EXPECT_NEAR(s.diet.protein_g_per_day, rice_p + lentil_p + whey_p, 1e-9);
  EXPECT_NEAR(s.diet.carbohydrate_g_per_day,
              2.0 * rice.carbohydrate_g_per_100g + 1.5 * lentils.carbohydrate_g_per_100g + 10.0 +
                  0.3 * whey.carbohydrate_g_per_100g,
              1e-9);
  // The model receives the absorbed protein, and the foods' own leucine beside it.
  const double absorbed = rice_p * rice.digestibility + lentil_p * lentils.digestibility;
  EXPECT_NEAR(dose_total(s, "protein_mixed_meal"), absorbed, 1e-9);
  EXPECT_NEAR(dose_total(s, "food_protein_mixed_meal"), absorbed, 1e-9);
  EXPECT_NEAR(dose_total(s, "food_leucine_mixed_meal"),
              rice_p * rice.digestibility * rice.leucine_g_per_g_protein +
                  lentil_p * lentils.digestibility * lentils.leucine_g_per_g_protein,
              1e-9);
  EXPECT_NEAR(dose_total(s, "protein_whey"), whey_p * whey.digestibility, 1e-9);
  EXPECT_NEAR(dose_total(s, "food_leucine_whey"),
              whey_p * whey.digestibility * whey.leucine_g_per_g_protein, 1e-9);
}

TEST(Foods, ProteinWrittenByTypeHasNoFoodDoses) {
  const Scenario s =
      from_text("duration: 6 h\nevents:\n  - {at: 1 h, intake: {protein: 20 g, type: whey}}\n");
  EXPECT_DOUBLE_EQ(dose_total(s, "protein_whey"), 20.0);
  EXPECT_DOUBLE_EQ(dose_total(s, "food_protein_whey"), 0.0);
  EXPECT_DOUBLE_EQ(dose_total(s, "food_leucine_whey"), 0.0);
}

TEST(Foods, EventsAndSessionDosesTakeFoods) {
  const Scenario s = from_text(
      "duration: 1 day\n"
      "sessions: {run: {type: run, duration: 30 min, intensity: 70 %VO2max}}\n"
      "events:\n"
      "  - {at: 2 h, session: run}\n"
      "  - {at: 8 h, intake: {food: milk, amount: 500 g}}\n"
      "diet:\n"
      "  around_sessions:\n"
      "    - {after: 30 min, food: greek yogurt, amount: 200 g}\n");
  ASSERT_EQ(s.timeline.intakes.size(), 2u);
  EXPECT_EQ(s.timeline.intakes[0].what, "post-session 200 g greek yogurt");
  EXPECT_NEAR(s.timeline.intakes[0].protein_g, 2.0 * food("greek yogurt").protein_g_per_100g,
              1e-9);
  EXPECT_EQ(s.timeline.intakes[1].what, "500 g milk");
  EXPECT_NEAR(s.timeline.intakes[1].carbohydrate_g, 5.0 * food("milk").carbohydrate_g_per_100g,
              1e-9);
}

TEST(Foods, UnknownFoodIsLocatedWithTheClosestName) {
  EXPECT_SCENARIO_ERROR(
      "duration: 6 h\nevents:\n  - {at: 1 h, intake: {food: lentls, amount: 200 g}}\n",
      "test.yaml:3:30", "'food' \"lentls\" is not in the food table (did you mean 'lentils'?)");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\ndiet:\n  meals:\n    - {time: \"08:00\", foods: [{food: oats, amount: "
      "80 g}, {food: chiken breast, amount: 100 g}]}\n",
      "test.yaml:4:66", "(did you mean 'chicken breast'?)");
}

TEST(Foods, MisusedFoodFieldsAreLocated) {
  EXPECT_SCENARIO_ERROR("duration: 6 h\nevents:\n  - {at: 1 h, intake: {food: rice}}\n",
                        "test.yaml:3:23", "food 'rice' needs an 'amount' (e.g. amount: 150 g)");
  EXPECT_SCENARIO_ERROR(
      "duration: 6 h\nevents:\n  - {at: 1 h, intake: {food: rice, amount: 200 g, protein: 5 "
      "g}}\n",
      "test.yaml:3:60", "is written as foods, which give its protein; remove 'protein'");
  EXPECT_SCENARIO_ERROR("duration: 6 h\nevents:\n  - {at: 1 h, intake: {amount: 200 g}}\n",
                        "test.yaml:3:32", "'amount' is the amount of a food");
  EXPECT_SCENARIO_ERROR(
      "duration: 6 h\nevents:\n  - {at: 1 h, intake: {food: rice, amount: 200 kcal}}\n",
      "test.yaml:3:48", "'amount'");
  EXPECT_SCENARIO_ERROR(
      "duration: 1 day\ndiet:\n  protein: 100 g/day\n  meals:\n    - {time: \"08:00\", share: "
      "50 %, food: oats, amount: 80 g}\n",
      "test.yaml:5:30", "is written as foods, which fix its amounts; remove 'share'");
}

std::string table_error(const std::string& yaml) {
  try {
    foods_from_yaml(yaml, "foods.yaml");
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

constexpr const char* kRow =
    "  - {name: rice, group: plant, class: mixed_meal, protein: 2.7 g, carbohydrate: 28.2 g, "
    "fat: 0.3 g, leucine: 0.082, digestibility: 0.86, source: USDA}\n";

TEST(Foods, TableMistakesAreLocated) {
  EXPECT_EQ(foods_from_yaml(std::string("foods:\n") + kRow, "foods.yaml").size(), 1u);
  EXPECT_NE(table_error(std::string("foods:\n") + kRow + kRow)
                .find("foods.yaml:3:5: food name 'rice' is already used at foods.yaml:2:5"),
            std::string::npos);
  std::string bad_class = std::string("foods:\n") + kRow;
  bad_class.replace(bad_class.find("mixed_meal"), 10, "mixed_mael");
  EXPECT_NE(table_error(bad_class).find("foods.yaml:2:39: 'class' must be one of whey, casein, "
                                        "soy, egg, mixed_meal, got \"mixed_mael\" (did you mean "
                                        "'mixed_meal'?)"),
            std::string::npos)
      << table_error(bad_class);
  std::string too_much = std::string("foods:\n") + kRow;
  too_much.replace(too_much.find("28.2 g"), 6, "98.2 g");
  EXPECT_NE(table_error(too_much).find("foods.yaml:2:5: food 'rice' has 101.2 g protein"),
            std::string::npos)
      << table_error(too_much);
  std::string no_unit = std::string("foods:\n") + kRow;
  no_unit.replace(no_unit.find("2.7 g"), 5, "2.7");
  EXPECT_NE(table_error(no_unit).find("foods.yaml:2:63: 'protein': \"2.7\" has no unit"),
            std::string::npos)
      << table_error(no_unit);
}

// docs/foods.md holds the table `myoflux foods --markdown` prints; MYOFLUX_UPDATE_DOCS=1
// rewrites it.
TEST(Foods, DocsTableMatchesTheData) {
  const std::filesystem::path doc = testing::source_dir() / "docs" / "foods.md";
  std::ifstream in(doc);
  std::stringstream text;
  text << in.rdbuf();
  std::string md = text.str();
  const std::string begin = "<!-- food table: generated by `myoflux foods --markdown` -->\n";
  const std::string end = "<!-- end of food table -->";
  const std::size_t a = md.find(begin), b = md.find(end);
  ASSERT_NE(a, std::string::npos) << doc;
  ASSERT_NE(b, std::string::npos) << doc;
  const std::string table = food_table_markdown(food_table());
  const std::string current = md.substr(a + begin.size(), b - a - begin.size());
  if (current != table && std::getenv("MYOFLUX_UPDATE_DOCS") != nullptr) {
    md.replace(a + begin.size(), b - a - begin.size(), table);
    std::ofstream(doc) << md;
    return;
  }
  EXPECT_EQ(current, table) << "docs/foods.md is out of date: run the test with "
                               "MYOFLUX_UPDATE_DOCS=1";
}

}  // namespace
}  // namespace myoflux
