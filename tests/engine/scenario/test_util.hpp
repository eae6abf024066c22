// Helpers shared by the scenario tests: paths into the source tree, loading text as a scenario,
// and asserting that loading fails with a given location and message.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "engine/scenario/scenario.hpp"

namespace myoflux::testing {

inline std::filesystem::path source_dir() {
  return MYOFLUX_SOURCE_DIR;
}
inline std::filesystem::path library(const std::string& relative) {
  return source_dir() / "scenarios" / relative;
}

/// A scenario from text named "test.yaml", resolved against the scenario library.
inline Scenario from_text(const std::string& yaml, std::span<const FieldOverride> sets = {}) {
  return scenario_from_yaml(yaml, "test.yaml", sets, source_dir() / "scenarios");
}

/// The ScenarioError that loading `yaml` throws; fails the test if it loads.
inline ScenarioError error_of(const std::string& yaml, std::span<const FieldOverride> sets = {}) {
  try {
    from_text(yaml, sets);
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an error for:\n" << yaml;
  return ScenarioError(SourceMark{}, "no error");
}

/// Checks location ("test.yaml:3:5") and that the message contains `expected`.
#define EXPECT_SCENARIO_ERROR(yaml, where, expected)                                     \
  do {                                                                                   \
    const ::myoflux::ScenarioError e_ = ::myoflux::testing::error_of(yaml);              \
    EXPECT_EQ(e_.mark().str(), where) << e_.what();                                      \
    EXPECT_NE(std::string(e_.message()).find(expected), std::string::npos) << e_.what(); \
  } while (false)

}  // namespace myoflux::testing
