// Reading sampled results: interpolation, window means and extremes, peaks and crossings. The
// measures of the virtual experiments (targets.yaml) and the calibration.
#pragma once

#include "engine/result.hpp"

namespace myoflux::protein_balance {

/// Linear interpolation of an output at time t (h); clamps to the ends of the run.
double at_time(const Result& r, const char* name, double t);
/// Mean of an output over [t0, t1] (h), by the trapezoid rule on a fine interpolated grid.
double mean_over(const Result& r, const char* name, double t0, double t1);
/// Smallest sample of an output with t0 <= t <= t1.
double min_over(const Result& r, const char* name, double t0, double t1);
/// Index of the largest sample (the first of equal ones).
Eigen::Index peak_index(const Result& r, const char* name);
/// First sample time at or after t0 when an output exceeds a threshold (NaN if never).
double first_time_above(const Result& r, const char* name, double threshold, double t0);
/// Last sample time in [t0, t1] when an output exceeds a threshold (NaN if never).
double last_time_above(const Result& r, const char* name, double threshold, double t0, double t1);
/// The last sample whose time lies within `tolerance` of t (NaN if none).
double sample_near(const Result& r, const char* name, double t, double tolerance);

}  // namespace myoflux::protein_balance
