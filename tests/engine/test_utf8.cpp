// Text from untrusted files is quoted as printable UTF-8: a damaged HDF5 name must not make an
// error message undecodable (a byte flip in 'exercise_intensity' once did, in CI).
#include <gtest/gtest.h>

#include "engine/utf8.hpp"

namespace myoflux {
namespace {

TEST(Utf8, SequenceLengthAcceptsValidAndRejectsMalformedSequences) {
  EXPECT_EQ(utf8_sequence_length("a", 0), 1u);
  EXPECT_EQ(utf8_sequence_length("\xC2\xB5", 0), 2u);          // µ
  EXPECT_EQ(utf8_sequence_length("\xE2\x89\xA5", 0), 3u);      // ≥
  EXPECT_EQ(utf8_sequence_length("\xF0\x9F\x8F\x83", 0), 4u);  // runner emoji
  EXPECT_EQ(utf8_sequence_length("\xB2", 0), 0u);              // a lone continuation byte
  EXPECT_EQ(utf8_sequence_length("\xC2", 0), 0u);              // truncated
  EXPECT_EQ(utf8_sequence_length("\xC0\xAF", 0), 0u);          // overlong '/'
  EXPECT_EQ(utf8_sequence_length("\xED\xA0\x80", 0), 0u);      // a UTF-16 surrogate
  EXPECT_EQ(utf8_sequence_length("\xF4\x90\x80\x80", 0), 0u);  // beyond U+10FFFF
}

TEST(Utf8, PrintableKeepsValidTextAndEscapesTheRest) {
  EXPECT_EQ(printable_utf8("leucine 2.5 g, 37 \xC2\xB0" "C\n\tok"), "leucine 2.5 g, 37 \xC2\xB0" "C\n\tok");
  EXPECT_EQ(printable_utf8("exer\xB2ise_intensity"), "exer\\xB2ise_intensity");
  EXPECT_EQ(printable_utf8(std::string_view("a\0b\x1B[2J", 7)), "a\\x00b\\x1B[2J");
  EXPECT_EQ(printable_utf8("\xE2\x89"), "\\xE2\\x89");  // a sequence cut short at the end
  EXPECT_EQ(printable_utf8(""), "");
}

}  // namespace
}  // namespace myoflux
