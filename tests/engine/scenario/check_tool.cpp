// `myoflux_check_tool`: the CLI with a fake model, so ctest can run `check` on library files as a
// user would before the real `myoflux` executable (built in models/) exists.
#include "engine/cli/cli.hpp"
#include "fake_model.hpp"

int main(int argc, char** argv) {
  const myoflux::testing::FakeModel model;
  return myoflux::cli::run_cli(argc, argv, model);
}
