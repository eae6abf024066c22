#include "engine/file_kind.hpp"

#include "engine/scenario/document.hpp"

namespace myoflux {
namespace {

namespace fs = std::filesystem;

bool is_fallback(const FileKind& k) {
  return k.yaml_key.empty() && !k.recognises;
}

bool recognises(const FileKind& k, const FileToCheck& file) {
  if (!k.yaml_key.empty())
    return file.is_yaml && file.document.is_map() && file.document.find(k.yaml_key) != nullptr;
  if (k.recognises) return k.recognises(file);
  return false;
}

std::string kinds_list(std::span<const FileKind> kinds) {
  std::string list;
  for (const FileKind& k : kinds)
    list += "\n  " + k.name + ": " + recognition_text(kinds, k) + " (" + k.documented_in + ")";
  return list;
}

}  // namespace

std::string recognition_text(std::span<const FileKind> kinds, const FileKind& kind) {
  if (!kind.yaml_key.empty()) return "a YAML file with the top-level key '" + kind.yaml_key + "'";
  if (kind.recognises) return kind.recognised_by;
  std::string others;
  for (const FileKind& k : kinds)
    if (!k.yaml_key.empty()) others += (others.empty() ? "'" : ", '") + k.yaml_key + "'";
  return others.empty() ? "a YAML file" : "a YAML file without " + others;
}

FileToCheck read_file_to_check(const fs::path& path) {
  FileToCheck file;
  file.path = path;
  file.text = scenario::read_scenario_file(path, SourceMark{path.string(), 0, 0});
  const std::string ext = path.extension().string();
  file.is_yaml = ext == ".yaml" || ext == ".yml";
  if (file.is_yaml) file.document = scenario::read_yaml(file.text, path.string());
  return file;
}

const FileKind& identify_file_kind(std::span<const FileKind> kinds, const FileToCheck& file) {
  const FileKind* found = nullptr;
  const FileKind* fallback = nullptr;
  for (const FileKind& k : kinds) {
    if (is_fallback(k)) fallback = &k;
    if (!recognises(k, file)) continue;
    if (found != nullptr)
      throw InputError(file.path.string() + ": this file could be a " + found->name + " (" +
                       recognition_text(kinds, *found) + ") or a " + k.name + " (" +
                       recognition_text(kinds, k) + "); keep the keys of one kind only");
    found = &k;
  }
  if (found != nullptr) return *found;
  if (file.is_yaml && fallback != nullptr) return *fallback;
  throw InputError(file.path.string() + ": not a kind of file myoflux reads; it reads" +
                   kinds_list(kinds));
}

}  // namespace myoflux
