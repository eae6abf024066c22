// The public entry points of scenario.hpp: read text or a file, resolve `extends`, apply --set
// overrides, then check and compile. Studies are in study.cpp.
#include "engine/scenario/scenario.hpp"

#include "engine/scenario/compile.hpp"
#include "engine/scenario/document.hpp"
#include "engine/scenario/scenario_internal.hpp"

namespace myoflux {

namespace fs = std::filesystem;

std::string SourceMark::str() const {
  const std::string name = file.empty() ? "<text>" : file;
  if (line <= 0) return name;
  return name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

ScenarioError::ScenarioError(SourceMark mark, const std::string& message)
    : InputError(mark.str() + ": " + message), mark_(std::move(mark)), message_(message) {}

std::string_view sex_name(Sex s) {
  return s == Sex::female ? "female" : "male";
}

std::string_view training_status_name(TrainingStatus t) {
  switch (t) {
    case TrainingStatus::untrained:
      return "untrained";
    case TrainingStatus::recreational:
      return "recreational";
    case TrainingStatus::trained:
      return "trained";
  }
  return "unknown";
}

FieldOverride parse_field_override(std::string_view assignment) {
  const std::size_t eq = assignment.find('=');
  std::string_view path = assignment.substr(0, eq);
  while (!path.empty() && path.back() == ' ') path.remove_suffix(1);
  while (!path.empty() && path.front() == ' ') path.remove_prefix(1);
  if (eq == std::string_view::npos || path.empty())
    throw InputError(
        "--set needs PATH=VALUE (e.g. --set diet.protein=\"1.6 g/kg/day\" or --set "
        "subject.body_mass=\"75 kg\"), got \"" +
        std::string(assignment) + "\"");
  return FieldOverride{std::string(path), std::string(assignment.substr(eq + 1))};
}

namespace scenario {

std::string default_name_for(std::string_view origin) {
  std::string stem = fs::path(std::string(origin)).stem().string();
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') c = '_';
  if (stem.empty() || stem.front() == '.' || stem.front() == '-') stem = "scenario" + stem;
  return stem.substr(0, 64);
}

Scenario scenario_from_document(YamlNode doc, const std::string& default_name,
                                std::span<const FieldOverride> sets, const fs::path& dir,
                                std::vector<fs::path>& chain) {
  require_mapping(doc, "the scenario");
  if (const YamlNode* arms = doc.find("arms"))
    fail(*arms,
         "this is a study file (it has 'arms'); load it as a study (myoflux check reads "
         "both)");
  doc = resolve_extends(std::move(doc), dir, chain);
  for (const FieldOverride& set : sets) apply_field_override(doc, set);
  require_mapping(doc, "the scenario");
  return compile_scenario(doc, default_name);
}

}  // namespace scenario

Scenario scenario_from_yaml(std::string_view text, std::string_view name,
                            std::span<const FieldOverride> sets, const fs::path& base_dir) {
  const std::string origin(name);
  std::vector<fs::path> chain;
  Scenario s = scenario::scenario_from_document(
      scenario::read_yaml(text, origin), scenario::default_name_for(origin), sets, base_dir, chain);
  s.text = std::string(text);
  return s;
}

Scenario load_scenario(const fs::path& file, std::span<const FieldOverride> sets) {
  const std::string origin = file.string();
  const std::string text = scenario::read_scenario_file(file, SourceMark{origin, 0, 0});
  std::error_code ec;
  std::vector<fs::path> chain{fs::weakly_canonical(file, ec)};
  Scenario s = scenario::scenario_from_document(scenario::read_yaml(text, origin),
                                                scenario::default_name_for(origin), sets,
                                                file.parent_path(), chain);
  s.file = origin;
  s.text = text;
  return s;
}

}  // namespace myoflux
