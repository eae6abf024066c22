// The model and scenarios of myoflux, integrated side by side in one process by myoflux's own
// steppers and by SUNDIALS CVODE (BDF, Debian's build) with myoflux's exact Jacobian through a
// dense, a band and a sparse (KLU) linear solver. Every solver runs at the loosest tolerance of a
// fixed ladder at which it meets the accuracy bar of tests/models/accuracy_bar.hpp against a
// dopri5 rtol 1e-10 reference on the same scenario. Prints a Markdown table: CPU ms per run
// (median of repeats), steps, RHS and Jacobian evaluations, the bar ratio, and the ratio to the
// recommended solver.
//   cvode_peer                      the table for the 10-week HIIT plan and a one-day scenario
//   cvode_peer --once SOLVER FILE N   finds the solver's tolerance as the table does, then runs
//     it N times: for callgrind, (count at N = 3 - count at N = 1) / 2 is one run's instructions.
#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sunlinsol/sunlinsol_band.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_band.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/solver/jacobian.hpp"
#include "engine/solver/simulation.hpp"
#include "models/protein_balance/adapter.hpp"
#include "tests/models/accuracy_bar.hpp"

namespace myoflux::peers {
namespace {

using protein_balance::Adapter;
using protein_balance::ProteinBalanceModel;

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

SolverConfig scaled(SolverConfig c, double rtol) {
  const double f = rtol / c.rtol;
  for (double& a : c.atol_per_state) a *= f;
  c.rtol = rtol;
  return c;
}

enum class LinearSolver { dense, band, klu };

struct CvodeUser {
  const ProteinBalanceModel* model;
  std::span<const double> u;
  const JacobianPattern* pattern;
  JacobianEvaluator* jacobian;
  std::vector<double> values, f;
  long jacobian_calls = 0;
};

int cvode_rhs(sunrealtype t, N_Vector y, N_Vector ydot, void* data) {
  auto* user = static_cast<CvodeUser*>(data);
  user->model->rhs(t, N_VGetArrayPointer(y), user->u, N_VGetArrayPointer(ydot));
  return 0;
}

int cvode_jacobian(sunrealtype t, N_Vector y, N_Vector, SUNMatrix J, void* data, N_Vector, N_Vector,
                   N_Vector) {
  auto* user = static_cast<CvodeUser*>(data);
  ++user->jacobian_calls;
  user->jacobian->evaluate(t, N_VGetArrayPointer(y), user->u, user->values.data(), user->f.data());
  const JacobianPattern& p = *user->pattern;
  const SUNMatrix_ID id = SUNMatGetID(J);
  if (id == SUNMATRIX_SPARSE) {
    // CSR with the pattern's own structure.
    sunindextype* ptr = SUNSparseMatrix_IndexPointers(J);
    sunindextype* idx = SUNSparseMatrix_IndexValues(J);
    sunrealtype* val = SUNSparseMatrix_Data(J);
    for (int i = 0; i <= p.n; ++i) ptr[i] = p.row_start[static_cast<std::size_t>(i)];
    for (int k = 0; k < p.nonzeros(); ++k) {
      idx[k] = p.column[static_cast<std::size_t>(k)];
      val[k] = user->values[static_cast<std::size_t>(k)];
    }
    return 0;
  }
  SUNMatZero(J);
  for (int i = 0; i < p.n; ++i)
    for (int k = p.row_start[static_cast<std::size_t>(i)];
         k < p.row_start[static_cast<std::size_t>(i) + 1]; ++k) {
      const int j = p.column[static_cast<std::size_t>(k)];
      const double v = user->values[static_cast<std::size_t>(k)];
      if (id == SUNMATRIX_DENSE)
        SM_ELEMENT_D(J, i, j) = v;
      else
        SM_ELEMENT_B(J, i, j) = v;
    }
  return 0;
}

void check(int flag, const char* what) {
  if (flag < 0)
    throw std::runtime_error(std::string(what) + " failed with flag " + std::to_string(flag));
}

/// One run of a scenario with CVODE BDF, segment by segment (re-initialised at every breakpoint,
/// as myoflux's driver restarts), sampling the outputs on the scenario's grid.
RunRecord run_cvode(const Scenario& scenario, LinearSolver kind, double rtol) {
  const Adapter adapter;
  const ProteinBalanceModel model(scenario.subject, protein_balance::resolve_parameters(scenario));
  const int n = protein_balance::kStateCount;
  const JacobianPattern& pattern = traced_jacobian_pattern(model, n, model.input_channels().size());
  auto evaluator = make_jacobian_evaluator(model, pattern, {});
  CvodeUser user{&model,
                 {},
                 &pattern,
                 evaluator.get(),
                 std::vector<double>(static_cast<std::size_t>(pattern.nonzeros())),
                 std::vector<double>(static_cast<std::size_t>(n))};

  SUNContext ctx = nullptr;
  check(SUNContext_Create(nullptr, &ctx), "SUNContext_Create");
  N_Vector y = N_VNew_Serial(n, ctx), atol = N_VNew_Serial(n, ctx);
  const Eigen::VectorXd x0 = model.initial_state();
  std::copy(x0.data(), x0.data() + n, N_VGetArrayPointer(y));
  const SolverConfig tolerances = scaled(adapter.default_solver(), rtol);
  std::copy(tolerances.atol_per_state.begin(), tolerances.atol_per_state.end(),
            N_VGetArrayPointer(atol));
  void* mem = CVodeCreate(CV_BDF, ctx);
  check(CVodeInit(mem, cvode_rhs, 0.0, y), "CVodeInit");
  check(CVodeSVtolerances(mem, rtol, atol), "CVodeSVtolerances");
  check(CVodeSetUserData(mem, &user), "CVodeSetUserData");
  check(CVodeSetMaxNumSteps(mem, 10'000'000), "CVodeSetMaxNumSteps");
  SUNMatrix A = nullptr;
  SUNLinearSolver LS = nullptr;
  if (kind == LinearSolver::dense) {
    A = SUNDenseMatrix(n, n, ctx);
    LS = SUNLinSol_Dense(y, A, ctx);
  } else if (kind == LinearSolver::band) {
    int upper = 0, lower = 0;
    for (int i = 0; i < n; ++i)
      for (int k = pattern.row_start[static_cast<std::size_t>(i)];
           k < pattern.row_start[static_cast<std::size_t>(i) + 1]; ++k) {
        const int j = pattern.column[static_cast<std::size_t>(k)];
        upper = std::max(upper, j - i);
        lower = std::max(lower, i - j);
      }
    A = SUNBandMatrix(n, upper, lower, ctx);
    LS = SUNLinSol_Band(y, A, ctx);
  } else {
    A = SUNSparseMatrix(n, n, pattern.nonzeros(), CSR_MAT, ctx);
    LS = SUNLinSol_KLU(y, A, ctx);
  }
  check(CVodeSetLinearSolver(mem, LS, A), "CVodeSetLinearSolver");
  check(CVodeSetJacFn(mem, cvode_jacobian), "CVodeSetJacFn");

  const Schedule& schedule = scenario.schedule;
  const std::vector<double> grid = uniform_grid(scenario.duration_h, scenario.output_interval_h);
  RunRecord rec;
  Result& r = rec.result;
  r.variables.assign(model.observables().begin(), model.observables().end());
  r.time_h = Eigen::Map<const Eigen::VectorXd>(grid.data(), static_cast<Eigen::Index>(grid.size()));
  r.values.resize(static_cast<Eigen::Index>(grid.size()),
                  static_cast<Eigen::Index>(r.variables.size()));
  std::vector<DoseEffect> effects;
  for (const DoseTargetSpec& d : schedule.dose_targets())
    effects.push_back(model.dose_effect(d.name));
  std::size_t next = 0;
  long steps = 0, rhs = 0;
  N_Vector at = N_VNew_Serial(n, ctx);
  auto record = [&](double t, N_Vector state, std::span<const double> u) {
    auto row = r.values.row(static_cast<Eigen::Index>(next++));
    model.observe(t, N_VGetArrayPointer(state), u, std::span<double>(row.data(), row.size()));
  };
  for (std::size_t k = 0; k < schedule.segment_count(); ++k) {
    const double t0 = schedule.breakpoints()[k], t1 = schedule.breakpoints()[k + 1];
    user.u = schedule.inputs(k);
    for (const Dose& d : schedule.doses_at_start(k))
      N_VGetArrayPointer(y)[effects[static_cast<std::size_t>(d.target)].state] +=
          effects[static_cast<std::size_t>(d.target)].factor * d.amount;
    while (next < grid.size() && grid[next] <= t0 + kTimeResolutionH) record(grid[next], y, user.u);
    check(CVodeReInit(mem, t0, y), "CVodeReInit");
    check(CVodeSetStopTime(mem, t1), "CVodeSetStopTime");
    sunrealtype t = t0;
    while (next < grid.size() && grid[next] < t1 - kTimeResolutionH) {
      check(CVode(mem, grid[next], at, &t, CV_NORMAL), "CVode");
      record(grid[next], at, user.u);
    }
    check(CVode(mem, t1, y, &t, CV_NORMAL), "CVode");
    long s = 0, e = 0;
    CVodeGetNumSteps(mem, &s);
    CVodeGetNumRhsEvals(mem, &e);
    steps += s;
    rhs += e;
  }
  while (next < grid.size()) record(grid[next], y, schedule.inputs(schedule.segment_count() - 1));
  SolverStats stats;
  stats.steps = steps;
  stats.rhs_evaluations = rhs;
  stats.jacobian_evaluations = user.jacobian_calls;
  stats.segments = static_cast<long>(schedule.segment_count());
  r.metadata = solver_metadata(tolerances, stats);
  rec.summary = adapter.summarize(r);
  N_VDestroy(at);
  N_VDestroy(y);
  N_VDestroy(atol);
  SUNLinSolFree(LS);
  SUNMatDestroy(A);
  CVodeFree(&mem);
  SUNContext_Free(&ctx);
  return rec;
}

struct Solver {
  std::string name;
  std::function<RunRecord(const Scenario&, double rtol)> run;
  std::vector<double> ladder;  // tolerances tried, loosest first
};

std::vector<Solver> solvers() {
  const Adapter a;
  auto ours = [a](SolverConfig base) {
    return [a, base](const Scenario& s, double rtol) {
      return a.run(s, scaled(base, rtol), RecordDetail::result_and_summary);
    };
  };
  SolverConfig wave_one = a.default_solver();  // the settings before this work: dopri5, 1e-6
  wave_one.controller_beta = 0.0;
  SolverConfig rb4 = a.default_solver(), w = a.default_solver();
  rb4.method = Method::rosenbrock4;
  w.method = Method::ros34pw2;
  w.jacobian_max_age = 10;
  SolverConfig wd = w;  // the same, with the Jacobian's diagonal alone in W
  wd.jacobian_diagonal = true;
  const std::vector<double> ladder{1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6, 1e-6, 3e-7, 1e-7, 3e-8};
  return {
      {"myoflux recommended (dopri5, PI)", ours(a.default_solver()), {a.default_solver().rtol}},
      {"myoflux dopri5 as in wave one (rtol 1e-6)", ours(wave_one), {1e-6}},
      {"myoflux rosenbrock4 (exact J each step)", ours(rb4), ladder},
      {"myoflux ros34pw2 (J reused up to 10 steps)", ours(w), ladder},
      {"myoflux ros34pw2, diagonal W (J reused up to 10 steps)", ours(wd), ladder},
      {"CVODE BDF, dense LU, exact J",
       [](const Scenario& s, double rtol) { return run_cvode(s, LinearSolver::dense, rtol); },
       ladder},
      {"CVODE BDF, band LU, exact J",
       [](const Scenario& s, double rtol) { return run_cvode(s, LinearSolver::band, rtol); },
       ladder},
      {"CVODE BDF, KLU sparse, exact J",
       [](const Scenario& s, double rtol) { return run_cvode(s, LinearSolver::klu, rtol); },
       ladder},
  };
}

RunRecord reference_run(const Scenario& scenario) {
  const Adapter a;
  SolverConfig reference = scaled(a.default_solver(), 1e-10);
  reference.controller_beta = 0.0;
  return a.run(scenario, reference, RecordDetail::result_and_summary);
}

/// The loosest tolerance of the solver's ladder that meets the bar (0 if none does), with the
/// bar ratio there (or at the tightest).
std::pair<double, double> best_tolerance(const Solver& s, const Scenario& scenario,
                                         const RunRecord& ref) {
  double ratio = 0.0;
  for (double tol : s.ladder) {
    ratio = testing::measure(ref, s.run(scenario, tol), scenario.output_interval_h).worst_ratio;
    if (ratio <= 1.0) return {tol, ratio};
  }
  return {0.0, ratio};
}

void table(const std::string& file, int repeats) {
  const Scenario scenario = load_scenario(std::string(MYOFLUX_SOURCE_DIR) + "/" + file);
  const RunRecord ref = reference_run(scenario);
  std::printf("\n%s (%zu segments, %.0f h, output every %.0f min)\n\n", file.c_str(),
              scenario.schedule.segment_count(), scenario.duration_h,
              60 * scenario.output_interval_h);
  std::printf(
      "| solver | rtol | CPU ms per run | vs recommended | steps | RHS | Jacobians | bar ratio "
      "|\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
  double recommended_ms = 0.0;
  for (const Solver& s : solvers()) {
    const auto [rtol, ratio] = best_tolerance(s, scenario, ref);
    RunRecord rec;
    if (rtol == 0.0) {
      std::printf("| %s | - | - | - | - | - | - | misses the bar at %.0e (%.2f) |\n",
                  s.name.c_str(), s.ladder.back(), ratio);
      continue;
    }
    std::vector<double> times;
    const int reps = s.name.rfind("CVODE", 0) == 0 ? std::max(1, repeats / 5) : repeats;
    for (int i = 0; i < reps; ++i) {
      const double t0 = cpu_seconds();
      rec = s.run(scenario, rtol);
      times.push_back(cpu_seconds() - t0);
    }
    std::sort(times.begin(), times.end());
    const double ms = 1e3 * times[times.size() / 2];
    if (recommended_ms == 0.0) recommended_ms = ms;
    std::printf("| %s | %.0e | %.3f | %.1fx | %ld | %ld | %ld | %.2f |\n", s.name.c_str(), rtol, ms,
                ms / recommended_ms, solver_stats(rec.result).steps,
                solver_stats(rec.result).rhs_evaluations,
                solver_stats(rec.result).jacobian_evaluations, ratio);
  }
}

}  // namespace
}  // namespace myoflux::peers

int main(int argc, char** argv) {
  using namespace myoflux::peers;
  try {
    if (argc == 5 && std::string(argv[1]) == "--once") {
      const myoflux::Scenario s = myoflux::load_scenario(argv[3]);
      const int runs = std::stoi(argv[4]);
      for (const Solver& solver : solvers())
        if (solver.name.find(argv[2]) != std::string::npos) {
          const double rtol = best_tolerance(solver, s, reference_run(s)).first;
          myoflux::RunRecord r;
          for (int i = 0; i < runs; ++i) r = solver.run(s, rtol);
          std::printf("%s at rtol %g: %ld steps\n", solver.name.c_str(), rtol,
                      myoflux::solver_stats(r.result).steps);
          return 0;
        }
      std::fprintf(stderr, "no solver matches '%s'\n", argv[2]);
      return 2;
    }
    const int repeats = argc > 1 ? std::stoi(argv[1]) : 21;
    table("scenarios/hiit_4x4_brief.yaml", repeats);
    table("tests/engine/sweep/data/one_day.yaml", repeats * 20);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cvode_peer: %s\n", e.what());
    return 1;
  }
}
