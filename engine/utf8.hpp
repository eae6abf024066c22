// UTF-8 at the edges: validating text users give us, and quoting text that came from an untrusted
// file (a damaged HDF5 name) so that an error message is always valid, printable UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace myoflux {

/// Length of the UTF-8 sequence starting at text[i], or 0 if it is malformed (truncated,
/// overlong, a surrogate, or beyond U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

/// `text` with every byte that is not valid UTF-8, and every control character other than
/// newline and tab, written as \xNN: "exer\xB2ise". Valid UTF-8 ("µmol", "≥") is kept as is.
std::string printable_utf8(std::string_view text);

}  // namespace myoflux
