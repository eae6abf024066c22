#include "engine/sweep/output_limit.hpp"

#include "engine/error.hpp"
#include "engine/sweep/chunk.hpp"
#include "engine/sweep/chunk_file.hpp"

namespace myoflux::sweep {

void check_sweep_output(const SweepPlan& plan, const ModelAdapter& model, std::uintmax_t limit,
                        const std::string& what, AskedFrom from) {
  const SweepLayout layout = layout_of(plan);
  OutputEstimate e;
  for (std::int64_t c = 0; c < plan.chunk_count(); ++c)
    e.bytes += estimated_chunk_bytes(layout, static_cast<std::size_t>(plan.chunk_run_count(c)));
  e.samples = static_cast<std::uintmax_t>(plan.run_count());
  try {
    e.seconds = estimate_run_output(plan.scenario(plan.inputs(0)), model.outputs().size()).seconds *
                static_cast<double>(plan.run_count());
  } catch (const InputError&) {
    // The first run's inputs are invalid: it will be recorded as failed; no time estimate.
  }
  const std::size_t kept = layout.trajectory_outputs.size() * layout.trajectory_times_h.size();
  check_output_size(e, limit, what,
                    "Each of its " + std::to_string(plan.run_count()) + " runs keeps " +
                        std::to_string(layout.endpoints.size()) + " endpoints and " +
                        std::to_string(kept) +
                        " trajectory samples: keep fewer outputs or a longer 'every' under "
                        "keep: trajectories:, or split the sweep into smaller ones",
                    from);
}

}  // namespace myoflux::sweep
