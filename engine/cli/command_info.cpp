// `myoflux info FILE.h5`: what a result file holds and how it was made. The file may come from
// anywhere, and libhdf5 itself crashes (reads out of bounds, aborts) on some damaged or hostile
// files, so the HDF5 part runs in a forked child: a child that dies is reported as a clean error
// naming the file, never as a crash of myoflux. libhdf5 also loops forever on some (reading a
// variable-length string whose global heap entry points at itself), so the child has a time
// limit, and Ctrl-C or SIGTERM stops it.
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <csignal>
#include <cstring>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "engine/cli/cli.hpp"
#include "engine/error.hpp"
#include "engine/interrupt.hpp"
#include "engine/solver/simulation.hpp"
#include "engine/store/result_file.hpp"
#include "engine/utf8.hpp"

namespace myoflux::cli {
namespace {

void print_info(const std::string& path, Context& ctx) {
  const ResultFile f = read_result_file(path);
  std::ostream& out = ctx.out;
  out << path << ": myoflux result file, format version " << f.format_version << "\n"
      << "  written by  myoflux " << f.provenance.myoflux_version << " (git "
      << f.provenance.git_commit << (f.provenance.git_dirty ? ", uncommitted changes" : "") << ")\n"
      << (f.provenance.build.empty() ? "" : "  built       " + f.provenance.build + "\n")
      << "  created     " << f.provenance.created_utc << "\n"
      << "  command     " << f.provenance.command_line << "\n"
      << "  runs        " << f.runs.size() << "\n";
  for (const RunRecord& run : f.runs) {
    const Result& r = run.result;
    const SolverConfig settings = solver_settings(r);
    const SolverStats stats = solver_stats(r);
    out << "\n  /runs/" << run.id << "\n";
    for (const auto& [key, value] : run.labels) out << "    " << key << ": " << value << "\n";
    if (!run.scenario_source.empty()) out << "    scenario: " << run.scenario_source << "\n";
    out << "    samples: " << r.sample_count();
    if (r.time_h.size() > 0)
      out << " from " << r.time_h[0] << " h to " << r.time_h[r.time_h.size() - 1] << " h";
    out << ", " << r.variables.size() << " outputs\n"
        << "    solver: " << method_name(settings.method) << ", rtol " << settings.rtol << ", "
        << stats.steps << " steps (" << stats.rejected_steps << " rejected), "
        << stats.rhs_evaluations << " RHS evaluations, " << std::setprecision(3)
        << stats.wall_time_s * 1e3 << " ms, status " << status_name(stats.status) << "\n";
    if (!stats.message.empty()) out << "    message: " << stats.message << "\n";
    if (!run.summary.empty()) {
      out << "    summary:\n";
      for (const TableRow& row : run.summary)
        out << "      " << std::left << std::setw(36) << row.name << std::right << std::setw(12)
            << std::setprecision(4) << row.value << " " << row.unit << "\n";
    }
    out << "    outputs:";
    for (const VariableInfo& v : r.variables) out << " " << v.name << " [" << v.unit << "]";
    out << "\n";
  }
}

/// What the child sends back: one status byte (0 ok, 2 bad input, 3 other failure), then text.
void report_to_parent(int fd, char status, const std::string& text) {
  std::size_t sent = 0;
  if (::write(fd, &status, 1) != 1) return;
  while (sent < text.size()) {
    const ssize_t n = ::write(fd, text.data() + sent, text.size() - sent);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

void print_info_isolated(const std::string& path, Context& ctx) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0)
    throw SimulationError(std::string("info: cannot create a pipe: ") + std::strerror(errno));
  ctx.out.flush();
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    throw SimulationError(std::string("info: cannot fork: ") + std::strerror(errno));
  }
  if (child == 0) {
    ::close(pipe_fds[0]);
    std::ostringstream text;
    Context child_ctx{ctx.model, ctx.command_line, text, text, false, kOk};
    char status = 0;
    std::string message;
    try {
      print_info(path, child_ctx);
      message = text.str();
    } catch (const InputError& e) {
      status = 2, message = e.what();
      if (message.rfind(path, 0) != 0)  // "HDF5: group 'runs' is missing": say which file
        message = path + ": " + message;
    } catch (const std::exception& e) {
      // A file whose structure HDF5 rejects part way (a damaged or hostile file) is bad input.
      status = 2, message = path + " cannot be read: " + e.what() +
                            "; the file is damaged or not a myoflux result file";
    }
    // Names and attributes come from the file: a damaged one may hold any bytes.
    report_to_parent(pipe_fds[1], status, printable_utf8(message));
    ::close(pipe_fds[1]);
    ::_exit(0);  // no atexit handlers or static destructors of the parent's state
  }
  ::close(pipe_fds[1]);
  // Reading even a large file takes well under a second per 10 MB; 10 s plus 1 s per 10 MB is
  // far beyond that.
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(path, ec);
  const auto limit = std::chrono::seconds(10 + (ec ? 0 : static_cast<long>(bytes / 10'000'000)));
  const auto start = std::chrono::steady_clock::now();
  std::string received;
  std::string stopped;  // why the child was killed, if it was
  char block[4096];
  for (;;) {
    pollfd pending{pipe_fds[0], POLLIN, 0};
    const int ready = ::poll(&pending, 1, 200);
    if (interrupt_flag().load()) stopped = "interrupted";
    else if (std::chrono::steady_clock::now() - start > limit)
      stopped = "timeout";
    if (!stopped.empty()) {
      ::kill(child, SIGKILL);
      break;
    }
    if (ready <= 0) continue;  // timeout or EINTR: check again
    const ssize_t n = ::read(pipe_fds[0], block, sizeof block);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    received.append(block, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int wait_status = 0;
  while (::waitpid(child, &wait_status, 0) < 0 && errno == EINTR) {
  }
  if (stopped == "interrupted") throw SimulationError("interrupted while reading " + path);
  if (stopped == "timeout")
    throw InputError(path + " cannot be read: the HDF5 library did not finish reading it in " +
                     std::to_string(limit.count()) +
                     " s (it loops on some damaged files); the file is damaged or not a myoflux "
                     "result file");
  const bool clean_exit = WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0;
  if (!clean_exit || received.empty()) {
    const std::string how = WIFSIGNALED(wait_status)
                                ? "signal " + std::to_string(WTERMSIG(wait_status)) + ", " +
                                      strsignal(WTERMSIG(wait_status))
                                : "exit status " + std::to_string(WEXITSTATUS(wait_status));
    throw InputError(path +
                     " cannot be read: the HDF5 library failed on it (" + how +
                     "); the file is damaged or not a myoflux result file. Re-create it with "
                     "myoflux run -o or myoflux compare -o");
  }
  const char status = received[0];
  const std::string text = received.substr(1);
  if (status == 0) {
    ctx.out << text;
    return;
  }
  if (status == 2) throw InputError(text);
  throw SimulationError(text);
}

}  // namespace

void add_info_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("info", "Show what a result file holds and how it was made");
  auto path = std::make_shared<std::string>();
  cmd->add_option("FILE", *path, "an HDF5 file written by myoflux run, compare or sweep")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->footer(
      "Example: myoflux info results/hiit_vs_long_distance.h5\n"
      "  (the file that `myoflux compare scenarios/hiit_vs_long_distance.yaml` writes): its runs,\n"
      "  outputs with units, the scenario each ran, the program that wrote it and the solver\n"
      "Exit codes: 0 ok, 2 not a myoflux result file (or a damaged one: it is read in a child\n"
      "  process, so a file that crashes or hangs the HDF5 library gives an error, not a crash).");
  cmd->callback([path, &ctx] { print_info_isolated(*path, ctx); });
}

}  // namespace myoflux::cli
