#include "engine/scenario/channels.hpp"

#include <string>

namespace myoflux {

std::string_view modality_name(Modality m) {
  switch (m) {
    case Modality::rest:
      return "rest";
    case Modality::walking:
      return "walking";
    case Modality::running:
      return "running";
    case Modality::cycling:
      return "cycling";
    case Modality::resistance:
      return "resistance";
  }
  return "unknown";
}

namespace {
constexpr std::array<std::string_view, static_cast<int>(ProteinType::count)> kProteinNames{
    "whey", "casein", "soy", "egg", "mixed_meal", "eaa", "leucine"};
}

std::string_view protein_type_name(ProteinType t) {
  return kProteinNames.at(static_cast<std::size_t>(t));
}

bool parse_protein_type(std::string_view name, ProteinType* out) {
  for (std::size_t i = 0; i < kProteinNames.size(); ++i)
    if (kProteinNames[i] == name) {
      *out = static_cast<ProteinType>(i);
      return true;
    }
  return false;
}

const std::array<std::string_view, channel::count>& input_channel_names() {
  static const std::array<std::string_view, channel::count> names{
      "exercise_intensity", "resistance_load", "modality",
      "eccentric_factor",   "running_speed",   "leucine_infusion",
      "fluid_intake",       "drinking_to_thirst"};
  return names;
}

const std::vector<ChannelSpec>& input_channels() {
  static const std::vector<ChannelSpec> channels{
      {"exercise_intensity", "fraction of VO2max",
       "metabolic intensity of the current activity; 0 at rest, above 1 for supramaximal sprints",
       0.0},
      {"resistance_load", "fraction of 1RM", "load lifted during a resistance set, 0 otherwise",
       0.0},
      {"modality", "code", "0 rest, 1 walking, 2 running, 3 cycling, 4 resistance (see Modality)",
       0.0},
      {"eccentric_factor", "1",
       "eccentric load relative to level running: 1 level, >1 downhill, <1 uphill, 0 at rest", 0.0},
      {"running_speed", "km/h", "speed while walking or running, 0 otherwise", 0.0},
      {"leucine_infusion", "g/h",
       "leucine given intravenously (as part of an amino acid infusion), bypassing the gut", 0.0},
      {"fluid_intake", "L/h", "fluid drunk at a steady rate (a session's `during:`), 0 otherwise",
       0.0},
      {"drinking_to_thirst", "1",
       "1 while body-water deficits are made up by drinking to thirst at rest; 0 for the whole run "
       "when the diet's `fluids:` set what is drunk",
       1.0},
  };
  return channels;
}

const std::vector<DoseTargetSpec>& dose_targets() {
  static const std::vector<DoseTargetSpec> targets = [] {
    std::vector<DoseTargetSpec> t;
    for (std::size_t i = 0; i < kProteinNames.size(); ++i)
      t.push_back({"protein_" + std::string(kProteinNames[i]), "g",
                   "protein ingested as " + std::string(kProteinNames[i]) +
                       " (of a food: the part absorbed)"});
    t.push_back({"carbohydrate", "g", "carbohydrate ingested"});
    t.push_back({"fat", "g", "fat ingested"});
    for (int i = 0; i < kFoodClassCount; ++i)
      t.push_back({"food_leucine_" + std::string(kProteinNames[i]), "g",
                   "leucine absorbed from food protein digesting as " +
                       std::string(kProteinNames[i])});
    for (int i = 0; i < kFoodClassCount; ++i)
      t.push_back({"food_protein_" + std::string(kProteinNames[i]), "g",
                   "food protein digesting as " + std::string(kProteinNames[i]) +
                       " whose leucine food_leucine_" + std::string(kProteinNames[i]) +
                       " gives"});
    t.push_back({"fluid", "L", "fluid drunk"});
    return t;
  }();
  return targets;
}

}  // namespace myoflux
