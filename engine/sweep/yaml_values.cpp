// Typed readers for sweep files on located YAML nodes, and the one-line YAML rendering.
#include "engine/sweep/yaml_values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "engine/scenario/fields.hpp"

namespace myoflux::sweep {

using scenario::fail;

namespace {

bool needs_quotes(const std::string& s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return true;
  return s.find_first_of(",[]{}:#&*!|>'\"`@\n\t") != std::string::npos;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string flow_text(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::null:
      return "null";
    case YamlNode::Kind::scalar:
      return needs_quotes(node.scalar) ? quoted(node.scalar) : node.scalar;
    case YamlNode::Kind::sequence: {
      std::string out = "[";
      for (std::size_t i = 0; i < node.items.size(); ++i)
        out += (i ? ", " : "") + flow_text(node.items[i]);
      return out + "]";
    }
    case YamlNode::Kind::map: {
      std::string out = "{";
      for (std::size_t i = 0; i < node.entries.size(); ++i) {
        const std::string& key = node.entries[i].key;
        out += (i ? ", " : "") + (needs_quotes(key) ? quoted(key) : key) + ": " +
               flow_text(node.entries[i].value);
      }
      return out + "}";
    }
  }
  return "";
}

std::optional<NumberWithUnit> split_number_unit(std::string_view text) {
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (begin != end && *begin == '+') ++begin;
  double number = 0.0;
  const auto [ptr, ec] = std::from_chars(begin, end, number);
  if (ec != std::errc() || !std::isfinite(number)) return std::nullopt;
  if (ptr == end) return NumberWithUnit{number, ""};
  if (*ptr != ' ') return std::nullopt;
  std::string_view unit(ptr, static_cast<std::size_t>(end - ptr));
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  while (!unit.empty() && unit.back() == ' ') unit.remove_suffix(1);
  if (unit.empty()) return std::nullopt;
  return NumberWithUnit{number, std::string(unit)};
}

void check_keys(const YamlNode& node, std::span<const std::string_view> allowed,
                const std::string& what) {
  if (!node.is_map())
    fail(node, what + " must be a mapping of keys to values (key: value lines), got " +
                   std::string(scenario::kind_noun(node)));
  for (const scenario::MapEntry& e : node.entries)
    if (std::find(allowed.begin(), allowed.end(), e.key) == allowed.end())
      throw ScenarioError(e.key_mark, "unknown key '" + e.key + "' in " + what +
                                          scenario::did_you_mean(e.key, allowed) +
                                          "; allowed keys: " + scenario::joined(allowed));
}

const YamlNode* entry(const YamlNode& map, std::string_view key) {
  const YamlNode* value = map.find(key);
  return (value == nullptr || value->is_null()) ? nullptr : value;
}

double read_quantity_at(const YamlNode& node, Dimension dimension, std::string_view key,
                        std::string_view example) {
  if (!node.is_scalar())
    fail(node, "'" + std::string(key) + "' must be a single value such as \"" +
                   std::string(example) + "\", got " + std::string(scenario::kind_noun(node)));
  try {
    return parse_quantity(node.scalar, dimension);
  } catch (const UnitError& e) {
    fail(node, "'" + std::string(key) + "': " + e.what());
  }
}

long long read_whole(const YamlNode& node, std::string_view key, long long min, long long max,
                     std::string_view example) {
  long long value = 0;
  const std::string& s = node.scalar;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (!node.is_scalar() || ec != std::errc() || ptr != s.data() + s.size() || value < min ||
      value > max)
    fail(node, "'" + std::string(key) + "' must be a whole number from " + std::to_string(min) +
                   " to " + std::to_string(max) + " (e.g. " + std::string(key) + ": " +
                   std::string(example) + "), got " + scenario::written(node));
  return value;
}

double read_plain_number(const YamlNode& node, std::string_view key, std::string_view example) {
  const std::optional<NumberWithUnit> n =
      node.is_scalar() ? split_number_unit(node.scalar) : std::nullopt;
  if (!n || !n->unit.empty())
    fail(node, "'" + std::string(key) + "' must be a plain number (e.g. " + std::string(key) +
                   ": " + std::string(example) + "), got " + scenario::written(node));
  return n->number;
}

double read_share(const YamlNode& node, std::string_view key) {
  const double share = read_quantity_at(node, Dimension::fraction, key, "30 %");
  if (share < 0.0 || share > 1.0)
    fail(node, "'" + std::string(key) + "' must be a share from 0 to 100 % (e.g. 30 %), got " +
                   scenario::written(node));
  return share;
}

}  // namespace myoflux::sweep
