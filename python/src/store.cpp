// Result files for Python: read_h5 gives back the same runs the CLI wrote (with the file's
// provenance and labels), write_h5 writes runs made in Python in the CLI's format.
#include <pybind11/stl.h>

#include "engine/error.hpp"
#include "python/src/bindings.hpp"

namespace myoflux::python {

void bind_store(py::module_& m) {
  m.def("read_result_file", [](const std::string& path) {
    ResultFile file;
    {
      py::gil_scoped_release release;
      file = read_result_file(path);
    }
    std::vector<std::shared_ptr<RunHandle>> runs;
    for (RunRecord& r : file.runs)
      runs.push_back(
          std::make_shared<RunHandle>(RunHandle{std::move(r), file.provenance, file.labels}));
    return runs;
  });
  m.def(
      "write_result_file",
      [](const std::string& path, const std::vector<std::shared_ptr<RunHandle>>& runs,
         const std::vector<std::string>& ids,
         const std::vector<std::pair<std::string, std::string>>& labels, bool overwrite,
         const std::string& command_line) {
        if (ids.size() != runs.size()) throw InputError("write_result_file: one id per run");
        std::vector<RunRecord> records;
        for (std::size_t i = 0; i < runs.size(); ++i) {
          records.push_back(runs[i]->record);
          records.back().id = ids[i];
        }
        WriteOptions options;
        options.overwrite = overwrite;
        options.labels = labels;
        py::gil_scoped_release release;
        write_result_file(path, records, current_provenance(command_line), options);
      },
      py::arg("path"), py::arg("runs"), py::arg("ids"), py::arg("labels"), py::arg("overwrite"),
      py::arg("command_line"));
}

}  // namespace myoflux::python
