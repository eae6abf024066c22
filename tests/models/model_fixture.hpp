// Runs the protein balance model on a test Plan with the model's recommended solver settings.
#pragma once

#include "engine/solver/simulate.hpp"
#include "models/protein_balance/adapter.hpp"
#include "plan.hpp"

namespace myoflux::testing {

inline Subject test_subject() {
  Subject s;
  s.sex = Sex::male;
  s.age_years = 25;
  s.body_mass_kg = 68.2;
  s.vo2max_ml_per_kg_min = 45;
  s.muscle_mass_fraction = 0.384;
  return s;
}

inline Simulation run_plan(const Plan& plan, const protein_balance::Parameters& p = {},
                           SolverConfig solver = protein_balance::Adapter().default_solver(),
                           double output_interval_h = 0.25,
                           const Subject& subject = test_subject()) {
  const protein_balance::ProteinBalanceModel model(subject, p);
  const Schedule schedule = build_schedule(plan, subject);
  return simulate(model, schedule, model.initial_state(), solver,
                  uniform_grid(schedule.duration_h(), output_interval_h));
}

/// Net protein balance (g) between two sample indices, from the cumulative fluxes.
inline double net_between(const Result& r, Eigen::Index a, Eigen::Index b) {
  const auto s = static_cast<Eigen::Index>(r.index("cumulative_mps_g"));
  const auto d = static_cast<Eigen::Index>(r.index("cumulative_mpb_g"));
  return (r.values(b, s) - r.values(a, s)) - (r.values(b, d) - r.values(a, d));
}

}  // namespace myoflux::testing
