// Reads the food table with the scenario language's own readers (located errors, quantities with
// units, did-you-mean for keys), and resolves amounts of foods to protein, carbohydrate and fat.
#include "engine/scenario/foods.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "engine/resources.hpp"
#include "engine/scenario/fields.hpp"

namespace myoflux {
namespace {

using scenario::fail;
using KeyFields = scenario::Fields;  // not "Fields": the unity build also sees myoflux::Fields<T>
using scenario::YamlNode;

/// The digestion classes a food may use: the gut pools of whole proteins (not free amino acids).
constexpr std::string_view kFoodClasses[] = {"whey", "casein", "soy", "egg", "mixed_meal"};
constexpr std::string_view kFoodGroups[] = {"animal", "plant"};

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

Food read_food(const YamlNode& node, std::size_t index) {
  const KeyFields f(node, "food", "food " + std::to_string(index + 1) + " of the table");
  Food food;
  food.mark = node.mark;
  food.name = scenario::read_text(f.required("name", "chicken breast"), "name");
  if (food.name.empty()) fail(*f.optional("name"), "a food's 'name' must not be empty");
  if (const YamlNode* aliases = f.optional("aliases"))
    for (const YamlNode* a : scenario::read_list(*aliases, "aliases"))
      food.aliases.push_back(scenario::read_text(*a, "aliases"));
  food.group = scenario::read_choice(f.required("group", "plant"), "group", kFoodGroups);
  parse_protein_type(scenario::read_choice(f.required("class", "mixed_meal"), "class",
                                           kFoodClasses),
                     &food.digestion_class);
  food.protein_g_per_100g =
      scenario::read_quantity(f.required("protein", "31 g"), "food", "protein", Dimension::mass);
  food.carbohydrate_g_per_100g = scenario::read_quantity(
      f.required("carbohydrate", "0 g"), "food", "carbohydrate", Dimension::mass);
  food.fat_g_per_100g =
      scenario::read_quantity(f.required("fat", "3.6 g"), "food", "fat", Dimension::mass);
  const double total =
      food.protein_g_per_100g + food.carbohydrate_g_per_100g + food.fat_g_per_100g;
  if (total > 100.0 + 1e-9)
    fail(node, "food '" + food.name + "' has " + scenario::number_text(total) +
                   " g protein, carbohydrate and fat per 100 g; they can add up to at most "
                   "100 g");
  food.leucine_g_per_g_protein =
      scenario::read_number(f.required("leucine", "0.08"), "food", "leucine");
  food.digestibility =
      scenario::read_number(f.required("digestibility", "0.95"), "food", "digestibility");
  food.source = scenario::read_text(f.required("source", "USDA FDC SR Legacy \"...\""), "source");
  return food;
}

}  // namespace

std::vector<Food> foods_from_yaml(std::string_view text, const std::string& origin) {
  const YamlNode doc = scenario::read_yaml(text, origin);
  const KeyFields top(doc, "foods_file", "the food table");
  const YamlNode& list =
      top.required("foods", "[{name: chicken breast, class: mixed_meal, protein: 31 g, ...}]");
  std::vector<Food> table;
  std::vector<std::pair<std::string, SourceMark>> seen;  // lowered name or alias, where
  const std::vector<const YamlNode*> items = scenario::read_list(list, "foods");
  for (std::size_t i = 0; i < items.size(); ++i) {
    Food food = read_food(*items[i], i);
    std::vector<std::string> names{food.name};
    names.insert(names.end(), food.aliases.begin(), food.aliases.end());
    for (const std::string& n : names) {
      const std::string key = lowered(n);
      for (const auto& [other, mark] : seen)
        if (other == key)
          fail(*items[i], "food name '" + n + "' is already used at " + mark.str() +
                              "; each name and alias must find one food");
      seen.emplace_back(key, items[i]->mark);
    }
    table.push_back(std::move(food));
  }
  if (table.empty()) fail(list, "the food table lists no foods");
  return table;
}

std::vector<Food> load_foods(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError("cannot read the food table " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return foods_from_yaml(text.str(), file.string());
}

std::filesystem::path default_foods_path() {
  return data_dir() / "engine/data/foods.yaml";
}

const std::vector<Food>& food_table() {
  static const std::vector<Food> table = load_foods(default_foods_path());
  return table;
}

const Food* find_food(const std::vector<Food>& table, std::string_view name) {
  const std::string key = lowered(name);
  for (const Food& f : table) {
    if (lowered(f.name) == key) return &f;
    for (const std::string& a : f.aliases)
      if (lowered(a) == key) return &f;
  }
  return nullptr;
}

std::vector<std::string_view> food_names(const std::vector<Food>& table) {
  std::vector<std::string_view> names;
  for (const Food& f : table) {
    names.push_back(f.name);
    for (const std::string& a : f.aliases) names.push_back(a);
  }
  return names;
}

FoodIntake food_amount(const Food& food, double amount_g) {
  FoodIntake in;
  const double per_gram = amount_g / 100.0;
  if (food.protein_g_per_100g > 0.0)
    in.protein.push_back({food.digestion_class, food.protein_g_per_100g * per_gram,
                          food.digestibility, food.leucine_g_per_g_protein, food.name});
  in.carbohydrate_g = food.carbohydrate_g_per_100g * per_gram;
  in.fat_g = food.fat_g_per_100g * per_gram;
  in.text = scenario::number_text(amount_g, 0) + " g " + food.name;
  return in;
}

void describe_foods(std::ostream& out, const std::vector<Food>& table) {
  out << table.size() << " foods; per 100 g as eaten, leucine per g protein, digestibility of "
      << "the protein (fraction absorbed)\n";
  out << std::left << std::setw(18) << "  food" << std::setw(8) << "group" << std::setw(12)
      << "class" << std::right << std::setw(9) << "protein" << std::setw(8) << "carb"
      << std::setw(7) << "fat" << std::setw(9) << "leucine" << std::setw(8) << "digest." << "\n";
  for (const Food& f : table) {
    out << "  " << std::left << std::setw(16) << f.name << std::setw(8) << f.group
        << std::setw(12) << protein_type_name(f.digestion_class) << std::right << std::fixed
        << std::setprecision(1) << std::setw(7) << f.protein_g_per_100g << " g" << std::setw(6)
        << f.carbohydrate_g_per_100g << " g" << std::setw(5) << f.fat_g_per_100g << " g"
        << std::setprecision(3) << std::setw(9) << f.leucine_g_per_g_protein
        << std::setprecision(2) << std::setw(8) << f.digestibility << "\n";
    out.unsetf(std::ios::fixed);
  }
  out << "Also found by: ";
  bool first = true;
  for (const Food& f : table)
    for (const std::string& a : f.aliases) {
      out << (first ? "" : ", ") << a << " (" << f.name << ")";
      first = false;
    }
  out << "\nSources: " << default_foods_path().filename().string()
      << " names one for every row (myoflux foods --markdown shows them).\n";
}

std::string food_table_markdown(const std::vector<Food>& table) {
  std::ostringstream md;
  md << "| food | also found by | group | digestion class | protein (g/100 g) | carbohydrate "
        "(g/100 g) | fat (g/100 g) | leucine (g/g protein) | digestibility | source |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n";
  for (const Food& f : table) {
    std::string aliases;
    for (const std::string& a : f.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    md << "| " << f.name << " | " << aliases << " | " << f.group << " | "
       << protein_type_name(f.digestion_class) << " | " << f.protein_g_per_100g << " | "
       << f.carbohydrate_g_per_100g << " | " << f.fat_g_per_100g << " | "
       << f.leucine_g_per_g_protein << " | " << f.digestibility << " | " << f.source << " |\n";
  }
  return md.str();
}

}  // namespace myoflux
