// libFuzzer target for the HDF5 result reader behind `myoflux info` and myoflux.read_h5: any
// bytes, written to a file, must either read as a result file or be rejected with an InputError
// or SimulationError. libhdf5 1.10 itself crashes on some such files (out-of-bounds reads in
// its object header and B-tree decoders); those crashes are outside myoflux's code, so `myoflux
// info` runs the reader in a forked child (engine/cli/command_info.cpp) and the crashing inputs
// are kept in corpus/hdf5_crashers, replayed through `myoflux info` by the tests. Run the
// campaign with -fork=1 -ignore_crashes=1 (bench/reliability/fuzz_campaign.sh) so that it goes
// on past them.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/error.hpp"
#include "engine/store/result_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace myoflux;
  static const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                            ("myoflux_fuzz_" + std::to_string(::getpid()) + ".h5");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const ResultFile file = read_result_file(path);
    std::size_t values = 0;
    for (const RunRecord& run : file.runs) values += run.result.values.size();
    if (std::getenv("MYOFLUX_FUZZ_VERBOSE") != nullptr)
      std::fprintf(stderr, "  read %zu runs, %zu values\n", file.runs.size(), values);
  } catch (const InputError& e) {
    if (std::getenv("MYOFLUX_FUZZ_VERBOSE") != nullptr) std::fprintf(stderr, "  %s\n", e.what());
  } catch (const SimulationError& e) {
    if (std::getenv("MYOFLUX_FUZZ_VERBOSE") != nullptr) std::fprintf(stderr, "  %s\n", e.what());
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
  return 0;
}
