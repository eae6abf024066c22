// Nelder-Mead simplex minimization (Nelder & Mead 1965; the standard reflection 1, expansion 2,
// contraction 1/2 and shrink 1/2 coefficients), for fitting a handful of parameters to targets
// without derivatives. Deterministic: the same start gives the same result.
#pragma once

#include <algorithm>
#include <functional>
#include <numeric>
#include <vector>

namespace myoflux::protein_balance {

struct NelderMeadResult {
  std::vector<double> x;
  double value = 0.0;
  int evaluations = 0;
};

/// Minimizes f from x0 with initial steps `step` per coordinate, for at most `max_evaluations`
/// calls or until the simplex values agree to `tolerance`.
inline NelderMeadResult nelder_mead(const std::function<double(const std::vector<double>&)>& f,
                                    std::vector<double> x0, const std::vector<double>& step,
                                    int max_evaluations, double tolerance = 1e-6) {
  const std::size_t n = x0.size();
  std::vector<std::vector<double>> simplex(n + 1, x0);
  for (std::size_t i = 0; i < n; ++i) simplex[i + 1][i] += step[i];
  std::vector<double> value(n + 1);
  int evaluations = 0;
  auto eval = [&](const std::vector<double>& x) {
    ++evaluations;
    return f(x);
  };
  for (std::size_t i = 0; i <= n; ++i) value[i] = eval(simplex[i]);
  std::vector<std::size_t> order(n + 1);
  while (evaluations < max_evaluations) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return value[a] < value[b]; });
    const std::size_t best = order.front(), worst = order.back(), second = order[n - 1];
    if (value[worst] - value[best] <= tolerance * (1.0 + std::abs(value[best]))) break;
    std::vector<double> centroid(n, 0.0);
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t j = 0; j < n; ++j)
        centroid[j] += simplex[order[k]][j] / static_cast<double>(n);
    auto along = [&](double a) {
      std::vector<double> y(n);
      for (std::size_t j = 0; j < n; ++j)
        y[j] = centroid[j] + a * (simplex[worst][j] - centroid[j]);
      return y;
    };
    const std::vector<double> reflected = along(-1.0);
    const double fr = eval(reflected);
    if (fr < value[best]) {
      const std::vector<double> expanded = along(-2.0);
      const double fe = eval(expanded);
      if (fe < fr)
        simplex[worst] = expanded, value[worst] = fe;
      else
        simplex[worst] = reflected, value[worst] = fr;
    } else if (fr < value[second]) {
      simplex[worst] = reflected, value[worst] = fr;
    } else {
      const std::vector<double> contracted = along(fr < value[worst] ? -0.5 : 0.5);
      const double fc = eval(contracted);
      if (fc < std::min(fr, value[worst])) {
        simplex[worst] = contracted, value[worst] = fc;
      } else {
        for (std::size_t k = 1; k <= n; ++k) {
          const std::size_t i = order[k];
          for (std::size_t j = 0; j < n; ++j)
            simplex[i][j] = simplex[best][j] + 0.5 * (simplex[i][j] - simplex[best][j]);
          value[i] = eval(simplex[i]);
        }
      }
    }
  }
  const std::size_t best =
      static_cast<std::size_t>(std::min_element(value.begin(), value.end()) - value.begin());
  return {simplex[best], value[best], evaluations};
}

}  // namespace myoflux::protein_balance
