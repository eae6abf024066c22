// The pieces of the targets.yaml reader (target_file.cpp, target_parts.cpp, target_names.cpp):
// messages at a node's file:line:column, mappings with checked keys, and what the expressions
// of an entry may refer to. Internal to the reader.
#pragma once

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scenario/yaml_reader.hpp"
#include "engine/suggest.hpp"
#include "engine/units.hpp"
#include "models/protein_balance/experiments/target_program.hpp"
#include "models/protein_balance/outputs.hpp"
#include "models/protein_balance/parameters.hpp"

namespace myoflux::protein_balance::reading {

using scenario::YamlNode;

[[noreturn]] inline void fail(const SourceMark& at, const std::string& message) {
  throw ScenarioError(at, message);
}

inline std::string list(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

/// Where character `offset` of a scalar's text is.
inline SourceMark mark_at(const YamlNode& node, std::size_t offset = 0) {
  SourceMark m = node.mark;
  if (m.line > 0 && node.is_scalar()) m.column += node.text_column + static_cast<int>(offset);
  return m;
}

/// A mapping with a fixed set of keys (none given: any key, e.g. names of runs); `what` names it
/// in messages ("target 'x'").
class Mapping {
 public:
  Mapping(const YamlNode& node, std::string what, std::vector<std::string_view> keys)
      : node_(node), what_(std::move(what)) {
    if (!node.is_map())
      fail(node.mark, what_ + " must be a mapping (key: value lines), got " +
                          std::string(scenario::kind_noun(node)));
    for (const scenario::MapEntry& e : node.entries)
      if (!keys.empty() && std::find(keys.begin(), keys.end(), e.key) == keys.end())
        fail(e.key_mark, "unknown key '" + e.key + "' in " + what_ + did_you_mean(e.key, keys) +
                             "; its keys: " + list(keys));
  }
  const YamlNode* optional(std::string_view key) const {
    const YamlNode* v = node_.find(key);
    return v != nullptr && !v->is_null() ? v : nullptr;
  }
  const YamlNode& required(std::string_view key, std::string_view example) const {
    const YamlNode* v = optional(key);
    if (v == nullptr)
      fail(node_.mark, what_ + " needs '" + std::string(key) + "' (e.g. " + std::string(key) +
                           ": " + std::string(example) + ")");
    return *v;
  }
  std::string text(std::string_view key, std::string_view example) const {
    return scalar(required(key, example), key, example);
  }
  std::string optional_text(std::string_view key, std::string_view example) const {
    const YamlNode* v = optional(key);
    return v == nullptr ? "" : scalar(*v, key, example);
  }
  std::string scalar(const YamlNode& v, std::string_view key, std::string_view example) const {
    if (!v.is_scalar())
      fail(v.mark, "'" + std::string(key) + "' of " + what_ + " must be a single value (e.g. " +
                       std::string(example) + "), got " + std::string(scenario::kind_noun(v)));
    return v.scalar;
  }
  const YamlNode& node() const { return node_; }
  const std::string& what() const { return what_; }

 private:
  const YamlNode& node_;
  std::string what_;
};

inline double number(const YamlNode& node, std::string_view what) {
  double v = 0.0;
  const std::string& s = node.scalar;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (!node.is_scalar() || ec != std::errc() || end != s.data() + s.size())
    fail(node.mark, std::string(what) + " must be a number, got \"" + s + "\"");
  return v;
}

inline double duration_h(const YamlNode& node, std::string_view what) {
  if (!node.is_scalar()) fail(node.mark, std::string(what) + " must be a duration (e.g. 5 min)");
  try {
    return parse_quantity(node.scalar, {Dimension::time}).value;
  } catch (const UnitError& e) {
    fail(mark_at(node, e.column()), std::string(what) + ": " + e.what());
  }
}

inline const std::vector<std::string_view>& output_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> n;
    for (const VariableInfo& v : output_table()) n.push_back(v.name);
    return n;
  }();
  return names;
}

inline const std::vector<std::string_view>& parameter_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> n;
    visit_parameters([&](const ParameterSpec& s) { n.push_back(s.name); });
    return n;
  }();
  return names;
}

inline bool contains(const std::vector<std::string_view>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// What an expression may refer to at one place of an entry.
struct Names {
  const std::vector<TargetRun>* runs = nullptr;
  const std::vector<UserFunction>* functions = nullptr;
  std::vector<std::string> values;  // defined so far, and local variables
};

/// Throws at the first name `e` uses that `n` does not know (values, runs, outputs, functions).
void check_names(const Expr& e, const Names& n);
/// `e` must be a run's output, `run.output`.
void check_series(const Expr& e, const Names& n);
/// The expression written in `node`, parsed and its names checked.
ExprPtr expression(const YamlNode& node, const Names& names, std::string_view what);

// --- the parts of an entry (target_parts.cpp) ---

/// A key that names a run, value or variable: letters, digits and '_'.
std::string name_of(const scenario::MapEntry& e, std::string_view what);
/// Loads the study (with the fields set) and finds the arm, or fails at the entry's study or arm.
void require_arm(const Mapping& m, const std::string& file, const std::string& arm,
                 const std::vector<FieldOverride>& sets, const std::filesystem::path& scenario_dir);
TargetRun read_run(const scenario::MapEntry& entry, const std::filesystem::path& scenario_dir);
std::vector<TextPiece> read_template(const YamlNode& node, const Names& names);
Check read_check(const YamlNode& node, const Names& names);
SeriesSpec read_series(const YamlNode& node, const Names& names);
UserFunction read_function(const scenario::MapEntry& entry, const Names& names);

}  // namespace myoflux::protein_balance::reading
