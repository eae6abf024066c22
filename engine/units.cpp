// The unit table and the quantity parser. To add a unit, add one row to kUnits.
#include "engine/units.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace myoflux {
namespace {

constexpr double kMilePerKm = 1.609344;  // international mile, km

const std::array<DimensionInfo, 22> kDimensions{{
    {Dimension::time, "a duration", "h", "4 min"},
    {Dimension::mass, "a mass", "g", "25 g"},
    {Dimension::length, "a distance", "km", "10 km"},
    {Dimension::speed, "a speed", "km/h", "12 km/h"},
    {Dimension::pace, "a pace", "h/km", "5:30 min/km"},
    {Dimension::fraction_vo2max, "an intensity relative to VO2max", "fraction of VO2max",
     "90 %VO2max"},
    {Dimension::fraction_hrmax, "an intensity relative to maximal heart rate", "fraction of HRmax",
     "90 %HRmax"},
    {Dimension::fraction_lt, "an intensity relative to the lactate threshold", "fraction of LT",
     "105 %LT"},
    {Dimension::fraction_1rm, "a load relative to the one-repetition maximum", "fraction of 1RM",
     "75 %1RM"},
    {Dimension::fraction_energy, "a share of daily energy intake", "fraction of energy",
     "50 %energy"},
    {Dimension::fraction, "a percentage", "fraction", "30 %"},
    {Dimension::mass_per_body_mass_day, "a daily amount per kg body mass", "g/kg/day",
     "1.6 g/kg/day"},
    {Dimension::mass_per_body_mass, "an amount per kg body mass", "g/kg", "0.3 g/kg"},
    {Dimension::mass_per_day, "a daily amount", "g/day", "110 g/day"},
    {Dimension::concentration, "a concentration", "umol/L", "120 umol/L"},
    {Dimension::vo2, "an oxygen uptake per kg body mass", "mL/kg/min", "45 mL/kg/min"},
    {Dimension::heart_rate, "a heart rate", "1/min", "190 bpm"},
    {Dimension::age, "an age", "years", "25 years"},
    {Dimension::energy, "an energy", "kcal", "2400 kcal"},
    {Dimension::volume, "a volume", "L", "250 mL"},
    {Dimension::volume_per_time, "a drinking rate", "L/h", "500 mL/h"},
    {Dimension::volume_per_day, "a daily volume", "L/day", "2.5 L/day"},
}};

// Aliases are accepted but not listed in messages and docs.
const std::vector<UnitInfo> kUnits{
    {"s", Dimension::time, 1.0 / 3600.0, false},
    {"min", Dimension::time, 1.0 / 60.0, false},
    {"h", Dimension::time, 1.0, false},
    {"day", Dimension::time, 24.0, false},
    {"week", Dimension::time, 168.0, false},
    {"sec", Dimension::time, 1.0 / 3600.0, true},
    {"hour", Dimension::time, 1.0, true},
    {"hours", Dimension::time, 1.0, true},
    {"days", Dimension::time, 24.0, true},
    {"d", Dimension::time, 24.0, true},
    {"weeks", Dimension::time, 168.0, true},
    {"mg", Dimension::mass, 1e-3, false},
    {"g", Dimension::mass, 1.0, false},
    {"kg", Dimension::mass, 1e3, false},
    {"km", Dimension::length, 1.0, false},
    {"m", Dimension::length, 1e-3, false},
    {"mi", Dimension::length, kMilePerKm, false},
    {"miles", Dimension::length, kMilePerKm, true},
    {"km/h", Dimension::speed, 1.0, false},
    {"m/s", Dimension::speed, 3.6, false},
    {"mph", Dimension::speed, kMilePerKm, false},
    {"min/km", Dimension::pace, 1.0 / 60.0, false},
    {"min/mi", Dimension::pace, 1.0 / 60.0 / kMilePerKm, false},
    {"%VO2max", Dimension::fraction_vo2max, 0.01, false},
    {"%HRmax", Dimension::fraction_hrmax, 0.01, false},
    {"%LT", Dimension::fraction_lt, 0.01, false},
    {"%1RM", Dimension::fraction_1rm, 0.01, false},
    {"%energy", Dimension::fraction_energy, 0.01, false},
    {"%", Dimension::fraction, 0.01, false},
    {"g/kg/day", Dimension::mass_per_body_mass_day, 1.0, false},
    {"g/kg/d", Dimension::mass_per_body_mass_day, 1.0, true},
    {"g/kg", Dimension::mass_per_body_mass, 1.0, false},
    {"g/day", Dimension::mass_per_day, 1.0, false},
    {"g/d", Dimension::mass_per_day, 1.0, true},
    {"umol/L", Dimension::concentration, 1.0, false},
    {"uM", Dimension::concentration, 1.0, false},
    {"mmol/L", Dimension::concentration, 1e3, false},
    {"mM", Dimension::concentration, 1e3, false},
    {"nmol/L", Dimension::concentration, 1e-3, false},
    {"pmol/L", Dimension::concentration, 1e-6, false},
    {"mL/kg/min", Dimension::vo2, 1.0, false},
    {"bpm", Dimension::heart_rate, 1.0, false},
    {"1/min", Dimension::heart_rate, 1.0, false},
    {"years", Dimension::age, 1.0, false},
    {"y", Dimension::age, 1.0, true},
    {"kcal", Dimension::energy, 1.0, false},
    {"kJ", Dimension::energy, 1.0 / 4.184, false},
    {"mL", Dimension::volume, 1e-3, false},
    {"L", Dimension::volume, 1.0, false},
    {"ml", Dimension::volume, 1e-3, true},
    {"l", Dimension::volume, 1.0, true},
    {"mL/h", Dimension::volume_per_time, 1e-3, false},
    {"L/h", Dimension::volume_per_time, 1.0, false},
    {"ml/h", Dimension::volume_per_time, 1e-3, true},
    {"l/h", Dimension::volume_per_time, 1.0, true},
    {"L/day", Dimension::volume_per_day, 1.0, false},
    {"mL/day", Dimension::volume_per_day, 1e-3, false},
    {"L/d", Dimension::volume_per_day, 1.0, true},
    {"l/day", Dimension::volume_per_day, 1.0, true},
};

std::string quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string expected_phrase(std::initializer_list<Dimension> accepted) {
  std::ostringstream out;
  std::size_t i = 0;
  for (Dimension d : accepted) {
    const DimensionInfo& info = dimension_info(d);
    if (i > 0) out << (i + 1 == accepted.size() ? " or " : ", ");
    out << info.noun << " (e.g. " << quoted(info.example) << ")";
    ++i;
  }
  return out.str();
}

std::string unit_list(std::initializer_list<Dimension> accepted) {
  std::ostringstream out;
  bool first = true;
  for (Dimension d : accepted) {
    for (std::string_view u : units_of(d)) {
      out << (first ? "" : ", ") << u;
      first = false;
    }
  }
  return out.str();
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

// Parses "m:ss" (pace notation) starting at `first`; returns minutes or NaN.
double parse_minutes_seconds(const char* first, const char* last, const char** end) {
  long minutes = 0, seconds = 0;
  auto [p1, ec1] = std::from_chars(first, last, minutes);
  if (ec1 != std::errc() || p1 == last || *p1 != ':') return std::nan("");
  auto [p2, ec2] = std::from_chars(p1 + 1, last, seconds);
  if (ec2 != std::errc() || p2 - (p1 + 1) != 2 || seconds >= 60 || minutes < 0) return std::nan("");
  *end = p2;
  return static_cast<double>(minutes) + static_cast<double>(seconds) / 60.0;
}

}  // namespace

const DimensionInfo& dimension_info(Dimension d) {
  for (const DimensionInfo& info : kDimensions)
    if (info.dimension == d) return info;
  throw std::logic_error("dimension_info: dimension missing from kDimensions");
}

const std::vector<UnitInfo>& unit_table() {
  return kUnits;
}

std::vector<std::string_view> units_of(Dimension d) {
  std::vector<std::string_view> out;
  for (const UnitInfo& u : kUnits)
    if (u.dimension == d && !u.alias) out.push_back(u.symbol);
  return out;
}

Quantity parse_quantity(std::string_view text, std::initializer_list<Dimension> accepted) {
  const std::string expected = expected_phrase(accepted);
  std::size_t begin = 0;
  while (begin < text.size() && is_space(text[begin])) ++begin;
  std::size_t end = text.size();
  while (end > begin && is_space(text[end - 1])) --end;
  if (begin == end) throw UnitError("expected " + expected + ", got an empty value", 0);

  const char* first = text.data() + begin;
  const char* last = text.data() + end;
  double number = 0.0;
  const char* after_number = nullptr;
  bool minutes_seconds = false;
  const char* plus = (*first == '+') ? first + 1 : first;  // from_chars rejects a leading '+'
  auto [ptr, ec] = std::from_chars(plus, last, number);
  if (ptr != last && *ptr == ':') {
    number = parse_minutes_seconds(plus, last, &after_number);
    minutes_seconds = true;
    if (std::isnan(number))
      throw UnitError("cannot read " + quoted(text) + " as minutes:seconds; expected " + expected,
                      begin);
  } else if (ec == std::errc::result_out_of_range) {
    // from_chars reports overflow and underflow alike; strtod tells them apart (0 on underflow).
    const bool tiny = std::strtod(std::string(plus, ptr).c_str(), nullptr) == 0.0;
    throw UnitError(
        quoted(text) +
            (tiny ? " is too close to zero to be a number" : " is too large to be a number") +
            "; expected " + expected,
        begin);
  } else if (ec != std::errc()) {
    throw UnitError("expected " + expected + ": a number followed by a unit, got " + quoted(text),
                    begin);
  } else {
    after_number = ptr;
  }
  if (!std::isfinite(number))
    throw UnitError(quoted(text) + " is not a finite number; expected " + expected, begin);

  const char* unit_begin = after_number;
  while (unit_begin < last && is_space(*unit_begin)) ++unit_begin;
  const std::string_view unit(unit_begin, static_cast<std::size_t>(last - unit_begin));
  const std::size_t unit_column = static_cast<std::size_t>(unit_begin - text.data());
  if (unit.empty())
    throw UnitError(
        quoted(text) + " has no unit: expected " + expected + "; units: " + unit_list(accepted),
        unit_column);

  const UnitInfo* found = nullptr;
  for (const UnitInfo& u : kUnits)
    if (u.symbol == unit) found = &u;
  if (found == nullptr) {
    // A case slip ("%vo2max", "KM") is the commonest mistake; say which spelling was meant.
    for (const UnitInfo& u : kUnits)
      if (std::equal(u.symbol.begin(), u.symbol.end(), unit.begin(), unit.end(),
                     [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
        throw UnitError("unknown unit " + quoted(unit) + " in " + quoted(text) + " (did you mean " +
                            quoted(u.symbol) + "?); expected " + expected,
                        unit_column);
      }
    throw UnitError("unknown unit " + quoted(unit) + " in " + quoted(text) + ": expected " +
                        expected + "; units: " + unit_list(accepted),
                    unit_column);
  }
  const bool wanted =
      std::find(accepted.begin(), accepted.end(), found->dimension) != accepted.end();
  if (!wanted)
    throw UnitError(quoted(text) + " is " + std::string(dimension_info(found->dimension).noun) +
                        ", but this field expects " + expected,
                    unit_column);
  if (minutes_seconds && found->dimension != Dimension::pace)
    throw UnitError(
        "minutes:seconds notation is only for paces (e.g. \"5:30 min/km\"), got " + quoted(text),
        begin);
  const double value = number * found->to_internal;
  if (!std::isfinite(value))
    throw UnitError(quoted(text) + " is too large; expected " + expected, begin);
  return Quantity{value, found->dimension};
}

double parse_quantity(std::string_view text, Dimension expected) {
  return parse_quantity(text, {expected}).value;
}

std::string format_quantity(double internal_value, Dimension d) {
  std::ostringstream out;
  out.precision(6);
  out << internal_value << " " << dimension_info(d).internal_unit;
  return out.str();
}

}  // namespace myoflux
