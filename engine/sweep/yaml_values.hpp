// Small readers for the sweep file's values on top of the scenario reader's located YAML nodes:
// mappings with checked keys, quantities in one dimension, numbers written with a unit, and a
// one-line YAML rendering of any value (for table labels and input hashes).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "engine/scenario/yaml_reader.hpp"
#include "engine/units.hpp"

namespace myoflux::sweep {

using scenario::YamlNode;

/// The value as one line of flow YAML: scalars as written (quoted when they hold YAML syntax),
/// lists as [a, b], mappings as {k: v}. Deterministic: used in input hashes.
std::string flow_text(const YamlNode& node);

/// "1.6 g/kg/day" -> {1.6, "g/kg/day"}; "0.05" -> {0.05, ""}; nullopt when the text does not
/// start with a finite number followed by nothing or a space and a unit.
struct NumberWithUnit {
  double number = 0.0;
  std::string unit;
};
std::optional<NumberWithUnit> split_number_unit(std::string_view text);

/// Throws at `node` unless it is a mapping whose keys all belong to `allowed`; names the
/// mapping as `what` and suggests a near miss.
void check_keys(const YamlNode& node, std::span<const std::string_view> allowed,
                const std::string& what);
/// A mapping's value for `key` (nullptr when absent or null).
const YamlNode* entry(const YamlNode& map, std::string_view key);

/// A quantity of one dimension, in internal units; errors name `key` and give `example`.
double read_quantity_at(const YamlNode& node, Dimension dimension, std::string_view key,
                        std::string_view example);
/// A whole number in [min, max].
long long read_whole(const YamlNode& node, std::string_view key, long long min, long long max,
                     std::string_view example);
/// A finite plain number.
double read_plain_number(const YamlNode& node, std::string_view key, std::string_view example);
/// A share written in percent ("30 %"), between 0 and 1.
double read_share(const YamlNode& node, std::string_view key);

}  // namespace myoflux::sweep
