// Coefficients of the Rosenbrock methods the generic stepper (rosenbrock.hpp) runs, in the
// transformed form of Hairer & Wanner (Solving ODEs II, IV.7, eq. 7.25), which needs no
// Jacobian-vector products. One step of size h from (t, x), with W = I/(gamma h) - J:
//   W u_i = f(t + alpha_i h, x + sum_{j<i} a_ij u_j) + sum_{j<i} (c_ij / h) u_j + gamma_i h df/dt
//   x_new = x + sum_i m_i u_i,   error estimate = sum_i e_i u_i
#pragma once

#include <array>

namespace myoflux {

inline constexpr int kMaxRosenbrockStages = 4;

struct RosenbrockTableau {
  int stages = 0;
  int order = 0;          // of x_new
  int error_order = 0;    // of the embedded solution
  bool w_method = false;  // the order holds for any W (the Jacobian may be old or approximate)
  double gamma = 0.0;
  using Row = std::array<double, kMaxRosenbrockStages>;
  std::array<Row, kMaxRosenbrockStages> a{}, c{};
  Row alpha{}, gamma_sum{}, m{}, e{};
  /// Stage i evaluates f anew; false when its argument and time equal the previous stage's.
  std::array<bool, kMaxRosenbrockStages> new_f{};
};

/// The transformed coefficients from a method's published (A, Gamma, b, b_hat) form:
///   G = Gamma^-1,  a = A G,  c = diag(1/gamma) - G,  m = b G,  e = (b - b_hat) G,
///   alpha_i = sum_j A_ij,  gamma_i = sum_j Gamma_ij (diagonal included).
constexpr RosenbrockTableau transformed(int stages, int order, int error_order, bool w_method,
                                        const RosenbrockTableau::Row (&A)[kMaxRosenbrockStages],
                                        const RosenbrockTableau::Row (&Gamma)[kMaxRosenbrockStages],
                                        const RosenbrockTableau::Row& b,
                                        const RosenbrockTableau::Row& b_hat) {
  RosenbrockTableau t;
  t.stages = stages;
  t.order = order;
  t.error_order = error_order;
  t.w_method = w_method;
  t.gamma = Gamma[0][0];
  // Inverse of the lower-triangular Gamma by forward substitution, column by column.
  double G[kMaxRosenbrockStages][kMaxRosenbrockStages]{};
  for (int col = 0; col < stages; ++col)
    for (int row = col; row < stages; ++row) {
      double sum = row == col ? 1.0 : 0.0;
      for (int k = col; k < row; ++k) sum -= Gamma[row][k] * G[k][col];
      G[row][col] = sum / Gamma[row][row];
    }
  for (int i = 0; i < stages; ++i) {
    for (int j = 0; j < stages; ++j) {
      double aij = 0.0;
      for (int k = 0; k < stages; ++k) aij += A[i][k] * G[k][j];
      t.a[i][j] = j < i ? aij : 0.0;
      t.c[i][j] = j < i ? -G[i][j] : 0.0;  // the diagonal of diag(1/gamma) - G vanishes
      t.alpha[i] += A[i][j];
      t.gamma_sum[i] += Gamma[i][j];
      t.m[j] += b[i] * G[i][j];
      t.e[j] += (b[i] - b_hat[i]) * G[i][j];
    }
  }
  for (int i = 0; i < stages; ++i) {
    bool same = i > 0 && t.alpha[i] == t.alpha[i - 1];
    for (int j = 0; same && j < stages; ++j) same = t.a[i][j] == t.a[i - 1][j];
    t.new_f[i] = !same;
  }
  return t;
}

/// ROS34PW2: a Rosenbrock-W method of order 3 with an embedded order-2 solution, 4 stages,
/// stiffly accurate and L-stable; order 3 holds for any approximation of the Jacobian.
/// Rang & Angermann 2005, BIT Numer Math 45:761, Table 4 (coefficients as published).
inline constexpr RosenbrockTableau kRos34pw2 = [] {
  constexpr double g = 4.3586652150845900e-1;
  constexpr RosenbrockTableau::Row A[kMaxRosenbrockStages] = {
      {0.0, 0.0, 0.0, 0.0},
      {8.7173304301691801e-1, 0.0, 0.0, 0.0},
      {8.4457060015369423e-1, -1.1299064236484185e-1, 0.0, 0.0},
      {0.0, 0.0, 1.0, 0.0}};
  constexpr RosenbrockTableau::Row Gamma[kMaxRosenbrockStages] = {
      {g, 0.0, 0.0, 0.0},
      {-8.7173304301691801e-1, g, 0.0, 0.0},
      {-9.0338057013044082e-1, 5.4180672388095326e-2, g, 0.0},
      {2.4212380706095346e-1, -1.2232505839045147, 5.4526025533510214e-1, g}};
  constexpr RosenbrockTableau::Row b = {2.4212380706095346e-1, -1.2232505839045147,
                                        1.5452602553351020, 4.3586652150845900e-1};
  constexpr RosenbrockTableau::Row b_hat = {3.7810903145819369e-1, -9.6042292212423178e-2, 0.5,
                                            2.1793326075422950e-1};
  return transformed(4, 3, 2, true, A, Gamma, b, b_hat);
}();

/// Shampine's 4th-order Rosenbrock method with an embedded 3rd-order estimate, A-stable with
/// gamma = 1/2, in the Kaps & Rentrop form (Shampine 1982, ACM TOMS 8:93); published already in
/// the transformed form. Not a W-method: it needs the exact Jacobian at every step.
inline constexpr RosenbrockTableau kShampine4 = [] {
  RosenbrockTableau t;
  t.stages = 4;
  t.order = 4;
  t.error_order = 3;
  t.w_method = false;
  t.gamma = 0.5;
  t.a[1] = {2.0, 0.0, 0.0, 0.0};
  t.a[2] = {48.0 / 25.0, 6.0 / 25.0, 0.0, 0.0};
  t.a[3] = t.a[2];  // the fourth stage reuses the third stage's f
  t.c[1] = {-8.0, 0.0, 0.0, 0.0};
  t.c[2] = {372.0 / 25.0, 12.0 / 5.0, 0.0, 0.0};
  t.c[3] = {-112.0 / 125.0, -54.0 / 125.0, -2.0 / 5.0, 0.0};
  t.alpha = {0.0, 1.0, 3.0 / 5.0, 3.0 / 5.0};
  t.gamma_sum = {1.0 / 2.0, -3.0 / 2.0, 121.0 / 50.0, 29.0 / 250.0};
  t.m = {19.0 / 9.0, 1.0 / 2.0, 25.0 / 108.0, 125.0 / 108.0};
  t.e = {17.0 / 54.0, 7.0 / 36.0, 0.0, 125.0 / 108.0};
  t.new_f = {true, true, true, false};
  return t;
}();

}  // namespace myoflux
