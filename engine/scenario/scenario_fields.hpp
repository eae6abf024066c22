// The descriptions (engine/fields.hpp) of the compiled scenario's records that leave C++: the
// subject, the daily diet and its meals, and the expanded timeline's segments, intakes and
// infusions. Names carry their unit where one is not obvious (`intensity_fraction_vo2max`).
// Working fields used only inside the engine (a segment's eccentric factor, which is its channel
// value; an intake's split by protein type; the diet's session doses and fasting windows, which
// the timeline expands) are not described.
#pragma once

#include <string_view>

#include "engine/fields.hpp"
#include "engine/scenario/channels.hpp"
#include "engine/scenario/scenario.hpp"

namespace myoflux {

inline std::string_view field_text(Sex s) {
  return sex_name(s);
}
inline std::string_view field_text(TrainingStatus t) {
  return training_status_name(t);
}
inline std::string_view field_text(Modality m) {
  return modality_name(m);
}

template <>
struct Fields<Subject> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"sex", "", "\"male\" or \"female\""}, r.sex...);
    v(Field{"age_years", "years", "age"}, r.age_years...);
    v(Field{"body_mass_kg", "kg", "body mass"}, r.body_mass_kg...);
    v(Field{"vo2max_ml_per_kg_min", "mL/kg/min", "maximal oxygen uptake"},
      r.vo2max_ml_per_kg_min...);
    v(Field{"lactate_threshold_fraction", "fraction of VO2max",
            "intensity at the lactate threshold"},
      r.lactate_threshold_fraction...);
    v(Field{"hrmax_bpm", "1/min", "maximal heart rate"}, r.hrmax_bpm...);
    v(Field{"training_status", "", "\"untrained\", \"recreational\" or \"trained\""},
      r.training_status...);
    v(Field{"muscle_mass_fraction", "1", "skeletal muscle mass per body mass"},
      r.muscle_mass_fraction...);
  }
};

template <>
struct Fields<Meal> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"name", "", "the meal's name"}, r.name...);
    v(Field{"clock_h", "h", "time of day, hours after midnight"}, r.clock_h...);
    v(Field{"protein_g", "g", "protein by type (dict type -> g)"}, r.protein...);
    v(Field{"carbohydrate_g", "g", "carbohydrate"}, r.carbohydrate_g...);
    v(Field{"fat_g", "g", "fat"}, r.fat_g...);
    v(Field{"fluid_l", "L", "fluid drunk"}, r.fluid_l...);
  }
};

template <>
struct Fields<Diet> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"given", "", "the file has a diet (bool)"}, r.given...);
    v(Field{"energy_kcal_per_day", "kcal/day", "energy intake"}, r.energy_kcal_per_day...);
    v(Field{"energy_assumed", "", "energy is the 35 kcal/kg/day default (bool)"},
      r.energy_assumed...);
    v(Field{"protein_g_per_day", "g/day", "protein of the daily meals (session doses on top)"},
      r.protein_g_per_day...);
    v(Field{"protein_g_per_kg_day", "g/kg/day", "the same per kg body mass"},
      r.protein_g_per_kg_day...);
    v(Field{"carbohydrate_g_per_day", "g/day", "carbohydrate of the daily meals"},
      r.carbohydrate_g_per_day...);
    v(Field{"fat_g_per_day", "g/day", "fat of the daily meals"}, r.fat_g_per_day...);
    v(Field{"fluids_given", "", "the diet sets the fluids drunk (no drinking to thirst; bool)"},
      r.fluids_given...);
    v(Field{"fluid_l_per_day", "L/day", "fluid drunk with the daily meals"},
      r.fluid_l_per_day...);
    v(Field{"meals", "", "the daily meals (list of dicts)"}, r.meals...);
  }
};

template <>
struct Fields<TimelineSegment> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"start_h", "h", "start, since the start of the run"}, r.start_h...);
    v(Field{"duration_h", "h", "duration"}, r.duration_h...);
    v(Field{"what", "", "e.g. \"work 2/4\", \"set 3/4 x 10 @ 75 %1RM\""}, r.what...);
    v(Field{"intensity_fraction_vo2max", "fraction of VO2max", "intensity"}, r.intensity...);
    v(Field{"distance_km", "km", "distance covered"}, r.distance_km...);
    v(Field{"modality", "", "\"rest\", \"walking\", \"running\", \"cycling\" or \"resistance\""},
      r.modality...);
    v(Field{"speed_kmh", "km/h", "speed, walking and running"}, r.speed_kmh...);
    v(Field{"grade_fraction", "1", "grade, negative downhill"}, r.grade...);
    v(Field{"load_fraction_1rm", "fraction of 1RM", "load of resistance sets"},
      r.load_fraction_1rm...);
  }
};

template <>
struct Fields<TimelineIntake> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"time_h", "h", "when, since the start of the run"}, r.time_h...);
    v(Field{"what", "", "e.g. \"breakfast\", \"post-session whey\""}, r.what...);
    v(Field{"protein_g", "g", "protein"}, r.protein_g...);
    v(Field{"protein_type", "", "e.g. \"whey\", or \"eaa + leucine\" for a mixture"},
      r.protein_type...);
    v(Field{"carbohydrate_g", "g", "carbohydrate"}, r.carbohydrate_g...);
    v(Field{"fat_g", "g", "fat"}, r.fat_g...);
    v(Field{"fluid_l", "L", "fluid drunk"}, r.fluid_l...);
  }
};

/// Listed with the intakes, so its start is their `time_h`.
template <>
struct Fields<TimelineInfusion> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"time_h", "h", "start, since the start of the run"}, r.start_h...);
    v(Field{"what", "", "what is infused"}, r.what...);
    v(Field{"infusion_duration_h", "h", "duration"}, r.duration_h...);
    v(Field{"leucine_g_per_h", "g/h", "leucine infused"}, r.leucine_g_per_h...);
  }
};

}  // namespace myoflux
