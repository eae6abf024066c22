// Typed field readers. Every message names the key, says what was expected with an example, and
// quotes what was written; the ScenarioError carries the value's file:line:column.
#include "engine/scenario/fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace myoflux::scenario {

void fail(const YamlNode& at, const std::string& message) {
  throw ScenarioError(at.mark, message);
}

namespace {

std::string in_quotes(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The location of character `offset` of a scalar's text, when the node has lines.
SourceMark mark_at(const YamlNode& node, std::size_t offset) {
  SourceMark m = node.mark;
  if (m.line > 0 && node.is_scalar()) m.column += node.text_column + static_cast<int>(offset);
  return m;
}

const YamlNode& scalar_or_fail(const YamlNode& node, std::string_view key,
                               std::string_view example) {
  if (!node.is_scalar())
    fail(node, "'" + std::string(key) + "' must be a single value such as " + in_quotes(example) +
                   ", got " + std::string(kind_noun(node)));
  return node;
}

Quantity parse_located(const YamlNode& node, std::string_view key, std::span<const Dimension> d) {
  try {
    switch (d.size()) {
      case 1:
        return parse_quantity(node.scalar, {d[0]});
      case 2:
        return parse_quantity(node.scalar, {d[0], d[1]});
      case 3:
        return parse_quantity(node.scalar, {d[0], d[1], d[2]});
      default:
        throw std::logic_error("read_quantity: 1 to 3 accepted dimensions");
    }
  } catch (const UnitError& e) {
    // "1 h 45 min" reads as 1 of the unknown unit "h 45 min": say what to write instead.
    const std::string rest = node.scalar.substr(std::min(e.column(), node.scalar.size()));
    const bool compound =
        rest.find_first_of(' ') != std::string::npos &&
        rest.find_first_of("0123456789", rest.find_first_of(' ')) != std::string::npos;
    throw ScenarioError(mark_at(node, e.column()),
                        "'" + std::string(key) + "': " + e.what() +
                            (compound ? "; write one number with one unit (e.g. \"105 min\" "
                                        "rather than \"1 h 45 min\")"
                                      : ""));
  }
}

}  // namespace

std::string joined(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

std::string written(const YamlNode& node) {
  if (node.is_scalar()) return in_quotes(node.scalar);
  return std::string(kind_noun(node));
}

Fields::Fields(const YamlNode& node, std::string_view section, std::string what)
    : node_(node), section_(section), what_(std::move(what)) {
  if (!node.is_map())
    fail(node, what_ + " must be a mapping of keys to values (key: value lines), got " +
                   std::string(kind_noun(node)));
  const std::vector<std::string_view>& allowed = section_keys(section);
  for (const MapEntry& e : node.entries) {
    if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end()) continue;
    if (e.key == "<<")
      throw ScenarioError(e.key_mark, "YAML merge keys ('<<') are not supported in " + what_ +
                                          "; reuse a file with 'extends', or an anchored mapping "
                                          "as a whole value (b: *a)");
    throw ScenarioError(e.key_mark, "unknown key '" + e.key + "' in " + what_ +
                                        did_you_mean(e.key, allowed) +
                                        "; allowed keys: " + joined(allowed));
  }
}

const YamlNode* Fields::optional(std::string_view key) const {
  const YamlNode* value = node_.find(key);
  return (value == nullptr || value->is_null()) ? nullptr : value;
}

const YamlNode& Fields::required(std::string_view key, std::string_view example) const {
  if (const YamlNode* value = optional(key)) return *value;
  const YamlNode* present = node_.find(key);
  const YamlNode& at = present ? *present : node_;
  fail(at, what_ + " needs '" + std::string(key) + "' (e.g. " + std::string(key) + ": " +
               std::string(example) + ")");
}

const MapEntry* Fields::one_of(std::initializer_list<std::string_view> keys, bool needed,
                               std::string_view example) const {
  const MapEntry* found = nullptr;
  for (const MapEntry& e : node_.entries) {
    if (e.value.is_null() || std::find(keys.begin(), keys.end(), e.key) == keys.end()) continue;
    if (found != nullptr)
      throw ScenarioError(e.key_mark, what_ + " gives both '" + found->key + "' and '" + e.key +
                                          "'; give only one of " +
                                          joined(std::vector<std::string_view>(keys)));
    found = &e;
  }
  if (found == nullptr && needed)
    fail(node_, what_ + " needs one of " + joined(std::vector<std::string_view>(keys)) + " (e.g. " +
                    std::string(example) + ")");
  return found;
}

void check_range(const YamlNode& node, const FieldRule& rule, double value,
                 const std::string& shown) {
  if (value >= rule.min && value <= rule.max) return;
  fail(node, "'" + std::string(rule.key) + "' must be in the range " + std::string(rule.range) +
                 " (e.g. " + in_quotes(rule.example) + "), got " + shown);
}

Quantity read_quantity(const YamlNode& node, std::string_view section, std::string_view key,
                       std::span<const Dimension> accepted) {
  const FieldRule& first = field_rule(section, key, accepted.front());
  scalar_or_fail(node, key, first.example);
  const Quantity q = parse_located(node, key, accepted);
  check_range(node, field_rule(section, key, q.dimension), q.value, in_quotes(node.scalar));
  return q;
}

double read_quantity(const YamlNode& node, std::string_view section, std::string_view key,
                     Dimension dimension) {
  return read_quantity(node, section, key, std::span<const Dimension>(&dimension, 1)).value;
}

double read_number(const YamlNode& node, std::string_view section, std::string_view key) {
  const FieldRule& rule = field_rule(section, key);
  scalar_or_fail(node, key, rule.example);
  const std::string_view text = trimmed(node.scalar);
  double value = 0.0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  const bool whole = ec == std::errc() && ptr == end && std::isfinite(value);
  const std::string kind = rule.integer ? "a whole number" : "a plain number without a unit";
  if (!whole)
    fail(node, "'" + std::string(key) + "' must be " + kind + " in the range " +
                   std::string(rule.range) + " (e.g. " + std::string(rule.example) + "), got " +
                   in_quotes(node.scalar));
  if (rule.integer && value != std::floor(value))
    fail(node, "'" + std::string(key) + "' must be a whole number (e.g. " +
                   std::string(rule.example) + "), got " + in_quotes(node.scalar));
  check_range(node, rule, value, in_quotes(node.scalar));
  return value;
}

int read_count(const YamlNode& node, std::string_view section, std::string_view key) {
  return static_cast<int>(read_number(node, section, key));
}

std::string read_choice(const YamlNode& node, std::string_view key,
                        std::span<const std::string_view> choices) {
  scalar_or_fail(node, key, choices.front());
  for (std::string_view c : choices)
    if (c == node.scalar) return node.scalar;
  fail(node, "'" + std::string(key) + "' must be one of " + joined(choices) + ", got " +
                 in_quotes(node.scalar) + did_you_mean(node.scalar, choices));
}

std::string read_text(const YamlNode& node, std::string_view key) {
  return scalar_or_fail(node, key, "some text").scalar;
}

std::string read_name(const YamlNode& node, std::string_view key) {
  const std::string& s = scalar_or_fail(node, key, "hiit_4x4").scalar;
  const bool ok =
      !s.empty() && s.size() <= 64 && s.front() != '.' && s.front() != '-' &&
      std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
      });
  if (!ok)
    fail(node, "'" + std::string(key) +
                   "' must be a name of up to 64 letters, digits, '_', '-' or '.', not starting "
                   "with '.' or '-' (e.g. \"hiit_4x4\" or \"control_1.0\"), got " +
                   in_quotes(s));
  return s;
}

