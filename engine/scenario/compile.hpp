// From a checked YAML document to a Scenario: reads the subject, sessions, plan, events, diet and
// parameters, then writes the engine Schedule (channels.hpp) and the Timeline that `myoflux
// check` prints.
#pragma once

#include <string>

#include "engine/scenario/limits.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/scenario/yaml_reader.hpp"

namespace myoflux::scenario {

/// `doc` is the scenario mapping after `extends` and `--set` were applied. `default_name` is
/// used when the file has no `name`.
Scenario compile_scenario(const YamlNode& doc, const std::string& default_name);

}  // namespace myoflux::scenario
