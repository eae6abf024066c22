// What the solver driver needs from a model: its state table, input channels, a pure right-hand
// side dx/dt = f(t, x, u), the outputs to record, and how doses become state jumps.
// A model whose right-hand side is a template over its scalar type (see DifferentiableRhs in
// jacobian_pattern.hpp) gets an exact, sparse Jacobian; any other is differentiated numerically.
#pragma once

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

/// x and dxdt hold one value per state (in the order of states()), u one per input channel, row
/// one per observable.
template <class M>
concept System = requires(const M& m, double t, const double* x, std::span<const double> u,
                          double* dxdt, std::span<double> row, std::string_view name) {
  { m.states() } -> std::convertible_to<std::span<const StateInfo>>;
  { m.input_channels() } -> std::convertible_to<std::span<const std::string_view>>;
  { m.observables() } -> std::convertible_to<std::span<const VariableInfo>>;
  m.rhs(t, x, u, dxdt);
  m.observe(t, x, u, row);
  { m.dose_effect(name) } -> std::same_as<DoseEffect>;
};

/// A model whose right-hand side does not depend on t within a segment (only through u), so
/// df/dt = 0 there. Declared with `static constexpr bool autonomous = true;`.
template <class M>
concept AutonomousWithinSegments = requires {
  requires M::autonomous;
};

/// A model with a fixed number of states, declared as `static constexpr int state_count = N;`:
/// the solver then works on fixed-size vectors.
template <class M>
concept FixedSizeSystem = requires {
  { M::state_count } -> std::convertible_to<int>;
};

}  // namespace myoflux
