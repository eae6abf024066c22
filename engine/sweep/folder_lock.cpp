// flock(2) on DIR/sweep.lock (and DIR/sweep.share-i-of-n.lock for array shares). The holder writes
// "pid PID on HOST since TIME" into the file it holds exclusively, so that a refused process can
// say who is in the way; the lock itself, not the text, decides.
#include "engine/sweep/folder_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "engine/error.hpp"
#include "engine/provenance.hpp"

namespace myoflux::sweep {

namespace fs = std::filesystem;

namespace {

int open_lock_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    throw InputError("cannot create the lock file " + path.string() + ": " +
                     std::strerror(errno) + "; the sweep folder must be writable");
  return fd;
}

std::string holder_of(const fs::path& path) {
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? "another process" : text;
}

void write_holder(int fd) {
  char host[256] = "unknown host";
  ::gethostname(host, sizeof host - 1);
  const std::string text = "pid " + std::to_string(::getpid()) + " on " + host + " since " +
                           utc_now_iso8601() + "\n";
  if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, text.data(), text.size(), 0) < 0) {
    // The text is for messages only; the lock holds without it.
  }
}

/// Shares' lock files that name a holder, for the message when a whole sweep meets shares.
std::string share_holders(const fs::path& folder) {
  std::string found;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(folder, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("sweep.share-", 0) != 0 || e.path().extension() != ".lock") continue;
    const int fd = ::open(e.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    if (held) found += (found.empty() ? "" : "; ") + name + ": " + holder_of(e.path());
  }
  return found;
}

}  // namespace

FolderLock::FolderLock(const fs::path& folder, std::int64_t share_index,
                       std::int64_t share_count) {
  const fs::path path = folder / kFileName;
  const bool whole = share_count <= 1;
  folder_fd_ = open_lock_file(path);
  if (::flock(folder_fd_, (whole ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
    const int error = errno;
    release();
    if (error != EWOULDBLOCK)
      throw InputError("cannot lock " + path.string() + ": " + std::strerror(error));
    const std::string shares = whole ? share_holders(folder) : "";
    throw InputError(folder.string() + " is in use by another sweep (" +
                     (shares.empty() ? holder_of(path) : "array shares: " + shares) +
                     "); wait for it to finish, or choose another folder with -o. Two sweeps "
                     "never write one folder at the same time");
  }
  if (whole) {
    write_holder(folder_fd_);
    return;
  }
  const fs::path share_path = folder / ("sweep.share-" + std::to_string(share_index) + "-of-" +
                                        std::to_string(share_count) + ".lock");
  share_fd_ = open_lock_file(share_path);
  if (::flock(share_fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    const std::string holder = holder_of(share_path);
    release();
    if (error != EWOULDBLOCK)
      throw InputError("cannot lock " + share_path.string() + ": " + std::strerror(error));
    throw InputError(folder.string() + ": share " + std::to_string(share_index) + "/" +
                     std::to_string(share_count) + " is already running (" + holder +
                     "); wait for it to finish or run another share");
  }
  write_holder(share_fd_);
}

FolderLock::~FolderLock() {
  release();
}

FolderLock::FolderLock(FolderLock&& other) noexcept
    : folder_fd_(other.folder_fd_), share_fd_(other.share_fd_) {
  other.folder_fd_ = other.share_fd_ = -1;
}

FolderLock& FolderLock::operator=(FolderLock&& other) noexcept {
  if (this != &other) {
    release();
    folder_fd_ = other.folder_fd_;
    share_fd_ = other.share_fd_;
    other.folder_fd_ = other.share_fd_ = -1;
  }
  return *this;
}

void FolderLock::release() {
  // Closing the descriptor releases its flock; the files stay (removing them would race with a
  // process that has just opened them).
  if (share_fd_ >= 0) ::close(share_fd_);
  if (folder_fd_ >= 0) ::close(folder_fd_);
  share_fd_ = folder_fd_ = -1;
}

}  // namespace myoflux::sweep
