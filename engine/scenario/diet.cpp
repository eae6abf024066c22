// Resolves a diet to grams per meal. For each nutrient: meals that state grams keep them, meals
// with a `share` take that share of the daily amount, and the rest is split equally among the
// remaining meals; the meals must add up to the daily amount when one is given.
#include "engine/scenario/diet.hpp"

#include <algorithm>
#include <cmath>

#include "engine/scenario/conversions.hpp"
#include "engine/scenario/limits.hpp"

namespace myoflux::scenario {
namespace {

std::vector<std::string_view> protein_type_names() {
  std::vector<std::string_view> names;
  for (int i = 0; i < static_cast<int>(ProteinType::count); ++i)
    names.push_back(protein_type_name(static_cast<ProteinType>(i)));
  return names;
}

ProteinType read_protein_type(const YamlNode& node, std::string_view key) {
  const std::vector<std::string_view> names = protein_type_names();
  ProteinType type = ProteinType::mixed_meal;
  parse_protein_type(read_choice(node, key, names), &type);
  return type;
}

// Fluid is split across the meals like the nutrients: the diet's `fluids:` (L/day) and each
// meal's `drink:` (L).
enum class Nutrient { protein, carbohydrate, fat, fluid };
constexpr int kNutrientCount = 4;

std::string_view nutrient_key(Nutrient n) {
  switch (n) {
    case Nutrient::protein:
      return "protein";
    case Nutrient::carbohydrate:
      return "carbohydrate";
    case Nutrient::fat:
      return "fat";
    case Nutrient::fluid:
      return "fluid";
  }
  return "";
}

std::string_view nutrient_unit(Nutrient n) {
  return n == Nutrient::fluid ? "L" : "g";
}

// How far the meals may miss the daily amount (rounding in hand-written grams or volumes).
double split_tolerance(Nutrient n, double daily) {
  return n == Nutrient::fluid ? std::max(0.005, 0.005 * daily) : std::max(0.5, 0.005 * daily);
}

struct MealInput {
  Meal meal;
  const YamlNode* node = nullptr;
  const YamlNode* time_node = nullptr;
  const YamlNode* share_node = nullptr;
  double share = -1.0;  // < 0: no share
  bool explicit_amount[kNutrientCount] = {false, false, false, false};
  double amount[kNutrientCount] = {0.0, 0.0, 0.0, 0.0};
  ProteinType type = ProteinType::mixed_meal;
};

// Daily grams of carbohydrate or fat from %energy, g/kg/day or g/day (nullopt: not given).
std::optional<double> read_daily_energy_nutrient(const Fields& f, Nutrient n, const Subject& s,
                                                 double energy_kcal, double kcal_per_gram,
                                                 bool* used_energy) {
  const YamlNode* node = f.optional(nutrient_key(n));
  if (node == nullptr) return std::nullopt;
  constexpr Dimension kUnits[] = {Dimension::fraction_energy, Dimension::mass_per_body_mass_day,
                                  Dimension::mass_per_day};
  const Quantity q = read_quantity(*node, "diet", nutrient_key(n), kUnits);
  if (q.dimension == Dimension::fraction_energy) {
    *used_energy = true;
    return q.value * energy_kcal / kcal_per_gram;
  }
  if (q.dimension == Dimension::mass_per_body_mass_day) return q.value * s.body_mass_kg;
  return q.value;
}

std::optional<double> read_daily_protein(const Fields& f, const Subject& s) {
  const YamlNode* node = f.optional("protein");
  if (node == nullptr) return std::nullopt;
  constexpr Dimension kUnits[] = {Dimension::mass_per_body_mass_day, Dimension::mass_per_day};
  const Quantity q = read_quantity(*node, "diet", "protein", kUnits);
  return q.dimension == Dimension::mass_per_day ? q.value : q.value * s.body_mass_kg;
}

MealInput read_meal(const YamlNode& node, std::size_t index) {
  MealInput in;
  in.node = &node;
  const Fields f(node, "meal", "meal " + std::to_string(index + 1) + " of the diet");
  in.meal.name = f.optional("name") ? read_text(*f.optional("name"), "name")
                                    : "meal " + std::to_string(index + 1);
  in.time_node = &f.required("time", "\"08:00\"");
  in.meal.clock_h = read_clock_time(*in.time_node, "time");
  if (const YamlNode* type = f.optional("type")) in.type = read_protein_type(*type, "type");
  if ((in.share_node = f.optional("share")))
    in.share = read_quantity(*in.share_node, "meal", "share", Dimension::fraction);
  if (const std::optional<FoodIntake> foods = read_food_intake(f)) {
    // A meal of foods states all three nutrients; carbohydrate or fat written beside them adds.
    if (in.share_node)
      fail(*in.share_node, "meal '" + in.meal.name +
                               "' is written as foods, which fix its amounts; remove 'share'");
    in.meal.protein = foods->protein;
    in.amount[0] = protein_total(in.meal.protein);
    in.amount[1] = foods->carbohydrate_g;
    in.amount[2] = foods->fat_g;
    for (bool& e : in.explicit_amount) e = true;
  } else if (f.optional("protein")) {
    in.meal.protein = read_protein(f, in.type);
    in.explicit_amount[0] = true;
    in.amount[0] = protein_total(in.meal.protein);
  }
  for (Nutrient n : {Nutrient::carbohydrate, Nutrient::fat})
    if (const YamlNode* v = f.optional(nutrient_key(n))) {
      const int i = static_cast<int>(n);
      in.explicit_amount[i] = true;
      in.amount[i] += read_quantity(*v, "intake", nutrient_key(n), Dimension::mass);
    }
  if (const YamlNode* v = f.optional("drink")) {
    const int i = static_cast<int>(Nutrient::fluid);
    in.explicit_amount[i] = true;
    in.amount[i] = read_quantity(*v, "intake", "drink", Dimension::volume);
  }
  return in;
}

// Splits one nutrient's daily amount across the meals (see the file comment). Returns the daily
// total the meals add up to.
double split_across_meals(std::vector<MealInput>& meals, Nutrient n, std::optional<double> daily,
                          const YamlNode& diet_node) {
  const int i = static_cast<int>(n);
  const std::string key(nutrient_key(n));
  const std::string unit(nutrient_unit(n));
  double fixed = 0.0;
  std::vector<MealInput*> rest;
  for (MealInput& m : meals) {
    if (m.explicit_amount[i]) {
      fixed += m.amount[i];
    } else if (m.share >= 0.0 && n != Nutrient::fluid) {
      if (!daily && n == Nutrient::protein)
        fail(*m.share_node, "meal '" + m.meal.name + "' has a 'share' of the day's protein, but " +
                                "the diet gives no daily protein (e.g. protein: 1.6 g/kg/day)");
      m.amount[i] = m.share * daily.value_or(0.0);
      fixed += m.amount[i];
    } else {
      rest.push_back(&m);
    }
  }
  if (!daily) {
    if (n == Nutrient::protein && !rest.empty())
      fail(*rest.front()->node, "meal '" + rest.front()->meal.name +
                                    "' needs 'protein' (e.g. protein: 25 g) or a 'share' of a " +
                                    "daily diet.protein");
    return fixed;
  }
  const double remaining = *daily - fixed;
  const double tolerance = split_tolerance(n, *daily);
  if (remaining < -tolerance || (rest.empty() && std::abs(remaining) > tolerance))
    fail(diet_node, "the meals add up to " + number_text(fixed) + " " + unit + " " + key +
                        " a day, but the diet's daily " + key + " is " + number_text(*daily) +
                        " " + unit + "; make the meals' " +
                        (n == Nutrient::fluid ? "drinks" : "grams and shares") + " add up to it");
  for (MealInput* m : rest) m->amount[i] = std::max(0.0, remaining) / rest.size();
  return *daily;
}

SessionDose read_session_dose(const YamlNode& node, std::size_t index,
                              const std::vector<SessionTemplate>& sessions) {
  const Fields f(node, "session_dose", "dose " + std::to_string(index + 1) + " of around_sessions");
  SessionDose d;
  const MapEntry* when = f.one_of({"after", "before"}, true, "after: 30 min");
  d.after_end = when->key == "after";
  d.offset_h = read_quantity(when->value, "session_dose", when->key, Dimension::time);
  if (const YamlNode* list = f.optional("sessions"))
    for (const YamlNode* name : read_list(*list, "sessions"))
      d.sessions.push_back(find_session(sessions, *name).name);
  const std::optional<FoodIntake> foods = read_food_intake(f);
  if (foods) {
    d.protein = foods->protein;
    d.carbohydrate_g = foods->carbohydrate_g;
    d.fat_g = foods->fat_g;
  } else {
    d.protein = read_protein(f, std::nullopt);
  }
  if (const YamlNode* c = f.optional("carbohydrate"))
    d.carbohydrate_g += read_quantity(*c, "intake", "carbohydrate", Dimension::mass);
  if (const YamlNode* x = f.optional("fat"))
    d.fat_g += read_quantity(*x, "intake", "fat", Dimension::mass);
  if (const YamlNode* x = f.optional("drink"))
    d.fluid_l = read_quantity(*x, "intake", "drink", Dimension::volume);
  if (!foods && d.protein.empty() && !f.optional("carbohydrate") && !f.optional("fat") &&
      !f.optional("drink"))
    fail(node, f.what() +
                   " needs 'protein', 'carbohydrate', 'fat' or 'drink' (e.g. protein: 25 g, "
                   "type: whey)");
  const std::string type = foods             ? foods->text
                           : d.protein.empty() ? (d.fluid_l > 0.0 ? "water" : "drink")
                                               : protein_type_text(d.protein);
  d.name = f.optional("name") ? read_text(*f.optional("name"), "name")
                              : (d.after_end ? "post-session " : "pre-session ") + type;
  return d;
}

FastingWindow read_fasting(const YamlNode& node, std::size_t index) {
  const Fields f(node, "fasting", "fasting window " + std::to_string(index + 1));
  FastingWindow w;
  w.from_clock_h = read_clock_time(f.required("from", "\"20:00\""), "from");
  w.to_clock_h = read_clock_time(f.required("to", "\"12:00\""), "to");
  if (w.from_clock_h == w.to_clock_h)
    fail(node, f.what() +
                   " starts and ends at the same time; a daily window needs two different "
                   "clock times (e.g. from: \"20:00\", to: \"12:00\")");
  return w;
}

}  // namespace

bool in_window(const FastingWindow& w, double clock_h) {
  if (w.from_clock_h < w.to_clock_h) return clock_h >= w.from_clock_h && clock_h < w.to_clock_h;
  return clock_h >= w.from_clock_h || clock_h < w.to_clock_h;
}

ProteinPart typed_protein(ProteinType type, double grams) {
  ProteinPart p;
  p.type = type;
  p.grams = grams;
  return p;
}

double protein_total(const std::vector<ProteinPart>& parts) {
  double total = 0.0;
  for (const ProteinPart& p : parts) total += p.grams;
  return total;
}

std::string protein_type_text(const std::vector<ProteinPart>& parts) {
  std::string out;
  for (const ProteinPart& p : parts)
    out += (out.empty() ? "" : " + ") + std::string(protein_type_name(p.type));
  return out;
}

std::vector<ProteinPart> read_protein(const Fields& f, std::optional<ProteinType> default_type) {
  std::vector<ProteinPart> parts;
  const YamlNode* protein = f.optional("protein");
  const YamlNode* type = f.optional("type");
  if (protein == nullptr) {
    if (type != nullptr && !default_type)
      fail(*type,
           f.what() + " gives a protein 'type' but no 'protein' amount (e.g. protein: 25 g)");
    return parts;
  }
  if (protein->is_map()) {
    if (type != nullptr)
      fail(*type, f.what() +
                      " gives protein by type already; remove 'type' (e.g. protein: {eaa: "
                      "8 g, leucine: 2 g})");
    const std::vector<std::string_view> names = protein_type_names();
    for (const MapEntry& e : protein->entries) {
      YamlNode key;
      key.kind = YamlNode::Kind::scalar;
      key.scalar = e.key;
      key.mark = e.key_mark;
      parts.push_back(typed_protein(read_protein_type(key, "protein type"),
                                    read_quantity(e.value, "intake", "protein", Dimension::mass)));
    }
    if (parts.empty()) fail(*protein, "'protein' lists no protein types (e.g. {whey: 20 g})");
    return parts;
  }
  ProteinType t = default_type.value_or(ProteinType::mixed_meal);
  if (type != nullptr)
    t = read_protein_type(*type, "type");
  else if (!default_type)
    fail(*protein, f.what() + " needs the protein's 'type': one of " +
                       joined(protein_type_names()) + " (e.g. type: whey)");
  parts.push_back(typed_protein(t, read_quantity(*protein, "intake", "protein", Dimension::mass)));
  return parts;
}

namespace {

FoodIntake read_portion(const YamlNode& food_node, const YamlNode* amount_node,
                        const YamlNode& at) {
  const std::vector<Food>& table = food_table();
  const std::string name = read_text(food_node, "food");
  const Food* food = find_food(table, name);
  if (food == nullptr) {
    const std::vector<std::string_view> names = food_names(table);
    fail(food_node, "'food' " + written(food_node) + " is not in the food table" +
                        did_you_mean(name, names) +
                        "; `myoflux foods` lists them (e.g. food: chicken breast)");
  }
  if (amount_node == nullptr)
    fail(at, "food '" + food->name + "' needs an 'amount' (e.g. amount: 150 g)");
  return food_amount(*food,
                     read_quantity(*amount_node, "food_portion", "amount", Dimension::mass));
}

void add_to(FoodIntake& total, FoodIntake part) {
  for (ProteinPart& p : part.protein) total.protein.push_back(std::move(p));
  total.carbohydrate_g += part.carbohydrate_g;
  total.fat_g += part.fat_g;
  total.text += (total.text.empty() ? "" : " + ") + part.text;
}

}  // namespace

std::optional<FoodIntake> read_food_intake(const Fields& f) {
  const MapEntry* which = f.one_of({"food", "foods"}, false, "food: chicken breast");
  if (which == nullptr) {
    if (const YamlNode* amount = f.optional("amount"))
      fail(*amount, "'amount' is the amount of a food; give the 'food' too (e.g. food: "
                    "chicken breast, amount: 150 g)");
    return std::nullopt;
  }
  for (std::string_view key : {"protein", "type"})
    if (const YamlNode* v = f.optional(key))
      fail(*v, f.what() + " is written as foods, which give its protein; remove '" +
                   std::string(key) + "' (or write the protein without foods)");
  FoodIntake total;
  if (which->key == "food") {
    add_to(total, read_portion(which->value, f.optional("amount"), f.node()));
    return total;
  }
  if (const YamlNode* amount = f.optional("amount"))
    fail(*amount, "'amount' goes inside each item of 'foods' (e.g. foods: [{food: rice, "
                  "amount: 200 g}, {food: chicken breast, amount: 150 g}])");
  const std::vector<const YamlNode*> items = read_list(which->value, "foods");
  if (items.empty()) fail(which->value, "'foods' lists no foods (e.g. [{food: rice, amount: 200 g}])");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Fields item(*items[i], "food_portion",
                      "food " + std::to_string(i + 1) + " of " + f.what());
    add_to(total, read_portion(item.required("food", "chicken breast"), item.optional("amount"),
                               *items[i]));
  }
  return total;
}

