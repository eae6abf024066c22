// Reading typed values out of YAML nodes, with errors that point at the value: quantities with
// units and ranges (schema.hpp), whole numbers, choices, clock times, and mappings whose keys are
// checked against their section with a "did you mean" for slips.
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scenario/schema.hpp"
#include "engine/scenario/yaml_reader.hpp"
#include "engine/suggest.hpp"
#include "engine/units.hpp"

namespace myoflux::scenario {

[[noreturn]] void fail(const YamlNode& at, const std::string& message);

// Suggestions for misspelt names live in engine/suggest.hpp, shared with the model and sweeps.
using myoflux::did_you_mean;
using myoflux::edit_distance;
/// "a, b, c"
std::string joined(std::span<const std::string_view> words);
/// Text shown in messages for what was written: "\"90 %vo2max\"" or "a list".
std::string written(const YamlNode& node);

/// A mapping of one section (schema.hpp). Construction rejects a non-mapping and unknown keys;
/// `what` names the mapping in messages ("the subject", "session 'hiit'").
class Fields {
 public:
  Fields(const YamlNode& node, std::string_view section, std::string what);
  /// The value, or nullptr when the key is absent or has no value.
  const YamlNode* optional(std::string_view key) const;
  /// The value; throws naming the key and an example when it is absent.
  const YamlNode& required(std::string_view key, std::string_view example) const;
  /// Of the given keys, the one that is present; throws if more than one is. Returns nullptr if
  /// none is present and `needed` is false, throws if `needed` is true.
  const MapEntry* one_of(std::initializer_list<std::string_view> keys, bool needed,
                         std::string_view example) const;
  const YamlNode& node() const { return node_; }
  const std::string& what() const { return what_; }
  std::string_view section() const { return section_; }

 private:
  const YamlNode& node_;
  std::string_view section_;
  std::string what_;
};

/// A quantity in one of the units its rules allow (schema.hpp), range-checked. Returns the value
/// in internal units and the kind of unit it was written in.
Quantity read_quantity(const YamlNode& node, std::string_view section, std::string_view key,
                       std::span<const Dimension> accepted);
double read_quantity(const YamlNode& node, std::string_view section, std::string_view key,
                     Dimension dimension);
/// A plain number or whole number with a rule (no unit).
double read_number(const YamlNode& node, std::string_view section, std::string_view key);
int read_count(const YamlNode& node, std::string_view section, std::string_view key);
/// One of `choices`, with a suggestion for a near miss.
std::string read_choice(const YamlNode& node, std::string_view key,
                        std::span<const std::string_view> choices);
/// Any text value (names, descriptions).
std::string read_text(const YamlNode& node, std::string_view key);
/// A name usable as an identifier and an HDF5 group name: letters, digits, '_', '-', '.'.
std::string read_name(const YamlNode& node, std::string_view key);
/// A clock time "HH:MM" (00:00 to 23:59) in hours after midnight.
double read_clock_time(const YamlNode& node, std::string_view key);
/// A list (a single value counts as a list of one).
std::vector<const YamlNode*> read_list(const YamlNode& node, std::string_view key);
/// Checks a value already converted to internal units against a rule; `shown` is the text to
/// quote in the message.
void check_range(const YamlNode& node, const FieldRule& rule, double value,
                 const std::string& shown);

/// A number with at most `decimals` decimals and no trailing zeros: 78.75 -> "78.8" (1 decimal).
std::string number_text(double value, int decimals = 1);
/// A fraction as a percentage with a unit: percent_text(0.7875, "%VO2max") == "78.8 %VO2max".
std::string percent_text(double fraction, std::string_view unit);
/// "07:00" for 7.0 h.
std::string clock_text(double hours_after_midnight);
/// "4 min", "1 h 30 min", "20 s", "10 weeks" style text for a duration in hours.
std::string duration_text(double hours);

}  // namespace myoflux::scenario
