// Shared by scenario.cpp and study.cpp: turning a parsed document into a compiled Scenario.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "engine/scenario/fields.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/scenario/yaml_reader.hpp"

namespace myoflux::scenario {

/// A scenario name from a file name: its stem, with characters outside [A-Za-z0-9_.-] as '_'.
std::string default_name_for(std::string_view origin);

/// Checks that `doc` is a scenario mapping, resolves `extends` relative to `dir`, applies the
/// overrides and compiles. `chain` holds the files already being read (recursion detection).
Scenario scenario_from_document(YamlNode doc, const std::string& default_name,
                                std::span<const FieldOverride> sets,
                                const std::filesystem::path& dir,
                                std::vector<std::filesystem::path>& chain);

}  // namespace myoflux::scenario
