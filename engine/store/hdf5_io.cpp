#include "engine/store/hdf5_io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "engine/error.hpp"
#include "engine/store/atomic_file.hpp"

namespace myoflux::h5 {
namespace {

// HDF5 prints its own error stack to stderr by default; myoflux reports errors itself. And HDF5's
// exit handler, which closes files left open, crashes on a file whose close failed (a full disk:
// its data could not be written); every file myoflux opens is closed (and flushed, when written)
// by its Handle, so the handler has nothing to do and is turned off before the library starts.
void silence_hdf5_once() {
  static const bool silenced = [] {
    H5dont_atexit();
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    return true;
  }();
  (void)silenced;
}

thread_local int last_errno = 0;

[[noreturn]] void failed(const std::string& what) {
  last_errno = errno;
  throw SimulationError("HDF5: " + what + " failed");
}

hid_t check(hid_t id, const std::string& what) {
  if (id < 0) failed(what);
  return id;
}

void check_status(herr_t status, const std::string& what) {
  if (status < 0) failed(what);
}

Handle utf8_string_type() {
  Handle t(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check_status(H5Tset_size(t, H5T_VARIABLE), "set string size");
  check_status(H5Tset_cset(t, H5T_CSET_UTF8), "set UTF-8");
  return t;
}

Handle scalar_space() {
  return Handle(H5Screate(H5S_SCALAR), H5Sclose, "scalar dataspace");
}

Handle new_attr(hid_t obj, const std::string& name, hid_t type, hid_t space) {
  if (H5Aexists(obj, name.c_str()) > 0) H5Adelete(obj, name.c_str());
  return Handle(H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                "create attribute " + name);
}

Handle open_attr(hid_t obj, const std::string& name) {
  if (H5Aexists(obj, name.c_str()) <= 0)
    throw InputError("HDF5: attribute '" + name + "' is missing");
  return Handle(H5Aopen(obj, name.c_str(), H5P_DEFAULT), H5Aclose, "open attribute " + name);
}

}  // namespace

std::unique_lock<std::recursive_mutex> hdf5_lock() {
  static std::recursive_mutex m;
  silence_hdf5_once();
  return std::unique_lock<std::recursive_mutex>(m);
}

Handle::Handle(hid_t id, herr_t (*close)(hid_t), const std::string& what)
    : id_(check(id, what)), close_(close) {}

Handle& Handle::operator=(Handle&& o) noexcept {
  if (this != &o) {
    reset();
    id_ = o.id_;
    close_ = o.close_;
    o.id_ = -1;
  }
  return *this;
}

herr_t Handle::close() {
  herr_t status = 0;
  if (id_ >= 0 && close_ != nullptr) status = close_(id_);
  id_ = -1;
  return status;
}

int last_system_error() {
  return last_errno;
}

void close_file(Handle& file, const std::string& path) {
  errno = 0;
  const herr_t flushed = H5Fflush(file, H5F_SCOPE_GLOBAL);
  const int flush_errno = errno;
  const herr_t closed = file.close();
  if (flushed < 0 || closed < 0) {
    if (flushed < 0) errno = flush_errno;
    failed("writing " + path);
  }
}

void write_file(const AtomicOutput& output, const std::function<void(hid_t)>& body) {
  auto lock = hdf5_lock();
  last_errno = 0;
  try {
    Handle file = create_file(output.temp_path().string());
    body(file);
    close_file(file, output.temp_path().string());
  } catch (const SimulationError& e) {
    output.fail(e.what(), last_errno);
  }
}

void Handle::reset() {
  if (id_ >= 0 && close_ != nullptr) close_(id_);
  id_ = -1;
}

Handle create_file(const std::string& path) {
  Handle fcpl(H5Pcreate(H5P_FILE_CREATE), H5Pclose, "file creation properties");
  check_status(H5Pset_link_creation_order(fcpl, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
               "track creation order");
  return Handle(H5Fcreate(path.c_str(), H5F_ACC_EXCL, fcpl, H5P_DEFAULT), H5Fclose,
                "create file " + path);
}

Handle open_file_read(const std::string& path) {
  if (H5Fis_hdf5(path.c_str()) <= 0)
    throw InputError(path + " is not an HDF5 file (or cannot be read)");
  return Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "open " + path);
}

Handle create_group(hid_t parent, const std::string& name) {
  Handle gcpl(H5Pcreate(H5P_GROUP_CREATE), H5Pclose, "group creation properties");
  check_status(H5Pset_link_creation_order(gcpl, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
               "track creation order");
  return Handle(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT), H5Gclose,
                "create group " + name);
}

Handle open_group(hid_t parent, const std::string& name) {
  if (name != "/" && !exists(parent, name))
    throw InputError("HDF5: group '" + name + "' is missing");
  return Handle(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), H5Gclose, "open group " + name);
}

bool exists(hid_t parent, const std::string& name) {
  return H5Lexists(parent, name.c_str(), H5P_DEFAULT) > 0;
}

std::vector<std::string> child_names(hid_t group) {
  std::vector<std::string> names;
  H5G_info_t info;
  check_status(H5Gget_info(group, &info), "group info");
  // Creation order when the group tracks it (myoflux files do), else alphabetical.
  Handle gcpl(H5Gget_create_plist(group), H5Pclose, "group properties");
  unsigned flags = 0;
  H5Pget_link_creation_order(gcpl, &flags);
  const H5_index_t index = (flags & H5P_CRT_ORDER_TRACKED) ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t len =
        H5Lget_name_by_idx(group, ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    std::string name(static_cast<std::size_t>(std::max<ssize_t>(len, 0)), '\0');
    H5Lget_name_by_idx(group, ".", index, H5_ITER_INC, i, name.data(), name.size() + 1,
                       H5P_DEFAULT);
    names.push_back(name);
  }
  return names;
}

void set_attr(hid_t obj, const std::string& name, const std::string& value) {
  Handle type = utf8_string_type();
  Handle space = scalar_space();
  Handle attr = new_attr(obj, name, type, space);
  const char* p = value.c_str();
  check_status(H5Awrite(attr, type, &p), "write attribute " + name);
}

void set_attr(hid_t obj, const std::string& name, double value) {
  Handle space = scalar_space();
  Handle attr = new_attr(obj, name, H5T_NATIVE_DOUBLE, space);
  check_status(H5Awrite(attr, H5T_NATIVE_DOUBLE, &value), "write attribute " + name);
}

void set_attr(hid_t obj, const std::string& name, long long value) {
  Handle space = scalar_space();
  Handle attr = new_attr(obj, name, H5T_NATIVE_LLONG, space);
  check_status(H5Awrite(attr, H5T_NATIVE_LLONG, &value), "write attribute " + name);
}

void set_attr(hid_t obj, const std::string& name, const std::vector<std::string>& values) {
  Handle type = utf8_string_type();
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose, "dataspace");
  Handle attr = new_attr(obj, name, type, space);
  std::vector<const char*> ptrs;
  for (const std::string& v : values) ptrs.push_back(v.c_str());
  check_status(H5Awrite(attr, type, ptrs.data()), "write attribute " + name);
}

