// The Markdown tables that documents hold and commands print: written here once, so that
// `myoflux params --markdown` and docs/model.md (checked by tests/models/test_model_doc.cpp)
// cannot differ.
#pragma once

#include <cmath>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "engine/model_adapter.hpp"
#include "engine/solver/system.hpp"

namespace myoflux {

/// | state | unit | meaning | valid range |, one row per state.
inline std::string state_table_markdown(std::span<const StateInfo> states) {
  std::ostringstream md;
  md << "| state | unit | meaning | valid range |\n|---|---|---|---|\n";
  for (const StateInfo& s : states) {
    md << "| `" << s.name << "` | " << s.unit << " | " << s.description << " | " << s.lower
       << " to ";
    if (std::isinf(s.upper))
      md << "inf";
    else
      md << s.upper;
    md << " |\n";
  }
  return md.str();
}

/// | output | unit | meaning |, one row per output.
inline std::string output_table_markdown(std::span<const VariableInfo> outputs) {
  std::ostringstream md;
  md << "| output | unit | meaning |\n|---|---|---|\n";
  for (const VariableInfo& v : outputs)
    md << "| `" << v.name << "` | " << v.unit << " | " << v.description << " |\n";
  return md.str();
}

/// | name | value | unit | range | source | meaning |, one row per parameter.
inline std::string parameter_table_markdown(const std::vector<ParameterInfo>& params) {
  std::ostringstream md;
  md << "| name | value | unit | range | source | meaning |\n|---|---|---|---|---|---|\n";
  for (const ParameterInfo& p : params)
    md << "| `" << p.name << "` | " << p.value << " | " << p.unit << " | " << p.min << " - "
       << p.max << " | " << p.source << " | " << p.description << " |\n";
  return md.str();
}

}  // namespace myoflux
