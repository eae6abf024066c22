// Chooses the model's recommended solver by measurement: runs every long plan of the scenario
// library (8 weeks or more) with candidate settings and compares the endpoints with a dopri5
// reference at rtol 1e-10. Prints, per candidate: steps, rejections, Jacobians, time per run, the
// worst CSA error (percentage points) and the worst relative endpoint error over the plans.
//   solver_settings [method rtol max_age each_segment]...   (no arguments: a built-in list)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/solver/block_lu.hpp"
#include "engine/solver/jacobian.hpp"
#include "engine/solver/simulation.hpp"
#include "models/protein_balance/adapter.hpp"
#include "tests/models/accuracy_bar.hpp"
#include "tests/models/library_plans.hpp"

using namespace myoflux;
using namespace myoflux::protein_balance;

namespace {

struct Candidate {
  Method method;
  double rtol;
  int max_age;
  bool each_segment;
};

/// This thread's CPU time: less disturbed than wall time by other work on a shared machine.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

SolverConfig config_of(const Candidate& c) {
  SolverConfig s = Adapter().default_solver();
  const double factor = c.rtol / s.rtol;
  for (double& a : s.atol_per_state) a *= factor;
  s.rtol = c.rtol;
  s.method = c.method;
  s.jacobian_max_age = c.max_age;
  s.jacobian_each_segment = c.each_segment;
  if (const char* beta = std::getenv("MYOFLUX_BETA")) s.controller_beta = std::stod(beta);
  // MYOFLUX_DIAGONAL_W=1: Rosenbrock-W methods with the Jacobian's diagonal alone in W.
  if (const char* diagonal = std::getenv("MYOFLUX_DIAGONAL_W"))
    s.jacobian_diagonal = std::string(diagonal) == "1";
  // MYOFLUX_TOL="state:atol_factor:rtol_factor,..." loosens or tightens single states.
  if (const char* spec = std::getenv("MYOFLUX_TOL")) {
    s.rtol_per_state.assign(s.atol_per_state.size(), s.rtol);
    std::string all = spec;
    for (std::size_t pos = 0; pos < all.size();) {
      std::size_t end = all.find(',', pos);
      if (end == std::string::npos) end = all.size();
      const std::string item = all.substr(pos, end - pos);
      const std::size_t c1 = item.find(':'), c2 = item.find(':', c1 + 1);
      const int i = std::stoi(item.substr(0, c1));
      s.atol_per_state[static_cast<std::size_t>(i)] *= std::stod(item.substr(c1 + 1, c2 - c1 - 1));
      s.rtol_per_state[static_cast<std::size_t>(i)] *= std::stod(item.substr(c2 + 1));
      pos = end + 1;
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const Adapter adapter;
  std::vector<Scenario> plans = testing::library_plans(
      MYOFLUX_SOURCE_DIR, std::getenv("MYOFLUX_ALL") ? 0.0 : 8 * 7 * 24.0);
  if (const char* dt = std::getenv("MYOFLUX_OUTPUT_H"))
    for (Scenario& s : plans) s.output_interval_h = std::stod(dt);
  // MYOFLUX_SET="parameter=value" changes one model parameter in every plan (what-if studies).
  if (const char* set = std::getenv("MYOFLUX_SET")) {
    const std::string a = set;
    const std::size_t eq = a.find('=');
    for (Scenario& s : plans)
      s.parameters.push_back({a.substr(0, eq), std::stod(a.substr(eq + 1)), a.substr(eq + 1), {}});
  }
  std::vector<RunRecord> reference;
  const SolverConfig ref = config_of({Method::dopri5, 1e-10, 1, true});
  for (const Scenario& s : plans)
    reference.push_back(adapter.run(s, ref, RecordDetail::result_and_summary));

  std::vector<Candidate> candidates;
  for (int i = 1; i + 3 < argc; i += 4)
    candidates.push_back({parse_method(argv[i]), std::stod(argv[i + 1]), std::stoi(argv[i + 2]),
                          std::string(argv[i + 3]) == "1"});
  if (candidates.empty())
    candidates = {{Method::dopri5, 1e-6, 1, true},     {Method::rosenbrock4, 1e-4, 1, true},
                  {Method::ros34pw2, 1e-4, 1, true},   {Method::ros34pw2, 1e-4, 10, true},
                  {Method::ros34pw2, 1e-4, 10, false}, {Method::ros34pw2, 1e-3, 10, true}};

  {
    const ProteinBalanceModel model(plans.front().subject, Parameters{});
    const JacobianPattern& p =
        traced_jacobian_pattern(model, kStateCount, model.input_channels().size());
    const BlockTriangularLU lu(p);
    std::printf("Jacobian: %d states, %d nonzeros, %d colours; %d diagonal blocks, largest %d\n",
                p.n, p.nonzeros(), p.colours, lu.block_count(), lu.largest_block());
  }
  std::printf("%-12s %7s %4s %3s | %8s %6s %6s %6s | %9s | %10s %10s %s\n", "method", "rtol", "age",
              "seg", "steps", "rej", "jac", "lu", "cpu ms/run", "csa pp", "bar ratio",
              "(worst; <= 1 meets the bar)");
  for (const Candidate& c : candidates) {
    const SolverConfig cfg = config_of(c);
    double csa_err = 0, worst_ratio = 0, seconds = 0;
    long steps = 0, rejected = 0, jac = 0, lu = 0;
    std::string worst;
    for (std::size_t k = 0; k < plans.size(); ++k) {
      RunRecord r;
      const int repeats = 3;
      const double t0 = cpu_seconds();
      for (int i = 0; i < repeats; ++i)
        r = adapter.run(plans[k], cfg, RecordDetail::result_and_summary);
      seconds += (cpu_seconds() - t0) / repeats;
      const SolverStats stats = solver_stats(r.result);
      steps += stats.steps;
      rejected += stats.rejected_steps;
      jac += stats.jacobian_evaluations;
      lu += stats.lu_decompositions;
      const testing::BarCheck bar = testing::measure(reference[k], r, plans[k].output_interval_h);
      csa_err = std::max(csa_err, bar.csa_error_pp);
      if (bar.worst_ratio > worst_ratio)
        worst_ratio = bar.worst_ratio, worst = plans[k].name + ": " + bar.worst;
    }
    const double n = static_cast<double>(plans.size());
    std::printf("%-12s %7.0e %4d %3d | %8.0f %6.0f %6.0f %6.0f | %9.3f | %10.2e %10.2e %s\n",
                std::string(method_name(c.method)).c_str(), c.rtol, c.max_age,
                c.each_segment ? 1 : 0, steps / n, rejected / n, jac / n, lu / n, 1e3 * seconds / n,
                csa_err, worst_ratio, worst.c_str());
  }
  std::printf("%zu plans\n", plans.size());
}
