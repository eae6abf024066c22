// Explicit Dormand-Prince 5(4) steps from Boost.Odeint (runge_kutta_dopri5 over Eigen vectors),
// driven by myoflux's own error norm and step-size controller so that rejections are counted and
// failures become statuses. Dense output is odeint's 4th-order continuous extension.
#pragma once

#include <Eigen/Core>
// Order matters: odeint's Eigen adapter builds on odeint's own headers.
#include <boost/numeric/odeint.hpp>
#include <boost/numeric/odeint/external/eigen/eigen.hpp>

#include "engine/solver/solver_config.hpp"
#include "engine/solver/step_control.hpp"

namespace myoflux {

template <class Vec = Eigen::VectorXd>
class Dopri5Stepper {
 public:
  using Vector = Vec;
  /// Order of the embedded error estimate (the 4th-order solution); exponent 1/5 in the controller.
  static constexpr int error_order = 4;

  explicit Dopri5Stepper(Eigen::Index n)
      : x_new_(n), x_old_(n), dxdt_(n), dxdt_new_(n), dxdt_old_(n), xerr_(n) {}
  /// The driver's constructor: dopri5 needs nothing from the model.
  template <class M>
  Dopri5Stepper(const M& /*model*/, Eigen::Index n, const ErrorWeights& /*w*/,
                const SolverConfig& /*cfg*/)
      : Dopri5Stepper(n) {}

  /// Begins a segment at (t, x): evaluates f(t, x), which the first stage reuses (FSAL).
  template <class Rhs>
  void start(const Rhs& f, double t, const Vec& x) {
    f(x, dxdt_, t);
  }

  /// Computes a candidate step of size h from (t, x); returns its weighted error norm.
  template <class Rhs>
  double attempt(const Rhs& f, double t, const Vec& x, double h, const ErrorWeights& w) {
    stepper_.do_step(f, x, dxdt_, t, x_new_, dxdt_new_, h, xerr_);
    return w.norm(x, x_new_, xerr_);
  }

  /// Takes the last candidate: x and t advance; the step is kept for dense output.
  template <class Rhs>
  void accept(const Rhs& /*f*/, double& t, Vec& x, double h) {
    x_old_ = x;
    x.swap(x_new_);
    dxdt_old_.swap(dxdt_);
    dxdt_.swap(dxdt_new_);
    t_old_ = t;
    t += h;
    t_new_ = t;
  }

  /// The solution at t_old <= t <= t_new of the last accepted step.
  void interpolate(double t, const Vec& x_new, Vec& out) const {
    stepper_.calc_state(t, out, x_old_, dxdt_old_, t_old_, x_new, dxdt_, t_new_);
  }

  /// Rejected attempts and RHS evaluations are counted by the driver; nothing extra here.
  long jacobian_evaluations() const { return 0; }
  long lu_decompositions() const { return 0; }
  long extra_rhs_evaluations() const { return 0; }

 private:
  using OdeintDopri5 =
      boost::numeric::odeint::runge_kutta_dopri5<Vec, double, Vec, double,
                                                 boost::numeric::odeint::vector_space_algebra>;
  OdeintDopri5 stepper_;
  Vec x_new_, x_old_, dxdt_, dxdt_new_, dxdt_old_, xerr_;
  double t_old_ = 0.0, t_new_ = 0.0;
};

}  // namespace myoflux
