#include "engine/store/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "engine/error.hpp"

namespace myoflux {
namespace fs = std::filesystem;
namespace {

std::string partial_prefix(const fs::path& target) {
  // Built with append: g++ 12 warns falsely (-Wrestrict, GCC bug 105329) on "literal" + string.
  return std::string(".").append(target.filename().string()).append(".partial-");
}

void fsync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags);
  if (fd < 0) return;  // best effort: some file systems do not allow opening folders
  ::fsync(fd);
  ::close(fd);
}

// A partial file whose writer process no longer exists is debris from a kill -9.
void remove_stale_partials(const fs::path& target) {
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = partial_prefix(target);
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
      fs::remove(entry.path(), ec);
  }
}

}  // namespace

AtomicOutput::AtomicOutput(fs::path target, bool overwrite)
    : target_(std::move(target)), overwrite_(overwrite) {
  const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  if (!fs::is_directory(folder))
    throw InputError("cannot write " + target_.string() + ": folder " + folder.string() +
                     " does not exist");
  if (!overwrite_ && fs::exists(target_))
    throw InputError(target_.string() +
                     " already exists; choose another name or pass --force "
                     "to overwrite it");
  remove_stale_partials(target_);
  static std::atomic<long> counter{0};
  temp_ = folder / (partial_prefix(target_) + std::to_string(::getpid()) + "-" +
                    std::to_string(counter.fetch_add(1)));
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

void AtomicOutput::commit() {
  if (!fs::exists(temp_))
    throw SimulationError("commit of " + target_.string() + ": the temporary file was not written");
  fsync_path(temp_, O_RDONLY);
  if (!overwrite_ && fs::exists(target_))
    throw InputError(target_.string() + " appeared while it was being written; not overwriting it");
  if (::rename(temp_.c_str(), target_.c_str()) != 0)
    throw SimulationError("cannot rename " + temp_.string() + " to " + target_.string() + ": " +
                          std::strerror(errno));
  committed_ = true;
  fsync_path(target_.has_parent_path() ? target_.parent_path() : fs::path("."),
             O_RDONLY | O_DIRECTORY);
}

}  // namespace myoflux
