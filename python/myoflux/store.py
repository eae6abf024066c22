"""Result files (HDF5, docs/file-format.md): ``read_h5`` reads what ``myoflux run -o`` and
``myoflux compare`` write, ``write_h5`` writes runs made in Python in the same format.
"""
import os

from myoflux import _core
from myoflux.result import Result


def read_h5(path):
    """Reads a myoflux result file and returns a dict run id -> Result, in file order.

    Arguments:
        path: the .h5 file (str or os.PathLike) written by the CLI or by write_h5.
    Each Result has the same data and summary as the run that wrote it; ``result.metadata``
    adds the file's provenance (version, git commit, created_utc, command_line), its labels,
    the scenario text and the subject and parameter tables (dicts name -> Quantity).
    Raises ValueError for files that are not myoflux results (the C++ message).
    """
    return {core.run_id: Result(core) for core in _core.read_result_file(os.fspath(path))}


def write_h5(path, results, overwrite=False, labels=None):
    """Writes Results to a myoflux result file, atomically (nothing is left on failure).

    Arguments:
        path: the .h5 file to write (str or os.PathLike).
        results: a dict run id -> Result, or a list of Results (ids: their run_id); ids must be
            unique and usable as HDF5 group names (letters, digits, _, -, .).
        overwrite: replace an existing file (else ValueError).
        labels: dict of extra text attributes for the file's root (e.g. {"study": "mine"}).
    Raises ValueError for bad input and RuntimeError when writing fails (the C++ messages).
    """
    if isinstance(results, dict):
        items = list(results.items())
    else:
        items = [(r.run_id, r) for r in results]
    ids = [str(run_id) for run_id, _ in items]
    cores = [result._core for _, result in items]
    label_pairs = [(str(k), str(v)) for k, v in (labels or {}).items()]
    command_line = f"python: myoflux.write_h5({os.fspath(path)!r})"
    _core.write_result_file(os.fspath(path), cores, ids, label_pairs, overwrite, command_line)
