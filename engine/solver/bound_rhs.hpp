// A model's right-hand side with the inputs of the current segment bound to it, in the calling
// convention of Boost.Odeint, f(x, dxdt, t). It counts its evaluations for the solver statistics.
#pragma once

#include <span>

#include "engine/solver/system.hpp"

namespace myoflux {

template <System M>
struct BoundRhs {
  const M* model;
  std::span<const double> u;
  long* evaluations;

  template <class Vec>
  void operator()(const Vec& x, Vec& dxdt, double t) const {
    ++*evaluations;
    model->rhs(t, x.data(), u, dxdt.data());
  }

  static constexpr bool autonomous = AutonomousWithinSegments<M>;
};

}  // namespace myoflux
