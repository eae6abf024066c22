// One description per record type: a specialization of Fields<T> lists the record's fields once,
// each with the name it goes by outside C++ (Python dicts, result files, docs), its unit and its
// meaning. Python dicts, HDF5 attributes, run metadata and docs tables are generated from it
// instead of being copied field by field. The pattern (engine/validation_report.hpp):
//
//   template <>
//   struct Fields<PlotSeries> {
//     template <class V, class... R>
//     static void visit(V&& v, R&... r) {
//       v(Field{"figure", "", "file stem: series of one figure are drawn together"}, r.figure...);
//       ...
//     }
//   };
//
// Visiting without a record lists the fields; with records (const or not) the visitor also gets
// each record's member, so one function serves listing, reading, writing and converting.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "engine/error.hpp"

namespace myoflux {

struct Field {
  std::string_view name;
  std::string_view unit;  // "" for texts, names, flags and counts
  std::string_view doc;
  /// False for the few fields result files do not hold (their layout predates these fields).
  bool in_files = true;
};

/// Specialized next to each described type (see the top of this file).
template <class T>
struct Fields;

template <class T>
concept Described = requires {
  Fields<T>::visit([](const Field&) {});
};

/// Calls v(field, record.member) for every described field of `record`, in order.
template <class T, class V>
requires Described<std::remove_const_t<T>>
void for_each_field(T& record, V&& v) {
  Fields<std::remove_const_t<T>>::visit(v, record);
}

/// The fields of a described type, in order.
template <Described T>
std::vector<Field> fields_of() {
  std::vector<Field> out;
  Fields<T>::visit([&](const Field& f) { out.push_back(f); });
  return out;
}

// --- field values as data (run metadata, Python, HDF5 attributes) ---

/// A field's value: a number, a count, a flag, a text (also the name of an enum value) or a list
/// of numbers.
using FieldValue = std::variant<double, long long, bool, std::string, std::vector<double>>;

/// An enum field is written as the name of its value, `field_text(E) -> std::string_view`, and
/// read back by `parse_field_text(std::string_view, E&) -> bool`, both found by argument-dependent
/// lookup (the second only where records are read back).
template <class E>
concept TextEnum = std::is_enum_v<E> && requires(E e) {
  { field_text(e) } -> std::convertible_to<std::string_view>;
};

template <class F>
FieldValue field_value(const F& v) {
  if constexpr (std::is_same_v<F, bool>)
    return v;
  else if constexpr (std::is_integral_v<F>)
    return static_cast<long long>(v);
  else if constexpr (std::is_floating_point_v<F>)
    return static_cast<double>(v);
  else if constexpr (TextEnum<F>)
    return std::string(field_text(v));
  else
    return FieldValue(v);  // std::string, std::vector<double>
}

/// Sets `out` from a value of the same kind (numbers convert between counts and reals). Throws
/// InputError naming the field for a value of another kind or an unknown enum name.
template <class F>
void assign_field_value(const Field& field, const FieldValue& value, F& out) {
  const auto fail = [&](std::string_view expected) {
    throw InputError("'" + std::string(field.name) + "' must be " + std::string(expected));
  };
  if constexpr (std::is_same_v<F, bool>) {
    if (const bool* b = std::get_if<bool>(&value)) return void(out = *b);
    fail("true or false");
  } else if constexpr (std::is_arithmetic_v<F>) {
    if (const double* d = std::get_if<double>(&value)) return void(out = static_cast<F>(*d));
    if (const long long* i = std::get_if<long long>(&value)) return void(out = static_cast<F>(*i));
    fail("a number");
  } else if constexpr (TextEnum<F>) {
    const std::string* s = std::get_if<std::string>(&value);
    if (s == nullptr || !parse_field_text(*s, out)) fail("one of its names, as text");
  } else {
    if (const F* v = std::get_if<F>(&value)) return void(out = *v);
    fail(std::is_same_v<F, std::string> ? "a text" : "a list of numbers");
  }
}

/// One field of a record as a named value with its unit and meaning.
struct MetadataEntry {
  std::string name;
  FieldValue value;
  std::string unit;
  std::string doc;
  bool in_files = true;
};

/// Named values describing how something was made (the solver's settings and statistics of a run).
using Metadata = std::vector<MetadataEntry>;

/// Appends every described field of `record` to `out`.
template <Described T>
void append_metadata(Metadata& out, const T& record) {
  for_each_field(record, [&](const Field& f, const auto& value) {
    out.push_back({std::string(f.name), field_value(value), std::string(f.unit), std::string(f.doc),
                   f.in_files});
  });
}

/// A record whose fields are read from the entries of the same names; fields without an entry
/// keep their defaults (e.g. those result files do not hold).
template <Described T>
T from_metadata(const Metadata& entries) {
  T record{};
  for_each_field(record, [&](const Field& f, auto& member) {
    for (const MetadataEntry& e : entries)
      if (e.name == f.name) assign_field_value(f, e.value, member);
  });
  return record;
}

/// The entry called `name`, or nullptr.
inline const MetadataEntry* find_entry(const Metadata& entries, std::string_view name) {
  for (const MetadataEntry& e : entries)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace myoflux
