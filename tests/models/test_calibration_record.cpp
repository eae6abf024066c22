// The defaults of fitted parameters are exactly the values the calibration recorded
// (models/protein_balance/calibration/fitted_parameters.tsv), so every default can be traced to
// a calibration run; and every parameter whose source says "fitted" is in that record.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "engine/parameter_bounds.hpp"
#include "models/protein_balance/parameters.hpp"

namespace myoflux::protein_balance {
namespace {

std::map<std::string, double> recorded() {
  std::ifstream in(std::string(MYOFLUX_SOURCE_DIR) +
                   "/models/protein_balance/calibration/fitted_parameters.tsv");
  std::map<std::string, double> values;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name;
    double value = 0.0;
    fields >> name >> value;
    values[name] = value;
  }
  return values;
}

TEST(CalibrationRecord, DefaultsAreTheRecordedFit) {
  const std::map<std::string, double> record = recorded();
  ASSERT_FALSE(record.empty()) << "fitted_parameters.tsv is missing; run myoflux-calibrate";
  const Parameters defaults;
  int fitted = 0;
  for (const ParameterInfo& p : parameter_table()) {
    if (p.source.rfind("fitted", 0) != 0) continue;
    ++fitted;
    const auto it = record.find(p.name);
    ASSERT_NE(it, record.end()) << p.name << " is marked fitted but not in the calibration record";
    EXPECT_EQ(get_parameter(defaults, p.name), it->second) << p.name;
  }
  EXPECT_EQ(static_cast<std::size_t>(fitted), record.size())
      << "the record holds parameters no longer marked fitted";
}

// The report names every fitted parameter that the calibration left at a bound of its range (a
// warning sign: see engine/parameter_bounds.hpp), and no other.
TEST(CalibrationRecord, ReportListsTheParametersAtABound) {
  std::ifstream in(std::string(MYOFLUX_SOURCE_DIR) +
                   "/models/protein_balance/calibration/fit_report.md");
  std::vector<std::string> listed;
  bool in_section = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("## ", 0) == 0)
      in_section = line == "## Fitted parameters at a bound of their range";
    else if (in_section && line.rfind("- ", 0) == 0)
      listed.push_back(line.substr(2));
  }
  std::vector<std::string> expected;
  const std::vector<ParameterInfo> table = parameter_table();  // values are the defaults
  for (const AtBound& at : parameters_at_bounds(table))
    for (const ParameterInfo& info : table)
      if (info.name == at.name) expected.push_back(describe(at, info));
  EXPECT_EQ(listed, expected);
}

}  // namespace
}  // namespace myoflux::protein_balance
