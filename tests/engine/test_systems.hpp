// Small systems with known solutions or published reference values, used to check the solver
// driver and both steppers independently of any physiology.
#pragma once

#include <Eigen/Core>
#include <array>
#include <cmath>
#include <span>
#include <string_view>
#include <vector>

#include "engine/schedule.hpp"
#include "engine/solver/system.hpp"

namespace myoflux::testing {

/// Shared plumbing: every state is observed as-is; no doses unless a test system adds them.
template <std::size_t N>
struct StateObserver {
  std::array<StateInfo, N> state_table;
  std::array<VariableInfo, N> observable_table;
  explicit StateObserver(std::array<StateInfo, N> s) : state_table(s) {
    for (std::size_t i = 0; i < N; ++i)
      observable_table[i] = {s[i].name, s[i].unit, s[i].description};
  }
  std::span<const StateInfo> states() const { return state_table; }
  std::span<const VariableInfo> observables() const { return observable_table; }
  void observe(double, const double* x, std::span<const double>, std::span<double> row) const {
    for (std::size_t i = 0; i < N; ++i) row[i] = x[i];
  }
};

/// dx/dt = -k x + u, with u piecewise constant; a dose on "bolus" adds to x.
/// Exact on a segment starting at t0: x(t) = u/k + (x(t0) - u/k) exp(-k (t - t0)).
struct DecayWithInput : StateObserver<1> {
  static constexpr bool autonomous = true;
  double k = 0.7;  // 1/h
  static constexpr std::array<std::string_view, 1> kInputs{"u"};
  DecayWithInput() : StateObserver<1>({StateInfo{"x", "1", "decaying quantity", 0.0}}) {}
  std::span<const std::string_view> input_channels() const { return kInputs; }
  template <class T>
  void rhs(double, const T* x, std::span<const double> u, T* dxdt) const {
    dxdt[0] = -k * x[0] + u[0];
  }
  DoseEffect dose_effect(std::string_view) const { return {0, 1.0}; }
};

/// dx/dt = u: integrates its input exactly, so the end state is the integral of u.
struct Integrator : StateObserver<1> {
  static constexpr bool autonomous = true;
  static constexpr std::array<std::string_view, 1> kInputs{"u"};
  Integrator() : StateObserver<1>({StateInfo{"x", "1", "integral of u"}}) {}
  std::span<const std::string_view> input_channels() const { return kInputs; }
  template <class T>
  void rhs(double, const T*, std::span<const double> u, T* dxdt) const {
    dxdt[0] = u[0];
  }
  DoseEffect dose_effect(std::string_view) const { return {0, 1.0}; }
};

/// Damped rotation: x1' = -a x1 + w x2, x2' = -w x1 - a x2.
/// Exact: x1 = e^{-at} (x1(0) cos wt + x2(0) sin wt), x2 = e^{-at} (x2(0) cos wt - x1(0) sin wt).
struct DampedRotation : StateObserver<2> {
  static constexpr bool autonomous = true;
  double a = 0.3, w = 2.0;
  DampedRotation() : StateObserver<2>({StateInfo{"x1", "1", ""}, StateInfo{"x2", "1", ""}}) {}
  std::span<const std::string_view> input_channels() const { return {}; }
  template <class T>
  void rhs(double, const T* x, std::span<const double>, T* dxdt) const {
    dxdt[0] = -a * x[0] + w * x[1];
    dxdt[1] = -w * x[0] - a * x[1];
  }
  DoseEffect dose_effect(std::string_view) const { return {0, 1.0}; }
  Eigen::Vector2d exact(double t, const Eigen::Vector2d& x0) const {
    const double e = std::exp(-a * t), c = std::cos(w * t), s = std::sin(w * t);
    return {e * (x0[0] * c + x0[1] * s), e * (x0[1] * c - x0[0] * s)};
  }
};

/// Logistic growth y' = y (1 - y): y(t) = 1 / (1 + (1/y0 - 1) e^{-t}).
/// Non-linear, for measuring convergence order.
struct Logistic : StateObserver<1> {
  static constexpr bool autonomous = true;
  Logistic() : StateObserver<1>({StateInfo{"y", "1", ""}}) {}
  std::span<const std::string_view> input_channels() const { return {}; }
  template <class T>
  void rhs(double, const T* x, std::span<const double>, T* dxdt) const {
    dxdt[0] = x[0] * (1.0 - x[0]);
  }
  DoseEffect dose_effect(std::string_view) const { return {0, 1.0}; }
  static double exact(double t, double y0) { return 1.0 / (1.0 + (1.0 / y0 - 1.0) * std::exp(-t)); }
};

/// HIRES (Schaefer 1975), from the Bari IVP test set (Mazzia & Magherini), 8 states, t in [0,
/// 321.8122].
struct Hires : StateObserver<8> {
  static constexpr bool autonomous = true;
  Hires()
      : StateObserver<8>({StateInfo{"y1", "1", ""}, StateInfo{"y2", "1", ""},
                          StateInfo{"y3", "1", ""}, StateInfo{"y4", "1", ""},
                          StateInfo{"y5", "1", ""}, StateInfo{"y6", "1", ""},
                          StateInfo{"y7", "1", ""}, StateInfo{"y8", "1", ""}}) {}
  std::span<const std::string_view> input_channels() const { return {}; }
  template <class T>
  void rhs(double, const T* y, std::span<const double>, T* f) const {
    f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
    f[1] = 1.71 * y[0] - 8.75 * y[1];
    f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
    f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
    f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
    f[5] = -280.0 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
    f[6] = 280.0 * y[5] * y[7] - 1.81 * y[6];
    f[7] = -280.0 * y[5] * y[7] + 1.81 * y[6];
  }
  DoseEffect dose_effect(std::string_view) const { return {0, 1.0}; }
  static constexpr double t_end = 321.8122;
  static Eigen::VectorXd initial() {
    Eigen::VectorXd y = Eigen::VectorXd::Zero(8);
    y[0] = 1.0;
    y[7] = 0.0057;
    return y;
  }
  static Eigen::VectorXd reference() {
    Eigen::VectorXd r(8);
    r << 7.371312573325668e-4, 1.442485726316185e-4, 5.888729740967575e-5, 1.175651343283149e-3,
        2.386356198831331e-3, 6.238968252742796e-3, 2.849998395185769e-3, 2.850001604814231e-3;
    return r;
  }
};

/// Robertson's chemical kinetics (1966), from the Bari IVP test set, 3 states, t in [0, 1e11].
struct Robertson : StateObserver<3> {
  static constexpr bool autonomous = true;
  Robertson()
      : StateObserver<3>(
            {StateInfo{"y1", "1", ""}, StateInfo{"y2", "1", ""}, StateInfo{"y3", "1", ""}}) {}
  std::span<const std::string_view> input_channels() const { return {}; }
  template <class T>
  void rhs(double, const T* y, std::span<const double>, T* f) const {
    f[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
    f[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
    f[2] = 3e7 * y[1] * y[1];
  }
  DoseEffect dose_effect(std::string_view) const { return {0, 1.0}; }
  static constexpr double t_end = 1e11;
  static Eigen::VectorXd initial() { return Eigen::Vector3d(1.0, 0.0, 0.0); }
  static Eigen::VectorXd reference() {
    return Eigen::Vector3d(2.083340149701255e-8, 8.333360770334713e-14, 9.999999791665050e-1);
  }
};

/// A schedule with no inputs over [0, duration].
inline Schedule empty_schedule(double duration) {
  return ScheduleBuilder({}, {}, duration).build();
}

/// A schedule with one channel "u" (baseline 0) and one dose target "bolus".
inline ScheduleBuilder single_input_builder(double duration) {
  return ScheduleBuilder({ChannelSpec{"u", "1/h", "test input", 0.0}},
                         {DoseTargetSpec{"bolus", "1", "test bolus"}}, duration);
}

}  // namespace myoflux::testing
