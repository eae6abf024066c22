#include "models/protein_balance/experiments/feeding_data.hpp"

#include <fstream>
#include <sstream>

#include "engine/error.hpp"
#include "engine/resources.hpp"

namespace myoflux::protein_balance {
namespace {

// Splits one CSV line, honouring double quotes (the note column may contain commas).
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      fields.emplace_back();
    else
      fields.back() += c;
  }
  return fields;
}

}  // namespace

std::filesystem::path default_feeding_data_path() {
  return data_dir() / "models/protein_balance/experiments/data/feeding_timecourses.csv";
}

FeedingData read_feeding_data(const std::filesystem::path& csv) {
  std::ifstream in(csv);
  if (!in) throw InputError("cannot read feeding data " + csv.string());
  FeedingData data;
  std::string line;
  std::getline(in, line);  // header
  int line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    const std::vector<std::string> f = split_csv(line);
    if (f.size() != 10)
      throw InputError(csv.string() + ":" + std::to_string(line_number) +
                       ": expected 10 fields, got " + std::to_string(f.size()));
    if (f[9].find("removed by the authors") != std::string::npos) continue;
    DataSeries& s = data[f[0] + "/" + f[4]];
    s.dataset = f[0];
    s.study = f[1];
    s.condition = f[2];
    s.role = f[3];
    s.variable = f[4];
    s.unit = f[5];
    try {
      s.points.push_back({std::stod(f[6]), std::stod(f[7]), std::stod(f[8]), f[9]});
    } catch (const std::exception&) {
      throw InputError(csv.string() + ":" + std::to_string(line_number) +
                       ": time, value and sem must be numbers");
    }
  }
  return data;
}

}  // namespace myoflux::protein_balance
