#include "engine/store/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
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

/// fsync of a file or folder: the errno of a failed fsync, 0 when it succeeded or when the file
/// system does not allow opening (folders on some file systems) or syncing (EINVAL) it.
int fsync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags);
  if (fd < 0) return 0;
  const int status = ::fsync(fd);
  const int error = status == 0 || errno == EINVAL || errno == EROFS ? 0 : errno;
  ::close(fd);
  return error;
}

/// Bytes an unprivileged writer may still use in `folder`, or -1 when unknown.
long double free_bytes(const fs::path& folder) {
  struct statvfs s {};
  if (::statvfs(folder.c_str(), &s) != 0) return -1.0L;
  return static_cast<long double>(s.f_bavail) * static_cast<long double>(s.f_frsize);
}

/// The file size limit (`ulimit -f`) in bytes, or 0 when there is none.
std::uintmax_t file_size_limit() {
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 0;
  return static_cast<std::uintmax_t>(limit.rlim_cur);
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

std::string size_text(std::uintmax_t bytes) {
  static const char* kUnits[] = {"bytes", "kB", "MB", "GB", "TB", "PB"};
  long double value = static_cast<long double>(bytes);
  std::size_t unit = 0;
  while (value >= 1000.0L && unit + 1 < std::size(kUnits)) value /= 1000.0L, ++unit;
  char text[32];
  if (unit == 0)
    std::snprintf(text, sizeof text, "%ju bytes", bytes);
  else
    std::snprintf(text, sizeof text, "%.3Lg %s", value, kUnits[unit]);
  return text;
}

void AtomicOutput::fail(const std::string& what, int error_number) const {
  const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  std::error_code ec;
  const std::uintmax_t written = fs::exists(temp_, ec) ? fs::file_size(temp_, ec) : 0;
  const std::uintmax_t needed = std::max(expected_bytes_, written);
  const std::string need = needed > 0 ? "about " + size_text(needed) : "more space";
  const std::uintmax_t limit = file_size_limit();
  const long double free = free_bytes(folder);
  const std::string head = "cannot write " + target_.string() + ": ";
  const std::string tail = "; nothing was written under that name";
  if (error_number == EFBIG || (limit > 0 && written >= limit))
    throw SimulationError(head + "the file would exceed the file size limit (ulimit -f) of " +
                          size_text(limit) + "; it needs " + need +
                          ": raise the limit (ulimit -f unlimited) or keep less output" + tail);
  if (error_number == ENOSPC || error_number == EDQUOT ||
      (free >= 0.0L && free < 1e6L + static_cast<long double>(needed - written)))
    throw SimulationError(
        head + (error_number == EDQUOT ? "the disk quota is exhausted" : "no space left on the device") +
        " (" + folder.string() + " has " + size_text(free < 0.0L ? 0 : static_cast<std::uintmax_t>(free)) +
        " free; the file needs " + need + "): free some space or write to another folder, then run again" +
        tail);
  throw SimulationError(head + what + (error_number != 0 ? std::string(" (") + std::strerror(error_number) + ")" : "") + tail);
}

void AtomicOutput::commit() {
  if (!fs::exists(temp_))
    throw SimulationError("commit of " + target_.string() + ": the temporary file was not written");
  if (const int error = fsync_path(temp_, O_RDONLY); error != 0)
    fail("its data could not be flushed to the disk", error);
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
