// Where a result came from: myoflux version, git commit (and whether the tree had uncommitted
// changes when it was built), how it was built (build type, compiler, Eigen, Boost and HDF5
// versions), creation time and the command line. Stored in every output file; the same facts
// are what `myoflux --version` prints and what myoflux.build_info() returns in Python.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "engine/fields.hpp"

namespace myoflux {

struct BuildInfo {
  std::string version;     // "0.1.0", the project version of the top-level CMakeLists.txt
  std::string git_commit;  // "unknown" outside a git checkout
  bool git_dirty = false;
  std::string build_type;     // "Release", or e.g. "RelWithDebInfo, ASan+UBSan"
  std::string compiler;       // "GCC 12.2.0"
  std::string eigen_version;  // "3.4.0", from the headers compiled against
  std::string boost_version;  // "1.74.0"
  std::string hdf5_version;   // "1.10.8"
};

/// This build: the version, commit and build type recorded by engine/build_info.cmake, the
/// compiler and library versions read from their headers.
const BuildInfo& build_info();

/// "Release, GCC 12.2.0, Eigen 3.4.0, Boost 1.74.0, HDF5 1.10.8": how it was built, in one line.
std::string build_summary(const BuildInfo& info = build_info());

/// "4dda669... (uncommitted changes)": the commit, marked when the tree was dirty.
std::string commit_text(const BuildInfo& info = build_info());

/// The lines of `myoflux --version`: "myoflux 0.1.0", then one "name  value" line per fact.
std::string version_text(const BuildInfo& info = build_info());

struct Provenance {
  std::string myoflux_version;
  std::string git_commit;
  bool git_dirty = false;
  std::string build;         // build_summary() of the writer; "" in files written before 0.1.0
  std::string created_utc;   // ISO 8601, e.g. 2026-11-26T09:30:00Z
  std::string command_line;  // as typed, or "python: myoflux.run(...)"
};

template <>
struct Fields<Provenance> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"myoflux_version", "", "the version that wrote the file"}, r.myoflux_version...);
    v(Field{"git_commit", "", "the commit it was built from"}, r.git_commit...);
    v(Field{"git_dirty", "", "built with uncommitted changes (bool)"}, r.git_dirty...);
    v(Field{"build", "", "build type, compiler and library versions (myoflux --version)"},
      r.build...);
    v(Field{"created_utc", "", "when the file was written, ISO 8601"}, r.created_utc...);
    v(Field{"command_line", "", "what wrote it"}, r.command_line...);
  }
};

/// Provenance for a file written now by this build.
Provenance current_provenance(std::string command_line);

std::string utc_now_iso8601();

/// SHA-256 of `text` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view text);

/// SHA-256 of a file's bytes as 64 lowercase hex digits (read in blocks, so a large file costs no
/// memory); "" when the file cannot be read.
std::string sha256_file_hex(const std::filesystem::path& path);

}  // namespace myoflux
