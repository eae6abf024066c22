// Described records (engine/fields.hpp) as Python values, generated from their one description:
// a record is a dict (or a tuple, for rows of a table) under the described names, a list of
// records a list of dicts, an enum the name of its value.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "engine/fields.hpp"

namespace myoflux::python {

namespace py = pybind11;

template <class F>
py::object to_python(const F& value);

/// A field type with a Python form of its own: specialize with `static py::object convert(const
/// F&)` (e.g. protein by type as a dict type -> grams).
template <class F>
struct PythonValue;

/// The record as a dict; fields already in `d` keep their place (a dict keeps insertion order).
template <Described T>
py::dict to_dict(const T& record, py::dict d = py::dict()) {
  for_each_field(record, [&](const Field& f, const auto& value) {
    d[py::str(f.name.data(), f.name.size())] = to_python(value);
  });
  return d;
}

/// The record's values in field order: a row of a table whose columns are fields_of<T>().
template <Described T>
py::tuple to_tuple(const T& record) {
  py::list values;
  for_each_field(record, [&](const Field&, const auto& value) { values.append(to_python(value)); });
  return py::tuple(values);
}

template <Described T>
py::list to_tuples(const std::vector<T>& records) {
  py::list rows;
  for (const T& r : records) rows.append(to_tuple(r));
  return rows;
}

template <class T>
inline constexpr bool is_record_list = false;
template <Described T>
inline constexpr bool is_record_list<std::vector<T>> = true;

template <class F>
py::object to_python(const F& value) {
  if constexpr (requires { PythonValue<F>::convert(value); }) {
    return PythonValue<F>::convert(value);
  } else if constexpr (Described<F>) {
    return to_dict(value);
  } else if constexpr (is_record_list<F>) {
    py::list items;
    for (const auto& item : value) items.append(to_dict(item));
    return items;
  } else {
    return std::visit([](const auto& v) { return py::cast(v); }, field_value(value));
  }
}

/// (name, unit, meaning) of each field of a record, for docstrings and column names.
template <Described T>
py::list field_rows() {
  py::list rows;
  for (const Field& f : fields_of<T>())
    rows.append(py::make_tuple(std::string(f.name), std::string(f.unit), std::string(f.doc)));
  return rows;
}

}  // namespace myoflux::python
