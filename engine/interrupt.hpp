// A process-wide "please stop" flag, set by the CLI's SIGINT/SIGTERM handler. Running simulations
// check it between steps and return with status `interrupted`, so output files are cleaned up.
#pragma once

#include <atomic>

namespace myoflux {

inline std::atomic<bool>& interrupt_flag() {
  static std::atomic<bool> flag{false};
  return flag;
}

}  // namespace myoflux
