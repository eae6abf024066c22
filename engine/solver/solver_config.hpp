// What the solver is asked to do (SolverConfig) and what it reports back (SolverStats).
#pragma once

#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace myoflux {

enum class Method {
  /// Dormand-Prince 5(4), explicit, Boost.Odeint's stepper with its 4th-order dense output.
  dopri5,
  /// A-stable 4(3) Rosenbrock method with Shampine's (1982) coefficients, linearly implicit,
  /// for stiff problems; a fresh Jacobian every step. Dense output by cubic Hermite interpolation.
  rosenbrock4,
  /// Rang & Angermann's (2005) L-stable 3(2) Rosenbrock-W method ROS34PW2: its order holds with
  /// an old Jacobian, which may serve several steps. Dense output by cubic Hermite interpolation.
  ros34pw2,
};

std::string_view method_name(Method m);
/// "dopri5" or "rosenbrock4"; throws InputError otherwise.
Method parse_method(std::string_view name);

struct SolverConfig {
  Method method = Method::rosenbrock4;
  /// Relative tolerance of the local error (weighted RMS norm, see docs/solver.md).
  double rtol = 1e-6;
  /// Absolute tolerance, one value for every state unless atol_per_state is given.
  double atol = 1e-9;
  std::vector<double> atol_per_state;
  /// Relative tolerance per state (empty: rtol for every state); values in [0, 1).
  std::vector<double> rtol_per_state;
  /// Largest step (h); infinity means "as large as the error allows".
  double max_step_h = std::numeric_limits<double>::infinity();
  /// First step of the run (h); 0 picks one from the right-hand side (Hairer & Wanner II.4).
  double initial_step_h = 0.0;
  /// A run that needs more accepted plus rejected steps than this stops with too_many_steps.
  long max_steps = 10'000'000;
  /// Also sample the outputs at every schedule breakpoint.
  bool sample_breakpoints = false;
  /// PI step-size control: the weight of the previous step's error (0: elementary control; 0.04
  /// in Hairer's DOPRI5).
  double controller_beta = 0.0;
  /// Rosenbrock-W methods only: accepted steps one Jacobian may serve (1: a fresh one each step).
  int jacobian_max_age = 1;
  /// Rosenbrock-W methods only: a fresh Jacobian at every segment start (the inputs change).
  bool jacobian_each_segment = true;
  /// Rosenbrock-W methods only: W = I/(gamma h) - diag(J), the Jacobian's diagonal alone, so
  /// that each stage's linear solve is a division per state and nothing is factorized. The order
  /// holds (a W-method's order holds for any matrix in W); stability holds for stiff modes that
  /// sit on the diagonal (a state's own fast decay), not for stiff couplings between states.
  bool jacobian_diagonal = false;
};

enum class SolverStatus {
  ok,
  too_many_steps,
  step_size_underflow,
  non_finite_state,
  state_out_of_range,
  interrupted,
};

std::string_view status_name(SolverStatus s);

struct SolverStats {
  long steps = 0;           // accepted steps
  long rejected_steps = 0;  // steps whose error estimate exceeded the tolerance
  long rhs_evaluations =
      0;  // right-hand side calls, including those for finite-difference Jacobians
  long jacobian_evaluations = 0;
  long lu_decompositions = 0;
  long segments = 0;  // schedule segments integrated
  SolverStatus status = SolverStatus::ok;
  std::string message;  // empty when ok; otherwise what failed, when and where
  double failure_time_h = std::numeric_limits<double>::quiet_NaN();
  double wall_time_s = 0.0;
  bool ok() const { return status == SolverStatus::ok; }
};

}  // namespace myoflux
