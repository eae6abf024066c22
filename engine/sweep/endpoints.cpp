// Endpoint columns from the model's summary of a placeholder result.
#include "engine/sweep/endpoints.hpp"

namespace myoflux::sweep {

std::vector<EndpointInfo> model_endpoints(const ModelAdapter& model) {
  Result placeholder;
  placeholder.variables = model.outputs();
  placeholder.time_h.resize(2);
  placeholder.time_h << 0.0, 24.0;
  placeholder.values =
      RowMajorMatrix::Ones(2, static_cast<Eigen::Index>(placeholder.variables.size()));
  std::vector<EndpointInfo> out;
  try {
    for (const TableRow& row : model.summarize(placeholder))
      out.push_back({row.name, row.unit, row.note});
  } catch (const std::exception& e) {
    throw SimulationError("cannot list the endpoints of model '" + std::string(model.name()) +
                          "': its summary failed on a placeholder run (" + e.what() + ")");
  }
  return out;
}

}  // namespace myoflux::sweep
