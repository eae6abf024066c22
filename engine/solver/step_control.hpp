// Error measurement and step-size selection shared by both steppers (Hairer, Norsett & Wanner,
// Solving ODEs I, sections II.4 and II.5).
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>

namespace myoflux {

/// Weighted RMS norm of a local error estimate:
///   ||err|| = sqrt( 1/n * sum_i ( err_i / (atol_i + rtol_i * max(|x_old_i|, |x_new_i|)) )^2 )
/// A step is accepted when ||err|| <= 1. A NaN anywhere yields +infinity (the step is rejected).
/// rtol_i is rtol unless rtol_per_state is given (a state whose size says little about the error
/// that matters, such as an accumulator, can be held to its absolute tolerance alone).
struct ErrorWeights {
  Eigen::VectorXd atol;
  double rtol = 1e-6;
  Eigen::VectorXd rtol_per_state;  // empty: rtol for every state

  template <class Vec>
  double norm(const Vec& x_old, const Vec& x_new, const Vec& err) const {
    double sum = 0.0;
    const Eigen::Index n = err.size();
    const bool per_state = rtol_per_state.size() == n;
    for (Eigen::Index i = 0; i < n; ++i) {
      const double r_i = per_state ? rtol_per_state[i] : rtol;
      const double scale = atol[i] + r_i * std::max(std::abs(x_old[i]), std::abs(x_new[i]));
      const double r = err[i] / scale;
      sum += r * r;
    }
    const double result = std::sqrt(sum / static_cast<double>(n));
    return std::isnan(result) ? std::numeric_limits<double>::infinity() : result;
  }
};

/// Step-size controller with Lund's PI stabilization (Hairer, Norsett & Wanner I, IV.2 and the
/// DOPRI5 code): after an accepted step
///   h_new = h * clamp(safety * ||err||^(-alpha) * ||err_prev||^beta, fac_min, fac_max),
///   alpha = 1/(q+1) - 0.75 beta,
/// with q the order of the embedded error estimate and err_prev the norm of the previous accepted
/// step. beta = 0 is the elementary controller; a small beta (0.04 in DOPRI5) damps the
/// oscillation of step sizes where stability rather than accuracy limits an explicit method.
/// After a rejection the step may not grow, and the previous norm is not updated.
struct StepSizeController {
  double safety = 0.9;
  double fac_min = 0.2;
  double fac_max = 5.0;
  double beta = 0.0;
  double previous = 1e-4;  // ||err|| of the last accepted step (DOPRI5 starts from 1e-4)

  double next(double h, double err_norm, int error_order, bool after_rejection) {
    const double grow_limit = after_rejection ? 1.0 : fac_max;
    if (!(err_norm > 0.0)) return h * grow_limit;
    if (!std::isfinite(err_norm)) return h * fac_min;
    const double alpha = 1.0 / (error_order + 1) - 0.75 * beta;
    double factor = safety * std::pow(err_norm, -alpha);
    if (err_norm <= 1.0) {
      if (beta > 0.0) factor *= std::pow(previous, beta);
      previous = std::max(err_norm, 1e-4);
    }
    return h * std::clamp(factor, fac_min, grow_limit);
  }
};

}  // namespace myoflux
