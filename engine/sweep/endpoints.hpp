// The columns of a sweep's endpoint table: the rows of the model's run summary, in its order,
// with units. Known before anything runs, so every chunk file has the same columns.
#pragma once

#include <string>
#include <vector>

#include "engine/model_adapter.hpp"

namespace myoflux::sweep {

struct EndpointInfo {
  std::string name;
  std::string unit;
  std::string description;
};

/// The model's summary rows, found by summarizing a placeholder result of two samples of every
/// output (the values are meaningless; only names, units and order are used).
std::vector<EndpointInfo> model_endpoints(const ModelAdapter& model);

}  // namespace myoflux::sweep
