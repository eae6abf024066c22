// The Jacobian J = df/dx of a system at (t, x, u), as the values of its pattern's nonzeros (row
// order). Exact for a system whose right-hand side is a template over its scalar type (forward-mode
// automatic differentiation, one derivative lane per column colour); forward differences,
// column by column, for any other system. Both also return f(t, x, u).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include "engine/solver/autodiff.hpp"
#include "engine/solver/jacobian_pattern.hpp"

namespace myoflux {

class JacobianEvaluator {
 public:
  virtual ~JacobianEvaluator() = default;
  /// Writes J(t, x, u) into values (pattern order) and f(t, x, u) into f.
  virtual void evaluate(double t, const double* x, std::span<const double> u, double* values,
                        double* f) = 0;
  /// Right-hand side evaluations one call costs (for the solver statistics).
  virtual long rhs_evaluations_per_call() const = 0;
};

/// Exact, with W derivative lanes: ceil(colours / W) passes over the right-hand side.
template <class M, int W>
class DualJacobian final : public JacobianEvaluator {
 public:
  DualJacobian(const M& model, const JacobianPattern& pattern)
      : model_(&model),
        pattern_(&pattern),
        x_(static_cast<std::size_t>(pattern.n)),
        f_(static_cast<std::size_t>(pattern.n)) {}

  void evaluate(double t, const double* x, std::span<const double> u, double* values,
                double* f) override {
    const JacobianPattern& p = *pattern_;
    for (int first = 0; first < p.colours; first += W) {
      for (int j = 0; j < p.n; ++j) {
        Dual<W>& xj = x_[static_cast<std::size_t>(j)];
        xj.v = x[j];
        xj.d.fill(0.0);
        const int lane = p.colour[static_cast<std::size_t>(j)] - first;
        if (lane >= 0 && lane < W) xj.d[static_cast<std::size_t>(lane)] = 1.0;
      }
      model_->rhs(t, x_.data(), u, f_.data());
      for (int i = 0; i < p.n; ++i) {
        const Dual<W>& fi = f_[static_cast<std::size_t>(i)];
        if (first == 0) f[i] = fi.v;
        for (int k = p.row_start[static_cast<std::size_t>(i)];
             k < p.row_start[static_cast<std::size_t>(i) + 1]; ++k) {
          const int lane =
              p.colour[static_cast<std::size_t>(p.column[static_cast<std::size_t>(k)])] - first;
          if (lane >= 0 && lane < W) values[k] = fi.d[static_cast<std::size_t>(lane)];
        }
      }
    }
  }
  long rhs_evaluations_per_call() const override { return (pattern_->colours + W - 1) / W; }

 private:
  const M* model_;
  const JacobianPattern* pattern_;
  std::vector<Dual<W>> x_, f_;
};

/// Forward differences for a dense pattern, increment sqrt(eps) max(|x_j|, typical_j), where
/// typical_j is the magnitude below which state j counts as negligible (atol_j / rtol).
template <class M>
class DifferenceJacobian final : public JacobianEvaluator {
 public:
  DifferenceJacobian(const M& model, const JacobianPattern& pattern, std::vector<double> typical)
      : model_(&model),
        pattern_(&pattern),
        typical_(std::move(typical)),
        y_(static_cast<std::size_t>(pattern.n)),
        f_(static_cast<std::size_t>(pattern.n)),
        entries_of_column_(static_cast<std::size_t>(pattern.n)) {
    for (int i = 0; i < pattern.n; ++i)
      for (int k = pattern.row_start[static_cast<std::size_t>(i)];
           k < pattern.row_start[static_cast<std::size_t>(i) + 1]; ++k)
        entries_of_column_[static_cast<std::size_t>(pattern.column[static_cast<std::size_t>(k)])]
            .push_back({i, k});
  }

  void evaluate(double t, const double* x, std::span<const double> u, double* values,
                double* f) override {
    const JacobianPattern& p = *pattern_;
    const double sqrt_eps = std::sqrt(std::numeric_limits<double>::epsilon());
    model_->rhs(t, x, u, f);
    std::copy(x, x + p.n, y_.begin());
    for (int j = 0; j < p.n; ++j) {
      const auto uj = static_cast<std::size_t>(j);
      const double delta = sqrt_eps * std::max(std::abs(x[j]), typical_[uj]);
      y_[uj] = x[j] + delta;
      model_->rhs(t, y_.data(), u, f_.data());
      y_[uj] = x[j];
      for (const Entry& e : entries_of_column_[uj])
        values[e.value] = (f_[static_cast<std::size_t>(e.row)] - f[e.row]) / delta;
    }
  }
  long rhs_evaluations_per_call() const override { return pattern_->n + 1; }

 private:
  const M* model_;
  const JacobianPattern* pattern_;
  std::vector<double> typical_;
  std::vector<double> y_, f_;
  struct Entry {
    int row, value;
  };
  std::vector<std::vector<Entry>> entries_of_column_;
};

/// The pattern of a differentiable system's Jacobian, traced once per system type: it must follow
/// from the equations alone, not from parameter values.
template <DifferentiableRhs M>
const JacobianPattern& traced_jacobian_pattern(const M& model, int n, std::size_t input_count) {
  static const JacobianPattern traced = trace_jacobian_pattern(model, n, input_count);
  return traced;
}

/// The best evaluator for the system: exact with the fewest lanes that hold its colours in one
/// pass (4, 8, 12, 16 or 32 lanes; more colours take several passes), or forward differences.
template <class M>
std::unique_ptr<JacobianEvaluator> make_jacobian_evaluator(const M& model,
                                                           const JacobianPattern& pattern,
                                                           std::vector<double> typical) {
  if constexpr (DifferentiableRhs<M>) {
    const int c = pattern.colours;
    if (c <= 4) return std::make_unique<DualJacobian<M, 4>>(model, pattern);
    if (c <= 8) return std::make_unique<DualJacobian<M, 8>>(model, pattern);
    if (c <= 12) return std::make_unique<DualJacobian<M, 12>>(model, pattern);
    if (c <= 16) return std::make_unique<DualJacobian<M, 16>>(model, pattern);
    return std::make_unique<DualJacobian<M, 32>>(model, pattern);
  } else {
    return std::make_unique<DifferenceJacobian<M>>(model, pattern, std::move(typical));
  }
}

}  // namespace myoflux
