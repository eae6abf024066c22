// The `myoflux` program: the engine's command line with the protein balance model.
#include "engine/cli/cli.hpp"
#include "models/protein_balance/adapter.hpp"

int main(int argc, char** argv) {
  const myoflux::protein_balance::Adapter model;
  return myoflux::cli::run_cli(argc, argv, model);
}
