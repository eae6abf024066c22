// The food table (engine/data/foods.yaml, docs/foods.md): protein, carbohydrate and fat per 100 g,
// leucine per g protein, protein digestibility and the gut model's digestion class of everyday
// foods, each row cited. Meals, drinks and session doses written as foods (`{food: chicken
// breast, amount: 150 g}`) resolve through it to protein parts that carry the food's own leucine
// and digestibility, plus carbohydrate and fat.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace myoflux {

struct Food {
  std::string name;                  // "chicken breast"
  std::vector<std::string> aliases;  // other names it is found by ("chicken", "turkey breast")
  std::string group;                 // "animal" or "plant"
  ProteinType digestion_class = ProteinType::mixed_meal;  // whey, casein, soy, egg or mixed_meal
  double protein_g_per_100g = 0.0;
  double carbohydrate_g_per_100g = 0.0;
  double fat_g_per_100g = 0.0;
  double leucine_g_per_g_protein = 0.0;
  double digestibility = 1.0;  // true ileal digestibility of the protein, fraction
  std::string source;
  SourceMark mark;  // where the row was written
};

/// What an amount of one or more foods adds up to.
struct FoodIntake {
  std::vector<ProteinPart> protein;  // one part per food with protein, grams as eaten
  double carbohydrate_g = 0.0;
  double fat_g = 0.0;
  std::string text;  // "150 g chicken breast + 250 g milk"
};

/// Reads a food table; throws ScenarioError at the file:line:column of the first mistake
/// (unknown key, missing field, value out of range, duplicate name or alias).
std::vector<Food> foods_from_yaml(std::string_view text, const std::string& origin);
std::vector<Food> load_foods(const std::filesystem::path& file);
/// data_dir() / "engine/data/foods.yaml".
std::filesystem::path default_foods_path();
/// The default table, read once.
const std::vector<Food>& food_table();

/// The food called `name` (its name or an alias, ignoring case); nullptr when there is none.
const Food* find_food(const std::vector<Food>& table, std::string_view name);
/// Every name and alias, for did-you-mean suggestions.
std::vector<std::string_view> food_names(const std::vector<Food>& table);

/// `amount_g` grams of `food`.
FoodIntake food_amount(const Food& food, double amount_g);

/// The table as `myoflux foods` prints it (aligned columns, then the sources).
void describe_foods(std::ostream& out, const std::vector<Food>& table);
/// | food | class | protein | carbohydrate | fat | leucine | digestibility | source |
std::string food_table_markdown(const std::vector<Food>& table);

}  // namespace myoflux
