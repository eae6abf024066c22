// A model's equations as plain functions, for callers that bring their own integrator: the
// Python package (SciPy's solve_ivp, users' own solvers) and the peer benchmarks (SUNDIALS). One
// model instance (one subject, one parameter set) behind a type-erased interface; SystemFunctions
// adapts any System to it, with the exact sparse Jacobian when the system's right-hand side is a
// template. Calls are thread-safe (the Jacobian's work space is per call).
#pragma once

#include <Eigen/Core>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "engine/solver/expression.hpp"
#include "engine/solver/jacobian.hpp"
#include "engine/solver/system.hpp"

namespace myoflux {

class ModelFunctions {
 public:
  virtual ~ModelFunctions() = default;
  virtual std::span<const StateInfo> states() const = 0;
  virtual std::span<const std::string_view> input_channels() const = 0;
  virtual std::span<const VariableInfo> observables() const = 0;
  virtual Eigen::VectorXd initial_state() const = 0;
  /// dxdt = f(t, x, u): x one value per state, u one per input channel.
  virtual void rhs(double t, const double* x, std::span<const double> u, double* dxdt) const = 0;
  /// The structural nonzeros of J = df/dx (compressed rows) and whether J is exact.
  virtual const JacobianPattern& jacobian_pattern() const = 0;
  virtual bool exact_jacobian() const = 0;
  /// J(t, x, u) as the pattern's nonzeros, in row order.
  virtual void jacobian(double t, const double* x, std::span<const double> u,
                        double* values) const = 0;
  /// The observables (outputs) at one state.
  virtual void observe(double t, const double* x, std::span<const double> u,
                       std::span<double> row) const = 0;
  virtual DoseEffect dose_effect(std::string_view target) const = 0;
  /// dx/dt under inputs u as expression trees in the states (engine/solver/expression.hpp), for
  /// writing the equations out (SBML); empty when the right-hand side is not a template.
  virtual std::vector<Expression> rhs_expressions(std::span<const double> /*u*/) const {
    return {};
  }
};

template <System M>
class SystemFunctions final : public ModelFunctions {
 public:
  /// `initial` is the model's rested state at t = 0.
  SystemFunctions(M model, Eigen::VectorXd initial)
      : model_(std::move(model)), initial_(std::move(initial)) {
    const int n = static_cast<int>(model_.states().size());
    if constexpr (DifferentiableRhs<M>) {
      pattern_ = &traced_jacobian_pattern(model_, n, model_.input_channels().size());
    } else {
      own_ = JacobianPattern::dense(n);
      pattern_ = &own_;
    }
  }
  SystemFunctions(const SystemFunctions&) = delete;  // pattern_ may point into own_
  SystemFunctions& operator=(const SystemFunctions&) = delete;

  std::span<const StateInfo> states() const override { return model_.states(); }
  std::span<const std::string_view> input_channels() const override {
    return model_.input_channels();
  }
  std::span<const VariableInfo> observables() const override { return model_.observables(); }
  Eigen::VectorXd initial_state() const override { return initial_; }
  void rhs(double t, const double* x, std::span<const double> u, double* dxdt) const override {
    model_.rhs(t, x, u, dxdt);
  }
  const JacobianPattern& jacobian_pattern() const override { return *pattern_; }
  bool exact_jacobian() const override { return DifferentiableRhs<M>; }
  void jacobian(double t, const double* x, std::span<const double> u,
                double* values) const override {
    std::vector<double> typical(static_cast<std::size_t>(pattern_->n), 1e-6);
    std::vector<double> f(static_cast<std::size_t>(pattern_->n));
    make_jacobian_evaluator(model_, *pattern_, std::move(typical))
        ->evaluate(t, x, u, values, f.data());
  }
  void observe(double t, const double* x, std::span<const double> u,
               std::span<double> row) const override {
    model_.observe(t, x, u, row);
  }
  DoseEffect dose_effect(std::string_view target) const override {
    return model_.dose_effect(target);
  }
  std::vector<Expression> rhs_expressions(std::span<const double> u) const override {
    if constexpr (requires(const Expression* x, Expression* dxdt) { model_.rhs(0.0, x, u, dxdt); })
      return myoflux::rhs_expressions(model_, pattern_->n, std::vector<double>(u.begin(), u.end()));
    else
      return {};
  }

 private:
  M model_;
  Eigen::VectorXd initial_;
  JacobianPattern own_;
  const JacobianPattern* pattern_ = nullptr;
};

}  // namespace myoflux
