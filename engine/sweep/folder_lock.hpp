// One sweep per folder at a time: a process that runs chunks of a sweep holds a lock on the
// folder's lock file (flock(2), released by the kernel when the process ends, however it ends),
// so a second sweep started on the same folder is refused with the holder's pid and host instead
// of interleaving with the first. Slurm array shares of one sweep run side by side: each holds
// the folder lock shared and its own share's lock exclusively, so two copies of one share, or a
// whole sweep and a share, still exclude each other.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace myoflux::sweep {

class FolderLock {
 public:
  FolderLock() = default;
  /// Locks `folder` (which must exist) for the whole sweep (share_count 1) or for share
  /// `share_index` of `share_count`. Throws InputError naming the folder and the holder.
  FolderLock(const std::filesystem::path& folder, std::int64_t share_index,
             std::int64_t share_count);
  ~FolderLock();
  FolderLock(FolderLock&& other) noexcept;
  FolderLock& operator=(FolderLock&& other) noexcept;
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

  /// The name of the lock file in a sweep folder.
  static constexpr const char* kFileName = "sweep.lock";

 private:
  void release();
  int folder_fd_ = -1;
  int share_fd_ = -1;
};

}  // namespace myoflux::sweep
