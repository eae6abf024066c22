// The contract between scenario files and models: the input channels a scenario compiles to and
// the dose targets its meals and drinks become. Declared once here; the scenario compiler writes
// them, models read them by these indices, docs/scenarios.md and HDF5 files list them from here.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "engine/schedule.hpp"

namespace myoflux {

/// Piecewise-constant input channels, in schedule order.
namespace channel {
enum Index : int {
  exercise_intensity = 0,  // fraction of VO2max (0 at rest; above 1 for supramaximal sprints)
  resistance_load,         // fraction of 1RM while a resistance set is performed, else 0
  modality,                // Modality code, see below
  eccentric_factor,        // 1 for level running, >1 downhill, <1 uphill, 0 at rest
  running_speed,           // km/h while running or walking, else 0
  leucine_infusion,        // g leucine per h given intravenously (amino acid infusion studies)
  fluid_intake,            // L/h drunk steadily (a session's `during:`)
  drinking_to_thirst,      // 1: deficits are made up by drinking to thirst at rest; 0: the diet's
                           // `fluids:` set what is drunk
  count
};
}  // namespace channel

/// What kind of movement the exercise channels describe (the `modality` channel's value).
enum class Modality : int { rest = 0, walking = 1, running = 2, cycling = 3, resistance = 4 };
std::string_view modality_name(Modality m);

/// Protein sources with their own digestion kinetics; dose targets "protein_<name>" in g protein.
enum class ProteinType : int { whey = 0, casein, soy, egg, mixed_meal, eaa, leucine, count };
std::string_view protein_type_name(ProteinType t);
/// Parses "whey", "casein", "soy", "egg", "mixed_meal", "eaa", "leucine"; nullopt otherwise.
bool parse_protein_type(std::string_view name, ProteinType* out);

/// The protein types a food may digest as (whey, casein, soy, egg, mixed_meal: the first ones).
inline constexpr int kFoodClassCount = static_cast<int>(ProteinType::mixed_meal) + 1;

/// Dose targets, in schedule order: one per protein type, then carbohydrate and fat (all in g);
/// then, for protein written as a food (which carries its own leucine), one pair per food class:
/// food_leucine_<class>, the food's absorbed leucine, and food_protein_<class>, the same absorbed
/// protein (also dosed on protein_<class>) whose own leucine the model replaces by it; last, fluid
/// drunk (L).
namespace dose {
enum Index : int {
  protein_first = 0,  // protein_whey, ..., protein_leucine: ProteinType order
  carbohydrate = static_cast<int>(ProteinType::count),
  fat,
  food_leucine_first,                                  // food_leucine_whey ... _mixed_meal
  food_protein_first = food_leucine_first + kFoodClassCount,  // food_protein_whey ... _mixed_meal
  fluid = food_protein_first + kFoodClassCount,               // L of fluid drunk
  count
};
}  // namespace dose

const std::vector<ChannelSpec>& input_channels();
const std::vector<DoseTargetSpec>& dose_targets();
/// The channel names in order, as models declare them to the solver.
const std::array<std::string_view, channel::count>& input_channel_names();

}  // namespace myoflux
