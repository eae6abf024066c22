// A Result is what every run produces and what the HDF5 store and Python return: sample times and a
// time-major, row-major table of named variables with units, plus metadata on how it was made
// (the solver's settings and statistics, which the driver attaches: engine/solver/simulation.hpp).
#pragma once

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "engine/fields.hpp"

namespace myoflux {

/// A named quantity: a state, an input or a derived output.
struct VariableInfo {
  std::string name;
  std::string unit;
  std::string description;
};

template <>
struct Fields<VariableInfo> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"name", "", "the variable's name, e.g. csa_change_percent"}, r.name...);
    v(Field{"unit", "", "its unit, e.g. %"}, r.unit...);
    v(Field{"description", "", "what it is"}, r.description...);
  }
};

using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct Result {
  Eigen::VectorXd time_h;               // sample times, h
  std::vector<VariableInfo> variables;  // one per column of `values`
  RowMajorMatrix values;                // rows: samples, columns: variables
  /// How the run was made: the solver's settings and statistics as named values, written to and
  /// read from result files as they are (solver_settings() and solver_stats() read them back).
  Metadata metadata;

  std::size_t sample_count() const { return static_cast<std::size_t>(values.rows()); }
  /// Column index of a variable; throws InputError listing the names that exist.
  std::size_t index(std::string_view name) const;
  bool has(std::string_view name) const;
  /// The samples of one variable (a strided view into `values`).
  auto column(std::string_view name) const {
    return values.col(static_cast<Eigen::Index>(index(name)));
  }
  /// The last sample of one variable.
  double final_value(std::string_view name) const;
};

/// Output sample times 0, dt, 2 dt, ..., and the duration itself.
std::vector<double> uniform_grid(double duration_h, double interval_h);

}  // namespace myoflux
