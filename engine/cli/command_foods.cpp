// `myoflux foods`: the food table that meals written as foods resolve through
// (engine/data/foods.yaml), with every row's source.
#include <CLI/CLI.hpp>
#include <ostream>

#include "engine/cli/cli.hpp"
#include "engine/scenario/foods.hpp"

namespace myoflux::cli {

void add_foods_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "foods", "List the food table: protein, carbohydrate, fat, leucine and digestibility");
  auto markdown = std::make_shared<bool>(false);
  cmd->add_flag("--markdown", *markdown,
                "print a Markdown table with every row's source (as in docs/foods.md)");
  cmd->footer(
      "Examples:\n"
      "  myoflux foods\n"
      "  myoflux foods --markdown\n"
      "Write a meal, drink or session dose as foods:\n"
      "  {name: lunch, time: \"12:30\", foods: [{food: rice, amount: 200 g},\n"
      "                                        {food: chicken breast, amount: 150 g}]}\n"
      "The table is " + default_foods_path().string() + " (check an edited copy with\n"
      "  myoflux check FILE).");
  cmd->callback([markdown, &ctx] {
    if (*markdown)
      ctx.out << food_table_markdown(food_table());
    else
      describe_foods(ctx.out, food_table());
  });
}

}  // namespace myoflux::cli
