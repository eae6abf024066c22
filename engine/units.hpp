// Quantities with units, parsed from text ("4 min", "1.6 g/kg/day", "90 %VO2max") into myoflux's
// internal unit system (docs/units.md): time in h, mass in g, distance in km, intensities and
// shares as fractions. The unit table in units.cpp is the single place where units are defined.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "engine/error.hpp"

namespace myoflux {

/// What a quantity measures. Each dimension has one internal unit.
enum class Dimension {
  time,                    // h
  mass,                    // g
  length,                  // km
  speed,                   // km/h
  pace,                    // h/km
  fraction_vo2max,         // fraction of VO2max
  fraction_hrmax,          // fraction of maximal heart rate
  fraction_lt,             // fraction of the lactate-threshold intensity
  fraction_1rm,            // fraction of the one-repetition maximum
  fraction_energy,         // fraction of daily energy intake
  fraction,                // plain fraction (shares, grades)
  mass_per_body_mass_day,  // g/kg/day
  mass_per_body_mass,      // g/kg
  mass_per_day,            // g/day
  concentration,           // umol/L
  vo2,                     // mL/kg/min
  heart_rate,              // 1/min
  age,                     // years
  energy,                  // kcal
  volume,                  // L
  volume_per_time,         // L/h
  volume_per_day,          // L/day
};

/// How a dimension is described to users, and its internal unit.
struct DimensionInfo {
  Dimension dimension;
  std::string_view noun;           // "a duration"
  std::string_view internal_unit;  // "h"
  std::string_view example;        // "4 min"
};

/// One accepted spelling of a unit.
struct UnitInfo {
  std::string_view symbol;  // "min"
  Dimension dimension;
  double to_internal;  // value_internal = value * to_internal
  bool alias;          // accepted, but not listed in messages and docs
};

const DimensionInfo& dimension_info(Dimension d);
const std::vector<UnitInfo>& unit_table();
/// The canonical spellings accepted for a dimension, e.g. {"s", "min", "h", "day", "week"}.
std::vector<std::string_view> units_of(Dimension d);

/// A parsed value in internal units, with the dimension it turned out to have.
struct Quantity {
  double value = 0.0;
  Dimension dimension = Dimension::fraction;
};

/// Bad quantity text. `column` is the 0-based offset within the text where the problem starts,
/// so a caller that knows where the text came from can point at it.
class UnitError : public InputError {
 public:
  UnitError(const std::string& message, std::size_t column)
      : InputError(message), column_(column) {}
  std::size_t column() const { return column_; }

 private:
  std::size_t column_;
};

/// Parses "<number> <unit>" where the unit must belong to one of `accepted`.
/// Throws UnitError with a message that names the expected dimension and gives an example.
Quantity parse_quantity(std::string_view text, std::initializer_list<Dimension> accepted);

/// Parses "<number> <unit>" of exactly one dimension and returns the value in internal units.
double parse_quantity(std::string_view text, Dimension expected);

/// Formats a value given in internal units, e.g. format_quantity(0.25, time) == "0.25 h".
std::string format_quantity(double internal_value, Dimension d);

}  // namespace myoflux
