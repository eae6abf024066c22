// Whole-document operations: safe file reading, `extends`, deep merge and --set overrides.
#include "engine/scenario/document.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <unordered_map>

#include "engine/scenario/fields.hpp"

namespace myoflux::scenario {

namespace fs = std::filesystem;

std::string read_scenario_file(const fs::path& path, const SourceMark& requested_at) {
  const std::size_t limit = ReadLimits{}.max_bytes;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status))
    throw ScenarioError(requested_at, "cannot read '" + path.string() + "': no such file");
  // Devices and pipes could block or never end; only regular files are read.
  if (!fs::is_regular_file(status))
    throw ScenarioError(requested_at, "'" + path.string() + "' is not a regular file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > limit)
    throw ScenarioError(requested_at, "'" + path.string() + "' is " + std::to_string(size) +
                                          " bytes long; scenario files are limited to " +
                                          std::to_string(limit) + " bytes");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError(requested_at, "cannot open '" + path.string() + "'");
  std::string text(limit + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > limit)
    throw ScenarioError(
        requested_at, "'" + path.string() + "' is longer than " + std::to_string(limit) + " bytes");
  return text;
}

void deep_merge(YamlNode& base, const YamlNode& over) {
  if (!base.is_map() || !over.is_map()) {
    base = over;
    return;
  }
  // An index keeps the merge of two large mappings linear; keys of `over` are unique (the reader
  // rejects duplicates), so each base entry is touched at most once.
  const std::size_t old_size = base.entries.size();
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < old_size; ++i) index.emplace(base.entries[i].key, i);
  std::vector<bool> removed(old_size, false);
  for (const MapEntry& e : over.entries) {
    const auto it = index.find(e.key);
    if (e.value.is_null()) {
      if (it != index.end()) removed[it->second] = true;
    } else if (it != index.end()) {
      deep_merge(base.entries[it->second].value, e.value);
    } else {
      base.entries.push_back(e);
    }
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < base.entries.size(); ++i) {
    if (i < old_size && removed[i]) continue;
    if (kept != i) base.entries[kept] = std::move(base.entries[i]);  // never a self-move
    ++kept;
  }
  base.entries.resize(kept);
}

fs::path scenario_path(const YamlNode& at, std::string_view key, const fs::path& dir) {
  const std::string relative = read_text(at, key);
  const fs::path rel(relative);
  // Only scenario files: never a device, a pipe or an arbitrary file named by mistake.
  if (rel.extension() != ".yaml" && rel.extension() != ".yml")
    fail(at, "'" + std::string(key) + "' names a scenario file ending in .yaml (e.g. " +
                 std::string(key) + ": hiit_4x4_brief.yaml), got \"" + relative + "\"");
  return (rel.is_absolute() ? rel : dir / rel).lexically_normal();
}

void require_mapping(const YamlNode& doc, std::string_view what) {
  if (doc.is_null())
    fail(doc, std::string(what) +
                  " is empty; a scenario needs at least a duration, e.g.\n"
                  "  duration: 8 h");
  if (!doc.is_map())
    fail(doc, std::string(what) +
                  " must be a mapping of keys to values (e.g. \"duration: 8 h\" "
                  "on its own line), got " +
                  std::string(kind_noun(doc)));
}

YamlNode resolve_extends(YamlNode doc, const fs::path& dir, std::vector<fs::path>& chain) {
  if (!doc.is_map()) return doc;
  const YamlNode* ext = doc.find("extends");
  if (ext == nullptr || ext->is_null()) {
    doc.erase("extends");
    return doc;
  }
  const fs::path path = scenario_path(*ext, "extends", dir);
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  const fs::path key = ec ? path : canonical;
  if (std::find(chain.begin(), chain.end(), key) != chain.end()) {
    std::string cycle;
    for (const fs::path& p : chain) cycle += p.filename().string() + " -> ";
    fail(*ext, "recursive extends: " + cycle + key.filename().string() +
                   "; a file cannot extend itself, directly or through others");
  }
  if (chain.size() >= kMaxExtendsDepth)
    fail(*ext, "'extends' chain longer than " + std::to_string(kMaxExtendsDepth) + " files");
  const std::string text = read_scenario_file(path, ext->mark);
  YamlNode base = read_yaml(text, path.string());
  require_mapping(base, "'" + path.string() + "' (named by extends at " + ext->mark.str() + ")");
  chain.push_back(key);
  base = resolve_extends(std::move(base), path.parent_path(), chain);
  chain.pop_back();
  doc.erase("extends");
  deep_merge(base, doc);
  return base;
}

SourceMark override_mark(const FieldOverride& set) {
  return SourceMark{"--set " + set.path, 0, 0};
}

namespace {

std::vector<std::string> split_path(const FieldOverride& set) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : set.path + ".") {
    if (c != '.') {
      part += c;
      continue;
    }
    if (part.empty())
      throw ScenarioError(override_mark(set),
                          "the path has an empty part; write keys separated "
                          "by single dots (e.g. --set diet.protein=1.6 "
                          "g/kg/day)");
    parts.push_back(std::move(part));
    part.clear();
  }
  return parts;
}

std::size_t list_index(const FieldOverride& set, const std::string& part, const YamlNode& list,
                       const std::string& where) {
  std::size_t index = 0;
  const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), index);
  if (ec != std::errc() || ptr != part.data() + part.size() || index >= list.items.size())
    throw ScenarioError(override_mark(set),
                        "'" + where + "' is a list of " + std::to_string(list.items.size()) +
                            " items; address one by its number from 0 to " +
                            std::to_string(list.items.size() == 0 ? 0 : list.items.size() - 1) +
                            ", got '" + part + "'");
  return index;
}

}  // namespace

void apply_field_override(YamlNode& doc, const FieldOverride& set) {
  const SourceMark mark = override_mark(set);
  const YamlNode value = read_yaml(set.value, mark.file, false);
  const std::vector<std::string> parts = split_path(set);
  YamlNode* node = &doc;
  std::string where;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    if (node->is_null()) {
      node->kind = YamlNode::Kind::map;
      node->mark = mark;
    }
    if (node->is_sequence()) {
      const std::size_t k = list_index(set, part, *node, where);
      if (last && value.is_null()) {
        node->items.erase(node->items.begin() + static_cast<std::ptrdiff_t>(k));
        return;
      }
      node = &node->items[k];
    } else if (node->is_map()) {
      YamlNode* child = node->find(part);
      if (last && value.is_null()) {
        node->erase(part);
        return;
      }
      if (child == nullptr) {
        node->entries.push_back({part, mark, YamlNode{}});
        child = &node->entries.back().value;
        child->mark = mark;
      }
      node = child;
    } else {
      throw ScenarioError(
          mark, "'" + where + "' is a single value, not a section with a '" + part + "' inside");
    }
    where += (where.empty() ? "" : ".") + part;
  }
  *node = value;
}

}  // namespace myoflux::scenario
