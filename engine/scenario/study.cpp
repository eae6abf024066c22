// Study files: named arms, each a scenario file or an inline scenario, plus an `override`
// mapping deep-merged over it. A plain scenario file is read as a study of one arm.
#include <algorithm>
#include <set>

#include "engine/scenario/document.hpp"
#include "engine/scenario/limits.hpp"
#include "engine/scenario/scenario_internal.hpp"

namespace myoflux {

namespace fs = std::filesystem;

namespace scenario {
namespace {

Scenario read_arm(const YamlNode& node, std::size_t index, const fs::path& dir,
                  std::span<const FieldOverride> sets, const std::string& study_file,
                  std::string_view study_text, std::set<std::string>& names) {
  const Fields a(node, "arm", "arm " + std::to_string(index + 1) + " of the study");
  const YamlNode& name_node = a.required("name", "control_1.0");
  const std::string name = read_name(name_node, "name");
  if (!names.insert(name).second)
    fail(name_node, "arm name '" + name + "' is used twice; arm names must be unique");
  const MapEntry* source = a.one_of({"file", "scenario"}, true, "file: hiit_4x4_brief.yaml");
  YamlNode doc;
  std::string file = study_file;
  std::string text(study_text);
  std::vector<fs::path> chain;
  if (source->key == "file") {
    const fs::path path = scenario_path(source->value, "file", dir);
    file = path.string();
    text = read_scenario_file(path, source->value.mark);
    doc = read_yaml(text, file);
    require_mapping(doc, "'" + file + "' (arm '" + name + "')");
    std::error_code ec;
    chain.push_back(fs::weakly_canonical(path, ec));
  } else {
    doc = source->value;
    require_mapping(doc, "the scenario of arm '" + name + "'");
  }
  doc = resolve_extends(std::move(doc), file == study_file ? dir : fs::path(file).parent_path(),
                        chain);
  if (const YamlNode* over = a.optional("override")) {
    if (!over->is_map())
      fail(*over,
           "'override' must be a mapping deep-merged over the arm's scenario (e.g. "
           "override: {diet: {protein: 1.0 g/kg/day}}), got " +
               std::string(kind_noun(*over)));
    deep_merge(doc, *over);
  }
  std::vector<fs::path> no_chain;
  Scenario s = scenario_from_document(std::move(doc), name, sets, dir, no_chain);
  s.name = name;
  // An arm's own description wins over the one it inherited from the files it extends.
  if (const YamlNode* d = a.optional("description")) s.description = read_text(*d, "description");
  s.file = file;
  s.text = text;
  return s;
}

Study study_from_document(YamlNode doc, const std::string& origin, std::string_view text,
                          std::span<const FieldOverride> sets, const fs::path& dir,
                          std::vector<fs::path>& chain) {
  require_mapping(doc, "the file");
  if (doc.find("arms") == nullptr) {
    Scenario one =
        scenario_from_document(std::move(doc), default_name_for(origin), sets, dir, chain);
    one.text = std::string(text);
    one.file = origin;
    Study study{one.name, one.description, origin, std::string(text), {}, one.sources};
    study.arms.push_back(std::move(one));
    return study;
  }
  const Fields top(doc, "study", "the study");
  Study study;
  study.name =
      top.optional("name") ? read_name(*top.optional("name"), "name") : default_name_for(origin);
  if (const YamlNode* d = top.optional("description"))
    study.description = read_text(*d, "description");
  if (const YamlNode* src = top.optional("source"))
    for (const YamlNode* item : read_list(*src, "source"))
      study.sources.push_back(read_text(*item, "source"));
  study.file = origin;
  study.text = std::string(text);
  const YamlNode& arms = top.required("arms", "[{name: control, file: control.yaml}, ...]");
  const std::vector<const YamlNode*> items = read_list(arms, "arms");
  if (items.empty()) fail(arms, "the study lists no arms");
  if (items.size() > kMaxArms)
    fail(arms, "the study lists " + std::to_string(items.size()) + " arms; at most " +
                   std::to_string(kMaxArms) + " are supported (use a sweep for more)");
  std::set<std::string> names;
  for (std::size_t i = 0; i < items.size(); ++i) {
    study.arms.push_back(read_arm(*items[i], i, dir, sets, origin, text, names));
    // The study's citations apply to each arm, ahead of those of the files it builds on.
    std::vector<std::string>& sources = study.arms.back().sources;
    for (auto it = study.sources.rbegin(); it != study.sources.rend(); ++it)
      if (std::find(sources.begin(), sources.end(), *it) == sources.end())
        sources.insert(sources.begin(), *it);
  }
  return study;
}

}  // namespace
}  // namespace scenario

Study study_from_yaml(std::string_view text, std::string_view name,
                      std::span<const FieldOverride> sets, const fs::path& base_dir) {
  const std::string origin(name);
  std::vector<fs::path> chain;
  return scenario::study_from_document(scenario::read_yaml(text, origin), origin, text, sets,
                                       base_dir, chain);
}

Study load_study(const fs::path& file, std::span<const FieldOverride> sets) {
  const std::string origin = file.string();
  const std::string text = scenario::read_scenario_file(file, SourceMark{origin, 0, 0});
  std::error_code ec;
  std::vector<fs::path> chain{fs::weakly_canonical(file, ec)};
  return scenario::study_from_document(scenario::read_yaml(text, origin), origin, text, sets,
                                       file.parent_path(), chain);
}

}  // namespace myoflux
