// Operations on whole scenario documents before they are checked: reading a file safely,
// resolving `extends` (deep merge over a base file, recursion detected), and applying
// `--set PATH=VALUE` overrides with the command line as their location.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/scenario/limits.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/scenario/yaml_reader.hpp"

namespace myoflux::scenario {

/// Reads a regular file of at most ReadLimits::max_bytes; errors are located at `requested_at`
/// (the `extends` line, or the file itself when it was named on the command line).
std::string read_scenario_file(const std::filesystem::path& path, const SourceMark& requested_at);

/// Merges `over` into `base`: mappings merge key by key, recursively; a key whose value is null
/// (`key:` or `key: null`) is removed; anything else replaces what `base` had.
void deep_merge(YamlNode& base, const YamlNode& over);

/// Replaces a document's `extends: FILE` by the merge of FILE (resolved recursively, relative
/// to `dir`) and the document. `chain` holds the files being resolved (for recursion errors).
YamlNode resolve_extends(YamlNode doc, const std::filesystem::path& dir,
                         std::vector<std::filesystem::path>& chain);

/// Applies one `--set PATH=VALUE`: VALUE is read as YAML, PATH is dotted keys and list indices
/// (diet.meals.0.share). An empty VALUE removes the key.
void apply_field_override(YamlNode& doc, const FieldOverride& set);

/// The mark that names a --set override in messages: "--set diet.protein".
SourceMark override_mark(const FieldOverride& set);

/// The path of a scenario file named by `extends` or a study arm's `file`, relative to `dir`;
/// throws at `at` unless it ends in .yaml or .yml.
std::filesystem::path scenario_path(const YamlNode& at, std::string_view key,
                                    const std::filesystem::path& dir);

/// Checks that a document read from a file is a non-empty mapping.
void require_mapping(const YamlNode& doc, std::string_view what);

}  // namespace myoflux::scenario
