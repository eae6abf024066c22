// Plain-text description of a compiled scenario or study, for `myoflux check`: who, how long,
// the sessions with their segments (the first week in full, then one line per session), the
// diet, acute intakes and infusions, parameter overrides, weekly totals and (with the model's
// sweat estimate) each day's fluid balance.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "engine/scenario/scenario.hpp"

namespace myoflux::scenario {

struct DescribeOptions {
  bool every_session_in_full = false;  // otherwise sessions after the first week get one line
  /// The model's sweat estimate (L/h) for a segment of the scenario, for the fluid balance;
  /// empty: no fluid balance is shown. `sweat_note` says what the estimate assumes.
  std::function<double(const TimelineSegment&)> sweat_l_per_h;
  std::string sweat_note;
};

void describe_scenario(std::ostream& out, const Scenario& scenario,
                       const DescribeOptions& options = {});
/// One line per arm (sessions, weekly training time, distance, protein), then a hint on how to
/// see one arm in full.
void describe_study(std::ostream& out, const Study& study);

}  // namespace myoflux::scenario
