#include "engine/resources.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/error.hpp"
#include "engine/suggest.hpp"

// Set by engine/CMakeLists.txt: the source tree, and the install layout as paths relative to the
// folder of the program (bin/) and of the Python package's compiled module (<pythondir>/myoflux).
#ifndef MYOFLUX_SOURCE_DIR
#error "MYOFLUX_SOURCE_DIR must name the source tree"
#endif

namespace myoflux {
namespace {

namespace fs = std::filesystem;

const char kAnchor = 0;  // an address inside whichever binary this code was linked into

/// The program or shared module this code runs in: the Python module _core.*.so when loaded by
/// Python, else the executable (/proc/self/exe, which dladdr does not name reliably).
fs::path running_binary(bool& is_shared_module) {
  Dl_info info{};
  is_shared_module = false;
  if (dladdr(&kAnchor, &info) != 0 && info.dli_fname != nullptr) {
    const std::string name = info.dli_fname;
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0) {
      is_shared_module = true;
      std::error_code ec;
      const fs::path p = fs::weakly_canonical(name, ec);
      return ec ? fs::path(name) : p;
    }
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe;
}

bool is_folder(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : nullptr;
}

/// The install prefix's data folder seen from the running binary, or "" in a build tree.
fs::path installed_data_dir() {
  bool shared = false;
  const fs::path binary = running_binary(shared);
  if (binary.empty()) return {};
  const fs::path data =
      (binary.parent_path() / (shared ? MYOFLUX_DATA_FROM_PYTHON_MODULE : MYOFLUX_DATA_FROM_BIN))
          .lexically_normal();
  return is_folder(data / "scenarios") ? data : fs::path();
}

bool is_yaml(const fs::path& p) {
  return p.extension() == ".yaml" || p.extension() == ".yml";
}

/// Library files whose name, with or without its extension, is `name`.
std::vector<fs::path> library_files_named(const fs::path& library, const std::string& name,
                                          std::vector<std::string>& all_names) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(library, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (!it->is_regular_file() || !is_yaml(p)) continue;
    all_names.push_back(p.stem().string());
    if (p.filename() == name || p.stem() == name) found.push_back(p);
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

fs::path data_dir() {
  if (const char* dir = env("MYOFLUX_DATA_DIR")) {
    if (!is_folder(dir))
      throw InputError("MYOFLUX_DATA_DIR=" + std::string(dir) +
                       " is not a folder; it should name the folder that holds scenarios/ (e.g. "
                       "/usr/share/myoflux), or be unset");
    return dir;
  }
  if (fs::path installed = installed_data_dir(); !installed.empty()) return installed;
  return MYOFLUX_SOURCE_DIR;
}

fs::path scenario_library_dir() {
  return data_dir() / "scenarios";
}

fs::path python_package_parent() {
  if (const char* dir = env("MYOFLUX_PYTHON_PACKAGE_DIR")) return dir;
  bool shared = false;
  const fs::path binary = running_binary(shared);
  if (!shared && !binary.empty()) {
    const fs::path installed = (binary.parent_path() / MYOFLUX_PYTHON_FROM_BIN).lexically_normal();
    std::error_code ec;
    if (fs::exists(installed / "myoflux" / "plot.py", ec)) return installed;
  }
  return fs::path(MYOFLUX_SOURCE_DIR) / "python";
}

fs::path find_input_file(std::string_view name) {
  const fs::path given(name);
  std::error_code ec;
  if (name.empty() || fs::exists(given, ec)) return given;
  const fs::path library = scenario_library_dir();
  for (const fs::path& candidate : {library / given, library / (std::string(name) + ".yaml")})
    if (fs::is_regular_file(candidate, ec)) return candidate;
  // A path with folders that exists nowhere: let the reader report it as written.
  if (given.has_parent_path()) return given;
  std::vector<std::string> names;
  const std::vector<fs::path> found = library_files_named(library, std::string(name), names);
  if (found.size() == 1) return found.front();
  if (found.size() > 1) {
    std::string list;
    for (const fs::path& p : found) list += "\n  " + p.lexically_relative(library).string();
    throw InputError("'" + std::string(name) + "' names " + std::to_string(found.size()) +
                     " files of the scenario library " + library.string() +
                     "; give the folder too:" + list);
  }
  std::vector<std::string_view> views(names.begin(), names.end());
  const std::string stem = given.stem().string();
  throw InputError("'" + std::string(name) + "': no such file, and the scenario library " +
                   library.string() + " has no file of that name" + did_you_mean(stem, views));
}

}  // namespace myoflux
