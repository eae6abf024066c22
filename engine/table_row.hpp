// A named value with a unit and a note: one row of the subject, parameter and summary tables that
// are printed, stored in HDF5 and returned to Python.
#pragma once

#include <string>
#include <vector>

namespace myoflux {

struct TableRow {
  std::string name;
  double value = 0.0;
  std::string unit;
  std::string note;      // source, description or a text value
  bool headline = true;  // shown in side-by-side comparison tables (all rows are stored)
};

using Table = std::vector<TableRow>;

}  // namespace myoflux
