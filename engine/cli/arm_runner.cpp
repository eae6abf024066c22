#include "engine/cli/arm_runner.hpp"

#include <CLI/CLI.hpp>
#include <atomic>
#include <iomanip>
#include <thread>

#include "engine/cli/progress.hpp"
#include "engine/interrupt.hpp"
#include "engine/output_size.hpp"
#include "engine/scenario/fields.hpp"
#include "engine/store/atomic_file.hpp"
#include "engine/solver/simulation.hpp"
#include "engine/store/result_file.hpp"

namespace myoflux::cli {

SolverConfig SolverOptions::resolve(const ModelAdapter& model) const {
  SolverConfig c = model.default_solver();
  if (!method.empty()) c.method = parse_method(method);
  if (rtol > 0.0) {
    // Absolute tolerances scale with the relative one, as the model's recommendation does.
    const double factor = rtol / c.rtol;
    for (double& a : c.atol_per_state) a *= factor;
    c.atol *= factor;
    c.rtol = rtol;
  }
  if (max_steps > 0) c.max_steps = max_steps;
  return c;
}

void add_solver_options(CLI::App* cmd, SolverOptions& o) {
  cmd->add_option("--method", o.method,
                  "solver: dopri5 (explicit) or rosenbrock4 (stiff); default: the model's choice");
  cmd->add_option(
         "--rtol", o.rtol,
         "relative tolerance (absolute tolerances scale with it); default: the model's choice")
      ->check(CLI::Range(1e-12, 0.1));
  cmd->add_option("--max-steps", o.max_steps,
                  "give up (exit 3) after this many solver steps per run")
      ->check(CLI::PositiveNumber);
}

void add_max_output_option(CLI::App* cmd, std::string& max_output) {
  cmd->add_option("--max-output", max_output,
                  "refuse to start when the output would exceed this size (default " +
                      size_text(kDefaultMaxOutputBytes) + "), e.g. --max-output \"20 GB\"");
}

std::uintmax_t max_output_bytes(const std::string& max_output) {
  return max_output.empty() ? kDefaultMaxOutputBytes : parse_size(max_output);
}

std::vector<RunRecord> run_arms(Context& ctx, const std::vector<Scenario>& arms,
                                const SolverConfig& solver, unsigned threads,
                                std::uintmax_t max_output) {
  std::vector<const Scenario*> planned;
  for (const Scenario& arm : arms) planned.push_back(&arm);
  check_runs_output(planned, ctx.model.outputs().size(), max_output, AskedFrom::command_line);
  std::vector<RunRecord> records(arms.size());
  std::vector<std::string> errors(arms.size());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(arms.size()));
  Progress progress(ctx.err, ctx.interactive, "simulating", static_cast<long>(arms.size()));
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < arms.size(); i = next++) {
      try {
        records[i] = ctx.model.run(arms[i], solver);
        records[i].id = arms[i].name;
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
      progress.advance();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  // Bad input anywhere is the user's to fix first; then solver failures.
  for (std::size_t i = 0; i < arms.size(); ++i)
    if (!errors[i].empty()) throw InputError("arm '" + arms[i].name + "': " + errors[i]);
  if (interrupt_flag().load()) throw SimulationError("interrupted; nothing was written");
  std::string failed;
  for (std::size_t i = 0; i < arms.size(); ++i)
    if (const SolverStats s = solver_stats(records[i].result); !s.ok())
      failed += "\n  arm '" + arms[i].name + "': " + std::string(status_name(s.status)) + ": " +
                s.message;
  if (!failed.empty())
    throw SimulationError("the simulation failed, nothing was written:" + failed);
  return records;
}

namespace {

/// Splits "mean_daily_net_balance" into two header lines of at most `width` characters at
/// underscores ("mean daily", "net balance").
std::pair<std::string, std::string> header_lines(const std::string& name, std::size_t width) {
  std::vector<std::string> words;
  std::istringstream in(name);
  for (std::string w; std::getline(in, w, '_');) words.push_back(w);
  std::string first, second;
  std::size_t i = 0;
  for (; i < words.size() && first.size() + words[i].size() + (first.empty() ? 0 : 1) <= width; ++i)
    first += (first.empty() ? "" : " ") + words[i];
  for (; i < words.size(); ++i) second += (second.empty() ? "" : " ") + words[i];
  if (first.empty()) first = second.substr(0, width), second.clear();
  return {first, second.substr(0, width)};
}

}  // namespace

void print_summary_table(std::ostream& out, const std::vector<RunRecord>& runs) {
  if (runs.empty()) return;
  Table first;
  for (const TableRow& row : runs.front().summary)
    if (row.headline) first.push_back(row);
  constexpr std::size_t kWidth = 11;
  std::size_t name_width = 3;
  for (const RunRecord& r : runs) name_width = std::max(name_width, r.id.size());
  const int w0 = static_cast<int>(name_width + 1), w = static_cast<int>(kWidth + 1);
  std::vector<std::pair<std::string, std::string>> headers;
  for (const TableRow& row : first) headers.push_back(header_lines(row.name, kWidth));
  out << std::left << std::setw(w0) << "arm";
  for (const auto& h : headers) out << std::right << std::setw(w) << h.first;
  out << "\n" << std::setw(w0) << "";
  for (const auto& h : headers) out << std::right << std::setw(w) << h.second;
  out << "\n" << std::setw(w0) << "";
  for (const TableRow& row : first) {
    // "(unit)" where it fits; a long unit loses its parentheses rather than its last letters.
    const std::string unit = row.unit.size() + 2 <= kWidth ? "(" + row.unit + ")" : row.unit;
    out << std::right << std::setw(w) << unit.substr(0, kWidth);
  }
  out << "\n";
  for (const RunRecord& r : runs) {
    out << std::left << std::setw(w0) << r.id;
    for (const TableRow& row : r.summary) {
      if (!row.headline) continue;
      std::ostringstream v;
      v << std::fixed << std::setprecision(std::abs(row.value) >= 100 ? 0 : 2) << row.value;
      out << std::right << std::setw(w) << v.str();
    }
    out << "\n";
  }
}

void write_results(Context& ctx, const std::string& path, const std::vector<RunRecord>& runs,
                   bool force, std::vector<std::pair<std::string, std::string>> labels) {
  WriteOptions options;
  options.overwrite = force;
  options.labels = std::move(labels);
  write_result_file(path, runs, current_provenance(ctx.command_line), options);
}

}  // namespace myoflux::cli
