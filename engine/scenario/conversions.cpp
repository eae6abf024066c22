// Exercise-physiology conversions; the sources are cited in conversions.hpp.
#include "engine/scenario/conversions.hpp"

#include <algorithm>
#include <cmath>

namespace myoflux::scenario {
namespace {
constexpr double kMetresPerMinutePerKmh = 1000.0 / 60.0;
}

double vo2max_fraction_from_hrmax_fraction(double hrmax_fraction) {
  return (100.0 * hrmax_fraction - 37.0) / 0.64 / 100.0;
}

double hrmax_fraction_from_vo2max_fraction(double vo2max_fraction) {
  return (0.64 * 100.0 * vo2max_fraction + 37.0) / 100.0;
}

double tanaka_hrmax_bpm(double age_years) {
  return 208.0 - 0.7 * age_years;
}

double janssen_muscle_mass_fraction(Sex sex) {
  return sex == Sex::male ? 0.384 : 0.306;
}

double running_vo2(double speed_kmh, double grade) {
  const double v = speed_kmh * kMetresPerMinutePerKmh;
  return kRestingVo2 + 0.2 * v + 0.9 * v * std::max(grade, 0.0);
}

double walking_vo2(double speed_kmh, double grade) {
  const double v = speed_kmh * kMetresPerMinutePerKmh;
  return kRestingVo2 + 0.1 * v + 1.8 * v * std::max(grade, 0.0);
}

double running_speed_for_vo2(double vo2, double grade) {
  if (!(vo2 > kRestingVo2)) return std::nan("");
  return (vo2 - kRestingVo2) / (0.2 + 0.9 * std::max(grade, 0.0)) / kMetresPerMinutePerKmh;
}

double walking_speed_for_vo2(double vo2, double grade) {
  if (!(vo2 > kRestingVo2)) return std::nan("");
  return (vo2 - kRestingVo2) / (0.1 + 1.8 * std::max(grade, 0.0)) / kMetresPerMinutePerKmh;
}

double eccentric_factor(Modality modality, double grade) {
  const double percent = 100.0 * grade;
  const double grade_factor =
      percent < 0.0 ? 1.0 + 0.1 * (-percent) : std::max(0.3, 1.0 - 0.05 * percent);
  switch (modality) {
    case Modality::running:
      return grade_factor;
    case Modality::walking:
      return 0.3 * grade_factor;
    case Modality::resistance:
      return 0.5;
    case Modality::cycling:
    case Modality::rest:
      return 0.0;
  }
  return 0.0;
}

}  // namespace myoflux::scenario
