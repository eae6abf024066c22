// The solver driver: integrates a System over a Schedule one segment at a time, so that no step
// crosses an input edge; applies doses at segment starts; samples the model's observables on the
// requested grid by dense output; and returns a failure as a status in the Result, never a crash.
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "engine/error.hpp"
#include "engine/interrupt.hpp"
#include "engine/result.hpp"
#include "engine/schedule.hpp"
#include "engine/solver/bound_rhs.hpp"
#include "engine/solver/dopri5.hpp"
#include "engine/solver/rosenbrock.hpp"
#include "engine/solver/simulation.hpp"
#include "engine/solver/solver_config.hpp"
#include "engine/solver/system.hpp"

namespace myoflux {
namespace detail {

/// Checks that the schedule's channels are the ones the model reads, in the same order.
template <System M>
void check_inputs(const M& model, const Schedule& schedule) {
  std::span<const std::string_view> wanted = model.input_channels();
  const auto& have = schedule.channels();
  bool same = wanted.size() == have.size();
  for (std::size_t i = 0; same && i < wanted.size(); ++i) same = wanted[i] == have[i].name;
  if (!same) {
    std::string w, h;
    for (auto n : wanted) w += (w.empty() ? "" : ", ") + std::string(n);
    for (const auto& c : have) h += (h.empty() ? "" : ", ") + c.name;
    throw InputError("the schedule's input channels (" + h + ") are not those the model reads (" +
                     w + ")");
  }
}

inline Eigen::VectorXd absolute_tolerances(const SolverConfig& cfg, Eigen::Index n) {
  if (!(cfg.rtol > 0.0) || !(cfg.rtol < 1.0))
    throw InputError("solver rtol must lie in (0, 1), got " + std::to_string(cfg.rtol));
  Eigen::VectorXd atol(n);
  if (cfg.atol_per_state.empty()) {
    atol.setConstant(cfg.atol);
  } else if (static_cast<Eigen::Index>(cfg.atol_per_state.size()) == n) {
    for (Eigen::Index i = 0; i < n; ++i) atol[i] = cfg.atol_per_state[static_cast<std::size_t>(i)];
  } else {
    throw InputError("solver atol_per_state has " + std::to_string(cfg.atol_per_state.size()) +
                     " values but the model has " + std::to_string(n) + " states");
  }
  if (!(atol.minCoeff() > 0.0)) throw InputError("solver atol must be positive");
  return atol;
}

inline Eigen::VectorXd relative_tolerances(const SolverConfig& cfg, Eigen::Index n) {
  if (cfg.rtol_per_state.empty()) return {};
  if (static_cast<Eigen::Index>(cfg.rtol_per_state.size()) != n)
    throw InputError("solver rtol_per_state has " + std::to_string(cfg.rtol_per_state.size()) +
                     " values but the model has " + std::to_string(n) + " states");
  Eigen::VectorXd r(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    r[i] = cfg.rtol_per_state[static_cast<std::size_t>(i)];
    if (!(r[i] >= 0.0 && r[i] < 1.0))
      throw InputError("solver rtol_per_state values must lie in [0, 1), got " +
                       std::to_string(r[i]));
  }
  return r;
}

/// Segments grouped by kind: the same inputs and the same dose targets at their start. A segment
/// of a kind seen before starts with the step that the first accepted step of the last such
/// segment suggested (a meal after a night would otherwise start from the night's hours-long step
/// and be rejected several times; Hairer & Wanner IV.8 discuss this restart cost).
inline std::vector<int> segment_kinds(const Schedule& schedule, int* kind_count) {
  std::map<std::vector<double>, int> kinds;
  std::vector<int> out(schedule.segment_count());
  std::vector<double> key;
  for (std::size_t k = 0; k < schedule.segment_count(); ++k) {
    const std::span<const double> u = schedule.inputs(k);
    key.assign(u.begin(), u.end());
    for (const Dose& d : schedule.doses_at_start(k)) key.push_back(-1.0 - d.target);
    out[k] = kinds.try_emplace(key, static_cast<int>(kinds.size())).first->second;
  }
  *kind_count = static_cast<int>(kinds.size());
  return out;
}

/// Sample times: the requested grid, plus every breakpoint if asked, sorted and merged.
inline std::vector<double> sample_times(std::span<const double> grid, const Schedule& schedule,
                                        bool with_breakpoints) {
  std::vector<double> times(grid.begin(), grid.end());
  for (double t : times)
    if (!(t >= -kTimeResolutionH && t <= schedule.duration_h() + kTimeResolutionH))
      throw InputError("output time " + std::to_string(t) + " h lies outside the run (0 to " +
                       std::to_string(schedule.duration_h()) + " h)");
  if (with_breakpoints)
    times.insert(times.end(), schedule.breakpoints().begin(), schedule.breakpoints().end());
  std::sort(times.begin(), times.end());
  std::vector<double> merged;
  merged.reserve(times.size());
  for (double t : times)
    if (merged.empty() || t - merged.back() > kTimeResolutionH) merged.push_back(t);
  return merged;
}

/// Hairer & Wanner's starting step (Solving ODEs I, II.4): h0 = 0.01 ||x|| / ||f||, refined by one
/// explicit Euler trial so that the local error of a first-order step would be near the tolerance.
template <class Rhs, class Vec>
double initial_step(const Rhs& f, double t, const Vec& x, const ErrorWeights& w, int order,
                    double span, Vec& f0, Vec& tmp, Vec& f1) {
  f(x, f0, t);
  const double d0 = w.norm(x, x, x), d1 = w.norm(x, x, f0);  // weights from |x|
  double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
  h0 = std::min(h0, span);
  tmp = x + h0 * f0;
  f(tmp, f1, t + h0);
  tmp = f1 - f0;
  const double d2 = w.norm(x, x, tmp) / h0;
  const double h1 = std::max(d1, d2) <= 1e-15
                        ? std::max(1e-6, h0 * 1e-3)
                        : std::pow(0.01 / std::max(d1, d2), 1.0 / (order + 1));
  return std::min({100 * h0, h1, span});
}

/// The state vector the solver uses for a model: fixed-size when the model declares its size.
template <class M>
struct StateVectorOf {
  using type = Eigen::VectorXd;
};
template <FixedSizeSystem M>
struct StateVectorOf<M> {
  using type = Eigen::Matrix<double, M::state_count, 1>;
};
template <class M>
using StateVector = typename StateVectorOf<M>::type;

template <System M, class Stepper>
Simulation run(const M& model, const Schedule& schedule, const Eigen::VectorXd& x0,
               const SolverConfig& cfg, std::span<const double> grid, double t_start) {
  using Vec = typename Stepper::Vector;
  const auto wall_start = std::chrono::steady_clock::now();
  check_inputs(model, schedule);
  std::span<const StateInfo> states = model.states();
  const Eigen::Index n = static_cast<Eigen::Index>(states.size());
  if (x0.size() != n)
    throw InputError("initial state has " + std::to_string(x0.size()) +
                     " values but the model has " + std::to_string(n) + " states");
  Vec x = x0;

  ErrorWeights weights{absolute_tolerances(cfg, n), cfg.rtol, relative_tolerances(cfg, n)};
  StepSizeController controller;
  controller.beta = cfg.controller_beta;

  std::vector<DoseEffect> dose_effects;
  for (const DoseTargetSpec& target : schedule.dose_targets())
    dose_effects.push_back(model.dose_effect(target.name));

  Simulation result;
  result.solver = cfg;
  if (!(t_start >= 0.0 && t_start < schedule.duration_h()))
    throw InputError("the start time " + std::to_string(t_start) +
                     " h lies outside the run (0 to " + std::to_string(schedule.duration_h()) +
                     " h)");
  std::vector<double> times = sample_times(grid, schedule, cfg.sample_breakpoints);
  times.erase(times.begin(),
              std::lower_bound(times.begin(), times.end(), t_start - kTimeResolutionH));
  std::span<const VariableInfo> observables = model.observables();
  result.variables.assign(observables.begin(), observables.end());
  result.time_h =
      Eigen::Map<const Eigen::VectorXd>(times.data(), static_cast<Eigen::Index>(times.size()));
  result.values.resize(static_cast<Eigen::Index>(times.size()),
                       static_cast<Eigen::Index>(observables.size()));
  SolverStats& stats = result.stats;

  Stepper stepper(model, n, weights, cfg);
  Vec x_dense(n), work_a(n), work_b(n), work_c(n);
  std::size_t next_sample = 0;
  auto record = [&](double t, const Vec& state, std::span<const double> u) {
    auto row = result.values.row(static_cast<Eigen::Index>(next_sample));
    model.observe(t, state.data(), u,
                  std::span<double>(row.data(), static_cast<std::size_t>(row.size())));
    ++next_sample;
  };
  auto fail = [&](SolverStatus status, double t, const std::string& what) {
    stats.status = status;
    stats.failure_time_h = t;
    std::ostringstream msg;
    msg.precision(8);
    msg << what << " at t = " << t << " h (segment " << stats.segments << ", after " << stats.steps
        << " steps)";
    stats.message = msg.str();
  };
  // A state may leave its valid range by at most 100 atol: explicit steps across a kink in the
  // right-hand side (a max() switching on) can overshoot a bound by a few atol, and 100 atol
  // separates that noise from a real sign error. The widened ranges are gathered once so the check
  // after every step reads two plain vectors rather than the state table.
  Vec lowest(n), highest(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const StateInfo& info = states[static_cast<std::size_t>(i)];
    lowest[i] = info.lower - 100.0 * weights.atol[i];
    highest[i] = info.upper + 100.0 * weights.atol[i];
  }
  // After every step: one branch-free pass over the states (it vectorises; Eigen's all() of two
  // comparisons cost ~650 instructions a step, 5 % of a 10-week run). NaN fails both comparisons,
  // so a non-finite state is caught here too and told apart only on the slow path.
  auto all_in_range = [&](const Vec& s) {
    bool ok = true;
    for (Eigen::Index i = 0; i < n; ++i) ok &= (s[i] >= lowest[i]) & (s[i] <= highest[i]);
    return ok;
  };
  // The first state outside its widened range, or -1.
  auto out_of_range = [&](const Vec& s) -> Eigen::Index {
    for (Eigen::Index i = 0; i < n; ++i)
      if (s[i] < lowest[i] || s[i] > highest[i]) return i;
    return -1;
  };

  int kind_count = 0;
  const std::vector<int> kind = segment_kinds(schedule, &kind_count);
  std::vector<double> first_step_of_kind(static_cast<std::size_t>(kind_count), 0.0);

  double t = 0.0;
  double h = cfg.initial_step_h;
  const double h_max = cfg.max_step_h;
  for (std::size_t k = schedule.segment_at(t_start); k < schedule.segment_count() && stats.ok();
       ++k) {
    const bool starts_inside = schedule.breakpoints()[k] < t_start - kTimeResolutionH;
    const double t_begin = starts_inside ? t_start : schedule.breakpoints()[k];
    const double t_end = schedule.breakpoints()[k + 1];
    const std::span<const double> u = schedule.inputs(k);
    const BoundRhs<M> f{&model, u, &stats.rhs_evaluations};
    t = t_begin;
    // A run that starts inside a segment begins after that segment's doses.
    if (!starts_inside)
      for (const Dose& d : schedule.doses_at_start(k)) {
        const DoseEffect& e = dose_effects[static_cast<std::size_t>(d.target)];
        x[e.state] += e.factor * d.amount;
      }
    ++stats.segments;
    while (next_sample < times.size() && times[next_sample] <= t_begin + kTimeResolutionH)
      record(times[next_sample], x, u);

    if (!(h > 0.0))
      h = initial_step(f, t, x, weights, Stepper::error_order, t_end - t_begin, work_a, work_b,
                       work_c);
    double& remembered = first_step_of_kind[static_cast<std::size_t>(kind[k])];
    if (remembered > 0.0) h = std::min(h, remembered);
    bool first_step = true;
    stepper.start(f, t, x);
    bool rejected_last = false;
    while (t < t_end) {
      if (stats.steps + stats.rejected_steps >= cfg.max_steps) {
        fail(SolverStatus::too_many_steps, t,
             "more than " + std::to_string(cfg.max_steps) + " steps");
        break;
      }
      if ((stats.steps & 1023) == 0 && interrupt_flag().load(std::memory_order_relaxed)) {
        fail(SolverStatus::interrupted, t, "interrupted");
        break;
      }
      h = std::min(h, h_max);
      const double h_planned = h;
      const double remaining = t_end - t;
      // Land exactly on the segment end rather than leave a sliver behind it.
      const bool last = h >= remaining * (1.0 - 1e-10) || remaining - h < 1e-3 * h;
      const double h_try = last ? remaining : h;
      const double min_step = 1e-14 * std::max(1.0, std::abs(t));
      if (h_try < min_step && !last) {
        fail(SolverStatus::step_size_underflow, t,
             "step size fell below " + std::to_string(min_step) + " h");
        break;
      }
      const double err = stepper.attempt(f, t, x, h_try, weights);
      if (!(err <= 1.0)) {
        ++stats.rejected_steps;
        h = controller.next(h_try, err, Stepper::error_order, true);
        rejected_last = true;
        if (h < min_step) {
          fail(SolverStatus::step_size_underflow, t,
               std::isfinite(err) ? "step size fell below " + std::to_string(min_step) + " h"
                                  : "the right-hand side returned NaN or Inf");
          break;
        }
        continue;
      }
      const double t_old = t;
      stepper.accept(f, t, x, h_try);
      if (last) t = t_end;  // exact, so the next segment starts where this one ends
      ++stats.steps;
      h = controller.next(h_try, err, Stepper::error_order, rejected_last);
      // The step that the first accepted step of this kind of segment suggests (unless the
      // segment's end cut it short: then it says nothing about the accuracy needed).
      if (first_step && !last) remembered = h;
      first_step = false;
      // A step cut short to land on the segment end says little about the next segment's scale.
      if (last) h = std::max(h, h_planned);
      rejected_last = false;

      if (!all_in_range(x)) {
        if (!x.allFinite()) {
          fail(SolverStatus::non_finite_state, t, "the state became NaN or Inf");
          break;
        }
        const Eigen::Index bad = out_of_range(x);
        const StateInfo& info = states[static_cast<std::size_t>(bad)];
        std::ostringstream what;
        what << "state '" << info.name << "' = " << x[bad] << " " << info.unit
             << " left its valid range [" << info.lower << ", " << info.upper << "]";
        fail(SolverStatus::state_out_of_range, t, what.str());
        break;
      }
      // Samples strictly inside the step by interpolation; one at the step end exactly. Samples at
      // the segment end belong to the next segment (after its doses) or to the final record.
      while (next_sample < times.size() && times[next_sample] < t - kTimeResolutionH &&
             times[next_sample] > t_old) {
        stepper.interpolate(times[next_sample], x, x_dense);
        record(times[next_sample], x_dense, u);
      }
      while (!last && next_sample < times.size() && times[next_sample] <= t + kTimeResolutionH)
        record(times[next_sample], x, u);
    }
  }
  if (stats.ok()) {
    const std::span<const double> u_last = schedule.inputs(schedule.segment_count() - 1);
    while (next_sample < times.size()) record(times[next_sample], x, u_last);
  } else {
    result.time_h.conservativeResize(static_cast<Eigen::Index>(next_sample));
    result.values.conservativeResize(static_cast<Eigen::Index>(next_sample), Eigen::NoChange);
  }
  stats.rhs_evaluations += stepper.extra_rhs_evaluations();
  stats.jacobian_evaluations = stepper.jacobian_evaluations();
  stats.lu_decompositions = stepper.lu_decompositions();
  stats.wall_time_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  attach_solver_metadata(result);
  return result;
}

}  // namespace detail

/// Integrates `model` from state `x0` at time `t_start` (default 0) to the end of `schedule`,
/// sampling its observables at those `output_times_h` (sorted, within [0, duration]) that are not
/// before t_start. Bad arguments throw InputError; a failed integration returns the samples up
/// to the failure with stats.status and stats.message set.
template <System M>
Simulation simulate(const M& model, const Schedule& schedule, const Eigen::VectorXd& x0,
                    const SolverConfig& config, std::span<const double> output_times_h,
                    double t_start = 0.0) {
  using Vec = detail::StateVector<M>;
  switch (config.method) {
    case Method::dopri5:
      return detail::run<M, Dopri5Stepper<Vec>>(model, schedule, x0, config, output_times_h,
                                                t_start);
    case Method::rosenbrock4:
      return detail::run<M, RosenbrockStepper<M, Vec, kShampine4>>(model, schedule, x0, config,
                                                                   output_times_h, t_start);
    case Method::ros34pw2:
      return detail::run<M, RosenbrockStepper<M, Vec, kRos34pw2>>(model, schedule, x0, config,
                                                                  output_times_h, t_start);
  }
  throw InputError("unknown solver method");
}

}  // namespace myoflux
