#include "engine/solver/solver_config.hpp"

#include "engine/error.hpp"

namespace myoflux {

std::string_view method_name(Method m) {
  switch (m) {
    case Method::dopri5:
      return "dopri5";
    case Method::rosenbrock4:
      return "rosenbrock4";
    case Method::ros34pw2:
      return "ros34pw2";
  }
  return "unknown";
}

Method parse_method(std::string_view name) {
  if (name == "dopri5") return Method::dopri5;
  if (name == "rosenbrock4") return Method::rosenbrock4;
  if (name == "ros34pw2") return Method::ros34pw2;
  throw InputError("unknown solver method '" + std::string(name) +
                   "'; expected \"ros34pw2\" (stiff, Rosenbrock-W), \"rosenbrock4\" (stiff) or "
                   "\"dopri5\" (explicit)");
}

std::string_view status_name(SolverStatus s) {
  switch (s) {
    case SolverStatus::ok:
      return "ok";
    case SolverStatus::too_many_steps:
      return "too_many_steps";
    case SolverStatus::step_size_underflow:
      return "step_size_underflow";
    case SolverStatus::non_finite_state:
      return "non_finite_state";
    case SolverStatus::state_out_of_range:
      return "state_out_of_range";
    case SolverStatus::interrupted:
      return "interrupted";
  }
  return "unknown";
}

}  // namespace myoflux
