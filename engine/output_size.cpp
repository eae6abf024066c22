#include "engine/output_size.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "engine/error.hpp"
#include "engine/scenario/fields.hpp"
#include "engine/store/atomic_file.hpp"

namespace myoflux {

namespace {

// Simulating costs about 6 us per simulated hour (the 10-week HIIT plan, 1680 h, takes ~10 ms:
// docs/performance.md) and recording about 20 ns per value; a rough guide for the message only.
constexpr double kSecondsPerSimulatedHour = 6e-6;
constexpr double kSecondsPerValue = 2e-8;

const char* limit_option(AskedFrom from) {
  return from == AskedFrom::python ? "max_output" : "--max-output";
}

std::string limit_example(AskedFrom from, const std::string& size) {
  return from == AskedFrom::python ? "max_output=\"" + size + "\""
                                   : "--max-output \"" + size + "\"";
}

std::string interval_example(AskedFrom from) {
  return from == AskedFrom::python ? "output_interval=\"1 h\"" : "--set output_interval=\"1 h\"";
}

}  // namespace

OutputEstimate estimate_run_output(const Scenario& s, std::size_t variables) {
  const double interval = s.output_interval_h > 0.0 ? s.output_interval_h : s.duration_h;
  const double grid = interval > 0.0 ? std::floor(s.duration_h / interval) + 2.0 : 2.0;
  std::size_t breakpoints = s.timeline.intakes.size() + 2 * s.timeline.infusions.size();
  for (const TimelineSession& session : s.timeline.sessions)
    breakpoints += 2 * session.segments.size();
  OutputEstimate e;
  const double samples = grid + static_cast<double>(breakpoints);
  e.samples = samples >= 1e18 ? std::uintmax_t{1} << 60 : static_cast<std::uintmax_t>(samples);
  const double bytes = samples * static_cast<double>(variables) * 8.0;
  e.bytes = bytes >= 1e18 ? std::uintmax_t{1} << 60 : static_cast<std::uintmax_t>(bytes);
  e.seconds = s.duration_h * kSecondsPerSimulatedHour +
              samples * static_cast<double>(variables) * kSecondsPerValue;
  return e;
}

std::uintmax_t parse_size(std::string_view text, AskedFrom from) {
  const auto bad = [&] {
    return InputError(std::string(limit_option(from)) + " needs a size such as \"5 GB\", \"500 MB\" or \"1.5 GiB\", got \"" +
                      std::string(text) + "\"");
  };
  std::size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
    ++i;
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + i, value);
  if (i == 0 || ec != std::errc() || end != text.data() + i || !(value >= 0.0)) throw bad();
  std::string unit;
  for (char c : text.substr(i))
    if (c != ' ') unit.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  struct Unit {
    const char* name;
    double factor;
  };
  static const Unit kUnits[] = {{"", 1.0},      {"b", 1.0},          {"bytes", 1.0},
                                {"kb", 1e3},    {"mb", 1e6},         {"gb", 1e9},
                                {"tb", 1e12},   {"kib", 1024.0},     {"mib", 1048576.0},
                                {"gib", 1073741824.0}, {"tib", 1099511627776.0}};
  for (const Unit& u : kUnits)
    if (unit == u.name) {
      const double bytes = value * u.factor;
      if (bytes >= 1.8e19) throw bad();
      return static_cast<std::uintmax_t>(bytes);
    }
  throw bad();
}

std::string rough_duration(double seconds) {
  char text[48];
  if (seconds < 60.0)
    std::snprintf(text, sizeof text, "about %.2g s", seconds);
  else if (seconds < 3600.0)
    std::snprintf(text, sizeof text, "about %.2g min", seconds / 60.0);
  else if (seconds < 86400.0 * 2)
    std::snprintf(text, sizeof text, "about %.2g h", seconds / 3600.0);
  else
    std::snprintf(text, sizeof text, "about %.2g days", seconds / 86400.0);
  return text;
}

void check_output_size(const OutputEstimate& estimate, std::uintmax_t limit,
                       const std::string& what, const std::string& how_to_reduce, AskedFrom from) {
  if (estimate.bytes <= limit) return;
  const std::string need = size_text(estimate.bytes);
  throw InputError(what + " would write about " + need + " (" + std::to_string(estimate.samples) +
                   " samples, 8 bytes per value, before compression; simulating it would take " +
                   rough_duration(estimate.seconds) + " on one core), more than the limit of " +
                   size_text(limit) + ". " + how_to_reduce +
                   "; or, to write it anyway, pass " + limit_option(from) +
                   " with a larger size, e.g. " +
                   limit_example(from, size_text(estimate.bytes * 11 / 10)));
}

void check_runs_output(const std::vector<const Scenario*>& scenarios, std::size_t variables,
                       std::uintmax_t limit, AskedFrom from) {
  OutputEstimate total;
  const Scenario* largest = nullptr;
  std::uintmax_t largest_bytes = 0;
  for (const Scenario* s : scenarios) {
    const OutputEstimate e = estimate_run_output(*s, variables);
    total.bytes += e.bytes;
    total.samples += e.samples;
    total.seconds += e.seconds;
    if (e.bytes >= largest_bytes) largest = s, largest_bytes = e.bytes;
  }
  if (largest == nullptr) return;
  const std::string where = largest->file.empty() ? "'" + largest->name + "'" : largest->file;
  check_output_size(
      total, limit,
      scenarios.size() == 1
          ? "the run of " + where
          : "the " + std::to_string(scenarios.size()) + " runs (the largest " + where + ")",
      "Each sample holds " + std::to_string(variables) + " outputs every " +
          scenario::duration_text(largest->output_interval_h) +
          ": record less often (a longer output_interval in " + where + ", or " +
          interval_example(from) + ") or simulate a shorter duration",
      from);
}

}  // namespace myoflux
