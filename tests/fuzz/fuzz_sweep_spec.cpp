// libFuzzer target for the sweep spec reader: any bytes must either read as a sweep spec and
// plan (expanding the runs' numbering, not running them), or be rejected with an InputError
// located in the text. A crash, a sanitizer report, another exception type or a hang is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "engine/sweep/plan.hpp"
#include "models/protein_balance/adapter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace myoflux;
  static const protein_balance::Adapter model;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    // The scenario library is the base folder, so `base:` of a library file works.
    const sweep::SweepSpec spec =
        sweep::sweep_spec_from_yaml(text, "fuzz_sweep.yaml", MYOFLUX_FUZZ_BASE_DIR, model);
    const sweep::SweepPlan plan(spec, model);
    // The first and last runs' scenarios: what a sweep compiles before running each one.
    if (plan.run_count() > 0) {
      (void)plan.scenario(plan.inputs(0));
      (void)plan.scenario(plan.inputs(plan.run_count() - 1));
    }
  } catch (const InputError& e) {
    if (std::getenv("MYOFLUX_FUZZ_VERBOSE") != nullptr) std::fprintf(stderr, "  %s\n", e.what());
  }
  return 0;
}