bool has_attr(hid_t obj, const std::string& name) {
  return H5Aexists(obj, name.c_str()) > 0;
}

std::string get_string_attr(hid_t obj, const std::string& name) {
  Handle attr = open_attr(obj, name);
  Handle file_type(H5Aget_type(attr), H5Tclose, "attribute type");
  if (H5Tget_class(file_type) != H5T_STRING)
    throw InputError("HDF5: attribute '" + name + "' is not a string");
  if (H5Tis_variable_str(file_type) > 0) {
    Handle type = utf8_string_type();
    char* p = nullptr;
    check_status(H5Aread(attr, type, &p), "read attribute " + name);
    std::string out = p ? p : "";
    Handle space = scalar_space();
    H5Dvlen_reclaim(type, space, H5P_DEFAULT, &p);
    return out;
  }
  const std::size_t size = H5Tget_size(file_type);
  std::string out(size, '\0');
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  H5Tset_size(type, size);
  check_status(H5Aread(attr, type, out.data()), "read attribute " + name);
  out.erase(std::find(out.begin(), out.end(), '\0'), out.end());
  return out;
}

double get_double_attr(hid_t obj, const std::string& name) {
  Handle attr = open_attr(obj, name);
  double v = 0.0;
  check_status(H5Aread(attr, H5T_NATIVE_DOUBLE, &v), "read attribute " + name);
  return v;
}