double read_clock_time(const YamlNode& node, std::string_view key) {
  const std::string& s = scalar_or_fail(node, key, "07:30").scalar;
  int hours = -1, minutes = -1;
  const char* end = s.data() + s.size();
  const auto [p1, e1] = std::from_chars(s.data(), end, hours);
  bool ok = e1 == std::errc() && p1 != end && *p1 == ':' && p1 - s.data() <= 2;
  if (ok) {
    const auto [p2, e2] = std::from_chars(p1 + 1, end, minutes);
    ok = e2 == std::errc() && p2 == end && p2 - (p1 + 1) == 2;
  }
  if (!ok || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    fail(node, "'" + std::string(key) +
                   "' must be a clock time from 00:00 to 23:59 (e.g. \"07:30\"), got " +
                   in_quotes(s));
  return hours + minutes / 60.0;
}

std::vector<const YamlNode*> read_list(const YamlNode& node, std::string_view key) {
  std::vector<const YamlNode*> out;
  if (node.is_sequence()) {
    for (const YamlNode& item : node.items) out.push_back(&item);
  } else if (node.is_scalar()) {
    out.push_back(&node);
  } else if (node.is_map()) {
    fail(node, "'" + std::string(key) +
                   "' must be a list (e.g. [a, b] or lines starting with "
                   "'- '), got a mapping");
  }
  return out;
}

std::string number_text(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string s = buffer;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string percent_text(double fraction, std::string_view unit) {
  return number_text(100.0 * fraction) + " " + std::string(unit);
}

std::string clock_text(double hours_after_midnight) {
  const long seconds = std::lround(hours_after_midnight * 3600.0);
  const long minutes = seconds / 60;
  char buffer[32];
  if (seconds % 60 == 0)
    std::snprintf(buffer, sizeof buffer, "%02ld:%02ld", (minutes / 60) % 24, minutes % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%02ld:%02ld:%02ld", (minutes / 60) % 24, minutes % 60,
                  seconds % 60);
  return buffer;
}

std::string duration_text(double hours) {
  const long long seconds = std::llround(hours * 3600.0);
  std::ostringstream out;
  if (seconds > 0 && seconds % (7 * 86400) == 0) {
    const long long weeks = seconds / (7 * 86400);
    out << weeks << (weeks == 1 ? " week" : " weeks");
    return out.str();
  }
  if (seconds > 0 && seconds % 86400 == 0) {
    const long long days = seconds / 86400;
    out << days << (days == 1 ? " day" : " days");
    return out.str();
  }
  const long long h = seconds / 3600, min = (seconds % 3600) / 60, s = seconds % 60;
  const char* sep = "";
  if (h > 0) out << h << " h", sep = " ";
  if (min > 0) out << sep << min << " min", sep = " ";
  if (s > 0 || seconds == 0) out << sep << s << " s";
  return out.str();
}

}  // namespace myoflux::scenario
