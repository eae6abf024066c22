// `myoflux sweep SPEC.yaml -o DIR [--threads N] [--chunk i/n] [--resume]`: expands a sweep
// (docs/sweeps.md) into chunks of runs, runs them on every core (or across MPI ranks under
// mpirun, or one Slurm array share with --chunk), writes each chunk file atomically and, at the
// end, the index and summary. Bad input exits 2 before anything runs.
#include <CLI/CLI.hpp>
#include <chrono>
#include <memory>
#include <ostream>

#include "engine/cli/arm_runner.hpp"
#include "engine/cli/cli.hpp"
#include "engine/cli/progress.hpp"
#include "engine/cli/sweep_report.hpp"
#include "engine/resources.hpp"
#include "engine/sweep/chunk_file.hpp"
#include "engine/sweep/directory.hpp"
#include "engine/sweep/output_limit.hpp"
#include "engine/sweep/plan.hpp"
#include "engine/sweep/runner.hpp"
#if MYOFLUX_WITH_MPI
#include "engine/sweep/mpi_runner.hpp"
#endif

namespace myoflux::cli {
namespace {

struct SweepOptions {
  std::string spec;
  std::string output;
  std::string share;
  unsigned threads = 0;
  bool resume = false;
  std::string max_output;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void print_plan(Context& ctx, const sweep::SweepPlan& plan, const sweep::SweepDirectory& dir,
                unsigned threads, const std::string& where) {
  for (const std::string& warning : dir.warnings()) ctx.err << "myoflux: warning: " << warning << "\n";
  ctx.out << "sweep " << plan.spec().name << ": " << plan.run_count() << " runs in "
          << plan.chunk_count() << " chunks of up to " << plan.chunk_size() << "; ";
  if (dir.kept_chunks() > 0) ctx.out << dir.kept_chunks() << " chunks kept from before; ";
  ctx.out << "running " << dir.runs_to_run() << " runs on " << threads
          << (threads == 1 ? " thread" : " threads") << where << "\n"
          << std::flush;
}

[[noreturn]] void interrupted(const sweep::SweepDirectory& dir, const SweepOptions& o,
                              const sweep::SweepPlan& plan) {
  throw SimulationError("interrupted: " + std::to_string(dir.done_chunks()) + " of " +
                        std::to_string(plan.chunk_count()) +
                        " chunks are done; continue with: myoflux sweep " + o.spec + " -o " +
                        o.output + " --resume");
}

void sweep_here(Context& ctx, const SweepOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  const sweep::SweepPlan plan(sweep::load_sweep_spec(find_input_file(o.spec), ctx.model),
                              ctx.model);
  const sweep::Share share = o.share.empty() ? sweep::Share{} : sweep::parse_share(o.share);
  sweep::check_sweep_output(plan, ctx.model, max_output_bytes(o.max_output),
                            "the sweep " + o.spec, AskedFrom::command_line);
  sweep::SweepDirectory dir(plan, o.output, ctx.command_line);
  dir.prepare(o.resume, share, share.count == 1);
  const unsigned threads = sweep::thread_count(o.threads);
  print_plan(ctx, plan, dir, threads,
             share.count > 1 ? " (share " + o.share + " of the chunks)" : std::string());
  Progress progress(ctx.err, ctx.interactive, "sweep", dir.runs_to_run());
  sweep::ListQueue queue(dir.to_run());
  sweep::RunnerCallbacks callbacks;
  callbacks.hash_of = [&](std::int64_t c) { return dir.chunk_hash(c); };
  callbacks.finished = [&](sweep::ChunkResult&& chunk) { dir.finished(std::move(chunk)); };
  callbacks.after_run = [&] { progress.advance(); };
  const bool complete = sweep::run_chunks(plan, ctx.model, queue, threads, callbacks);
  dir.save_manifest();
  if (!complete) interrupted(dir, o, plan);
  if (share.count > 1) {
    ctx.out << "share " << o.share << ": " << dir.to_run().size() << " chunks done in "
            << seconds_since(start) << " s; when every share has finished: myoflux merge "
            << o.output << "\n";
    return;
  }
  print_sweep_report(ctx.out, ctx.err, dir.finish(), seconds_since(start));
}

#if MYOFLUX_WITH_MPI
/// Under mpirun: every rank reads the spec (the same way, so bad input stops all of them at
/// once); rank 0 prepares the folder, coordinates and reports; other ranks print nothing.
void sweep_mpi(Context& ctx, const SweepOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  sweep::mpi::Session session;
  const bool coordinator = session.rank() == 0;
  try {
    if (!o.share.empty())
      throw InputError(
          "--chunk is for Slurm array tasks without MPI; under mpirun the ranks "
          "share the chunks by themselves");
    const sweep::SweepPlan plan(sweep::load_sweep_spec(find_input_file(o.spec), ctx.model),
                                ctx.model);
    // Every rank checks, like reading the spec.
    sweep::check_sweep_output(plan, ctx.model, max_output_bytes(o.max_output),
                              "the sweep " + o.spec, AskedFrom::command_line);
    std::unique_ptr<sweep::SweepDirectory> dir;
    std::string problem;
    if (coordinator) {
      dir = std::make_unique<sweep::SweepDirectory>(plan, o.output, ctx.command_line);
      try {
        dir->prepare(o.resume, {}, true);
      } catch (const InputError& e) {
        problem = e.what();
      }
    }
    if (session.broadcast_status(problem.empty() ? kOk : kBadInput) != kOk) {
      if (coordinator) throw InputError(problem);
      ctx.exit_code = kBadInput;
      return;
    }
    const unsigned threads = o.threads > 0 ? o.threads : session.default_threads();
    std::unique_ptr<Progress> progress;
    sweep::RunnerCallbacks callbacks;
    if (coordinator) {
      print_plan(ctx, plan, *dir, threads,
                 " per rank, " + std::to_string(session.size()) + " MPI ranks");
      progress = std::make_unique<Progress>(ctx.err, ctx.interactive, "sweep", dir->runs_to_run());
      callbacks.hash_of = [&](std::int64_t c) { return dir->chunk_hash(c); };
      callbacks.finished = [&](sweep::ChunkResult&& chunk) { dir->finished(std::move(chunk)); };
      callbacks.after_run = [&] { progress->advance(); };
    }
    const bool complete =
        sweep::mpi::run_chunks(session, plan, ctx.model, dir.get(), o.output, threads, callbacks,
                               [&](std::int64_t runs) { progress->advance(runs); });
    if (!coordinator) return;
    dir->save_manifest();
    progress.reset();
    if (!complete) interrupted(*dir, o, plan);
    print_sweep_report(ctx.out, ctx.err, dir->finish(), seconds_since(start));
  } catch (const InputError&) {
    if (coordinator) throw;
    ctx.exit_code = kBadInput;  // rank 0 reports it
  }
}
#endif

void run_sweep_command(Context& ctx, const SweepOptions& o) {
#if MYOFLUX_WITH_MPI
  if (sweep::mpi::launched_by_mpi()) return sweep_mpi(ctx, o);
#endif
  sweep_here(ctx, o);
}

}  // namespace

void add_sweep_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run a sweep (docs/sweeps.md): many runs in chunk files, an index and a summary");
  cmd->add_option("SPEC", o->spec, "the sweep file (YAML), or a name of the scenario library")
      ->required();
  cmd->add_option("-o,--output", o->output, "folder for the chunk files, manifest and index")
      ->required();
  cmd->add_option("--threads", o->threads,
                  "runs at once (default: one per core; under mpirun: the cores per rank)");
  cmd->add_option("--chunk", o->share,
                  "run share i of n of the chunks (Slurm arrays: "
                  "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT), then `myoflux merge DIR`");
  cmd->add_flag("--resume", o->resume,
                "keep the chunks already in DIR whose inputs match, and run the rest");
  add_max_output_option(cmd, o->max_output);
  cmd->footer(
      std::string("Example: myoflux sweep scenarios/sweeps/protein_x_hiit_frequency.yaml -o "
                  "results/protein_x_hiit\n"
                  "  then read results/protein_x_hiit/index.h5 (or myoflux.read_sweep in "
                  "Python).\n") +
#if MYOFLUX_WITH_MPI
      "Built with MPI: mpirun -np N myoflux sweep ... shares the chunks between N ranks.\n" +
#else
      "Built without MPI (configure with -DMYOFLUX_MPI=ON for mpirun).\n" +
#endif
      "Exit codes: 0 ok (failed runs are recorded, not fatal), 2 invalid input, 130 "
      "interrupted.");
  cmd->callback([o, &ctx] { run_sweep_command(ctx, *o); });
}

}  // namespace myoflux::cli
