// The kinds of file `myoflux check` recognises: the engine's own (study, sweep spec, and the
// scenario as the fallback for any other YAML file) and then those the model adds
// (ModelAdapter::file_kinds()). engine/file_kind.hpp says what a kind is.
#pragma once

#include <vector>

#include "engine/file_kind.hpp"

namespace myoflux::cli {

std::vector<FileKind> file_kinds(const ModelAdapter& model);

}  // namespace myoflux::cli
