// Status names and the layout a plan gives every chunk of its sweep.
#include "engine/sweep/chunk.hpp"

namespace myoflux::sweep {

const std::vector<std::string>& status_labels() {
  static const std::vector<std::string> labels = [] {
    std::vector<std::string> out;
    for (SolverStatus s : {SolverStatus::ok, SolverStatus::too_many_steps,
                           SolverStatus::step_size_underflow, SolverStatus::non_finite_state,
                           SolverStatus::state_out_of_range, SolverStatus::interrupted})
      out.emplace_back(status_name(s));
    out.emplace_back("invalid_input");
    return out;
  }();
  return labels;
}

SweepLayout layout_of(const SweepPlan& plan) {
  SweepLayout l;
  l.name = plan.spec().name;
  l.description = plan.spec().description;
  l.fingerprint = plan.fingerprint();
  l.spec_text = plan.spec().text;
  l.spec_file = plan.spec().file;
  l.seed = plan.spec().seed;
  l.run_count = plan.run_count();
  l.chunk_size = plan.chunk_size();
  l.chunk_count = plan.chunk_count();
  l.endpoints = plan.endpoints();
  l.coordinates = plan.coordinates();
  l.trajectory_outputs = plan.trajectory_outputs();
  l.trajectory_times_h = plan.trajectory_times_h();
  return l;
}

}  // namespace myoflux::sweep
