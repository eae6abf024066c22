// A Rosenbrock (linearly implicit) stepper for any tableau of rosenbrock_tableaus.hpp, on the
// model's own vector type, with the model's exact sparse Jacobian when its right-hand side is a
// template (jacobian.hpp) and a block-triangular factorization of W = I/(gamma h) - J
// (block_lu.hpp). Nothing is allocated after construction.
//
// Jacobian reuse: a W-method keeps its order with any matrix in W, so its Jacobian may serve
// several steps (SolverConfig::jacobian_max_age accepted steps); it is evaluated afresh after a
// rejected step that used an old one, and at a segment start when jacobian_each_segment is set
// (the inputs change there). A classical Rosenbrock method evaluates it at every step.
//
// Diagonal W (SolverConfig::jacobian_diagonal, W-methods only): W = I/(gamma h) - diag(J), so a
// stage's solve is k_i = r_i / (1/(gamma h) - J_ii) and nothing is factorized. The W-method keeps
// its order with this W too; it stays stable where the stiff modes are a state's own fast decay
// (J_ii large and negative, as the protein balance model's refractory state), not where they couple
// states (tests/engine/test_solver_stiff.cpp shows both; docs/performance.md measures it).
//
// Dense output: cubic Hermite interpolation from x and f at both ends of the step (3rd order).
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "engine/solver/block_lu.hpp"
#include "engine/solver/jacobian.hpp"
#include "engine/solver/rosenbrock_tableaus.hpp"
#include "engine/solver/solver_config.hpp"
#include "engine/solver/step_control.hpp"
#include "engine/solver/system.hpp"

namespace myoflux {

template <System M, class Vec, const RosenbrockTableau& Tab>
class RosenbrockStepper {
 public:
  using Vector = Vec;
  static constexpr int error_order = Tab.error_order;

  RosenbrockStepper(const M& model, Eigen::Index n, const ErrorWeights& w, const SolverConfig& cfg)
      : pattern_(pattern_for(model, n)),
        lu_(*pattern_),
        J_(static_cast<std::size_t>(pattern_->nonzeros()), 0.0),
        max_age_(Tab.w_method ? std::max(1, cfg.jacobian_max_age) : 1),
        each_segment_(cfg.jacobian_each_segment),
        diagonal_(Tab.w_method && cfg.jacobian_diagonal),
        f0_(n),
        f_old_(n),
        f_stage_(n),
        f_probe_(n),
        y_(n),
        r_(n),
        dfdt_(n),
        x_new_(n),
        x_old_(n),
        err_(n),
        inverse_w_(n),
        diagonal_entry_(static_cast<std::size_t>(n)) {
    std::vector<double> typical(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) typical[static_cast<std::size_t>(i)] = w.atol[i] / w.rtol;
    jacobian_ = make_jacobian_evaluator(model, *pattern_, std::move(typical));
    for (Vec& s : stage_) s.resize(n);
    dfdt_.setZero();
    // Where each state's diagonal entry sits in J_ (the pattern always holds the diagonal).
    for (int i = 0; i < pattern_->n; ++i)
      for (int k = pattern_->row_start[static_cast<std::size_t>(i)];
           k < pattern_->row_start[static_cast<std::size_t>(i) + 1]; ++k)
        if (pattern_->column[static_cast<std::size_t>(k)] == i)
          diagonal_entry_[static_cast<std::size_t>(i)] = k;
  }

  template <class Rhs>
  void start(const Rhs& f, double t, const Vec& x) {
    f(x, f0_, t);
    if (each_segment_ || !Tab.w_method) age_ = kStale;
  }

  template <class Rhs>
  double attempt(const Rhs& f, double t, const Vec& x, double h, const ErrorWeights& w) {
    if (age_ >= max_age_ || (rejected_ && age_ > 0)) evaluate_jacobian(f, t, x);
    rejected_ = true;  // until accept() says otherwise
    const double sigma = 1.0 / (Tab.gamma * h);
    if (sigma != factored_sigma_ || !factored_current_jacobian_) {
      ++lu_decompositions_;
      factored_current_jacobian_ = true;
      factored_sigma_ = sigma;
      if (!(diagonal_ ? invert_diagonal(sigma) : lu_.factor(sigma, J_.data()))) {
        factored_sigma_ = std::numeric_limits<double>::quiet_NaN();
        return std::numeric_limits<double>::infinity();
      }
    }
    for (int i = 0; i < Tab.stages; ++i) {
      const auto si = static_cast<std::size_t>(i);
      if (i == 0) {
        f_stage_ = f0_;
      } else if (Tab.new_f[si]) {
        y_ = x;
        for (int j = 0; j < i; ++j)
          y_ += Tab.a[si][static_cast<std::size_t>(j)] * stage_[static_cast<std::size_t>(j)];
        f(y_, f_stage_, t + Tab.alpha[si] * h);
      }
      r_ = f_stage_;
      for (int j = 0; j < i; ++j)
        r_ += (Tab.c[si][static_cast<std::size_t>(j)] / h) * stage_[static_cast<std::size_t>(j)];
      if constexpr (!M_autonomous) r_ += (Tab.gamma_sum[si] * h) * dfdt_;
      if (diagonal_)
        r_.array() *= inverse_w_.array();
      else
        lu_.solve(r_.data());
      stage_[si] = r_;
    }
    x_new_ = x;
    err_.setZero();
    for (int i = 0; i < Tab.stages; ++i) {
      const auto si = static_cast<std::size_t>(i);
      x_new_ += Tab.m[si] * stage_[si];
      if (Tab.e[si] != 0.0) err_ += Tab.e[si] * stage_[si];
    }
    return w.norm(x, x_new_, err_);
  }

