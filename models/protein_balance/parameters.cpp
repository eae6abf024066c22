#include "models/protein_balance/parameters.hpp"

#include <cmath>
#include <sstream>

#include "engine/error.hpp"

namespace myoflux::protein_balance {
namespace {

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string format(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace

std::vector<ParameterInfo> parameter_table() {
  std::vector<ParameterInfo> table;
  Parameters defaults;
  defaults.visit([&](std::string_view name, double& value, std::string_view unit, double min,
                     double max, std::string_view source, std::string_view description) {
    table.push_back({std::string(name), value, std::string(unit), min, max, std::string(source),
                     std::string(description)});
  });
  return table;
}

void set_parameter(Parameters& p, std::string_view name, double value) {
  bool found = false;
  p.visit([&](std::string_view n, double& field, std::string_view unit, double min, double max,
              std::string_view, std::string_view) {
    if (n != name) return;
    found = true;
    if (!std::isfinite(value) || value < min || value > max)
      throw InputError("parameter '" + std::string(name) + "' must lie in [" + format(min) + ", " +
                       format(max) + "] " + std::string(unit) + ", got " + format(value));
    field = value;
  });
  if (found) return;
  std::string best;
  std::size_t best_distance = 4;  // suggest only close names
  p.visit([&](std::string_view n, double&, auto&&...) {
    const std::size_t d = edit_distance(n, name);
    if (d < best_distance) best_distance = d, best = n;
  });
  throw InputError("unknown parameter '" + std::string(name) + "'" +
                   (best.empty() ? "" : " (did you mean '" + best + "'?)") +
                   "; `myoflux params` lists them all");
}

double get_parameter(const Parameters& p, std::string_view name) {
  Parameters copy = p;
  double out = 0.0;
  bool found = false;
  copy.visit([&](std::string_view n, double& field, auto&&...) {
    if (n == name) out = field, found = true;
  });
  if (!found) throw InputError("unknown parameter '" + std::string(name) + "'");
  return out;
}

}  // namespace myoflux::protein_balance
