// Plain-text description of a compiled scenario or study, for `myoflux check`: who, how long,
// the sessions with their segments (the first week in full, then one line per session), the
// diet, acute intakes and infusions, parameter overrides and weekly totals.
#pragma once

#include <iosfwd>

#include "engine/scenario/scenario.hpp"

namespace myoflux::scenario {

struct DescribeOptions {
  bool every_session_in_full = false;  // otherwise sessions after the first week get one line
};

void describe_scenario(std::ostream& out, const Scenario& scenario,
                       const DescribeOptions& options = {});
/// One line per arm (sessions, weekly training time, distance, protein), then a hint on how to
/// see one arm in full.
void describe_study(std::ostream& out, const Study& study);

}  // namespace myoflux::scenario
