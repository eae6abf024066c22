// A 4th-order Rosenbrock (linearly implicit) method with an embedded 3rd-order error estimate, for
// stiff problems. Coefficients: Shampine, "Implementation of Rosenbrock methods", ACM TOMS 8:93
// (1982), in the Kaps & Rentrop (1979) form; gamma = 1/2 makes the method A-stable.
//
// One step of size h from (t, x), with J = df/dx and f_t = df/dt at (t, x), W = I/(gamma h) - J:
//   W g1 = f(t, x)                                  + h c1 f_t
//   W g2 = f(t + a2 h, x + a21 g1)                  + h c2 f_t + c21 g1 / h
//   W g3 = f(t + a3 h, x + a31 g1 + a32 g2)         + h c3 f_t + (c31 g1 + c32 g2) / h
//   W g4 = (the same f as for g3)                   + h c4 f_t + (c41 g1 + c42 g2 + c43 g3) / h
//   x_new = x + b1 g1 + b2 g2 + b3 g3 + b4 g4,   error = e1 g1 + e2 g2 + e3 g3 + e4 g4
// Three RHS evaluations, one Jacobian and one LU factorization per step (one more LU per
// rejection). Dense output: cubic Hermite interpolation from x and f at both ends of the step (3rd
// order).
#pragma once

#include <Eigen/Core>
#include <Eigen/LU>
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/solver/step_control.hpp"

namespace myoflux {

class Rosenbrock4Stepper {
 public:
  /// Order of the embedded error estimate; exponent 1/4 in the controller.
  static constexpr int error_order = 3;

  explicit Rosenbrock4Stepper(Eigen::Index n)
      : J_(n, n),
        W_(n, n),
        lu_(n),
        dfdt_(n),
        f0_(n),
        f_old_(n),
        f_stage_(n),
        y_(n),
        b_(n),
        g1_(n),
        g2_(n),
        g3_(n),
        g4_(n),
        x_new_(n),
        x_old_(n),
        err_(n),
        f_eval_(n) {}

  template <class Rhs>
  void start(const Rhs& f, double t, const Eigen::VectorXd& x) {
    f(x, f0_, t);
    jacobian_current_ = false;
  }

  template <class Rhs>
  double attempt(const Rhs& f, double t, const Eigen::VectorXd& x, double h,
                 const ErrorWeights& w) {
    if (!jacobian_current_) {
      evaluate_jacobian(f, t, x, w);
      jacobian_current_ = true;
    }
    W_ = -J_;
    W_.diagonal().array() += 1.0 / (kGamma * h);
    lu_.compute(W_);
    ++lu_decompositions_;

    b_ = f0_ + (h * kC1x) * dfdt_;
    g1_.noalias() = lu_.solve(b_);

    y_ = x + kA21 * g1_;
    f(y_, f_stage_, t + kA2x * h);
    b_ = f_stage_ + (h * kC2x) * dfdt_ + (kC21 / h) * g1_;
    g2_.noalias() = lu_.solve(b_);

    y_ = x + kA31 * g1_ + kA32 * g2_;
    f(y_, f_stage_, t + kA3x * h);
    b_ = f_stage_ + (h * kC3x) * dfdt_ + (kC31 / h) * g1_ + (kC32 / h) * g2_;
    g3_.noalias() = lu_.solve(b_);

    b_ = f_stage_ + (h * kC4x) * dfdt_ + (kC41 / h) * g1_ + (kC42 / h) * g2_ + (kC43 / h) * g3_;
    g4_.noalias() = lu_.solve(b_);

    x_new_ = x + kB1 * g1_ + kB2 * g2_ + kB3 * g3_ + kB4 * g4_;
    err_ = kE1 * g1_ + kE2 * g2_ + kE3 * g3_ + kE4 * g4_;
    return w.norm(x, x_new_, err_);
  }

  template <class Rhs>
  void accept(const Rhs& f, double& t, Eigen::VectorXd& x, double h) {
    x_old_ = x;
    x.swap(x_new_);
    f_old_.swap(f0_);
    t_old_ = t;
    t += h;
    t_new_ = t;
    f(x, f0_, t);  // f at the new point: the next step's first stage and the Hermite end slope
    jacobian_current_ = false;
  }

  void interpolate(double t, const Eigen::VectorXd& x_new, Eigen::VectorXd& out) const {
    const double h = t_new_ - t_old_;
    const double s = (t - t_old_) / h;
    const double s2 = s * s, s3 = s2 * s;
    const double h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s;
    const double h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
    out = h00 * x_old_ + (h10 * h) * f_old_ + h01 * x_new + (h11 * h) * f0_;
  }

  long jacobian_evaluations() const { return jacobian_evaluations_; }
  long lu_decompositions() const { return lu_decompositions_; }

 private:
  // Analytic when the model provides it; otherwise forward differences, column by column, with
  // increment sqrt(eps) * max(|x_j|, atol_j / rtol) (the tolerance sets the scale below which a
  // component is considered negligible).
  template <class Rhs>
  void evaluate_jacobian(const Rhs& f, double t, const Eigen::VectorXd& x, const ErrorWeights& w) {
    ++jacobian_evaluations_;
    if constexpr (Rhs::has_jacobian) {
      f.jacobian(t, x, J_, dfdt_);
      return;
    } else {
      const double sqrt_eps = std::sqrt(std::numeric_limits<double>::epsilon());
      y_ = x;
      for (Eigen::Index j = 0; j < x.size(); ++j) {
        const double xj = x[j];
        const double delta = sqrt_eps * std::max(std::abs(xj), w.atol[j] / w.rtol);
        y_[j] = xj + delta;
        f(y_, f_eval_, t);
        J_.col(j) = (f_eval_ - f0_) / delta;
        y_[j] = xj;
      }
      if constexpr (Rhs::autonomous) {
        dfdt_.setZero();
      } else {
        const double dt = sqrt_eps * std::max(std::abs(t), 1.0);
        f(x, f_eval_, t + dt);
        dfdt_ = (f_eval_ - f0_) / dt;
      }
    }
  }

  static constexpr double kGamma = 1.0 / 2.0;
  static constexpr double kA21 = 2.0, kA31 = 48.0 / 25.0, kA32 = 6.0 / 25.0;
  static constexpr double kC21 = -8.0, kC31 = 372.0 / 25.0, kC32 = 12.0 / 5.0;
  static constexpr double kC41 = -112.0 / 125.0, kC42 = -54.0 / 125.0, kC43 = -2.0 / 5.0;
  static constexpr double kB1 = 19.0 / 9.0, kB2 = 1.0 / 2.0, kB3 = 25.0 / 108.0,
                          kB4 = 125.0 / 108.0;
  static constexpr double kE1 = 17.0 / 54.0, kE2 = 7.0 / 36.0, kE3 = 0.0, kE4 = 125.0 / 108.0;
  static constexpr double kC1x = 1.0 / 2.0, kC2x = -3.0 / 2.0, kC3x = 121.0 / 50.0,
                          kC4x = 29.0 / 250.0;
  static constexpr double kA2x = 1.0, kA3x = 3.0 / 5.0;

  Eigen::MatrixXd J_, W_;
  Eigen::PartialPivLU<Eigen::MatrixXd> lu_;
  Eigen::VectorXd dfdt_, f0_, f_old_, f_stage_, y_, b_, g1_, g2_, g3_, g4_, x_new_, x_old_, err_,
      f_eval_;
  double t_old_ = 0.0, t_new_ = 0.0;
  bool jacobian_current_ = false;
  long jacobian_evaluations_ = 0;
  long lu_decompositions_ = 0;
};

}  // namespace myoflux
