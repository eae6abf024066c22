#include "engine/parameter_bounds.hpp"

#include <cmath>
#include <cstdio>

namespace myoflux {
namespace {

/// Position of v in [min, max] as a share of the range: 0 at min, 1 at max.
double share_of_range(double v, double min, double max) {
  if (min > 0.0) return (std::log(v) - std::log(min)) / (std::log(max) - std::log(min));
  return (v - min) / (max - min);
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

std::vector<AtBound> parameters_at_bounds(const std::vector<ParameterInfo>& params,
                                          bool fitted_only) {
  std::vector<AtBound> out;
  for (const ParameterInfo& p : params) {
    if (fitted_only && p.source.rfind("fitted", 0) != 0) continue;
    if (!(p.max > p.min) || (p.min > 0.0 && !(p.value > 0.0))) continue;
    const double s = share_of_range(p.value, p.min, p.max);
    if (s <= kAtBoundShare)
      out.push_back({p.name, p.value, false});
    else if (s >= 1.0 - kAtBoundShare)
      out.push_back({p.name, p.value, true});
  }
  return out;
}

std::string describe(const AtBound& at, const ParameterInfo& info) {
  const std::string unit = info.unit.empty() || info.unit == "1" ? "" : " " + info.unit;
  return at.name + " = " + number(at.value) + unit + " is at its " +
         (at.upper ? "upper" : "lower") + " bound (range " + number(info.min) + " to " +
         number(info.max) + ")";
}

}  // namespace myoflux
