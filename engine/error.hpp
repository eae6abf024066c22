// The two kinds of failure myoflux reports. Bad input (a file, a value, a unit) is an InputError
// and reaches Python as ValueError; a simulation that cannot proceed is a SimulationError
// (RuntimeError).
#pragma once

#include <stdexcept>
#include <string>

namespace myoflux {

/// Something the user wrote is wrong; the message says what, where, and what would be valid.
class InputError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// A run could not be completed (solver failure, I/O failure); the message names the operation.
class SimulationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace myoflux
