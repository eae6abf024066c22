// C++ exceptions as Python sees them: bad input (InputError, ScenarioError) is a ValueError, a
// failed simulation (SimulationError) a RuntimeError, each with the C++ message
// (bytes that are not UTF-8, say from a damaged file's names, written as \xNN, as on the CLI).
// ScenarioError becomes myoflux.ScenarioError (a ValueError) that also carries file, line, column.
#include <Python.h>

#include "engine/error.hpp"
#include "engine/utf8.hpp"
#include "python/src/bindings.hpp"

namespace myoflux::python {
namespace {

// The Python class object, created once at import and kept for the life of the process (a
// static py::object would be destroyed after the interpreter is gone).
PyObject* scenario_error_type = nullptr;

void raise_scenario_error(const ScenarioError& e) {
  py::object type = py::reinterpret_borrow<py::object>(scenario_error_type);
  py::object error = type(printable_utf8(e.what()));
  error.attr("file") = printable_utf8(e.mark().file);
  error.attr("line") = e.mark().line;
  error.attr("column") = e.mark().column;
  error.attr("message") = printable_utf8(e.message());
  PyErr_SetObject(scenario_error_type, error.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
  scenario_error_type = PyErr_NewExceptionWithDoc(
      "myoflux.ScenarioError",
      "A scenario file or dict is wrong. str(error) is 'file:line:column: message'; the parts are\n"
      "the attributes file (str), line and column (int, 1-based) and message (str).",
      PyExc_ValueError, nullptr);
  if (scenario_error_type == nullptr) throw py::error_already_set();
  m.add_object("ScenarioError", py::reinterpret_borrow<py::object>(scenario_error_type));

  // Most specific first: ScenarioError is an InputError is a std::invalid_argument.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ScenarioError& e) {
      raise_scenario_error(e);
    } catch (const InputError& e) {
      PyErr_SetString(PyExc_ValueError, printable_utf8(e.what()).c_str());
    } catch (const SimulationError& e) {
      PyErr_SetString(PyExc_RuntimeError, printable_utf8(e.what()).c_str());
    }
  });
}

}  // namespace myoflux::python
