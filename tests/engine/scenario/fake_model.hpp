// A ModelAdapter that knows nothing: `myoflux check` never touches the model, so the CLI can be
// tested before models/ exists. Any call that would simulate fails the test loudly.
#pragma once

#include <stdexcept>

#include "engine/model_adapter.hpp"

namespace myoflux::testing {

class FakeModel : public ModelAdapter {
 public:
  std::string_view name() const override { return "fake"; }
  std::vector<ParameterInfo> parameters() const override { return {}; }
  std::vector<VariableInfo> outputs() const override { return {}; }
  SolverConfig default_solver() const override { return {}; }
  RunRecord run(const Scenario&, const SolverConfig&, RecordDetail) const override {
    throw std::logic_error("FakeModel::run: check must not simulate");
  }
  std::unique_ptr<ModelFunctions> functions(const Scenario&) const override {
    throw std::logic_error("FakeModel::functions: check must not simulate");
  }
  Table summarize(const Result&) const override { return {}; }
};

}  // namespace myoflux::testing
