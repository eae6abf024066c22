// The datasets that chunk files and the index file share, written and read in one place: run
// numbers, status codes with their labels, the endpoint matrix with names and units, coordinates,
// kept trajectories, the failures table, provenance, and the sweep's layout stored with them.
// Callers hold h5::hdf5_lock().
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <string>
#include <vector>

#include "engine/provenance.hpp"
#include "engine/store/hdf5_io.hpp"
#include "engine/sweep/chunk.hpp"

namespace myoflux::sweep {

void write_provenance(hid_t file, const Provenance& provenance);

void write_int64(hid_t parent, const std::string& name, const std::vector<std::int64_t>& data,
                 const std::string& description);
std::vector<std::int64_t> read_int64(hid_t parent, const std::string& name);

void write_status(hid_t parent, const std::vector<std::int8_t>& status);
std::vector<std::int8_t> read_status(hid_t parent);

void write_endpoints(hid_t file, const SweepLayout& layout, const double* data, hsize_t rows);
void write_coordinates(hid_t file, const SweepLayout& layout,
                       const std::vector<std::vector<double>>& values);
void write_trajectories(hid_t file, const SweepLayout& layout,
                        const std::vector<std::vector<double>>& values, hsize_t rows);
/// A 2-D float64 dataset as a row-major vector.
std::vector<double> read_matrix(hid_t parent, const std::string& name);

/// The compound type of the failures table: run (int64), status (int8), message (fixed string).
h5::Handle failure_type();
void write_failures(hid_t parent, const std::vector<RunFailure>& failures);
std::vector<RunFailure> read_failures(hid_t parent);

/// A list of names as a string-array attribute, and back; an empty list is no attribute.
void set_names(hid_t obj, const std::string& name, const std::vector<std::string>& names);
std::vector<std::string> get_names(hid_t obj, const std::string& name);

/// Writes a 1-D dataset of variable-length UTF-8 strings.
void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values);

/// The names, units and descriptions of the endpoint columns, as attributes of `endpoints`.
void set_endpoint_attributes(hid_t endpoints, const SweepLayout& layout);

/// The layout's root attributes that chunk and index files share (name, spec, seed, sizes);
/// each file adds its own chunk_count.
void write_layout_attributes(hid_t file, const SweepLayout& layout);

/// The layout as a chunk file stores it (root attributes and dataset attributes).
SweepLayout read_layout(hid_t file);

}  // namespace myoflux::sweep
