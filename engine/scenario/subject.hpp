// The `subject:` block: who is simulated. Values not given take the documented defaults of
// Subject (scenario.hpp); maximal heart rate and muscle mass default from age and sex.
#pragma once

#include "engine/scenario/scenario.hpp"
#include "engine/scenario/yaml_reader.hpp"

namespace myoflux::scenario {

/// Reads the `subject:` mapping (nullptr: all defaults).
Subject read_subject(const YamlNode* node);

}  // namespace myoflux::scenario
