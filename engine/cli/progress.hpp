// A progress line on stderr ("compare: 2/5 arms, 3.1 s, about 4 s left") for work that takes more
// than a couple of seconds; silent when stderr is not a terminal, so logs and pipes stay clean.
#pragma once

#include <chrono>
#include <iosfwd>
#include <mutex>
#include <string>

namespace myoflux::cli {

class Progress {
 public:
  Progress(std::ostream& err, bool enabled, std::string label, long total);
  ~Progress();
  /// Marks `n` more items done (thread-safe); redraws at most a few times a second.
  void advance(long n = 1);
  /// Sets the count of items done and the total (for work whose size is known only later).
  void update(long done, long total);

 private:
  void draw(bool final);
  std::ostream& err_;
  bool enabled_;
  std::string label_;
  long total_;
  long done_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::mutex mutex_;
};

}  // namespace myoflux::cli
