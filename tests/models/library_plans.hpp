// The long plans of the scenario library: every scenario and study arm under scenarios/ (sweep
// specs aside) that lasts 8 weeks or more. The solver's accuracy bar is checked on them.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace myoflux::testing {

inline std::vector<Scenario> library_plans(const std::filesystem::path& source_dir,
                                           double shortest_h = 8 * 7 * 24.0) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir / "scenarios"))
    if (entry.path().extension() == ".yaml" && entry.path().parent_path().filename() != "sweeps")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<Scenario> plans;
  for (const auto& f : files)
    for (Scenario& arm : load_study(f).arms)
      if (arm.duration_h >= shortest_h) {
        arm.name = f.stem().string() + (arm.name == f.stem().string() ? "" : "/" + arm.name);
        plans.push_back(std::move(arm));
      }
  return plans;
}

}  // namespace myoflux::testing
