#include "engine/result.hpp"

#include <cmath>

#include "engine/error.hpp"

namespace myoflux {

std::size_t Result::index(std::string_view name) const {
  for (std::size_t i = 0; i < variables.size(); ++i)
    if (variables[i].name == name) return i;
  std::string known;
  for (const VariableInfo& v : variables) known += (known.empty() ? "" : ", ") + v.name;
  throw InputError("no variable '" + std::string(name) + "' in this result; it has: " + known);
}

bool Result::has(std::string_view name) const {
  for (const VariableInfo& v : variables)
    if (v.name == name) return true;
  return false;
}

double Result::final_value(std::string_view name) const {
  if (values.rows() == 0) throw SimulationError("final_value: the result has no samples");
  return values(values.rows() - 1, static_cast<Eigen::Index>(index(name)));
}

std::vector<double> uniform_grid(double duration_h, double interval_h) {
  if (!(interval_h > 0.0) || !std::isfinite(interval_h))
    throw InputError("the output interval must be positive and finite");
  if (!(duration_h > 0.0) || !std::isfinite(duration_h))
    throw InputError("the duration must be positive and finite");
  const auto n = static_cast<std::size_t>(std::floor(duration_h / interval_h + 1e-9));
  std::vector<double> grid;
  grid.reserve(n + 2);
  for (std::size_t i = 0; i <= n; ++i) grid.push_back(static_cast<double>(i) * interval_h);
  if (duration_h - grid.back() > 1e-9)
    grid.push_back(duration_h);
  else
    grid.back() = duration_h;
  return grid;
}

}  // namespace myoflux