  template <class Rhs>
  void accept(const Rhs& f, double& t, Vec& x, double h) {
    x_old_ = x;
    x.swap(x_new_);
    f_old_.swap(f0_);
    t_old_ = t;
    t += h;
    t_new_ = t;
    f(x, f0_, t);  // f at the new point: the next step's first stage and the Hermite end slope
    rejected_ = false;
    if (age_ < kStale) ++age_;
  }

  void interpolate(double t, const Vec& x_new, Vec& out) const {
    const double h = t_new_ - t_old_;
    const double s = (t - t_old_) / h;
    const double s2 = s * s, s3 = s2 * s;
    const double h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s;
    const double h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
    out = h00 * x_old_ + (h10 * h) * f_old_ + h01 * x_new + (h11 * h) * f0_;
  }

  long jacobian_evaluations() const { return jacobian_evaluations_; }
  long lu_decompositions() const { return lu_decompositions_; }
  /// Right-hand side calls made by a finite-difference Jacobian (0 for an exact one).
  long extra_rhs_evaluations() const { return extra_rhs_evaluations_; }
  const JacobianPattern& pattern() const { return *pattern_; }
  const BlockTriangularLU& factorization() const { return lu_; }

 private:
  static constexpr bool M_autonomous = AutonomousWithinSegments<M>;
  static constexpr int kStale = std::numeric_limits<int>::max();

  const JacobianPattern* pattern_for(const M& model, Eigen::Index n) {
    if constexpr (DifferentiableRhs<M>) {
      return &traced_jacobian_pattern(model, static_cast<int>(n), model.input_channels().size());
    } else {
      own_pattern_ = JacobianPattern::dense(static_cast<int>(n));
      return &own_pattern_;
    }
  }

  /// 1 / (sigma - J_ii) for every state; false if one is not finite (W singular).
  bool invert_diagonal(double sigma) {
    for (Eigen::Index i = 0; i < inverse_w_.size(); ++i)
      inverse_w_[i] = 1.0 / (sigma - J_[static_cast<std::size_t>(
                                         diagonal_entry_[static_cast<std::size_t>(i)])]);
    return inverse_w_.allFinite();
  }

  template <class Rhs>
  void evaluate_jacobian(const Rhs& f, double t, const Vec& x) {
    ++jacobian_evaluations_;
    jacobian_->evaluate(t, x.data(), f.u, J_.data(), f_probe_.data());
    if constexpr (!DifferentiableRhs<M>)
      extra_rhs_evaluations_ += jacobian_->rhs_evaluations_per_call();
    if constexpr (!M_autonomous) {
      // df/dt by a forward difference in t (models are autonomous within segments as a rule).
      const double dt =
          std::sqrt(std::numeric_limits<double>::epsilon()) * std::max(std::abs(t), 1.0);
      f(x, dfdt_, t + dt);
      dfdt_ = (dfdt_ - f_probe_) / dt;
    }
    age_ = 0;
    factored_current_jacobian_ = false;
  }

  JacobianPattern own_pattern_;
  const JacobianPattern* pattern_;
  BlockTriangularLU lu_;
  std::unique_ptr<JacobianEvaluator> jacobian_;
  std::vector<double> J_;
  int max_age_;
  bool each_segment_;
  bool diagonal_;
  int age_ = kStale;
  bool rejected_ = false;
  bool factored_current_jacobian_ = false;
  double factored_sigma_ = std::numeric_limits<double>::quiet_NaN();
  std::array<Vec, kMaxRosenbrockStages> stage_;
  Vec f0_, f_old_, f_stage_, f_probe_, y_, r_, dfdt_, x_new_, x_old_, err_;
  Vec inverse_w_;                    // diagonal W: 1 / (1/(gamma h) - J_ii)
  std::vector<int> diagonal_entry_;  // index of J_ii in J_
  double t_old_ = 0.0, t_new_ = 0.0;
  long jacobian_evaluations_ = 0;
  long lu_decompositions_ = 0;
  long extra_rhs_evaluations_ = 0;
};

}  // namespace myoflux