long long get_int_attr(hid_t obj, const std::string& name) {
  Handle attr = open_attr(obj, name);
  long long v = 0;
  check_status(H5Aread(attr, H5T_NATIVE_LLONG, &v), "read attribute " + name);
  return v;
}

std::size_t checked_count(hid_t object, hid_t space, std::size_t element_bytes,
                          const std::string& name) {
  const hssize_t n = H5Sget_simple_extent_npoints(space);
  if (n <= 0) return 0;
  // What the object's values occupy in the file: its own storage where libhdf5 reports it (so
  // that many damaged datasets of one file cannot each claim the whole file), never more than
  // the file.
  hsize_t file_bytes = 0;
  const hid_t file = H5Iget_file_id(object);
  if (file >= 0) {
    H5Fget_filesize(file, &file_bytes);
    H5Fclose(file);
  }
  hsize_t stored = file_bytes;
  if (H5Iget_type(object) == H5I_DATASET)
    stored = std::min<hsize_t>(stored, H5Dget_storage_size(object));
  else if (H5Iget_type(object) == H5I_ATTR)
    stored = std::min<hsize_t>(stored, H5Aget_storage_size(object));
  // Deflate compresses at most ~1000:1, so 1100 x the stored bytes (and 1 MB of slack for small
  // or unwritten ones) bounds what an intact object can hold.
  const long double claimed = static_cast<long double>(n) * static_cast<long double>(element_bytes);
  if (claimed > 1100.0L * static_cast<long double>(stored) + 1048576.0L)
    throw InputError("HDF5: '" + name + "' claims " + std::to_string(n) + " values, more than " +
                     std::to_string(stored) + " stored bytes (in a file of " +
                     std::to_string(file_bytes) + " bytes) can hold: the file is damaged");
  return static_cast<std::size_t>(n);
}

std::vector<std::string> get_string_array_attr(hid_t obj, const std::string& name) {
  Handle attr = open_attr(obj, name);
  Handle space(H5Aget_space(attr), H5Sclose, "attribute space");
  Handle type = utf8_string_type();
  std::vector<char*> ptrs(checked_count(attr, space, sizeof(char*), name), nullptr);
  check_status(H5Aread(attr, type, ptrs.data()), "read attribute " + name);
  std::vector<std::string> out;
  for (char* p : ptrs) out.emplace_back(p ? p : "");
  H5Dvlen_reclaim(type, space, H5P_DEFAULT, ptrs.data());
  return out;
}

std::vector<std::pair<std::string, std::string>> string_attributes(hid_t obj) {
  std::vector<std::pair<std::string, std::string>> out;
  const int count = H5Aget_num_attrs(obj);
  for (int i = 0; i < count; ++i) {
    Handle a(H5Aopen_by_idx(obj, ".", H5_INDEX_NAME, H5_ITER_INC, static_cast<hsize_t>(i),
                            H5P_DEFAULT, H5P_DEFAULT),
             H5Aclose, "open attribute");
    const ssize_t len = H5Aget_name(a, 0, nullptr);
    std::string name(static_cast<std::size_t>(std::max<ssize_t>(len, 0)), '\0');
    H5Aget_name(a, name.size() + 1, name.data());
    Handle type(H5Aget_type(a), H5Tclose, "attribute type");
    Handle space(H5Aget_space(a), H5Sclose, "attribute space");
    if (H5Tget_class(type) == H5T_STRING && H5Sget_simple_extent_type(space) == H5S_SCALAR)
      out.emplace_back(name, get_string_attr(obj, name));
  }
  return out;
}

namespace {

Handle compressed_layout(int rank, const hsize_t* dims, const hsize_t* chunk) {
  Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "dataset properties");
  bool empty = false;
  for (int i = 0; i < rank; ++i) empty = empty || dims[i] == 0;
  if (!empty) {
    check_status(H5Pset_chunk(dcpl, rank, chunk), "set chunking");
    check_status(H5Pset_shuffle(dcpl), "set shuffle");
    check_status(H5Pset_deflate(dcpl, 4), "set deflate");
  }
  return dcpl;
}

}  // namespace

