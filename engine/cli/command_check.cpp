// `myoflux check FILE`: recognises which kind of file FILE is (scenario, study, sweep spec, or a
// kind the model adds; engine/cli/file_kinds.hpp), validates it and prints what it means without
// simulating. Invalid input throws; run_cli turns that into the file:line:column message and exit
// code 2, with a last line saying which kind the file was read as.
#include <CLI/CLI.hpp>
#include <ostream>

#include "engine/cli/cli.hpp"
#include "engine/cli/file_kinds.hpp"
#include "engine/error.hpp"
#include "engine/model_adapter.hpp"
#include "engine/resources.hpp"

namespace myoflux::cli {
namespace {

struct CheckOptions {
  std::string file;
  std::vector<std::string> sets;
  std::string arm;
  bool full = false;
};

void check(const CheckOptions& o, Context& ctx) {
  std::vector<FieldOverride> sets;
  for (const std::string& s : o.sets) sets.push_back(parse_field_override(s));
  const std::filesystem::path path = find_input_file(o.file);
  const FileToCheck file = read_file_to_check(path);
  const std::vector<FileKind> kinds = file_kinds(ctx.model);
  const FileKind& kind = identify_file_kind(kinds, file);
  const std::string read_as = "(" + path.string() + " was read as a " + kind.name + ": " +
                              recognition_text(kinds, kind) + ")";
  std::string detail;
  try {
    detail = kind.check(file, CheckRequest{sets, o.arm, o.full, ctx.model, ctx.out});
  } catch (const ScenarioError& e) {
    throw ScenarioError(e.mark(), e.message() + "\n" + read_as);
  } catch (const InputError& e) {
    throw InputError(std::string(e.what()) + "\n" + read_as);
  }
  ctx.out << "\n" << path.string() << ": valid (" << kind.name << detail << ")\n";
}

std::string kinds_help(const ModelAdapter& model) {
  const std::vector<FileKind> kinds = file_kinds(model);
  std::string text = "Kinds of file, told apart by their content:\n";
  for (const FileKind& k : kinds)
    text += "  " + k.name + ": " + recognition_text(kinds, k) + " (" + k.documented_in + ")\n";
  return text;
}

}  // namespace

void add_check_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check any myoflux input file (scenario, study, sweep spec, ...) and show what it means, "
      "without simulating");
  auto options = std::make_shared<CheckOptions>();
  cmd->add_option("FILE", options->file,
                  "the file, or a name of the scenario library (e.g. hiit_vs_long_distance)")
      ->required();
  cmd->add_option("--set", options->sets,
                  "override a field of a scenario or study before checking, as PATH=VALUE "
                  "(repeatable), e.g. --set diet.protein=\"2.0 g/kg/day\"");
  cmd->add_option("--arm", options->arm, "show this arm of a study in full");
  cmd->add_flag("--full", options->full,
                "show every session with its segments (default: the first week in full, then "
                "one line per session)");
  cmd->footer(kinds_help(ctx.model) +
              "\nExit codes: 0 the file is valid, 2 invalid input (the message names "
              "file:line:column,\nwhat was expected and an example, and which kind the file was "
              "read as).\n\n"
              "Example:\n"
              "  myoflux check scenarios/hiit_4x4_brief.yaml\n"
              "  myoflux check scenarios/hiit_vs_long_distance.yaml --arm hiit_1.6\n"
              "  myoflux check scenarios/hiit_4x4_brief.yaml --set subject.body_mass=\"80 kg\"\n"
              "  myoflux check scenarios/sweeps/virtual_population.yaml");
  cmd->callback([options, &ctx] { check(*options, ctx); });
}

}  // namespace myoflux::cli
