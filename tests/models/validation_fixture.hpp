// The study runner and feeding data the target tests share: one runner per test binary, so each
// arm is simulated once however many targets read it.
#pragma once

#include "models/protein_balance/adapter.hpp"
#include "models/protein_balance/experiments/targets.hpp"

namespace myoflux::protein_balance {

inline StudyRunner& shared_runner() {
  static StudyRunner runner(Parameters{}, default_scenario_dir(), Adapter().default_solver());
  return runner;
}

inline const FeedingData& shared_data() {
  static const FeedingData data = read_feeding_data(default_feeding_data_path());
  return data;
}

}  // namespace myoflux::protein_balance