void write_vector(hid_t parent, const std::string& name, std::span<const double> data,
                  const std::string& units, const std::string& description) {
  const hsize_t n = data.size();
  const hsize_t chunk = std::clamp<hsize_t>(n, 1, 8192);
  Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose, "dataspace");
  Handle dcpl = compressed_layout(1, &n, &chunk);
  Handle ds(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT),
            H5Dclose, "create dataset " + name);
  if (n > 0)
    check_status(H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()),
                 "write dataset " + name);
  set_attr(ds, "units", units);
  if (!description.empty()) set_attr(ds, "description", description);
}

std::vector<double> read_vector(hid_t parent, const std::string& name) {
  if (!exists(parent, name)) throw InputError("HDF5: dataset '" + name + "' is missing");
  Handle ds(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "open dataset " + name);
  Handle space(H5Dget_space(ds), H5Sclose, "dataspace");
  std::vector<double> out(checked_count(ds, space, sizeof(double), name));
  if (!out.empty())
    check_status(H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()),
                 "read dataset " + name);
  return out;
}

void write_matrix(hid_t parent, const std::string& name, const double* data, hsize_t rows,
                  hsize_t cols, const std::string& units) {
  const hsize_t dims[2] = {rows, cols};
  const hsize_t chunk[2] = {
      std::clamp<hsize_t>(rows, 1, std::max<hsize_t>(1, 65536 / std::max<hsize_t>(cols, 1))),
      std::max<hsize_t>(cols, 1)};
  Handle space(H5Screate_simple(2, dims, nullptr), H5Sclose, "dataspace");
  Handle dcpl = compressed_layout(2, dims, chunk);
  Handle ds(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT),
            H5Dclose, "create dataset " + name);
  if (rows * cols > 0)
    check_status(H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
                 "write dataset " + name);
  set_attr(ds, "units", units);
}

namespace {

struct RawRow {
  char* name;
  double value;
  char* unit;
  char* note;
};

Handle table_type() {
  Handle str = utf8_string_type();
  Handle t(H5Tcreate(H5T_COMPOUND, sizeof(RawRow)), H5Tclose, "compound type");
  H5Tinsert(t, "name", HOFFSET(RawRow, name), str);
  H5Tinsert(t, "value", HOFFSET(RawRow, value), H5T_NATIVE_DOUBLE);
  H5Tinsert(t, "unit", HOFFSET(RawRow, unit), str);
  H5Tinsert(t, "note", HOFFSET(RawRow, note), str);
  return t;
}

}  // namespace

void write_table(hid_t parent, const std::string& name, const std::vector<TableRow>& rows) {
  Handle type = table_type();
  const hsize_t n = rows.size();
  Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose, "dataspace");
  Handle ds(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
            H5Dclose, "create table " + name);
  std::vector<RawRow> raw;
  raw.reserve(rows.size());
  for (const TableRow& r : rows)
    raw.push_back({const_cast<char*>(r.name.c_str()), r.value, const_cast<char*>(r.unit.c_str()),
                   const_cast<char*>(r.note.c_str())});
  if (n > 0)
    check_status(H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()),
                 "write table " + name);
  set_attr(ds, "units", std::string("per row, in the field 'unit'"));
}

std::vector<TableRow> read_table(hid_t parent, const std::string& name) {
  if (!exists(parent, name)) throw InputError("HDF5: table '" + name + "' is missing");
  Handle ds(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "open table " + name);
  Handle space(H5Dget_space(ds), H5Sclose, "dataspace");
  Handle type = table_type();
  std::vector<RawRow> raw(checked_count(ds, space, sizeof(RawRow), name));
  std::vector<TableRow> rows;
  if (raw.empty()) return rows;
  check_status(H5Dread(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()), "read table " + name);
  for (const RawRow& r : raw)
    rows.push_back({r.name ? r.name : "", r.value, r.unit ? r.unit : "", r.note ? r.note : ""});
  H5Dvlen_reclaim(type, space, H5P_DEFAULT, raw.data());
  return rows;
}

}  // namespace myoflux::h5
