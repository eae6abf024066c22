// Session definitions (the `sessions:` block): continuous runs, walks and rides, interval
// sessions, resistance sessions, each with optional warm-up and cool-down, expanded into
// back-to-back segments whose intensity, speed, grade and eccentric factor are fully resolved
// for the subject.
#pragma once

#include <string>
#include <vector>

#include "engine/scenario/fields.hpp"
#include "engine/scenario/scenario.hpp"

namespace myoflux::scenario {

/// A drink taken during a session (`drinks: [{at: 30 min, drink: 250 mL}]`), at `offset_h` after
/// the session's start.
struct SessionDrink {
  double offset_h = 0.0;
  double volume_l = 0.0;
};

/// A session as defined once, before it is placed in time. Segment start times are relative to
/// the session's start.
struct SessionTemplate {
  std::string name;
  std::string type;  // run, walk, cycle, intervals, resistance
  SourceMark mark;
  std::vector<TimelineSegment> segments;
  int work_bouts = 0;  // intervals: repeats; resistance: sets; continuous: 1
  double drink_l_per_h = 0.0;       // `during:`, drunk steadily over the whole session
  std::vector<SessionDrink> drinks;  // `drinks:`, sorted by offset
  double duration_h() const;
  double distance_km() const;
};

/// Reads every definition of the `sessions:` mapping (nullptr: none).
std::vector<SessionTemplate> read_sessions(const YamlNode* sessions, const Subject& subject);

/// The template with this name; throws at `at` with a suggestion when there is none.
const SessionTemplate& find_session(const std::vector<SessionTemplate>& templates,
                                    const YamlNode& at);

}  // namespace myoflux::scenario
