// A virtual population: each person's covariates (sex, age, training status, body mass, VO2max,
// muscle mass fraction) and parameter deviations drawn from the distributions of a Population,
// by person number alone. docs/sweeps.md ("Virtual population") gives the sources.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/scenario/scenario.hpp"
#include "engine/sweep/spec.hpp"

namespace myoflux::sweep {

struct Person {
  Sex sex = Sex::male;
  double age_years = 0.0;
  TrainingStatus training_status = TrainingStatus::recreational;
  double body_mass_kg = 0.0;
  double vo2max_ml_per_kg_min = 0.0;
  double muscle_mass_fraction = 0.0;
  /// Per Population::parameters entry: the factor on the run's parameter value (median 1).
  std::vector<double> parameter_factors;
};

/// Normal distributions are truncated to this many standard deviations on either side.
inline constexpr double kTruncationSd = 2.5;

/// Median treadmill VO2max (mL/kg/min) by sex and age: the FRIEND registry's medians for 20-29
/// and 70-79 years (Kaminsky et al. 2015, Mayo Clin Proc 90:1515: men 48.0 and 24.4, women 37.6
/// and 18.3), interpolated log-linearly between the decades' midpoints (25 and 75 years).
double friend_median_vo2max(Sex sex, double age_years);

/// Person `index` of the population with this seed.
Person draw_person(const Population& population, std::uint64_t seed, std::int64_t index);

}  // namespace myoflux::sweep
