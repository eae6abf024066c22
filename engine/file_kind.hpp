// The kinds of input file myoflux reads (scenario, study, sweep spec, and the data files a model
// adds), so that one checker, `myoflux check FILE`, recognises any of them, says which kind it
// read and explains it. A new kind is one FileKind entry: how it is recognised and how it is
// checked; the engine's kinds are listed in engine/cli/file_kinds.cpp, a model's come from
// ModelAdapter::file_kinds().
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "engine/scenario/scenario.hpp"
#include "engine/scenario/yaml_reader.hpp"

namespace myoflux {

class ModelAdapter;

/// A file as read for recognition: its text and, for a .yaml or .yml file, its document.
struct FileToCheck {
  std::filesystem::path path;
  std::string text;             // as read, at most ReadLimits::max_bytes
  bool is_yaml = false;         // named *.yaml or *.yml
  scenario::YamlNode document;  // the parsed document when is_yaml
};

/// What `myoflux check` was asked for besides the file.
struct CheckRequest {
  std::span<const FieldOverride> sets;  // --set PATH=VALUE
  std::string arm;                      // --arm NAME
  bool full = false;                    // --full
  const ModelAdapter& model;
  std::ostream& out;
};

struct FileKind {
  /// What `check` says it read: "scenario", "study", "sweep spec".
  std::string name;
  /// Where the kind is documented, for --help: "docs/sweeps.md".
  std::string documented_in;
  /// A YAML kind is recognised by this top-level key of its mapping ("arms" for a study).
  std::string yaml_key;
  /// Any other kind (a table, say) by this test, used when yaml_key is empty. With neither, the
  /// kind is the fallback for YAML files no other kind recognises (the scenario, the plainest
  /// YAML kind, whose checker then reports any stray key with its location).
  std::function<bool(const FileToCheck&)> recognises;
  /// How a kind with a `recognises` test is recognised, in words, for messages and --help.
  std::string recognised_by;
  /// Checks the file, printing what it means to request.out, and returns what follows the kind's
  /// name on the "valid (...)" line (" of 6 arms", ", 400 runs"), often "". Bad input throws
  /// ScenarioError or InputError, located at file:line:column where there is a place to point at.
  std::function<std::string(const FileToCheck&, const CheckRequest&)> check;
};

/// How `kind` is recognised among `kinds`, in words: "a YAML file with the top-level key 'arms'".
std::string recognition_text(std::span<const FileKind> kinds, const FileKind& kind);

/// Reads `path` (a regular file of at most ReadLimits::max_bytes; a YAML file is parsed, so YAML
/// syntax errors are reported here, located).
FileToCheck read_file_to_check(const std::filesystem::path& path);

/// The kind of `file` among `kinds`: the one that recognises it, or the YAML fallback for a YAML
/// file that none recognises. Throws InputError naming the kinds when two recognise the file or
/// none does.
const FileKind& identify_file_kind(std::span<const FileKind> kinds, const FileToCheck& file);

}  // namespace myoflux
