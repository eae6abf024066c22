// Reading sampled results at arbitrary times: interpolation, window means and extremes, shared by
// the virtual experiments and the calibration.
#pragma once

#include "engine/result.hpp"

namespace myoflux::protein_balance {

/// Linear interpolation of an output at time t (h); clamps to the ends of the run.
double at_time(const Result& r, const char* name, double t);
/// Mean of an output over [t0, t1] (h), by the trapezoid rule on a fine interpolated grid.
double mean_over(const Result& r, const char* name, double t0, double t1);
/// Smallest sample of an output with t0 <= t <= t1.
double min_over(const Result& r, const char* name, double t0, double t1);

}  // namespace myoflux::protein_balance
