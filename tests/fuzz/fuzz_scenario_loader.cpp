// libFuzzer target for the scenario loader: any bytes must either load (as a scenario or a study)
// and describe themselves, or be rejected with an InputError. Anything else (a crash, a sanitizer
// report, another exception type, a hang) is a bug. An input whose first line is
// "#set PATH=VALUE" also exercises the --set path.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string_view>
#include <vector>

#include "engine/scenario/describe.hpp"
#include "engine/scenario/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace myoflux;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<FieldOverride> sets;
  try {
    if (text.starts_with("#set ")) {
      const std::size_t end = text.find('\n');
      sets.push_back(parse_field_override(text.substr(5, end == text.npos ? text.npos : end - 5)));
    }
    // The scenario library is the base directory, so `extends:` of a library file works.
    const Study study = study_from_yaml(text, "fuzz.yaml", sets, MYOFLUX_FUZZ_BASE_DIR);
    std::ostringstream sink;
    scenario::describe_study(sink, study);
    for (const Scenario& arm : study.arms) scenario::describe_scenario(sink, arm);
  } catch (const InputError& e) {
    // Rejected cleanly: the expected outcome for most inputs.
    if (std::getenv("MYOFLUX_FUZZ_VERBOSE") != nullptr) std::fprintf(stderr, "  %s\n", e.what());
  }
  return 0;
}