DietSpec read_diet(const YamlNode* node, const Subject& subject,
                   const std::vector<SessionTemplate>& sessions) {
  DietSpec spec;
  if (node == nullptr) return spec;
  const Fields f(*node, "diet", "the diet");
  Diet& diet = spec.diet;
  diet.given = true;
  const YamlNode* energy = f.optional("energy");
  diet.energy_kcal_per_day = energy ? read_quantity(*energy, "diet", "energy", Dimension::energy)
                                    : kDefaultEnergyKcalPerKgDay * subject.body_mass_kg;
  bool used_energy = false;
  const std::optional<double> protein = read_daily_protein(f, subject);
  const std::optional<double> carbohydrate =
      read_daily_energy_nutrient(f, Nutrient::carbohydrate, subject, diet.energy_kcal_per_day,
                                 kKcalPerGramCarbohydrate, &used_energy);
  const std::optional<double> fat = read_daily_energy_nutrient(
      f, Nutrient::fat, subject, diet.energy_kcal_per_day, kKcalPerGramFat, &used_energy);
  diet.energy_assumed = used_energy && energy == nullptr;
  const double energy_share =
      carbohydrate.value_or(0.0) * kKcalPerGramCarbohydrate / diet.energy_kcal_per_day +
      fat.value_or(0.0) * kKcalPerGramFat / diet.energy_kcal_per_day;
  if (used_energy && energy_share > 1.0 + 1e-9)
    fail(f.optional("fat") ? *f.optional("fat") : *node,
         "carbohydrate and fat together give " + percent_text(energy_share, "%energy") +
             "; together they can be at most 100 %energy");

  std::vector<MealInput> meals;
  if (const YamlNode* list = f.optional("meals")) {
    const std::vector<const YamlNode*> items = read_list(*list, "meals");
    if (items.size() > kMaxMeals)
      fail(*list, "the diet lists " + std::to_string(items.size()) + " meals; at most " +
                      std::to_string(kMaxMeals) + " a day are supported");
    for (std::size_t i = 0; i < items.size(); ++i) meals.push_back(read_meal(*items[i], i));
  }
  if (meals.empty() && (protein || carbohydrate || fat))
    fail(*node,
         "the diet gives daily amounts but no 'meals' to eat them in (e.g. meals: "
         "[{name: breakfast, time: \"08:00\", share: 30 %}, ...])");
  double shares = 0.0;
  for (const MealInput& m : meals) shares += std::max(0.0, m.share);
  if (shares > 1.0 + 1e-6)
    fail(*f.optional("meals"), "the meals' shares add up to " + percent_text(shares, "%") +
                                   "; they can be at most 100 %");
  diet.protein_g_per_day = split_across_meals(meals, Nutrient::protein, protein, *node);
  diet.carbohydrate_g_per_day =
      split_across_meals(meals, Nutrient::carbohydrate, carbohydrate, *node);
  diet.fat_g_per_day = split_across_meals(meals, Nutrient::fat, fat, *node);
  const YamlNode* fluids = f.optional("fluids");
  const std::optional<double> fluid_per_day =
      fluids ? std::optional<double>(
                   read_quantity(*fluids, "diet", "fluids", Dimension::volume_per_day))
             : std::nullopt;
  if (fluids && meals.empty())
    fail(*fluids, "the diet gives daily 'fluids' but no 'meals' to drink them with (e.g. meals: "
                  "[{name: breakfast, time: \"08:00\", protein: 25 g, drink: 500 mL}, ...])");
  diet.fluid_l_per_day = split_across_meals(meals, Nutrient::fluid, fluid_per_day, *node);
  diet.fluids_given =
      fluids != nullptr || std::any_of(meals.begin(), meals.end(), [](const MealInput& m) {
        return m.explicit_amount[static_cast<int>(Nutrient::fluid)];
      });
  diet.protein_g_per_kg_day = diet.protein_g_per_day / subject.body_mass_kg;

  if (const YamlNode* list = f.optional("fasting")) {
    const std::vector<const YamlNode*> items = read_list(*list, "fasting");
    for (std::size_t i = 0; i < items.size(); ++i) {
      diet.fasting.push_back(read_fasting(*items[i], i));
      spec.fasting_marks.push_back(items[i]->mark);
    }
  }
  for (MealInput& m : meals) {
    if (!m.explicit_amount[0]) m.meal.protein = {typed_protein(m.type, m.amount[0])};
    m.meal.carbohydrate_g = m.amount[1];
    m.meal.fat_g = m.amount[2];
    m.meal.fluid_l = m.amount[3];
    for (std::size_t w = 0; w < diet.fasting.size(); ++w)
      if (in_window(diet.fasting[w], m.meal.clock_h))
        fail(*m.time_node, "meal '" + m.meal.name + "' at " + clock_text(m.meal.clock_h) +
                               " falls in the fasting window " +
                               clock_text(diet.fasting[w].from_clock_h) + " to " +
                               clock_text(diet.fasting[w].to_clock_h) + " (" +
                               spec.fasting_marks[w].str() + "); move the meal or the window");
    diet.meals.push_back(m.meal);
  }
  std::stable_sort(diet.meals.begin(), diet.meals.end(),
                   [](const Meal& a, const Meal& b) { return a.clock_h < b.clock_h; });

  if (const YamlNode* list = f.optional("around_sessions")) {
    const std::vector<const YamlNode*> items = read_list(*list, "around_sessions");
    for (std::size_t i = 0; i < items.size(); ++i) {
      diet.around_sessions.push_back(read_session_dose(*items[i], i, sessions));
      spec.dose_marks.push_back(items[i]->mark);
    }
  }
  return spec;
}

}  // namespace myoflux::scenario
