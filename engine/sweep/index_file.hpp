// The index file, DIR/index.h5: the chunk files presented as one table through HDF5 virtual
// datasets (/run, /status, /steps, /endpoints, /coordinates/*, /trajectories/*, /failures), the
// summary (/summary) and the list of chunk files (/chunks). Reading a row reads its chunk file.
#pragma once

#include <filesystem>
#include <vector>

#include "engine/provenance.hpp"
#include "engine/sweep/chunk.hpp"
#include "engine/sweep/manifest.hpp"
#include "engine/sweep/summary.hpp"

namespace myoflux::sweep {

inline constexpr const char* kIndexFormatName = "myoflux-sweep-index";
inline constexpr long long kIndexFormatVersion = 1;

/// Writes the index atomically. `chunks` lists every chunk with its file (relative to the
/// index's folder, so the folder can be moved) and failed-run count.
void write_index_file(const std::filesystem::path& path, const SweepLayout& layout,
                      const std::vector<ManifestEntry>& chunks, const SweepSummary& summary,
                      const Provenance& provenance);

}  // namespace myoflux::sweep
