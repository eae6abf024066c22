// The model's exact Jacobian (forward-mode automatic differentiation of its templated right-hand
// side, over the traced sparsity pattern) against central finite differences, at states taken
// along real scenarios: rest, a protein meal, sprints, a marathon and a ketogenic diet. Every entry
// must agree to 1e-6 relative, and every entry outside the traced pattern must vanish (the pattern
// misses nothing).
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <set>

#include "engine/solver/block_lu.hpp"
#include "engine/solver/jacobian.hpp"
#include "engine/solver/simulate.hpp"
#include "models/protein_balance/adapter.hpp"

namespace myoflux::protein_balance {
namespace {

/// The model with its states as observables, so that a run records the states themselves.
struct StateRecorder {
  const ProteinBalanceModel* model;
  std::vector<VariableInfo> as_outputs;
  explicit StateRecorder(const ProteinBalanceModel& m) : model(&m) {
    for (const StateInfo& s : state_table()) as_outputs.push_back({s.name, s.unit, s.description});
  }
  static constexpr bool autonomous = true;
  static constexpr int state_count = kStateCount;
  std::span<const StateInfo> states() const { return model->states(); }
  std::span<const std::string_view> input_channels() const { return model->input_channels(); }
  std::span<const VariableInfo> observables() const { return as_outputs; }
  template <class T>
  void rhs(double t, const T* x, std::span<const double> u, T* dxdt) const {
    model->rhs(t, x, u, dxdt);
  }
  void observe(double, const double* x, std::span<const double>, std::span<double> row) const {
    for (int i = 0; i < kStateCount; ++i) row[static_cast<std::size_t>(i)] = x[i];
  }
  DoseEffect dose_effect(std::string_view t) const { return model->dose_effect(t); }
};

struct Point {
  std::string where;
  Eigen::VectorXd x;
  std::vector<double> u;
};

/// States along a scenario (shortened to `duration`), sampled at every breakpoint too so that
/// states during exercise bouts are among them; `count` of them, exercise first.
std::vector<Point> points_along(const std::string& file, const std::string& duration,
                                std::size_t count) {
  const std::vector<FieldOverride> sets{{"duration", duration}};
  const Scenario s = load_scenario(std::string(MYOFLUX_SOURCE_DIR) + "/scenarios/" + file, sets);
  const ProteinBalanceModel model(s.subject, Parameters{});
  SolverConfig cfg = Adapter().default_solver();
  cfg.sample_breakpoints = true;
  const Simulation r = simulate(StateRecorder(model), s.schedule, model.initial_state(), cfg,
                            uniform_grid(s.duration_h, 0.25));
  EXPECT_TRUE(r.stats.ok()) << r.stats.message;
  std::vector<Point> moving, resting;
  for (Eigen::Index k = 0; k < r.values.rows(); ++k) {
    const std::span<const double> u = s.schedule.inputs(s.schedule.segment_at(r.time_h[k]));
    Point p{file + " at " + std::to_string(r.time_h[k]) + " h",
            r.values.row(k).transpose(),
            {u.begin(), u.end()}};
    (u[channel::exercise_intensity] > 0.0 ? moving : resting).push_back(p);
  }
  std::vector<Point> out;
  const std::size_t from_moving = std::min(moving.size(), count / 2);
  for (std::size_t i = 0; i < from_moving; ++i)
    out.push_back(moving[i * moving.size() / from_moving]);
  const std::size_t rest = count - from_moving;
  for (std::size_t i = 0; i < rest && !resting.empty(); ++i)
    out.push_back(resting[i * resting.size() / rest]);
  return out;
}

TEST(ModelJacobian, ExactJacobianMatchesCentralDifferencesAlongScenarios) {
  const ProteinBalanceModel model(Subject{}, Parameters{});
  const JacobianPattern& pattern =
      traced_jacobian_pattern(model, kStateCount, model.input_channels().size());
  auto exact = make_jacobian_evaluator(model, pattern, {});
  std::vector<Point> points;
  for (const auto& [file, duration] : std::vector<std::pair<std::string, std::string>>{
           {"studies/postabsorptive_rest.yaml", "6 h"},
           {"studies/atherton2010_whey.yaml", "5 h"},
           {"sprints/sprint_6x20s.yaml", "3 days"},
           {"long_distance/race_marathon.yaml", "2 days"},
           {"diets/ketogenic.yaml", "3 days"}}) {
    std::vector<Point> p = points_along(file, duration, 50);
    points.insert(points.end(), p.begin(), p.end());
  }
  ASSERT_GE(points.size(), 200u);

  const auto& states = state_table();
  std::vector<double> values(static_cast<std::size_t>(pattern.nonzeros()));
  Eigen::VectorXd f(kStateCount), up(kStateCount), down(kStateCount);
  long compared = 0, kinks = 0;
  std::set<std::string> kink_entries;
  for (const Point& p : points) {
    exact->evaluate(0.0, p.x.data(), p.u, values.data(), f.data());
    for (int j = 0; j < kStateCount; ++j) {
      // Central difference with a step of 1e-5 of the state's size (or its typical magnitude).
      const double delta =
          1e-5 * std::max(std::abs(p.x[j]), states[static_cast<std::size_t>(j)].scale);
      Eigen::VectorXd xp = p.x, xm = p.x;
      xp[j] += delta;
      xm[j] -= delta;
      model.rhs(0.0, xp.data(), p.u, up.data());
      model.rhs(0.0, xm.data(), p.u, down.data());
      for (int i = 0; i < kStateCount; ++i) {
        const double central = (up[i] - down[i]) / (2.0 * delta);
        const double forward = (up[i] - f[i]) / delta, backward = (f[i] - down[i]) / delta;
        // Rounding in the differences: a few eps times the size of the terms that make up f_i
        // (rates up to ~100/h times the state's typical magnitude), divided by delta. It matters
        // only for entries near zero, where terms cancel.
        const double rounding =
            4.0 * 2.2e-16 * 100.0 * states[static_cast<std::size_t>(i)].scale / delta;
        if (std::abs(forward - backward) > 1e-3 * std::abs(central) + 10.0 * rounding) {
          ++kinks;  // a max(x, 0) switches within +-delta: the two one-sided slopes differ
          kink_entries.insert(states[static_cast<std::size_t>(i)].name + " / " +
                              states[static_cast<std::size_t>(j)].name);
          continue;
        }
        const bool in_pattern = pattern.has(i, j);
        double ad = 0.0;
        if (in_pattern)
          for (int k = pattern.row_start[static_cast<std::size_t>(i)];
               k < pattern.row_start[static_cast<std::size_t>(i) + 1]; ++k)
            if (pattern.column[static_cast<std::size_t>(k)] == j)
              ad = values[static_cast<std::size_t>(k)];
        ++compared;
        ASSERT_NEAR(ad, central, 1e-6 * std::max(std::abs(ad), std::abs(central)) + rounding)
            << "d f(" << states[static_cast<std::size_t>(i)].name << ") / d "
            << states[static_cast<std::size_t>(j)].name
            << (in_pattern ? "" : " (outside the pattern)") << " at " << p.where;
      }
    }
  }
  std::cout << points.size() << " states, " << compared << " entries compared, " << kinks
            << " skipped at kinks; pattern " << pattern.nonzeros() << " nonzeros, "
            << pattern.colours << " colours\n";
  for (const std::string& e : kink_entries) std::cout << "  kink in d f(" << e << ")\n";
  // The rested state sits exactly on four kinks of the equations, all zero at rest: max(Z, 0) of
  // the refractory drive, max(D, 0) of the anabolic drive (leucine, insulin), max(I - I_b, 0) of
  // insulin, and max(T - X1, 0) of the sensitisation onset; and body water at exactly 0 sits on
  // the switch between renal clearance of a surplus and drinking to thirst. Only entries through
  // those may be skipped, and only a small share of all.
  EXPECT_LT(kinks, compared / 100);
  for (const std::string& e : kink_entries)
    EXPECT_TRUE(e.rfind("refractory", 0) == 0 || e.rfind("nutritional_adaptation", 0) == 0 ||
                e.find("/ insulin") != std::string::npos ||
                e.find("/ intracellular_leucine") != std::string::npos ||
                e == "body_water_change_l / body_water_change_l" ||
                e == "sensitisation_fast / sensitisation_fast")
        << "an unexpected kink in d f(" << e << ")";
}

// The traced pattern holds every entry any segment of the library's long plans can produce: the
// union over their distinct inputs is contained in it.
TEST(ModelJacobian, ProbeInputsCoverEveryInputOfTheLibrary) {
  const ProteinBalanceModel model(Subject{}, Parameters{});
  const JacobianPattern& traced =
      traced_jacobian_pattern(model, kStateCount, model.input_channels().size());
  for (const std::string file :
       {"hiit_vs_long_distance.yaml", "sprints/hill_sprints_4x30s.yaml",
        "long_distance/race_marathon.yaml", "studies/chesley1992_resistance.yaml",
        "studies/bohe2001_infusion.yaml", "studies/didonato2014_cycling.yaml"}) {
    for (const Scenario& s :
         load_study(std::string(MYOFLUX_SOURCE_DIR) + "/scenarios/" + file).arms)
      for (std::size_t k = 0; k < s.schedule.segment_count(); ++k) {
        const std::span<const double> u = s.schedule.inputs(k);
        std::vector<DependencyTracer> x(kStateCount), f(kStateCount);
        for (int j = 0; j < kStateCount; ++j)
          x[static_cast<std::size_t>(j)].on.set(static_cast<std::size_t>(j));
        model.rhs(0.0, x.data(), u, f.data());
        for (int i = 0; i < kStateCount; ++i)
          for (int j = 0; j < kStateCount; ++j) {
            if (f[static_cast<std::size_t>(i)].on.test(static_cast<std::size_t>(j))) {
              ASSERT_TRUE(traced.has(i, j)) << file << " segment " << k << ": entry (" << i << ", "
                                            << j << ") is missing from the traced pattern";
            }
          }
      }
  }
}

// The block-triangular factorization solves (sigma I - J) g = r as a dense LU does.
TEST(ModelJacobian, BlockTriangularSolveMatchesDenseLu) {
  const ProteinBalanceModel model(Subject{}, Parameters{});
  const JacobianPattern& pattern =
      traced_jacobian_pattern(model, kStateCount, model.input_channels().size());
  Eigen::VectorXd x = model.initial_state(), f(kStateCount);
  x[gut_whey] = 25.0;
  x[intracellular_leucine] = 300.0;
  x[damage] = 0.2;
  std::vector<double> u(channel::count, 0.0);
  std::vector<double> values(static_cast<std::size_t>(pattern.nonzeros()));
  make_jacobian_evaluator(model, pattern, {})->evaluate(0.0, x.data(), u, values.data(), f.data());
  Eigen::MatrixXd W = Eigen::MatrixXd::Zero(kStateCount, kStateCount);
  const double sigma = 1.0 / (0.43 * 0.05);
  for (int i = 0; i < kStateCount; ++i)
    for (int k = pattern.row_start[static_cast<std::size_t>(i)];
         k < pattern.row_start[static_cast<std::size_t>(i) + 1]; ++k)
      W(i, pattern.column[static_cast<std::size_t>(k)]) = -values[static_cast<std::size_t>(k)];
  W.diagonal().array() += sigma;
  BlockTriangularLU lu(pattern);
  ASSERT_TRUE(lu.factor(sigma, values.data()));
  const Eigen::VectorXd r = Eigen::VectorXd::LinSpaced(kStateCount, -3.0, 5.0);
  Eigen::VectorXd g = r;
  lu.solve(g.data());
  const Eigen::VectorXd dense = W.partialPivLu().solve(r);
  EXPECT_LT((g - dense).norm(), 1e-12 * dense.norm());
  EXPECT_LE(lu.largest_block(), 8);  // the dependency graph is nearly a chain (states.hpp)
}

}  // namespace
}  // namespace myoflux::protein_balance
