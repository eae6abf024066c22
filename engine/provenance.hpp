// Where a result came from: myoflux version, git commit (and whether the tree had uncommitted
// changes when it was built), creation time and the command line. Stored in every output file.
#pragma once

#include <string>
#include <string_view>

namespace myoflux {

struct BuildInfo {
  std::string version;
  std::string git_commit;  // "unknown" outside a git checkout
  bool git_dirty = false;
};

/// Filled in at build time (engine/build_info.cmake).
const BuildInfo& build_info();

struct Provenance {
  std::string myoflux_version;
  std::string git_commit;
  bool git_dirty = false;
  std::string created_utc;   // ISO 8601, e.g. 2026-11-26T09:30:00Z
  std::string command_line;  // as typed, or "python: myoflux.run(...)"
};

/// Provenance for a file written now by this build.
Provenance current_provenance(std::string command_line);

std::string utc_now_iso8601();

/// SHA-256 of `text` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view text);

}  // namespace myoflux
