// What the solver driver returns: a Result with the settings it ran with and its statistics
// attached as metadata (so results, files and Python need nothing of the solver layer), kept
// typed as well for the driver's direct callers. Also the one description of both records, from
// which that metadata, the HDF5 attributes and the Python dicts are generated.
#pragma once

#include <string_view>

#include "engine/error.hpp"
#include "engine/fields.hpp"
#include "engine/result.hpp"
#include "engine/solver/solver_config.hpp"

namespace myoflux {

inline std::string_view field_text(Method m) {
  return method_name(m);
}

/// Through parse_method, so a new stepper needs no change here.
inline bool parse_field_text(std::string_view text, Method& out) {
  try {
    out = parse_method(text);
    return true;
  } catch (const InputError&) {
    return false;
  }
}

inline std::string_view field_text(SolverStatus s) {
  return status_name(s);
}

inline bool parse_field_text(std::string_view text, SolverStatus& out) {
  for (SolverStatus s : {SolverStatus::ok, SolverStatus::too_many_steps,
                         SolverStatus::step_size_underflow, SolverStatus::non_finite_state,
                         SolverStatus::state_out_of_range, SolverStatus::interrupted})
    if (status_name(s) == text) return out = s, true;
  return false;
}

template <>
struct Fields<SolverConfig> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"method", "",
            "the stepper: \"dopri5\" (explicit), \"rosenbrock4\" or \"ros34pw2\" (stiff)"},
      r.method...);
    v(Field{"rtol", "1",
            "relative tolerance of the local error (absolute tolerances scale with it)"},
      r.rtol...);
    v(Field{"atol", "",
            "absolute tolerance, in each state's unit, where no per-state one is given"},
      r.atol...);
    v(Field{"atol_per_state", "", "absolute tolerance of each state, in its unit", false},
      r.atol_per_state...);
    v(Field{"max_step_h", "h", "largest step (inf: as large as the error allows)"},
      r.max_step_h...);
    v(Field{"initial_step_h", "h", "first step (0: chosen from the right-hand side)", false},
      r.initial_step_h...);
    v(Field{"max_steps", "", "accepted plus rejected steps after which a run stops"},
      r.max_steps...);
    v(Field{"sample_breakpoints", "", "also sample at every schedule breakpoint (bool)", false},
      r.sample_breakpoints...);
    v(Field{"rtol_per_state", "", "relative tolerance of each state (empty: rtol for all)", false},
      r.rtol_per_state...);
    v(Field{"controller_beta", "",
            "PI step control: weight of the previous step's error (0: elementary control)", false},
      r.controller_beta...);
    v(Field{"jacobian_max_age", "",
            "Rosenbrock-W only: accepted steps one Jacobian may serve", false},
      r.jacobian_max_age...);
    v(Field{"jacobian_each_segment", "",
            "Rosenbrock-W only: a fresh Jacobian at every segment start (bool)", false},
      r.jacobian_each_segment...);
    v(Field{"jacobian_diagonal", "",
            "Rosenbrock-W only: only the Jacobian's diagonal in W, no factorization (bool)", false},
      r.jacobian_diagonal...);
  }
};

template <>
struct Fields<SolverStats> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"status", "", "\"ok\", \"too_many_steps\", \"step_size_underflow\", ..."}, r.status...);
    v(Field{"message", "", "what failed, when and where (empty when ok)"}, r.message...);
    v(Field{"steps", "", "accepted steps"}, r.steps...);
    v(Field{"rejected_steps", "", "steps whose error estimate exceeded the tolerance"},
      r.rejected_steps...);
    v(Field{"rhs_evaluations", "", "right-hand side calls, also for numerical Jacobians"},
      r.rhs_evaluations...);
    v(Field{"jacobian_evaluations", "", "Jacobians formed"}, r.jacobian_evaluations...);
    v(Field{"lu_decompositions", "", "LU factorizations"}, r.lu_decompositions...);
    v(Field{"segments", "", "schedule segments integrated"}, r.segments...);
    v(Field{"failure_time_h", "h", "when the run failed (NaN when ok)", false},
      r.failure_time_h...);
    v(Field{"wall_time_s", "s", "wall time of the run"}, r.wall_time_s...);
  }
};

/// A Result together with the solver's typed settings and statistics: what simulate() returns.
/// As a plain Result it keeps both as metadata.
struct Simulation : Result {
  SolverConfig solver;  // the settings used
  SolverStats stats;
};

/// The settings, then the statistics, as metadata.
inline Metadata solver_metadata(const SolverConfig& settings, const SolverStats& stats) {
  Metadata m;
  append_metadata(m, settings);
  append_metadata(m, stats);
  return m;
}

/// The driver's last step: the typed settings and statistics become the result's metadata.
inline void attach_solver_metadata(Simulation& r) {
  r.metadata = solver_metadata(r.solver, r.stats);
}

/// The settings and statistics read back from a result's metadata (also of a result read from a
/// file); fields a file does not hold keep their defaults.
inline SolverConfig solver_settings(const Result& r) {
  return from_metadata<SolverConfig>(r.metadata);
}

inline SolverStats solver_stats(const Result& r) {
  return from_metadata<SolverStats>(r.metadata);
}

}  // namespace myoflux
