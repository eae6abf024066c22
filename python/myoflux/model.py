"""The model's tables and its virtual experiments: parameters(), outputs() and validate().

The tables come from the C++ declarations (one place for names, units, ranges and sources),
so they always match what the model runs with.
"""
import collections

import numpy

from myoflux import _core, _fields

Validation = collections.namedtuple("Validation", ["table", "series"])
Validation.__doc__ = f"""The model against its published targets (TARGETS.md), from validate().

Fields:
    table: pandas.DataFrame, one row per target, with the columns
        {_fields.field_names("validation_row")}.
    series: list of dicts, each one line (model) or set of points with error bars (data) of a
        figure, with the keys {_fields.field_names("plot_series")} (x, y and y_error as numpy
        arrays; units in the axis labels)."""


def parameters():
    """Every model parameter as a pandas.DataFrame with columns name, value (the default, in
    its unit), unit, min and max (the valid range, inclusive), source and description."""
    import pandas

    columns = [name for name, _, _ in _core.fields("parameter")]
    return pandas.DataFrame([tuple(row) for row in _core.parameters()], columns=columns)


def outputs():
    """Every output variable of a run as a pandas.DataFrame with columns name, unit and
    description, in the column order of Result.values."""
    import pandas

    rows = [tuple(row) for row in _core.outputs()]
    return pandas.DataFrame(rows, columns=[name for name, _, _ in _core.fields("output")])


def validate():
    """Runs the virtual experiments (the published studies of TARGETS.md) and returns a
    Validation(table, series): which targets the model meets, and model-vs-data curves with
    units in their axis labels. Takes a few seconds; the model is run with its defaults."""
    import pandas

    report = _core.validate()
    table = pandas.DataFrame(report["rows"])
    series = []
    for s in report["series"]:
        s = dict(s)
        for key in ("x", "y", "y_error"):
            s[key] = numpy.asarray(s[key], dtype=float)
        series.append(s)
    return Validation(table, series)
