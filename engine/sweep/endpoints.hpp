// The columns of a sweep's endpoint table: the rows of the model's run summary, in its order,
// with units. Known before anything runs, so every chunk file has the same columns.
#pragma once

#include <string>
#include <vector>

#include "engine/model_adapter.hpp"

namespace myoflux::sweep {

/// An endpoint is a named quantity with a unit, like an output.
using EndpointInfo = VariableInfo;

/// The model's summary rows, found by summarizing a placeholder result of two samples of every
/// output (the values are meaningless; only names, units and order are used).
std::vector<EndpointInfo> model_endpoints(const ModelAdapter& model);

}  // namespace myoflux::sweep
