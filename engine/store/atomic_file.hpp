// Writing a file so that it appears complete or not at all: the content goes to a temporary file
// beside the target (".NAME.partial-PID-N"), which is flushed to disk and renamed over the target
// only when the writer commits. A writer that fails, is interrupted or is killed never leaves a
// truncated file under the final name; an existing file is replaced only when overwrite is allowed.
// A write that fails for want of space (a full disk, a quota, `ulimit -f`) is reported by
// fail() as one message naming the target and the space it needs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace myoflux {

class AtomicOutput {
 public:
  /// Throws InputError if `target` exists and `overwrite` is false, or its folder does not exist.
  /// Removes partial files that earlier, killed writers of the same target left behind.
  AtomicOutput(std::filesystem::path target, bool overwrite);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  /// Where to write. The file does not exist yet.
  const std::filesystem::path& temp_path() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }

  /// About how many bytes the file will take (for the message of a write that runs out of space).
  void expect_bytes(std::uintmax_t bytes) { expected_bytes_ = bytes; }
  std::uintmax_t expected_bytes() const { return expected_bytes_; }

  /// Throws SimulationError for a write that failed: "cannot write TARGET: " and, when the device
  /// is full, a quota or the file size limit was reached (`error_number` ENOSPC, EDQUOT or EFBIG,
  /// or the folder's free space and the limit say so), the space needed and how to get it;
  /// otherwise `what`. The temporary file is removed by the destructor, as for any failure.
  [[noreturn]] void fail(const std::string& what, int error_number) const;

  /// fsyncs the temporary file, renames it to the target and fsyncs the folder. A failed fsync
  /// (the data could not reach the disk) is a failure: nothing is renamed.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool overwrite_;
  bool committed_ = false;
  std::uintmax_t expected_bytes_ = 0;
};

/// "12.3 MB", "640 kB", "512 bytes": a size for messages (decimal units, 3 significant digits).
std::string size_text(std::uintmax_t bytes);

}  // namespace myoflux
