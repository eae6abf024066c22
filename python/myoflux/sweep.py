"""Sweeps (docs/sweeps.md): ``sweep`` runs a sweep file or dict on C++ threads and returns an
xarray Dataset; ``read_sweep`` opens the folder a sweep wrote (``myoflux sweep -o DIR``) lazily,
reading rows from the chunk files through the index's HDF5 virtual datasets only when asked.

Both give the same Dataset: dims ``run`` x ``endpoint`` (and ``time`` for kept trajectories),
the sweep's axes and covariates as coordinates along ``run`` (with their ``units`` in attrs),
``endpoints`` with one unit per endpoint, the run ``status`` and the failures.
"""
import functools
import json
import os

import numpy as np

from myoflux import _core


def _spec_source(spec, base_dir):
    """(text, name, base folder) of a sweep given as a path, YAML text or a dict."""
    if isinstance(spec, dict):
        # JSON is YAML: the dict is checked exactly like a file, with line numbers.
        return json.dumps(spec, indent=2), "sweep", os.fspath(base_dir or os.getcwd())
    if isinstance(spec, os.PathLike) or (isinstance(spec, str) and "\n" not in spec
                                         and spec.rstrip().endswith((".yaml", ".yml"))):
        path = os.fspath(spec)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return text, path, os.fspath(base_dir or os.path.dirname(os.path.abspath(path)))
    if isinstance(spec, str):
        return spec, "sweep", os.fspath(base_dir or os.getcwd())
    raise TypeError(f"expected a sweep file path, YAML text or a dict, got {type(spec).__name__}")


def sweep(spec, threads=None, output=None, resume=False, base_dir=None, max_output=None):
    """Runs a sweep and returns its endpoint table as an xarray.Dataset.

    Arguments:
        spec: a sweep file (path ending in .yaml), YAML text, or a dict with the keys of a sweep
            file; quantities are strings with units ("1.6 g/kg/day"), as in files.
        threads: runs at once (default: one per core).
        output: a folder to write the chunk files, manifest and index to, as
            ``myoflux sweep -o`` does; the Dataset is then read back from it.
        resume: with ``output``, keep the chunks already there whose inputs match.
        base_dir: the folder ``base:`` is relative to (default: the file's folder, or the
            current folder for text and dicts).
        max_output: refuse, before any run, a sweep whose tables would exceed this size
            ("5 GB", or bytes; default 2 GB, as ``myoflux sweep --max-output``).
    Raises myoflux.ScenarioError (a ValueError) with file:line:column for bad input, before
    anything runs. A run that fails is recorded (``status``, ``failures``; NaN endpoints).
    """
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise ValueError(f"threads must be a positive whole number, got {threads!r}")
    text, name, base = _spec_source(spec, base_dir)
    if output is None:
        raw = _core.sweep_in_memory(text, name, base, threads or 0, max_output)
        return _in_memory_dataset(raw)
    _core.sweep_to_folder(text, name, base, threads or 0, os.fspath(output), bool(resume),
                          max_output)
    return read_sweep(output).load()


def read_sweep(folder):
    """Opens a finished sweep folder lazily: nothing is read until values are used.

    Arguments:
        folder: the folder ``myoflux sweep -o`` (or ``myoflux merge``) wrote; its index.h5
            maps every chunk file's rows into one table.
    ``endpoints``, ``status``, ``steps``, numeric coordinates and trajectories stay on disk
    until indexed or loaded (``.load()``); labelled coordinates (arm, sex, ...) are read at
    once. The summary (mean, sd, quantiles per group) is in index.h5 under /summary.
    """
    import h5py

    path = os.path.join(os.fspath(folder), "index.h5")
    if not os.path.exists(path):
        raise ValueError(f"{path} does not exist: the sweep in {os.fspath(folder)} is not "
                         "finished (run `myoflux sweep ... --resume` or `myoflux merge`)")
    with h5py.File(path, "r") as f:
        if f.attrs.get("format") != "myoflux-sweep-index":
            raise ValueError(f"{path} is not a myoflux sweep index")
        layout = _layout_of_index(f)
        failures = f["failures"][()]
        failed = [(int(r["run"]), int(r["status"]), r["message"].decode("utf-8", "replace"))
                  for r in failures]
        columns = {
            "endpoints": _lazy(path, f["endpoints"]),
            "status": _lazy(path, f["status"]),
            "steps": _lazy(path, f["steps"]),
            "coordinates": [_lazy(path, f["coordinates"][c[0]]) if not c[2]
                            else f["coordinates"][c[0]][()] for c in layout["coordinates"]],
            "trajectories": [_lazy(path, f["trajectories"][o[0]])
                             for o in layout["trajectory_outputs"]],
            "failures": failed,
        }
    return _dataset(layout, columns)


