// Which parameters sit at an end of their valid range. A fitted parameter that ends at a bound
// is a warning sign: the optimiser wanted to go further than the documented range allows, so
// either the range is too narrow or the mechanism the parameter belongs to is missing something
// (the calibration report lists these; see models/protein_balance/calibration/calibrate.cpp).
#pragma once

#include <string>
#include <vector>

#include "engine/model_adapter.hpp"

namespace myoflux {

struct AtBound {
  std::string name;
  double value = 0.0;
  bool upper = false;  // at the upper end of the range (else the lower)
};

/// How close to an end counts as "at" it: a share of the range, measured in log space when the
/// range is strictly positive (most rates span decades) and linearly otherwise.
inline constexpr double kAtBoundShare = 1e-3;

/// The parameters of `params` whose `value` lies within kAtBoundShare of an end of [min, max],
/// in table order; with `fitted_only`, only those whose source says "fitted" (the ones a
/// calibration chose). A parameter with min == max is fixed by its range and never listed.
std::vector<AtBound> parameters_at_bounds(const std::vector<ParameterInfo>& params,
                                          bool fitted_only = true);

/// "k = 200 1/h is at its upper bound (range 0.05 to 200)".
std::string describe(const AtBound& at, const ParameterInfo& info);

}  // namespace myoflux
