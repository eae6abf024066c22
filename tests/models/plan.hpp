// Small programmatic training-and-diet plans for testing model properties without depending on
// the scenario language: three meals a day, optional runs, optional HIIT sessions.
#pragma once

#include <cmath>
#include <vector>

#include "engine/scenario/channels.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/schedule.hpp"

namespace myoflux::testing {

struct Plan {
  double days = 7.0;
  double protein_g_per_kg_day = 1.2;
  ProteinType protein_type = ProteinType::mixed_meal;
  double carbohydrate_share = 0.5;  // of 35 kcal/kg/day
  double fat_share = 0.3;
  bool meals = true;
  double shift_h = 0.0;  // moves every event later by this much
  double run_km = 0.0;   // one run on day `run_day` at 09:00, at run_intensity
  int run_day = 1;
  std::vector<int> run_days;  // when given: a run of run_km on each of these days instead
  double run_intensity = 0.65;
  int hiit_sessions = 0;       // 4 x 4 min at 87 %VO2max, 3 min at 52 %, spread evenly
  double training_days = 0.0;  // the sessions are spread over these first days (0: all `days`)
};

/// ACSM running equation solved for speed (km/h) at an intensity (fraction of VO2max).
inline double running_speed_km_per_h(double intensity, const Subject& s) {
  return (intensity * s.vo2max_ml_per_kg_min - 3.5) / 0.2 * 60.0 / 1000.0;
}

inline Schedule build_schedule(const Plan& plan, const Subject& s) {
  const double duration = plan.days * 24.0 + plan.shift_h;
  ScheduleBuilder b(input_channels(), dose_targets(), duration);
  const double energy = 35.0 * s.body_mass_kg;
  const double protein = plan.protein_g_per_kg_day * s.body_mass_kg;
  const double carbohydrate = plan.carbohydrate_share * energy / 4.0;
  const double fat = plan.fat_share * energy / 9.0;
  const double meal_times[3] = {8.0, 13.0, 19.0}, shares[3] = {0.3, 0.35, 0.35};
  if (plan.meals)
    for (int d = 0; d < static_cast<int>(plan.days); ++d)
      for (int m = 0; m < 3; ++m) {
        const double t = plan.shift_h + d * 24.0 + meal_times[m];
        if (protein > 0)
          b.dose(dose::protein_first + static_cast<int>(plan.protein_type), t, protein * shares[m],
                 "meal");
        if (carbohydrate > 0) b.dose(dose::carbohydrate, t, carbohydrate * shares[m], "meal");
        if (fat > 0) b.dose(dose::fat, t, fat * shares[m], "meal");
      }
  double t = 0.0;
  auto segment = [&](double hours, double intensity, Modality mod, double speed, double eccentric) {
    b.set(channel::exercise_intensity, t, t + hours, intensity, "exercise");
    b.set(channel::modality, t, t + hours, static_cast<double>(mod), "exercise");
    b.set(channel::running_speed, t, t + hours, speed, "exercise");
    b.set(channel::eccentric_factor, t, t + hours, eccentric, "exercise");
    t += hours;
  };
  if (plan.run_km > 0) {
    const double v = running_speed_km_per_h(plan.run_intensity, s);
    for (int day : plan.run_days.empty() ? std::vector<int>{plan.run_day} : plan.run_days) {
      t = plan.shift_h + day * 24.0 + 9.0;
      segment(plan.run_km / v, plan.run_intensity, Modality::running, v, 1.0);
    }
  }
  const double training_days = plan.training_days > 0.0 ? plan.training_days : plan.days;
  for (int k = 0; k < plan.hiit_sessions; ++k) {
    t = plan.shift_h + std::floor(k * training_days / plan.hiit_sessions) * 24.0 + 17.0;
    segment(5.0 / 60, 0.5, Modality::running, running_speed_km_per_h(0.5, s), 1.0);
    for (int r = 0; r < 4; ++r) {
      segment(4.0 / 60, 0.867, Modality::running, running_speed_km_per_h(0.867, s), 1.0);
      if (r < 3) segment(3.0 / 60, 0.516, Modality::running, running_speed_km_per_h(0.516, s), 1.0);
    }
  }
  return b.build();
}

}  // namespace myoflux::testing
