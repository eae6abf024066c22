#include "engine/cli/python_plot.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "engine/error.hpp"
#include "engine/resources.hpp"

extern char** environ;

namespace myoflux::cli {

void run_plot_script(const std::vector<std::string>& args) {
  run_python_module("myoflux.plot", args, "drawing the figure");
}

void run_python_module(const std::string& module, const std::vector<std::string>& args,
                       const std::string& what) {
  const std::string python = MYOFLUX_PYTHON_EXECUTABLE;
  const std::string package_dir = python_package_parent().string();
  std::vector<std::string> argv_store{python, "-m", module};
  argv_store.insert(argv_store.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_store) argv.push_back(a.data());
  argv.push_back(nullptr);

  // The environment, with the package folder first on PYTHONPATH and a non-interactive backend.
  std::vector<std::string> env_store;
  const char* old_path = std::getenv("PYTHONPATH");
  env_store.push_back("PYTHONPATH=" + package_dir + (old_path ? ":" + std::string(old_path) : ""));
  env_store.push_back("MPLBACKEND=Agg");
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    if (entry.rfind("PYTHONPATH=", 0) != 0 && entry.rfind("MPLBACKEND=", 0) != 0)
      env_store.push_back(entry);
  }
  std::vector<char*> envp;
  for (std::string& e : env_store) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  if (posix_spawn(&pid, python.c_str(), nullptr, nullptr, argv.data(), envp.data()) != 0)
    throw SimulationError("cannot start " + python + " for " + what);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw SimulationError(what + " failed (" + python + " -m " + module +
                          ", see the message above)");
}

}  // namespace myoflux::cli
