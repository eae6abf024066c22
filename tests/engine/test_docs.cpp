// The documentation must say what the code does: the unit table in docs/units.md is compared,
// row by row, with the parser's own table.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "engine/units.hpp"

namespace myoflux {
namespace {

std::string read_doc(const std::string& relative) {
  std::ifstream in(std::string(MYOFLUX_SOURCE_DIR) + "/" + relative);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Rows of the Markdown table between <!-- name --> and <!-- /name -->, split into cells.
std::vector<std::vector<std::string>> marked_table(const std::string& doc, const std::string& name) {
  const std::size_t begin = doc.find("<!-- " + name + " -->");
  const std::size_t end = doc.find("<!-- /" + name + " -->");
  std::vector<std::vector<std::string>> rows;
  if (begin == std::string::npos || end == std::string::npos) return rows;
  std::istringstream lines(doc.substr(begin, end - begin));
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != '|') continue;
    if (n++ < 2) continue;  // header and separator
    std::vector<std::string> cells;
    std::istringstream parts(line.substr(1));
    std::string cell;
    while (std::getline(parts, cell, '|')) {
      const auto a = cell.find_first_not_of(' '), b = cell.find_last_not_of(' ');
      cells.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
    }
    rows.push_back(cells);
  }
  return rows;
}

std::string joined(const std::vector<std::string_view>& v) {
  std::string out;
  for (auto s : v) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

TEST(Docs, UnitTableMatchesTheParser) {
  const auto rows = marked_table(read_doc("docs/units.md"), "unit-table");
  std::map<std::string, std::vector<std::string>> documented;
  for (const auto& r : rows) documented[r.at(0)] = r;
  std::size_t dimensions = 0;
  for (int d = 0; d <= static_cast<int>(Dimension::energy); ++d) {
    const DimensionInfo& info = dimension_info(static_cast<Dimension>(d));
    ++dimensions;
    const auto it = documented.find(std::string(info.noun));
    ASSERT_NE(it, documented.end()) << "docs/units.md lacks a row for " << info.noun;
    EXPECT_EQ(it->second.at(1), joined(units_of(info.dimension))) << info.noun;
    EXPECT_EQ(it->second.at(2), info.example) << info.noun;
    EXPECT_EQ(it->second.at(3), info.internal_unit) << info.noun;
  }
  EXPECT_EQ(rows.size(), dimensions) << "docs/units.md documents a kind of quantity the code lacks";
}

}  // namespace
}  // namespace myoflux
