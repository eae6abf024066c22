// The output-size limit of engine/output_size.hpp applied to a whole sweep: what its chunk files
// (or, in memory, its tables) would hold, checked before any run starts.
#pragma once

#include <cstdint>
#include <string>

#include "engine/model_adapter.hpp"
#include "engine/output_size.hpp"
#include "engine/sweep/plan.hpp"

namespace myoflux::sweep {

/// Throws InputError when the sweep's endpoint and trajectory samples would exceed `limit`,
/// naming `what` ("the sweep sweeps/x.yaml"), the estimate and how to keep less.
void check_sweep_output(const SweepPlan& plan, const ModelAdapter& model, std::uintmax_t limit,
                        const std::string& what, AskedFrom from);

}  // namespace myoflux::sweep
