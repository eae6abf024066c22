// Drawing one virtual person from per-person uniform numbers: inversion for every distribution,
// so each covariate uses exactly one number and people never depend on each other.
#include "engine/sweep/population.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "engine/scenario/conversions.hpp"
#include "engine/sweep/random.hpp"

namespace myoflux::sweep {
namespace {

// Which uniform number of a person feeds which draw; parameters follow from kFirstParameter.
enum Draw : std::uint64_t { kSex, kAge, kStatus, kBodyMass, kVo2max, kFirstParameter };

const boost::math::normal_distribution<double>& standard_normal() {
  static const boost::math::normal_distribution<double> n;
  return n;
}

/// A standard normal truncated to [lo, hi] by inversion: one uniform gives one draw.
double truncated_normal(double u, double lo, double hi) {
  const double a = boost::math::cdf(standard_normal(), lo);
  const double b = boost::math::cdf(standard_normal(), hi);
  return normal_quantile(a + u * (b - a));
}

/// Log-normal spread with coefficient of variation `cv` has sigma = sqrt(ln(1 + cv^2)).
double lognormal_sigma(double cv) {
  return std::sqrt(std::log1p(cv * cv));
}

}  // namespace

double friend_median_vo2max(Sex sex, double age_years) {
  const double at_25 = sex == Sex::male ? 48.0 : 37.6;
  const double at_75 = sex == Sex::male ? 24.4 : 18.3;
  return at_25 * std::pow(at_75 / at_25, (age_years - 25.0) / 50.0);
}

Person draw_person(const Population& p, std::uint64_t seed, std::int64_t index) {
  const auto u = [&](std::uint64_t draw) {
    return uniform01(seed, stream::kPopulation, static_cast<std::uint64_t>(index), draw);
  };
  Person person;
  person.sex = u(kSex) < p.female_share ? Sex::female : Sex::male;
  person.age_years = p.age_from_years + u(kAge) * (p.age_to_years - p.age_from_years);
  const double status = u(kStatus);
  person.training_status = status < p.untrained_share ? TrainingStatus::untrained
                           : status < p.untrained_share + p.recreational_share
                               ? TrainingStatus::recreational
                               : TrainingStatus::trained;
  const NormalSpec& mass = person.sex == Sex::female ? p.body_mass_female_kg : p.body_mass_male_kg;
  person.body_mass_kg = std::clamp(
      mass.mean + mass.sd * truncated_normal(u(kBodyMass), -kTruncationSd, kTruncationSd), 30.0,
      250.0);
  // Training status picks the third of the age- and sex-specific VO2max distribution the person
  // falls in: untrained the lowest third, recreational the middle, trained the highest.
  const double third = static_cast<double>(static_cast<int>(person.training_status));
  const double lo = std::max(third / 3.0, boost::math::cdf(standard_normal(), -kTruncationSd));
  const double hi =
      std::min((third + 1.0) / 3.0, boost::math::cdf(standard_normal(), kTruncationSd));
  const double z = normal_quantile(lo + u(kVo2max) * (hi - lo));
  person.vo2max_ml_per_kg_min = std::clamp(friend_median_vo2max(person.sex, person.age_years) *
                                               std::exp(lognormal_sigma(p.vo2max_cv) * z),
                                           10.0, 95.0);
  person.muscle_mass_fraction = scenario::janssen_muscle_mass_fraction(person.sex);
  for (std::size_t k = 0; k < p.parameters.size(); ++k) {
    const double zk = truncated_normal(u(kFirstParameter + k), -kTruncationSd, kTruncationSd);
    person.parameter_factors.push_back(std::exp(lognormal_sigma(p.parameters[k].cv) * zk));
  }
  return person;
}

}  // namespace myoflux::sweep
