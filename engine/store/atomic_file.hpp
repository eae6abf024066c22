// Writing a file so that it appears complete or not at all: the content goes to a temporary file
// beside the target (".NAME.partial-PID-N"), which is flushed to disk and renamed over the target
// only when the writer commits. A writer that fails, is interrupted or is killed never leaves a
// truncated file under the final name; an existing file is replaced only when overwrite is allowed.
#pragma once

#include <filesystem>

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

  /// fsyncs the temporary file, renames it to the target and fsyncs the folder.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool overwrite_;
  bool committed_ = false;
};

}  // namespace myoflux
