// The documentation must say what the code does: the unit table in docs/units.md is compared,
// row by row, with the parser's own table.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "engine/units.hpp"
#include "tests/support/doc_tables.hpp"

namespace myoflux {
namespace {

std::string joined(const std::vector<std::string_view>& v) {
  std::string out;
  for (auto s : v) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

TEST(Docs, UnitTableMatchesTheParser) {
  const auto rows = testing::marked_table(testing::read_source_file("docs/units.md"), "unit-table");
  std::map<std::string, std::vector<std::string>> documented;
  for (const auto& r : rows) documented[r.at(0)] = r;
  std::size_t dimensions = 0;
  for (int d = 0; d <= static_cast<int>(Dimension::volume_per_day); ++d) {
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
