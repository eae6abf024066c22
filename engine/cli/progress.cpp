#include "engine/cli/progress.hpp"

#include <cstdio>
#include <ostream>

namespace myoflux::cli {
namespace {
constexpr auto kQuietStart = std::chrono::seconds(2);  // short jobs print nothing
constexpr auto kRedraw = std::chrono::milliseconds(250);
}  // namespace

Progress::Progress(std::ostream& err, bool enabled, std::string label, long total)
    : err_(err),
      enabled_(enabled),
      label_(std::move(label)),
      total_(total),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  if (drawn_) draw(true);
}

void Progress::update(long done, long total) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    total_ = total;
    done_ = done;
  }
  advance(0);
}

void Progress::advance(long n) {
  std::lock_guard<std::mutex> lock(mutex_);
  done_ += n;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < kQuietStart || now - last_draw_ < kRedraw) return;
  last_draw_ = now;
  draw(false);
}

void Progress::draw(bool final) {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  char line[200];
  if (done_ > 0 && done_ < total_) {
    const double left = elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_);
    std::snprintf(line, sizeof line, "\r%s: %ld/%ld, %.1f s, about %.0f s left   ", label_.c_str(),
                  done_, total_, elapsed, left);
  } else {
    std::snprintf(line, sizeof line, "\r%s: %ld/%ld, %.1f s                    ", label_.c_str(),
                  done_, total_, elapsed);
  }
  err_ << line << (final ? "\n" : "") << std::flush;
  drawn_ = true;
}

}  // namespace myoflux::cli
