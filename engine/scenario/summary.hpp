// Summaries of a compiled scenario for people: intensity zones relative to the subject's lactate
// threshold and VO2max, and weekly totals (training minutes by zone, distance, protein per day
// and per kg). `myoflux check` prints them; tests use them to check expansion.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace myoflux::scenario {

/// Intensity zones, with LT the subject's lactate threshold (fraction of VO2max):
/// easy < 0.8 LT <= moderate < LT <= threshold < (LT + 1)/2 <= severe <= 1 < supramaximal.
enum class Zone { easy, moderate, threshold, severe, supramaximal };
inline constexpr int kZoneCount = 5;

struct ZoneInfo {
  Zone zone;
  std::string_view name;
  std::string_view definition;  // in words, for docs and `check`
};
const std::array<ZoneInfo, kZoneCount>& zones();
/// The zone of an intensity (fraction of VO2max) for a subject.
Zone zone_of(double intensity, const Subject& subject);
/// The lower edge of a zone as a fraction of VO2max (0 for easy).
double zone_lower_edge(Zone zone, const Subject& subject);

struct WeekTotals {
  int week = 1;       // 1-based; week w covers days 7(w-1)+1 to 7w
  double days = 7.0;  // days of the week inside the scenario (the last week may be partial)
  int sessions = 0;   // sessions that start in the week
  std::array<double, kZoneCount> zone_minutes{};  // moving (walking, running, cycling) time
  double resistance_minutes = 0.0;                // time under load in resistance sets
  double distance_km = 0.0;
  double protein_g = 0.0;  // every intake: meals, session doses, drinks
  double protein_g_per_day = 0.0;
  double protein_g_per_kg_day = 0.0;
  double training_minutes() const;
};

std::vector<WeekTotals> weekly_totals(const Scenario& scenario);

}  // namespace myoflux::scenario
