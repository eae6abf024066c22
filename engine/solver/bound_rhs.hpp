// A model's right-hand side with the inputs of the current segment bound to it, in the calling
// convention of Boost.Odeint, f(x, dxdt, t). It counts its evaluations for the solver statistics.
#pragma once

#include <Eigen/Core>
#include <span>

#include "engine/solver/system.hpp"

namespace myoflux {

template <System M>
struct BoundRhs {
  const M* model;
  std::span<const double> u;
  long* evaluations;

  void operator()(const Eigen::VectorXd& x, Eigen::VectorXd& dxdt, double t) const {
    ++*evaluations;
    model->rhs(t, x, u, dxdt);
  }

  static constexpr bool has_jacobian = HasJacobian<M>;
  static constexpr bool autonomous = AutonomousWithinSegments<M>;

  void jacobian(double t, const Eigen::VectorXd& x, Eigen::MatrixXd& J,
                Eigen::VectorXd& dfdt) const requires HasJacobian<M> {
    model->jacobian(t, x, u, J, dfdt);
  }
};

}  // namespace myoflux
