// The scenario language's vocabulary in one place: which keys each kind of mapping accepts and
// the valid range of every number. Readers look fields up here; docs/scenarios.md lists the same
// tables and tests/engine/scenario/test_docs_scenarios.cpp fails if the two disagree.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/units.hpp"

namespace myoflux::scenario {

/// A kind of mapping in a scenario or study file and the keys it accepts.
struct Section {
  std::string_view name;  // "subject", "meal", ...
  std::vector<std::string_view> keys;
};
const std::vector<Section>& sections();
/// The keys of a section; throws std::logic_error for an unknown section name.
const std::vector<std::string_view>& section_keys(std::string_view section);

/// The valid range of one numeric field in one unit kind. A field that accepts several kinds of
/// unit (diet.protein in g/kg/day or g/day) has one rule per kind.
struct FieldRule {
  std::string_view section;
  std::string_view key;
  std::optional<Dimension> dimension;  // nullopt: a plain number (a count or a factor)
  double min = 0.0;                    // inclusive, internal units
  double max = 0.0;
  std::string_view range;    // as a user reads it: "20 to 300 kg"
  std::string_view example;  // a valid value as written in a file: "68.2 kg"
  bool integer = false;      // whole numbers only (counts)
};
const std::vector<FieldRule>& field_rules();
/// The rule for a field in one unit kind (nullopt: plain number); throws std::logic_error if
/// the table lacks it, which is a programming error.
const FieldRule& field_rule(std::string_view section, std::string_view key,
                            std::optional<Dimension> dimension = std::nullopt);

/// Fixed choices for text fields.
inline constexpr std::string_view kSexes[] = {"female", "male"};
inline constexpr std::string_view kTrainingStatuses[] = {"untrained", "recreational", "trained"};
inline constexpr std::string_view kSessionTypes[] = {"run", "walk", "cycle", "intervals",
                                                     "resistance"};
/// Activities of a segment (warm-up, work bout, recovery, cool-down).
inline constexpr std::string_view kActivities[] = {"run",   "jog",  "walk",
                                                   "cycle", "rest", "walk_back"};
inline constexpr std::string_view kWeekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

}  // namespace myoflux::scenario
