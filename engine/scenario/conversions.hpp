// The exercise-physiology conversions the scenario compiler applies, each in one place with its
// source: heart rate and lactate threshold to %VO2max, running and walking speed to oxygen uptake
// (ACSM), the eccentric factor of a grade, default maximal heart rate and muscle mass, and the
// energy of carbohydrate and fat. docs/scenarios.md cites the same sources.
#pragma once

#include "engine/scenario/channels.hpp"
#include "engine/scenario/scenario.hpp"

namespace myoflux::scenario {

/// Resting oxygen uptake, 1 MET (mL/kg/min), the constant term of the ACSM equations.
inline constexpr double kRestingVo2 = 3.5;

/// Swain et al. 1994, Med Sci Sports Exerc 26:112: %HRmax = 0.64 x %VO2max + 37, inverted.
/// Fractions in, fraction out; below 37 %HRmax the result is negative (no exercise).
double vo2max_fraction_from_hrmax_fraction(double hrmax_fraction);
/// The forward relation, for messages and tests.
double hrmax_fraction_from_vo2max_fraction(double vo2max_fraction);

/// Tanaka et al. 2001, J Am Coll Cardiol 37:153: HRmax = 208 - 0.7 x age (bpm).
double tanaka_hrmax_bpm(double age_years);

/// Janssen et al. 2000, J Appl Physiol 89:81: skeletal muscle is 38.4 % of body mass in men and
/// 30.6 % in women.
double janssen_muscle_mass_fraction(Sex sex);

/// ACSM's Guidelines for Exercise Testing and Prescription (10th ed.), metabolic equations, with
/// v in m/min and grade as a fraction: running VO2 = 3.5 + 0.2 v + 0.9 v grade, walking
/// VO2 = 3.5 + 0.1 v + 1.8 v grade (mL/kg/min). The grade term is defined for level and uphill
/// work only; downhill is costed as level (an assumption: it slightly overstates the cost).
double running_vo2(double speed_kmh, double grade);
double walking_vo2(double speed_kmh, double grade);
/// The speed (km/h) at which running or walking on `grade` costs `vo2` mL/kg/min; NaN when vo2
/// is not above rest.
double running_speed_for_vo2(double vo2, double grade);
double walking_speed_for_vo2(double vo2, double grade);

/// Eccentric load relative to level running (an assumption, with Eston et al. 1995, Br J Sports
/// Med 29:89, as the qualitative source: downhill running is more eccentric and more damaging):
/// running 1 + 0.1 per % of downhill grade, max(0.3, 1 - 0.05 per % uphill grade); walking 0.3
/// times the same grade factor; cycling and rest 0; resistance sets 0.5.
double eccentric_factor(Modality modality, double grade);

/// A resistance set lasts 3 s per repetition (about 1 s lifting, 2 s lowering) at an oxygen
/// uptake of 50 %VO2max (an assumption: whole-body VO2 during leg resistance sets).
inline constexpr double kSecondsPerRepetition = 3.0;
inline constexpr double kResistanceSetIntensity = 0.5;

/// Defaults for the activities of warm-ups, recoveries and cool-downs (assumptions): walking at
/// 5 km/h (a normal walking pace), an easy jog at 50 %VO2max, easy cycling at 40 %VO2max.
inline constexpr double kDefaultWalkingSpeedKmh = 5.0;
inline constexpr double kDefaultJogIntensity = 0.5;
inline constexpr double kDefaultCyclingIntensity = 0.4;

/// Daily energy when a diet gives shares of energy but no `energy`: 35 kcal per kg body mass per
/// day (an assumption for a physically active adult). Atwater factors: carbohydrate and protein
/// 4 kcal/g, fat 9 kcal/g.
inline constexpr double kDefaultEnergyKcalPerKgDay = 35.0;
inline constexpr double kKcalPerGramCarbohydrate = 4.0;
inline constexpr double kKcalPerGramProtein = 4.0;
inline constexpr double kKcalPerGramFat = 9.0;

}  // namespace myoflux::scenario
