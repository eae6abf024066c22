// Thin RAII wrappers and typed helpers over the HDF5 C API, shared by the result store and the
// sweep chunk files. All HDF5 calls in myoflux hold hdf5_lock(): Debian's serial HDF5 is not
// thread-safe.
#pragma once

#include <hdf5.h>

#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/table_row.hpp"

namespace myoflux {
class AtomicOutput;
}

namespace myoflux::h5 {

std::unique_lock<std::recursive_mutex> hdf5_lock();

/// Owns one HDF5 identifier and closes it with the matching H5?close.
class Handle {
 public:
  Handle() = default;
  Handle(hid_t id, herr_t (*close)(hid_t), const std::string& what);
  ~Handle() { reset(); }
  Handle(Handle&& o) noexcept : id_(o.id_), close_(o.close_) { o.id_ = -1; }
  Handle& operator=(Handle&& o) noexcept;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  hid_t get() const { return id_; }
  operator hid_t() const { return id_; }
  void reset();
  /// Closes now and returns the close function's status (negative: it failed, e.g. the last
  /// buffered data could not be written).
  herr_t close();

 private:
  hid_t id_ = -1;
  herr_t (*close_)(hid_t) = nullptr;
};

Handle create_file(const std::string& path);     // fails if it exists
/// Flushes and closes a file being written; throws SimulationError when either fails (a full
/// disk shows up here, when HDF5 writes the data it buffered).
void close_file(Handle& file, const std::string& path);
/// Creates `output`'s temporary file, lets `body` fill it (holding hdf5_lock()), flushes and
/// closes it. A failure of any HDF5 call becomes AtomicOutput::fail: one message naming the
/// target (and, when the disk or the file size limit was the cause, the space it needs); the
/// caller commits.
void write_file(const AtomicOutput& output, const std::function<void(hid_t file)>& body);
/// The errno of the last failed HDF5 call on this thread (0 if none failed): the system's
/// reason (ENOSPC, EFBIG, EIO) when the failure was an I/O error.
int last_system_error();
Handle open_file_read(const std::string& path);  // InputError if not an HDF5 file
Handle create_group(hid_t parent, const std::string& name);
Handle open_group(hid_t parent, const std::string& name);
bool exists(hid_t parent, const std::string& name);
std::vector<std::string> child_names(hid_t group);  // in creation order where tracked

/// The number of elements of a dataset or attribute `object` with dataspace `space`, refused
/// (InputError naming `name`) when `element_bytes` each would be more than the file could hold
/// even compressed (deflate packs at most ~1000:1): a damaged or hostile file must not make a
/// reader allocate terabytes.
std::size_t checked_count(hid_t object, hid_t space, std::size_t element_bytes,
                          const std::string& name);

void set_attr(hid_t obj, const std::string& name, const std::string& value);
void set_attr(hid_t obj, const std::string& name, double value);
void set_attr(hid_t obj, const std::string& name, long long value);
void set_attr(hid_t obj, const std::string& name, const std::vector<std::string>& values);
bool has_attr(hid_t obj, const std::string& name);
std::string get_string_attr(hid_t obj, const std::string& name);
double get_double_attr(hid_t obj, const std::string& name);
long long get_int_attr(hid_t obj, const std::string& name);
std::vector<std::string> get_string_array_attr(hid_t obj, const std::string& name);
/// Every scalar string attribute of an object (a group, not a file id), in name order.
std::vector<std::pair<std::string, std::string>> string_attributes(hid_t obj);

/// A 1-D float64 dataset, chunked, shuffled and deflate-compressed, with a `units` attribute.
void write_vector(hid_t parent, const std::string& name, std::span<const double> data,
                  const std::string& units, const std::string& description = "");
std::vector<double> read_vector(hid_t parent, const std::string& name);

/// A 2-D float64 dataset (rows x cols, row-major) chunked by rows, with a `units` attribute.
void write_matrix(hid_t parent, const std::string& name, const double* data, hsize_t rows,
                  hsize_t cols, const std::string& units);

/// A table of (name, value, unit, note) rows as a compound dataset; `units` attribute "per row".
void write_table(hid_t parent, const std::string& name, const std::vector<TableRow>& rows);
std::vector<TableRow> read_table(hid_t parent, const std::string& name);

}  // namespace myoflux::h5
