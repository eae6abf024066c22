// Helpers shared by the sweep tests: the protein balance model, the test data folder, specs
// from text, and the error a bad spec gives.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "engine/sweep/plan.hpp"
#include "models/protein_balance/adapter.hpp"

namespace myoflux::sweep::testing {

inline const ModelAdapter& model() {
  static const protein_balance::Adapter adapter;
  return adapter;
}

inline std::filesystem::path data_dir() {
  return std::filesystem::path(MYOFLUX_SOURCE_DIR) / "tests/engine/sweep/data";
}

/// A spec from text named "sweep.yaml", with `base` resolved in the test data folder.
inline SweepSpec spec_of(const std::string& yaml) {
  return sweep_spec_from_yaml(yaml, "sweep.yaml", data_dir(), model());
}

inline SweepPlan plan_of(const std::string& yaml) {
  return SweepPlan(spec_of(yaml), model());
}

/// The located error that reading and planning `yaml` throws ("" when it does not throw).
inline std::string error_of(const std::string& yaml) {
  try {
    plan_of(yaml);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

/// A fresh scratch folder for one test.
inline std::filesystem::path scratch(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("myoflux_sweep_test_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace myoflux::sweep::testing
