// The closing report of `myoflux sweep` and `myoflux merge`.
#include "engine/cli/sweep_report.hpp"

#include <cmath>
#include <cstdio>
#include <iomanip>

namespace myoflux::cli {
namespace {

std::string number(double v) {
  if (!std::isfinite(v)) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, std::abs(v) >= 1000 ? "%.0f" : "%.4g", v);
  return buffer;
}

}  // namespace

void print_sweep_report(std::ostream& out, std::ostream& err, const sweep::SweepReport& report,
                        double seconds) {
  std::size_t width = 8;
  for (const sweep::EndpointLine& e : report.endpoints) width = std::max(width, e.name.size());
  const int w = static_cast<int>(width + 2);
  out << std::left << std::setw(w) << "endpoint" << std::setw(12) << "unit" << std::right
      << std::setw(9) << "runs" << std::setw(11) << "mean" << std::setw(11) << "sd" << std::setw(11)
      << "p5" << std::setw(11) << "median" << std::setw(11) << "p95"
      << "\n";
  for (const sweep::EndpointLine& e : report.endpoints)
    out << std::left << std::setw(w) << e.name << std::setw(12) << e.unit << std::right
        << std::setw(9) << e.count << std::setw(11) << number(e.mean) << std::setw(11)
        << number(e.sd) << std::setw(11) << number(e.p5) << std::setw(11) << number(e.median)
        << std::setw(11) << number(e.p95) << "\n";
  out << report.runs << " runs in " << report.chunks << " chunks";
  if (seconds > 0.0) out << ", " << std::fixed << std::setprecision(1) << seconds << " s";
  out << "; " << report.failed_runs << " failed\n";
  if (!report.groups.empty()) {
    out << "summary groups:";
    for (const std::string& g : report.groups)
      out << " " << g << (&g == &report.groups.back() ? "" : ",");
    out << "\n";
  }
  out << "wrote " << report.index.string() << " (all runs as one table, and /summary)\n";
  if (report.failed_runs > 0)
    err << "myoflux: note: " << report.failed_runs << (report.failed_runs == 1 ? " run" : " runs")
        << " failed; status and message are in " << report.index.string()
        << " (/status, /failures); their endpoints are NaN and the statistics above leave them "
           "out (the runs column counts the runs with a value)\n";
  for (const std::string& note : report.notes) err << "myoflux: note: " << note << "\n";
}

}  // namespace myoflux::cli
