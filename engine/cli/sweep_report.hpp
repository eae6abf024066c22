// What `myoflux sweep` and `myoflux merge` print at the end: totals, the endpoint table over all
// runs (mean, sd and quantiles) and where the index and summary are.
#pragma once

#include <ostream>

#include "engine/sweep/directory.hpp"

namespace myoflux::cli {

void print_sweep_report(std::ostream& out, std::ostream& err, const sweep::SweepReport& report,
                        double seconds);

}  // namespace myoflux::cli
