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

/// Near names of an unknown parameter, and where to find them all.
std::string suggestions(std::string_view name) {
  std::vector<std::string_view> names;
  visit_parameters([&](const ParameterSpec& s) { names.push_back(s.name); });
  return did_you_mean(name, names) + "; `myoflux params` lists them all";
}

}  // namespace

std::vector<ParameterInfo> parameter_table() {
  std::vector<ParameterInfo> table;
  visit_parameters([&](const ParameterSpec& s) {
    table.push_back({std::string(s.name), s.value, std::string(s.unit), s.min, s.max,
                     std::string(s.source), std::string(s.description)});
  });
  return table;
}

void set_parameter(Parameters& p, std::string_view name, double value) {
  bool found = false;
  visit_parameters(
      [&](const ParameterSpec& s, double& field) {
        if (s.name != name) return;
        found = true;
        if (!std::isfinite(value) || value < s.min || value > s.max)
          throw InputError("parameter '" + std::string(name) + "' must lie in [" + format(s.min) +
                           ", " + format(s.max) + "] " + std::string(s.unit) + ", got " +
                           format(value));
        field = value;
      },
      p);
  if (!found) throw InputError("unknown parameter '" + std::string(name) + "'" + suggestions(name));
}

double get_parameter(const Parameters& p, std::string_view name) {
  const double* out = nullptr;
  visit_parameters(
      [&](const ParameterSpec& s, const double& field) {
        if (s.name == name) out = &field;
      },
      p);
  if (out == nullptr) throw InputError("unknown parameter '" + std::string(name) + "'");
  return *out;
}

}  // namespace myoflux::protein_balance
