// The digitized feeding time courses (data/feeding_timecourses.csv, from McColl & Clarke 2024):
// group means and their errors over time, by dataset and variable.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace myoflux::protein_balance {

struct DataPoint {
  double time_min = 0.0;
  double value = 0.0;  // in the unit of the series
  double sem = 0.0;
  std::string note;
};

struct DataSeries {
  std::string dataset;
  std::string study;
  std::string condition;
  std::string role;  // calibration, validation or supplementary
  std::string variable;
  std::string unit;               // as in the file: mol/L, mol/min, fold, g
  std::vector<DataPoint> points;  // sorted by time
};

/// Key: "dataset/variable".
using FeedingData = std::map<std::string, DataSeries>;

/// Reads the CSV. Points the authors removed ("removed by the authors") are skipped, as in their
/// analysis. Throws InputError naming the file and line for malformed rows.
FeedingData read_feeding_data(const std::filesystem::path& csv);

/// The copy in the data folder (engine/resources.hpp: the source tree, or share/myoflux).
std::filesystem::path default_feeding_data_path();

}  // namespace myoflux::protein_balance
