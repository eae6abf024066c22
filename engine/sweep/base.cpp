// The base of a sweep as documents that runs can change: each arm's scenario document with
// `extends` and the arm's `override` applied, as the study loader builds it before compiling,
// and the placement of a value at a dotted path (the --set rules, with the sweep file's marks).
#include <charconv>

#include "engine/scenario/compile.hpp"
#include "engine/scenario/document.hpp"
#include "engine/scenario/fields.hpp"
#include "engine/sweep/plan.hpp"

namespace myoflux::sweep {
namespace fs = std::filesystem;

namespace {

/// An arm's document: its file or inline scenario, `extends` resolved, `override` merged over it
/// (the order of study.cpp's read_arm; load_study has already checked the arm).
YamlNode arm_document(const YamlNode& arm, const fs::path& study_dir) {
  YamlNode doc;
  fs::path dir = study_dir;
  std::vector<fs::path> chain;
  if (const YamlNode* file = arm.find("file"); file && !file->is_null()) {
    const fs::path path = scenario::scenario_path(*file, "file", study_dir);
    doc = scenario::read_yaml(scenario::read_scenario_file(path, file->mark), path.string());
    std::error_code ec;
    chain.push_back(fs::weakly_canonical(path, ec));
    dir = path.parent_path();
  } else {
    doc = *arm.find("scenario");
  }
  doc = scenario::resolve_extends(std::move(doc), dir, chain);
  if (const YamlNode* over = arm.find("override"); over && over->is_map())
    scenario::deep_merge(doc, *over);
  return doc;
}

}  // namespace

std::vector<Arm> load_arms(const fs::path& base, const SourceMark& at) {
  // Read first with the sweep file's location, so that a missing base is reported there.
  const YamlNode doc = scenario::read_yaml(scenario::read_scenario_file(base, at), base.string());
  const Study study = load_study(base);
  std::vector<Arm> arms;
  const YamlNode* list = doc.find("arms");
  if (list == nullptr) {
    std::error_code ec;
    std::vector<fs::path> chain{fs::weakly_canonical(base, ec)};
    arms.push_back({study.arms[0].name, scenario::resolve_extends(doc, base.parent_path(), chain),
                    study.arms[0]});
    return arms;
  }
  const std::vector<const YamlNode*> items = scenario::read_list(*list, "arms");
  for (std::size_t i = 0; i < items.size(); ++i)
    arms.push_back(
        {study.arms[i].name, arm_document(*items[i], base.parent_path()), study.arms[i]});
  return arms;
}

void place(YamlNode& document, const FieldPath& path, const YamlNode& value) {
  YamlNode* node = &document;
  std::string where;
  for (const std::string& part : path.parts) {
    if (node->is_null()) {
      node->kind = YamlNode::Kind::map;
      node->mark = path.mark;
    }
    if (node->is_sequence()) {
      std::size_t index = 0;
      const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), index);
      if (ec != std::errc() || ptr != part.data() + part.size() || index >= node->items.size())
        throw ScenarioError(path.mark, "'" + where + "' is a list of " +
                                           std::to_string(node->items.size()) +
                                           " items in the base; address one by its number from 0"
                                           ", got '" +
                                           part + "'");
      node = &node->items[index];
    } else if (node->is_map()) {
      YamlNode* child = node->find(part);
      if (child == nullptr) {
        node->entries.push_back({part, path.mark, YamlNode{}});
        child = &node->entries.back().value;
        child->mark = path.mark;
      }
      node = child;
    } else {
      throw ScenarioError(path.mark, "'" + where +
                                         "' is a single value in the base, not a "
                                         "section with a '" +
                                         part + "' inside");
    }
    where += (where.empty() ? "" : ".") + part;
  }
  *node = value;
}

}  // namespace myoflux::sweep
