// What the solver driver needs from a model: its state table, input channels, a pure right-hand
// side dx/dt = f(t, x, u), the outputs to record, and how doses become state jumps.
// Models satisfy the `System` concept; an analytic Jacobian is optional.
#pragma once

#include <Eigen/Core>
#include <concepts>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.hpp"

namespace myoflux {

/// One state variable. A state below `lower` or above `upper` by more than 100 absolute tolerances
/// stops the run with status state_out_of_range.
struct StateInfo {
  std::string name;
  std::string unit;
  std::string description;
  double lower = -std::numeric_limits<double>::infinity();
  double upper = std::numeric_limits<double>::infinity();
  /// Typical magnitude, in the state's unit: absolute tolerances are set relative to it.
  double scale = 1.0;
};

/// A dose of `amount` on a schedule's dose target adds `factor * amount` to state `state`.
struct DoseEffect {
  int state = 0;
  double factor = 1.0;
};

template <class M>
concept System = requires(const M& m, double t, const Eigen::VectorXd& x, std::span<const double> u,
                          Eigen::VectorXd& dxdt, std::span<double> row, std::string_view name) {
  { m.states() } -> std::convertible_to<std::span<const StateInfo>>;
  { m.input_channels() } -> std::convertible_to<std::span<const std::string_view>>;
  { m.observables() } -> std::convertible_to<std::span<const VariableInfo>>;
  m.rhs(t, x, u, dxdt);
  m.observe(t, x, u, row);
  { m.dose_effect(name) } -> std::same_as<DoseEffect>;
};

/// A model that supplies J = df/dx and df/dt itself; otherwise the stiff stepper differentiates
/// numerically.
template <class M>
concept HasJacobian = requires(const M& m, double t, const Eigen::VectorXd& x,
                               std::span<const double> u, Eigen::MatrixXd& J,
                               Eigen::VectorXd& dfdt) {
  m.jacobian(t, x, u, J, dfdt);
};

/// A model whose right-hand side does not depend on t within a segment (only through u), so
/// df/dt = 0 there. Declared with `static constexpr bool autonomous = true;`.
template <class M>
concept AutonomousWithinSegments = requires {
  requires M::autonomous;
};

}  // namespace myoflux
