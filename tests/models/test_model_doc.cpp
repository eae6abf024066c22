// docs/model.md must say what the code does: its state, output and parameter tables are compared
// row by row with the code, and every equation written above the right-hand side in equations.hpp
// must appear in it verbatim. On a mismatch the test prints the table the document should hold;
// run it with MYOFLUX_UPDATE_DOCS=1 to write the tables into docs/model.md (then review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "models/protein_balance/outputs.hpp"
#include "models/protein_balance/parameters.hpp"
#include "models/protein_balance/states.hpp"
#include "tests/support/doc_tables.hpp"

namespace myoflux::protein_balance {
namespace {

std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string state_table_markdown() {
  std::ostringstream md;
  md << "| state | unit | meaning | valid range |\n|---|---|---|---|\n";
  for (const StateInfo& s : state_table())
    md << "| `" << s.name << "` | " << s.unit << " | " << s.description << " | " << number(s.lower)
       << " to " << (std::isinf(s.upper) ? std::string("inf") : number(s.upper)) << " |\n";
  return md.str();
}

std::string output_table_markdown() {
  std::ostringstream md;
  md << "| output | unit | meaning |\n|---|---|---|\n";
  for (const VariableInfo& v : output_table())
    md << "| `" << v.name << "` | " << v.unit << " | " << v.description << " |\n";
  return md.str();
}

std::string parameter_table_markdown() {
  std::ostringstream md;
  md << "| name | value | unit | range | source | meaning |\n|---|---|---|---|---|---|\n";
  for (const ParameterInfo& p : parameter_table())
    md << "| `" << p.name << "` | " << number(p.value) << " | " << p.unit << " | " << number(p.min)
       << " - " << number(p.max) << " | " << p.source << " | " << p.description << " |\n";
  return md.str();
}

/// Replaces the text between the markers of `marker` by `table`.
std::string with_table(std::string doc, const std::string& marker, const std::string& table) {
  const std::string open = "<!-- " + marker + " -->", close = "<!-- /" + marker + " -->";
  const std::size_t a = doc.find(open), b = doc.find(close);
  if (a == std::string::npos || b == std::string::npos) return doc;
  const std::size_t start = doc.find('\n', a) + 1;
  return doc.replace(start, b - start, table);
}

TEST(ModelDoc, TablesMatchTheCode) {
  if (std::getenv("MYOFLUX_UPDATE_DOCS") != nullptr) {
    std::string doc = testing::read_source_file("docs/model.md");
    doc = with_table(doc, "state-table", state_table_markdown());
    doc = with_table(doc, "output-table", output_table_markdown());
    doc = with_table(doc, "parameter-table", parameter_table_markdown());
    std::ofstream(std::string(MYOFLUX_SOURCE_DIR) + "/docs/model.md") << doc;
  }
  const std::string doc = testing::read_source_file("docs/model.md");
  ASSERT_FALSE(doc.empty()) << "docs/model.md is missing";
  EXPECT_EQ(testing::between_markers(doc, "state-table"), state_table_markdown())
      << "expected state table:\n"
      << state_table_markdown();
  EXPECT_EQ(testing::between_markers(doc, "output-table"), output_table_markdown())
      << "expected output table:\n"
      << output_table_markdown();
  EXPECT_EQ(testing::between_markers(doc, "parameter-table"), parameter_table_markdown())
      << "expected parameter table (also `myoflux params --markdown`):\n"
      << parameter_table_markdown();
}

// The equations are the comment lines of equations.hpp that state a rate: "d<x>/dt = ...".
TEST(ModelDoc, EveryEquationOfTheCodeIsInTheDocument) {
  const std::string doc = testing::read_source_file("docs/model.md");
  std::istringstream code(testing::read_source_file("models/protein_balance/equations.hpp"));
  int equations = 0;
  for (std::string line; std::getline(code, line);) {
    const std::size_t comment = line.find("//");
    if (comment == std::string::npos || line.find("/dt =", comment) == std::string::npos) continue;
    std::string text = line.substr(comment + 2);
    // The equation starts at its first "d...". Some comments put a label before it ("Myostatin: ").
    const std::size_t colon = text.find(": d");
    if (colon != std::string::npos) text = text.substr(colon + 2);
    text = text.substr(text.find_first_not_of(' '));
    ++equations;
    EXPECT_NE(doc.find(text), std::string::npos) << "docs/model.md lacks the equation\n  " << text;
  }
  EXPECT_GE(equations, 15);  // the extraction must find the rate equations (18 lines hold them)
}

}  // namespace
}  // namespace myoflux::protein_balance
