// What only the build system knows about this build (version, git commit, build type), written
// into a generated source file by engine/build_info.cmake. engine/provenance.cpp turns it into
// BuildInfo; nothing else should read it.
#pragma once

namespace myoflux::detail {

struct BuildStamp {
  const char* version;
  const char* git_commit;  // "unknown" outside a git checkout
  bool git_dirty;
  const char* build_type;  // "Release", or e.g. "RelWithDebInfo, ASan+UBSan"
};

extern const BuildStamp kBuildStamp;

}  // namespace myoflux::detail
