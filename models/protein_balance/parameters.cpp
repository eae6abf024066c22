#include "models/protein_balance/parameters.hpp"

#include <cmath>
#include <sstream>

#include "engine/error.hpp"
#include "engine/suggest.hpp"

namespace myoflux::protein_balance {
namespace {

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
  std::vector<std::string> names;
  p.visit([&](std::string_view n, double&, auto&&...) { names.emplace_back(n); });
  const std::vector<std::string_view> views(names.begin(), names.end());
  throw InputError("unknown parameter '" + std::string(name) + "'" + did_you_mean(name, views) +
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
