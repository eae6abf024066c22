// When sessions happen: the `plan:` (or `phases:`) of a training plan, which places sessions on
// weekdays, every N days, a fixed count spread evenly, or explicit days, at clock times, with
// skipped days; and the `events:` of an acute study, placed at elapsed times from t = 0.
#pragma once

#include <string>
#include <vector>

#include "engine/scenario/fields.hpp"
#include "engine/scenario/sessions.hpp"

namespace myoflux::scenario {

/// A session put at a time. Day 1 starts at t = 0 h.
struct PlacedSession {
  const SessionTemplate* session = nullptr;
  double start_h = 0.0;
  SourceMark mark;   // the plan entry or event that placed it
  std::string when;  // "on day 12 at 07:00" or "at 1 h 30 min"
  double end_h() const { return start_h + session->duration_h(); }
};

/// A drink or bolus of an acute study (one per pulse).
struct PlacedIntake {
  TimelineIntake intake;
  SourceMark mark;
};

struct PlacedInfusion {
  TimelineInfusion infusion;
  SourceMark mark;
};

/// Everything the `plan`, `phases` and `events` blocks place in time.
struct Placements {
  std::vector<PlacedSession> sessions;  // sorted by start
  std::vector<PlacedIntake> intakes;
  std::vector<PlacedInfusion> infusions;
};

/// `top` is the scenario mapping; the scenario lasts `duration_h` and day 1 is `first_weekday`
/// (0 Monday). Sessions placed by clock time must end by midnight of their day; every session,
/// intake and infusion must fit in the scenario; sessions must not overlap.
Placements read_placements(const Fields& top, const std::vector<SessionTemplate>& templates,
                           double duration_h, int first_weekday);

/// "Mon" ... "Sun" for 0 ... 6.
std::string_view weekday_title(int weekday);
/// "on day 12 (Fri) at 07:00" for a time in a multi-day plan.
std::string day_and_clock(double t_h, int first_weekday);

}  // namespace myoflux::scenario
