// Writes an SBML Level 3 Version 2 document from a model's states, parameters and right-hand side
// as expression trees (engine/solver/expression.hpp). States are non-constant parameters with rate
// rules; the inputs of a scenario are "regimes": each distinct set of piecewise-constant input
// values has its own tree, the rate rules choose by a parameter `input_regime`, and events switch
// the regime and apply doses at the schedule's breakpoints. docs/sbml.md says what is exported.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/solver/expression.hpp"

namespace myoflux::sbml {

struct SbmlState {
  std::string id;
  std::string unit;  // myoflux unit text
  std::string description;
  double initial = 0.0;
};

struct SbmlParameter {
  std::string id;
  std::string unit;
  std::string description;
  std::string source;
  double value = 0.0;  // as used (a scenario may override the default)
  double default_value = 0.0;
  double min = 0.0, max = 0.0;
};

/// What happens at one time: the input regime changes and/or doses add to states.
struct SbmlEvent {
  double time_h = 0.0;
  int regime = -1;                            // -1: unchanged
  std::vector<std::pair<int, double>> adds;  // state index, amount in the state's unit
};

struct SbmlDocument {
  std::string id;
  std::string name;
  std::vector<std::string> notes;  // paragraphs
  std::vector<SbmlState> states;
  std::vector<SbmlParameter> parameters;
  std::vector<std::vector<Expression>> rates;  // [regime][state]
  std::vector<std::string> regime_labels;      // what the inputs are in each regime
  int initial_regime = 0;
  std::vector<SbmlEvent> events;  // sorted by time
};

/// The document as SBML text. Throws std::logic_error for identifiers SBML does not accept.
std::string write_sbml(const SbmlDocument& document);

}  // namespace myoflux::sbml
