// Where the program finds its data (engine/resources.hpp): in a build folder the source tree,
// MYOFLUX_DATA_DIR overrides it, and command-line names find files of the scenario library.
// (That an installed program finds share/myoflux beside itself is tested on an installed copy,
// tests/install.)
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/error.hpp"
#include "engine/resources.hpp"

namespace myoflux {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = MYOFLUX_SOURCE_DIR;

/// Sets an environment variable for one test and restores it after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_.empty())
      ::unsetenv(name_);
    else
      ::setenv(name_, old_.c_str(), 1);
  }

 private:
  const char* name_;
  std::string old_;
};

TEST(Resources, ABuildTreeProgramReadsTheSourceTree) {
  ::unsetenv("MYOFLUX_DATA_DIR");
  EXPECT_EQ(fs::canonical(data_dir()), fs::canonical(kSource));
  EXPECT_TRUE(fs::exists(scenario_library_dir() / "hiit_vs_long_distance.yaml"));
  ::unsetenv("MYOFLUX_PYTHON_PACKAGE_DIR");
  EXPECT_TRUE(fs::exists(python_package_parent() / "myoflux" / "plot.py"));
}

TEST(Resources, EnvironmentOverridesTheDataFolder) {
  const fs::path dir = fs::temp_directory_path() / ("myoflux_data_" + std::to_string(::getpid()));
  fs::create_directories(dir / "scenarios" / "studies");
  std::ofstream(dir / "scenarios" / "studies" / "mine.yaml") << "name: mine\n";
  {
    const ScopedEnv env("MYOFLUX_DATA_DIR", dir.string());
    EXPECT_EQ(data_dir(), dir);
    EXPECT_EQ(find_input_file("mine"), dir / "scenarios" / "studies" / "mine.yaml");
    EXPECT_EQ(find_input_file("studies/mine.yaml"), dir / "scenarios" / "studies" / "mine.yaml");
  }
  {
    const ScopedEnv env("MYOFLUX_DATA_DIR", (dir / "missing").string());
    try {
      data_dir();
      ADD_FAILURE() << "a missing data folder was accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), "MYOFLUX_DATA_DIR=" + (dir / "missing").string() +
                                           " is not a folder; it should name the folder that "
                                           "holds scenarios/ (e.g. /usr/share/myoflux), or be "
                                           "unset");
    }
  }
  fs::remove_all(dir);
}

TEST(Resources, NamesFindLibraryFiles) {
  ::unsetenv("MYOFLUX_DATA_DIR");
  const fs::path library = scenario_library_dir();
  EXPECT_EQ(find_input_file("hiit_vs_long_distance"), library / "hiit_vs_long_distance.yaml");
  EXPECT_EQ(find_input_file("ryu2016_races"), library / "studies" / "ryu2016_races.yaml");
  EXPECT_EQ(find_input_file("ryu2016_races.yaml"), library / "studies" / "ryu2016_races.yaml");
  EXPECT_EQ(find_input_file("sweeps/virtual_population"),
            library / "sweeps" / "virtual_population.yaml");
  // An existing path wins, as written; a path with folders that exists nowhere stays as written
  // so that reading it names the missing file.
  const std::string source_file = (kSource / "scenarios" / "hiit_4x4_brief.yaml").string();
  EXPECT_EQ(find_input_file(source_file), fs::path(source_file));
  EXPECT_EQ(find_input_file("no/such/file.yaml"), fs::path("no/such/file.yaml"));
  try {
    find_input_file("hiit_vs_long_distanse");
    ADD_FAILURE() << "a misspelt name was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "'hiit_vs_long_distanse': no such file, and the scenario library " +
                  library.string() +
                  " has no file of that name (did you mean 'hiit_vs_long_distance'?)");
  }
}

}  // namespace
}  // namespace myoflux
