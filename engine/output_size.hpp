// How much a run or a sweep will write, estimated from the schedule before anything is simulated,
// and the limit past which the command line refuses to start (`--max-output SIZE` raises it): a
// 100-year scenario with 1-minute output is stopped with the estimate and the fix, not after
// hours of simulation and a full disk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace myoflux {

/// The default of --max-output: far above any library scenario or sweep (the largest writes a
/// few MB) and below what fills a laptop's disk or memory (a run's samples are held in memory).
inline constexpr std::uintmax_t kDefaultMaxOutputBytes = 2'000'000'000;

struct OutputEstimate {
  std::uintmax_t bytes = 0;    // the samples, 8 bytes each, before compression
  std::uintmax_t samples = 0;  // output rows (runs: time samples; sweeps: runs)
  double seconds = 0.0;        // about how long simulating takes on one core
};

/// A run of `scenario` recording `variables` outputs: the uniform output grid plus, at most, two
/// samples per segment and one per intake (breakpoints), times 8 bytes per value.
OutputEstimate estimate_run_output(const Scenario& scenario, std::size_t variables);

/// Where the user asked for the output, so that a refusal spells its fixes the way they type
/// them: `--max-output "3 GB"` and `--set output_interval="1 h"` on the command line,
/// `max_output="3 GB"` and `output_interval="1 h"` in Python.
enum class AskedFrom { command_line, python };

/// "2 GB", "500MB", "1.5 GiB", "100000" (bytes): a size for --max-output (Python's max_output).
/// Throws InputError with an example otherwise.
std::uintmax_t parse_size(std::string_view text, AskedFrom from = AskedFrom::command_line);

/// Throws InputError when `estimate` exceeds `limit`: what would be written (`what`: "the run of
/// scenarios/x.yaml"), how long it would take, and `how_to_reduce` (what the user can change)
/// or the limit option to allow it.
void check_output_size(const OutputEstimate& estimate, std::uintmax_t limit,
                       const std::string& what, const std::string& how_to_reduce,
                       AskedFrom from = AskedFrom::command_line);

/// Refuses, before simulating, runs of `scenarios` recording `variables` outputs each whose
/// samples together would exceed `limit`; the message names the largest and how to record less.
void check_runs_output(const std::vector<const Scenario*>& scenarios, std::size_t variables,
                       std::uintmax_t limit, AskedFrom from);

/// "about 3 min", "about 2.5 h": a duration in seconds for messages.
std::string rough_duration(double seconds);

}  // namespace myoflux
