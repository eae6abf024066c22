// Running the runs of one chunk: build each run's scenario from the plan, simulate it with the
// model, and keep its endpoints, coordinates and subsampled trajectories. A run that fails
// (invalid combination of values, solver failure) is recorded with its status and message.
#pragma once

#include <functional>
#include <optional>

#include "engine/model_adapter.hpp"
#include "engine/sweep/chunk.hpp"

namespace myoflux::sweep {

/// Runs chunk `chunk` of the plan on the calling thread; `after_run` is called after each run
/// (progress). Returns nullopt when the interrupt flag was set before the chunk was complete: an
/// interrupted chunk is never kept, so resuming reruns it whole.
/// `input_hash` is the chunk's hash when the caller has it (empty: computed here).
std::optional<ChunkResult> run_chunk(const SweepPlan& plan, const ModelAdapter& model,
                                     std::int64_t chunk, const std::string& input_hash = {},
                                     const std::function<void()>& after_run = {});

/// Linear interpolation of (times, values) at `at` (times increasing); NaN outside.
double sample_at(const Eigen::VectorXd& times, const RowMajorMatrix& values, Eigen::Index column,
                 double at);

}  // namespace myoflux::sweep