@functools.lru_cache(maxsize=None)
def _rows_class():
    """The lazy array type; defined on first use so that `import myoflux` needs no xarray."""
    import xarray as xr
    from xarray.core import indexing

    class H5Rows(xr.backends.BackendArray):
        """One dataset of the index, read on demand (each read opens the file, so nothing
        stays open between reads)."""

        def __init__(self, path, name, shape, dtype):
            self.path, self.name, self.shape, self.dtype = path, name, shape, dtype

        def __getitem__(self, key):
            return indexing.explicit_indexing_adapter(
                key, self.shape, indexing.IndexingSupport.OUTER_1VECTOR, self._read)

        def _read(self, key):
            import h5py

            with h5py.File(self.path, "r") as f:
                return f[self.name][key]

        def __reduce__(self):
            # The class is made on first use, so pickle names the function that makes one; a
            # pickled lazy Dataset still reads from the folder when unpickled.
            return (_h5_rows, (self.path, self.name, self.shape, self.dtype))

    return H5Rows


def _h5_rows(path, name, shape, dtype):
    """One lazy dataset of an index file (what an unpickled read_sweep Dataset reads through)."""
    return _rows_class()(path, name, shape, dtype)


def _lazy(path, dataset):
    from xarray.core import indexing

    rows = _rows_class()(path, dataset.name, dataset.shape, dataset.dtype)
    return indexing.LazilyIndexedArray(rows)


def _text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def _layout_of_index(f):
    names = [_text(n) for n in f["endpoints"].attrs["names"]]
    units = [_text(u) for u in f["endpoints"].attrs["units"]]
    descriptions = [_text(d) for d in f["endpoints"].attrs["descriptions"]]
    coordinates = []
    for name in [_text(n) for n in f["coordinates"].attrs.get("order", [])]:
        ds = f["coordinates"][name]
        labels = [_text(x) for x in ds.attrs["labels"]] if "labels" in ds.attrs else []
        coordinates.append((name, _text(ds.attrs["units"]), labels, bool(ds.attrs["groups"])))
    outputs = []
    for name in [_text(n) for n in f["trajectories"].attrs.get("order", [])]:
        ds = f["trajectories"][name]
        outputs.append((name, _text(ds.attrs["units"]), _text(ds.attrs["description"])))
    return {
        "name": _text(f.attrs["sweep"]),
        "description": _text(f.attrs["description"]),
        "fingerprint": _text(f.attrs["fingerprint"]),
        "spec": _text(f.attrs["spec"]),
        "seed": int(_text(f.attrs["seed"])),
        "runs": int(f.attrs["total_runs"]),
        "endpoints": list(zip(names, units, descriptions)),
        "coordinates": coordinates,
        "trajectory_outputs": outputs,
        "trajectory_time": f["trajectory_time"][()],
        "status_labels": [_text(x) for x in f["status"].attrs["labels"]],
    }


def _in_memory_dataset(raw):
    layout = raw["layout"]
    layout["trajectory_time"] = np.asarray(layout["trajectory_time"])
    columns = {key: raw[key] for key in ("endpoints", "status", "steps", "trajectories")}
    columns["coordinates"] = [np.asarray(values) for values in raw["coordinates"]]
    columns["failures"] = [tuple(f) for f in raw["failures"]]
    return _dataset(layout, columns)


def _dataset(layout, columns):
    """The Dataset of a sweep from its layout and its columns (arrays or lazy arrays)."""
    import xarray as xr

    names = [e[0] for e in layout["endpoints"]]
    units = [e[1] for e in layout["endpoints"]]
    status_labels = list(layout["status_labels"])
    data_vars = {
        "endpoints": xr.Variable(("run", "endpoint"), columns["endpoints"],
                                 {"units": dict(zip(names, units)),
                                  "description": "the model's run summary, one column per "
                                                 "endpoint (NaN for failed runs)"}),
        "status": xr.Variable(("run",), columns["status"],
                              {"labels": status_labels,
                               "description": "run status code: labels[status] names it"}),
        "steps": xr.Variable(("run",), columns["steps"], {"description": "accepted solver steps"}),
    }
    for (name, unit, description), values in zip(layout["trajectory_outputs"],
                                                 columns["trajectories"]):
        data_vars[name] = xr.Variable(("run", "time"), values,
                                      {"units": unit, "description": description})
    failures = columns["failures"]
    data_vars["failure_run"] = ("failure", np.array([f[0] for f in failures], dtype=np.int64))
    data_vars["failure_status"] = ("failure", np.array([status_labels[f[1]] for f in failures],
                                                       dtype=object))
    data_vars["failure_message"] = ("failure", np.array([f[2] for f in failures], dtype=object))

    coords = {
        "run": ("run", np.arange(layout["runs"], dtype=np.int64)),
        "endpoint": ("endpoint", names),
        "endpoint_unit": ("endpoint", units),
    }
    if len(layout["trajectory_time"]):
        coords["time"] = ("time", np.asarray(layout["trajectory_time"]), {"units": "h"})
    for (name, unit, labels, groups), values in zip(layout["coordinates"],
                                                    columns["coordinates"]):
        attrs = {"units": unit, "summary_groups": int(groups)}
        if labels:
            codes = np.asarray(values).astype(np.int64)
            coords[name] = xr.Variable(("run",), np.asarray(labels, dtype=object)[codes], attrs)
        else:
            coords[name] = xr.Variable(("run",), values, attrs)
    attrs = {
        "sweep": layout["name"],
        "description": layout["description"],
        "seed": layout["seed"],
        "fingerprint": layout["fingerprint"],
        "spec": layout["spec"],
        "failed_runs": len(failures),
    }
    return xr.Dataset(data_vars, coords, attrs)
