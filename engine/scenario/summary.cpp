// Zones and weekly totals. Zone edges follow the subject: the same 85 %VO2max run is "threshold"
// for someone whose lactate threshold is 80 %VO2max and "severe" for someone whose is 65 %.
#include "engine/scenario/summary.hpp"

#include <cmath>

namespace myoflux::scenario {

const std::array<ZoneInfo, kZoneCount>& zones() {
  static const std::array<ZoneInfo, kZoneCount> kZones{{
      {Zone::easy, "easy", "below 80 % of the lactate-threshold intensity"},
      {Zone::moderate, "moderate", "80 to 100 % of the lactate-threshold intensity"},
      {Zone::threshold, "threshold", "from the lactate threshold to halfway between it and VO2max"},
      {Zone::severe, "severe", "from halfway between the lactate threshold and VO2max to VO2max"},
      {Zone::supramaximal, "supramaximal", "above VO2max (sprints)"},
  }};
  return kZones;
}

double zone_lower_edge(Zone zone, const Subject& s) {
  const double lt = s.lactate_threshold_fraction;
  switch (zone) {
    case Zone::easy:
      return 0.0;
    case Zone::moderate:
      return 0.8 * lt;
    case Zone::threshold:
      return lt;
    case Zone::severe:
      return 0.5 * (lt + 1.0);
    case Zone::supramaximal:
      return 1.0;
  }
  return 0.0;
}

Zone zone_of(double intensity, const Subject& s) {
  // Supramaximal is strictly above VO2max: 100 %VO2max is still "severe".
  if (intensity > 1.0) return Zone::supramaximal;
  for (int z = kZoneCount - 2; z > 0; --z)
    if (intensity >= zone_lower_edge(static_cast<Zone>(z), s)) return static_cast<Zone>(z);
  return Zone::easy;
}

double WeekTotals::training_minutes() const {
  double total = resistance_minutes;
  for (double m : zone_minutes) total += m;
  return total;
}

std::vector<WeekTotals> weekly_totals(const Scenario& scenario) {
  const double week_h = 7 * 24.0;
  const int weeks = std::max(1, static_cast<int>(std::ceil(scenario.duration_h / week_h - 1e-9)));
  std::vector<WeekTotals> out(static_cast<std::size_t>(weeks));
  for (int w = 0; w < weeks; ++w) {
    out[w].week = w + 1;
    out[w].days = std::min(7.0, (scenario.duration_h - w * week_h) / 24.0);
  }
  const auto week_of = [&](double t) {
    return std::min(weeks - 1, static_cast<int>(std::floor(t / week_h)));
  };
  for (const TimelineSession& s : scenario.timeline.sessions) {
    out[week_of(s.start_h)].sessions += 1;
    for (const TimelineSegment& seg : s.segments) {
      WeekTotals& wk = out[week_of(seg.start_h)];
      wk.distance_km += seg.distance_km;
      if (seg.modality == Modality::resistance)
        wk.resistance_minutes += 60.0 * seg.duration_h;
      else if (seg.modality != Modality::rest)
        wk.zone_minutes[static_cast<int>(zone_of(seg.intensity, scenario.subject))] +=
            60.0 * seg.duration_h;
    }
  }
  for (const TimelineIntake& in : scenario.timeline.intakes)
    out[week_of(in.time_h)].protein_g += in.protein_g;
  for (WeekTotals& wk : out) {
    wk.protein_g_per_day = wk.protein_g / wk.days;
    wk.protein_g_per_kg_day = wk.protein_g_per_day / scenario.subject.body_mass_kg;
  }
  return out;
}

}  // namespace myoflux::scenario
