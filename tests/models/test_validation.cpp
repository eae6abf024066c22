// Every target of TARGETS.md as a test: the virtual experiment must meet its published value
// within the stated tolerance, unless it is a declared known failure, which must still fail
// (so that a fixed failure cannot keep an outdated excuse). One test per target, so ctest lists
// each published number by name.
#include <gtest/gtest.h>

#include "tests/models/validation_fixture.hpp"

namespace myoflux::protein_balance {
namespace {

class VirtualExperiment : public ::testing::TestWithParam<std::size_t> {};

TEST_P(VirtualExperiment, MeetsItsPublishedTarget) {
  const Target& target = targets()[GetParam()];
  const Evaluation e = target.evaluate(shared_runner(), shared_data());
  RecordProperty("model", e.model_text);
  RecordProperty("published", target.published);
  if (target.known_failure.empty()) {
    EXPECT_TRUE(e.pass) << target.what << "\n  published: " << target.published
                        << "\n  model:     " << e.model_text
                        << "\n  tolerance: " << target.tolerance;
  } else {
    EXPECT_FALSE(e.pass) << target.id << " now passes: remove its known_failure note ("
                         << target.known_failure << ")";
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, VirtualExperiment,
                         ::testing::Range<std::size_t>(0, targets().size()), [](const auto& info) {
                           std::string name = targets()[info.param].id;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace myoflux::protein_balance
