"""Executes one notebook top to bottom in a fresh kernel, as a test (no hidden state).

Usage: run_notebook.py NOTEBOOK.ipynb EXECUTED_COPY.ipynb
The kernel starts in the notebook's folder; the executed copy (with outputs and figures) is
written to the build tree for reading, never over the source. Exit code 0 when every cell ran.
"""
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

# Each notebook must run well under a minute on 2 cores: the whole run fails beyond a minute,
# and a single cell is stopped after two.
NOTEBOOK_BUDGET_S = 60
CELL_TIMEOUT_S = 120


class _Client(NotebookClient):
    """nbclient 0.7 expects the widget protocol of ipywidgets 7+, whose comm_open message carries
    the widget's state; Debian's ipywidgets 6 sends it in a later update. Such widgets are left
    to the kernel (their outputs still reach the cell)."""

    def on_comm_open_jupyter_widget(self, msg):
        if "state" not in msg["content"]["data"]:
            return None
        return super().on_comm_open_jupyter_widget(msg)


def main(source, executed_copy):
    notebook = nbformat.read(source, as_version=4)
    client = _Client(
        notebook,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}},
    )
    start = time.monotonic()
    status = 0
    try:
        client.execute()
    except CellExecutionError as error:
        sys.stderr.write(f"{source}: a cell failed:\n{error}\n")
        status = 1
    elapsed = time.monotonic() - start
    os.makedirs(os.path.dirname(os.path.abspath(executed_copy)), exist_ok=True)
    nbformat.write(notebook, executed_copy)
    print(f"{os.path.basename(source)}: ran in {elapsed:.1f} s; executed copy: {executed_copy}")
    if elapsed > NOTEBOOK_BUDGET_S:
        sys.stderr.write(
            f"{source}: took {elapsed:.0f} s, more than the {NOTEBOOK_BUDGET_S} s budget\n")
        status = 1
    return status


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
