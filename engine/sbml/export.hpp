// `myoflux export-sbml`: a model and one scenario (its subject, parameter overrides and compiled
// schedule) as an SBML document. The equations are the model's own right-hand side evaluated on
// expression trees, once per distinct set of input values (engine/sbml/sbml_writer.hpp).
#pragma once

#include <string>

#include "engine/model_adapter.hpp"
#include "engine/sbml/sbml_writer.hpp"

namespace myoflux::sbml {

/// Throws InputError when the model's right-hand side cannot be written out (not a template) or
/// a parameter override is bad (as ModelAdapter::functions does).
SbmlDocument export_document(const ModelAdapter& model, const Scenario& scenario);

}  // namespace myoflux::sbml
