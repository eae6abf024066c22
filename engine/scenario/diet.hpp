// The `diet:` block: daily protein, carbohydrate and fat, split across meals at clock times by
// share or by grams, extra doses tied to sessions, and daily fasting windows. Also the protein
// reader shared with acute-study drinks.
#pragma once

#include <optional>
#include <vector>

#include "engine/scenario/fields.hpp"
#include "engine/scenario/foods.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/scenario/sessions.hpp"

namespace myoflux::scenario {

/// A resolved diet plus where each item was written, for errors found when it is placed in time.
struct DietSpec {
  Diet diet;
  std::vector<SourceMark> dose_marks;     // one per diet.around_sessions item
  std::vector<SourceMark> fasting_marks;  // one per diet.fasting window
};

/// Reads the diet (nullptr: no diet, nothing is eaten).
DietSpec read_diet(const YamlNode* node, const Subject& subject,
                   const std::vector<SessionTemplate>& sessions);

/// The protein of a meal, drink or dose: `protein: 20 g` with `type: whey` (or `default_type`
/// when no type is written), or a mapping by type such as `protein: {eaa: 8 g, leucine: 2 g}`.
/// Empty when the mapping has no `protein`.
std::vector<ProteinPart> read_protein(const Fields& f, std::optional<ProteinType> default_type);
/// Protein written by type: fully digested, with the type's own leucine fraction.
ProteinPart typed_protein(ProteinType type, double grams);
double protein_total(const std::vector<ProteinPart>& parts);
/// The foods of a meal, drink or dose: `food: chicken breast` with `amount: 150 g`, or
/// `foods: [{food: milk, amount: 250 g}, ...]`, from the food table (engine/scenario/foods.hpp);
/// nullopt when neither is written. `protein` or `type` beside them is an error (the foods give
/// the protein); an unknown food is one, at its file:line:column, with the closest name.
std::optional<FoodIntake> read_food_intake(const Fields& f);
/// "whey", or "eaa + leucine".
std::string protein_type_text(const std::vector<ProteinPart>& parts);

/// True when a clock time lies in a daily window [from, to), which may wrap past midnight.
bool in_window(const FastingWindow& w, double clock_h);

}  // namespace myoflux::scenario
