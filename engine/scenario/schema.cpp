// The key lists and value ranges of the scenario language. Ranges are wide enough for every
// published protocol we know of and narrow enough to catch slips (500 %VO2max, 0 kg, 1e308 min).
#include "engine/scenario/schema.hpp"

#include <stdexcept>
#include <string>

namespace myoflux::scenario {

const std::vector<Section>& sections() {
  static const std::vector<Section> kSections{
      {"scenario",
       {"name", "description", "source", "extends", "subject", "duration", "output_interval",
        "start_weekday", "sessions", "plan", "phases", "events", "diet", "parameters"}},
      {"study", {"name", "description", "source", "arms"}},
      {"arm", {"name", "description", "file", "scenario", "override"}},
      {"subject",
       {"sex", "age", "body_mass", "vo2max", "lactate_threshold", "hrmax", "training_status",
        "muscle_mass_fraction"}},
      {"continuous_session",
       {"type", "description", "duration", "distance", "speed", "pace", "intensity", "grade",
        "downhill_factor", "warm_up", "cool_down", "during", "drinks"}},
      {"intervals_session",
       {"type", "description", "repeats", "work", "recovery", "warm_up", "cool_down", "during",
        "drinks"}},
      {"resistance_session",
       {"type", "description", "exercises", "rest_between_exercises", "warm_up", "cool_down",
        "during", "drinks"}},
      {"session_drink", {"at", "drink"}},
      {"activity",
       {"activity", "duration", "distance", "speed", "pace", "intensity", "grade",
        "downhill_factor"}},
      {"exercise", {"name", "sets", "reps", "load", "rest"}},
      {"plan", {"session", "time", "weekdays", "every", "first_day", "count", "days", "skip"}},
      {"phase", {"name", "from_week", "to_week", "plan"}},
      {"event", {"at", "name", "session", "intake", "infusion", "drink"}},
      {"intake",
       {"name", "protein", "type", "food", "amount", "foods", "carbohydrate", "fat", "drink",
        "pulses", "every"}},
      {"infusion", {"leucine", "duration"}},
      {"diet",
       {"energy", "protein", "carbohydrate", "fat", "fluids", "meals", "around_sessions",
        "fasting"}},
      {"meal",
       {"name", "time", "share", "protein", "type", "food", "amount", "foods", "carbohydrate",
        "fat", "drink"}},
      {"session_dose",
       {"name", "after", "before", "sessions", "protein", "type", "food", "amount", "foods",
        "carbohydrate", "fat", "drink"}},
      {"food_portion", {"food", "amount"}},
      {"fasting", {"from", "to"}},
      // The food table (engine/data/foods.yaml, docs/foods.md).
      {"foods_file", {"foods"}},
      {"food",
       {"name", "aliases", "group", "class", "protein", "carbohydrate", "fat", "leucine",
        "digestibility", "source"}},
  };
  return kSections;
}

const std::vector<std::string_view>& section_keys(std::string_view section) {
  for (const Section& s : sections())
    if (s.name == section) return s.keys;
  throw std::logic_error("section_keys: no section '" + std::string(section) + "'");
}

namespace {
using D = Dimension;
constexpr double kMinute = 1.0 / 60.0;
constexpr double kSecond = 1.0 / 3600.0;
constexpr double kDay = 24.0;
}  // namespace

const std::vector<FieldRule>& field_rules() {
  static const std::vector<FieldRule> kRules{
      {"scenario", "duration", D::time, kMinute, 730 * kDay, "1 min to 730 day", "10 weeks"},
      {"scenario", "output_interval", D::time, kSecond, kDay, "1 s to 1 day", "15 min"},
      {"subject", "age", D::age, 10, 100, "10 to 100 years", "25 years"},
      {"subject", "body_mass", D::mass, 20e3, 300e3, "20 to 300 kg", "68.2 kg"},
      {"subject", "vo2max", D::vo2, 10, 95, "10 to 95 mL/kg/min", "45 mL/kg/min"},
      {"subject", "lactate_threshold", D::fraction_vo2max, 0.3, 1.0, "30 to 100 %VO2max",
       "75 %VO2max"},
      {"subject", "hrmax", D::heart_rate, 100, 230, "100 to 230 bpm", "190 bpm"},
      {"subject", "muscle_mass_fraction", D::fraction, 0.15, 0.6, "15 to 60 %", "38.4 %"},
      {"activity", "duration", D::time, kSecond, kDay, "1 s to 24 h", "4 min"},
      {"activity", "distance", D::length, 0.01, 250, "10 m to 250 km", "10 km"},
      {"activity", "speed", D::speed, 1, 45, "1 to 45 km/h", "12 km/h"},
      {"activity", "pace", D::pace, 1.0 / 45.0, 1.0, "1:20 to 60:00 min/km", "5:30 min/km"},
      {"activity", "intensity", D::fraction_vo2max, 0.01, 2.5, "1 to 250 %VO2max", "90 %VO2max"},
      {"activity", "intensity", D::fraction_hrmax, 0.4, 1.0, "40 to 100 %HRmax", "90 %HRmax"},
      {"activity", "intensity", D::fraction_lt, 0.01, 3.0, "1 to 300 %LT", "105 %LT"},
      {"activity", "grade", D::fraction, -0.3, 0.3, "-30 to 30 %", "5 %"},
      {"activity", "downhill_factor", std::nullopt, 0, 5, "0 to 5", "2.0"},
      {"intervals_session", "repeats", std::nullopt, 1, 50, "1 to 50", "4", true},
      {"resistance_session", "rest_between_exercises", D::time, 0, 0.5, "0 s to 30 min", "3 min"},
      {"exercise", "sets", std::nullopt, 1, 20, "1 to 20", "4", true},
      {"exercise", "reps", std::nullopt, 1, 100, "1 to 100", "10", true},
      {"exercise", "load", D::fraction_1rm, 0.05, 1.2, "5 to 120 %1RM", "75 %1RM"},
      {"exercise", "rest", D::time, 0, 0.5, "0 s to 30 min", "2 min"},
      {"plan", "every", D::time, kDay, 28 * kDay, "1 to 28 day, whole days", "2 day"},
      {"plan", "first_day", std::nullopt, 1, 731, "1 to 731, within the scenario", "1", true},
      {"plan", "count", std::nullopt, 1, 731, "1 to 731, at most one a day", "25", true},
      {"plan", "days", std::nullopt, 1, 731, "1 to 731, within the scenario", "12", true},
      {"plan", "skip", std::nullopt, 1, 731, "1 to 731, a day with this session", "12", true},
      {"phase", "from_week", std::nullopt, 1, 105, "1 to 105", "6", true},
      {"phase", "to_week", std::nullopt, 1, 105, "1 to 105", "10", true},
      {"event", "at", D::time, 0, 730 * kDay, "0 h to the scenario's duration", "1 h"},
      {"intake", "protein", D::mass, 0, 200, "0 to 200 g", "20 g"},
      {"intake", "carbohydrate", D::mass, 0, 500, "0 to 500 g", "60 g"},
      {"intake", "fat", D::mass, 0, 200, "0 to 200 g", "10 g"},
      {"event", "drink", D::volume, 0, 5, "0 to 5 L", "250 mL"},
      {"intake", "drink", D::volume, 0, 5, "0 to 5 L", "500 mL"},
      {"intake", "pulses", std::nullopt, 1, 50, "1 to 50", "4", true},
      {"intake", "every", D::time, kMinute, 6, "1 min to 6 h", "45 min"},
      {"infusion", "leucine", D::mass, 0, 50, "0 to 50 g", "5.4 g"},
      {"infusion", "duration", D::time, kMinute, kDay, "1 min to 24 h", "6 h"},
      {"diet", "energy", D::energy, 800, 8000, "800 to 8000 kcal", "2400 kcal"},
      {"diet", "protein", D::mass_per_body_mass_day, 0, 5, "0 to 5 g/kg/day", "1.6 g/kg/day"},
      {"diet", "protein", D::mass_per_day, 0, 500, "0 to 500 g/day", "110 g/day"},
      {"diet", "carbohydrate", D::fraction_energy, 0, 1, "0 to 100 %energy", "55 %energy"},
      {"diet", "carbohydrate", D::mass_per_body_mass_day, 0, 15, "0 to 15 g/kg/day", "5 g/kg/day"},
      {"diet", "carbohydrate", D::mass_per_day, 0, 1500, "0 to 1500 g/day", "300 g/day"},
      {"diet", "fat", D::fraction_energy, 0, 1, "0 to 100 %energy", "30 %energy"},
      {"diet", "fat", D::mass_per_body_mass_day, 0, 6, "0 to 6 g/kg/day", "1 g/kg/day"},
      {"diet", "fat", D::mass_per_day, 0, 600, "0 to 600 g/day", "80 g/day"},
      {"meal", "share", D::fraction, 0, 1, "0 to 100 %", "25 %"},
      {"diet", "fluids", D::volume_per_day, 0, 15, "0 to 15 L/day", "2.5 L/day"},
      {"session", "during", D::volume_per_time, 0, 2, "0 to 2 L/h", "500 mL/h"},
      {"session_drink", "at", D::time, 0, 24, "0 min to 24 h", "30 min"},
      {"session_drink", "drink", D::volume, 0, 2, "0 to 2 L", "250 mL"},
      {"session_dose", "after", D::time, 0, 6, "0 min to 6 h", "30 min"},
      {"session_dose", "before", D::time, 0, 6, "0 min to 6 h", "30 min"},
      {"food_portion", "amount", D::mass, 0, 3000, "0 to 3000 g", "150 g"},
      {"food", "protein", D::mass, 0, 100, "0 to 100 g (per 100 g)", "31 g"},
      {"food", "carbohydrate", D::mass, 0, 100, "0 to 100 g (per 100 g)", "28.2 g"},
      {"food", "fat", D::mass, 0, 100, "0 to 100 g (per 100 g)", "3.6 g"},
      {"food", "leucine", std::nullopt, 0.02, 0.25, "0.02 to 0.25 g/g protein", "0.08"},
      {"food", "digestibility", std::nullopt, 0.3, 1.0, "0.3 to 1", "0.95"},
  };
  return kRules;
}

const FieldRule& field_rule(std::string_view section, std::string_view key,
                            std::optional<Dimension> dimension) {
  for (const FieldRule& r : field_rules())
    if (r.section == section && r.key == key && r.dimension == dimension) return r;
  throw std::logic_error("field_rule: no rule for " + std::string(section) + "." +
                         std::string(key));
}

}  // namespace myoflux::scenario
