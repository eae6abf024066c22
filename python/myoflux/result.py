"""Results of a run: numpy views of the C++ data, names and units, summaries, xarray and pandas.

The same Result class comes back from ``myoflux.run``, ``myoflux.run_many`` and
``myoflux.read_h5``. ``values`` is row-major (rows: samples in time, columns: variables) and
shares memory with the C++ result; it is read-only so that no copy can silently diverge.
"""
import collections
import functools

from myoflux import _core, _fields

Quantity = collections.namedtuple("Quantity", ["value", "unit", "note"])
Quantity.__doc__ = """A value with its unit and a note (its meaning, source or a text value).

Fields: value (float), unit (str, e.g. "%", "g/day"), note (str)."""


class UnknownVariableError(KeyError, ValueError):
    """``result[name]`` with a name the result does not have; the message lists the names."""

    def __str__(self):
        return str(self.args[0]) if self.args else ""


def _table(rows):
    """(name, value, unit, note) rows -> dict name -> Quantity."""
    return {name: Quantity(value, unit, note) for name, value, unit, note in rows}


class Result:
    """One run: sample times, a (time x variable) table of outputs with units, solver statistics.

    Attributes and methods:
        time_h: sample times, h (numpy, read-only view).
        values: outputs, shape (samples, variables), row-major (numpy, read-only view).
        names, units, descriptions: one per column of values.
        result[name]: one variable's samples (a view into values); see ``unit(name)``.
        summary(): the model's endpoints (CSA change, net balance, ...) as Quantity values.
        to_xarray(), to_pandas(): labelled copies-free views with units as attributes.
        run_id, scenario, ok, status, message, stats, solver, metadata.
    """

    def __init__(self, core, scenario=None):
        self._core = core
        self.scenario = scenario  # the Scenario that produced this run; None when read from a file

    # The variable table and its index are built on first use: a one-day run in a loop would
    # otherwise spend ~7 % of its time on them.
    @functools.cached_property
    def _variables(self):
        return self._core.variables

    @functools.cached_property
    def _index(self):
        return {name: i for i, (name, _, _) in enumerate(self._variables)}

    @property
    def run_id(self):
        """The run's name: the scenario or study arm name, or its group under /runs in a file."""
        return self._core.run_id

    @property
    def time_h(self):
        """Sample times, h: a read-only numpy view of the C++ data (no copy)."""
        return self._core.time_h

    @property
    def time_days(self):
        """Sample times, days (a new array: time_h / 24)."""
        return self._core.time_h / 24.0

    @property
    def values(self):
        """All outputs, shape (samples, variables), row-major, a read-only view of the C++ data."""
        return self._core.values

    @property
    def names(self):
        """Variable names, one per column of values (e.g. "csa_change_percent")."""
        return [name for name, _, _ in self._variables]

    @property
    def units(self):
        """Variable units, one per column of values (e.g. "%", "g/h", "umol/L")."""
        return [unit for _, unit, _ in self._variables]

    @property
    def descriptions(self):
        """What each variable is, one per column of values."""
        return [text for _, _, text in self._variables]

    def _column(self, name):
        try:
            return self._index[name]
        except KeyError:
            try:
                self._core.index(name)  # the C++ message, which lists the names that exist
            except ValueError as error:
                raise UnknownVariableError(str(error)) from None
            raise

    def unit(self, name):
        """The unit (str) of the variable called `name`, e.g. "g/h" for "net_balance"."""
        return self._variables[self._column(name)][1]

    def description(self, name):
        """What the variable called `name` is (str), from the model's output table."""
        return self._variables[self._column(name)][2]

    def __getitem__(self, name):
        """The samples of variable `name` in its unit (see ``unit(name)``): a strided view."""
        return self.values[:, self._column(name)]

    def __contains__(self, name):
        return name in self._index

    def keys(self):
        """The variable names (as ``names``), so that ``dict(result)`` works."""
        return self.names

    @property
    def stats(self):
        return self._core.stats

    stats.__doc__ = ("Solver statistics: dict with ok (bool: the run reached its end) and "
                     + _fields.field_names("solver_stats") + ".")

    @property
    def solver(self):
        return self._core.solver

    solver.__doc__ = ("The solver settings used: dict with "
                      + _fields.field_names("solver_settings") + ".")

    @property
    def ok(self):
        """True when the solver reached the end of the scenario."""
        return self._core.stats["ok"]

    @property
    def status(self):
        """The solver status: "ok", "too_many_steps", "step_size_underflow", ..."""
        return self._core.stats["status"]

    @property
    def message(self):
        """What failed, when and where ("" when ok)."""
        return self._core.stats["message"]

    def summary(self):
        """The model's endpoints of this run: dict name -> Quantity(value, unit, note).

        E.g. csa_change_percent (%), mean_daily_net_balance (g/day), cumulative_synthesis (g),
        peak_ck (U/L), peak_ck_time (h), glycogen_low (mmol/kg dw), final_readiness (AU),
        peak_body_mass_loss (%).
        """
        rows = self._core.summary
        if not rows and self.ok:
            rows = _core.summarize(self._core)
        return _table(rows)

    @property
    def metadata(self):
        """What the run or its file records besides the data: dict with run_id, labels,
        scenario_text, scenario_source, subject and parameters (dicts name -> Quantity),
        provenance (version, git commit, created_utc, command_line; None if not from a file)
        and file_labels (the file's root attributes, e.g. the study name)."""
        core = self._core
        return {
            "run_id": core.run_id,
            "labels": dict(core.labels),
            "scenario_text": core.scenario_text,
            "scenario_source": core.scenario_source,
            "subject": _table(core.subject),
            "parameters": _table(core.parameters),
            "provenance": core.provenance,
            "file_labels": dict(core.file_labels),
        }

    def to_xarray(self):
        """An xarray.DataArray over dims ("time", "variable") sharing memory with ``values``.

        Coordinates: time (h, attrs units="h"), variable (names), and along variable the
        coordinates unit and description; attrs: units (dict name -> unit), run_id.
        ``da.sel(variable="csa_change_percent")`` gives one variable with its unit coordinate.
        """
        import xarray

        units = self.units
        return xarray.DataArray(
            self.values,
            dims=("time", "variable"),
            coords={
                "time": ("time", self.time_h, {"units": "h", "long_name": "time"}),
                "variable": self.names,
                "unit": ("variable", units),
                "description": ("variable", self.descriptions),
            },
            name=self.run_id,
            attrs={"units": dict(zip(self.names, units)), "run_id": self.run_id},
        )

    def to_pandas(self):
        """A pandas.DataFrame: index time_h (h), one column per variable; units in
        ``df.attrs["units"]`` (dict name -> unit), descriptions in ``df.attrs["descriptions"]``."""
        import pandas

        frame = pandas.DataFrame(
            self.values,
            index=pandas.Index(self.time_h, name="time_h"),
            columns=self.names,
            copy=False,
        )
        frame.attrs["units"] = dict(zip(self.names, self.units))
        frame.attrs["descriptions"] = dict(zip(self.names, self.descriptions))
        frame.attrs["run_id"] = self.run_id
        return frame

    def __repr__(self):
        days = self.time_h[-1] / 24.0 if len(self.time_h) else 0.0
        return (
            f"<Result {self.run_id!r}: {len(self.time_h)} samples over {days:g} days, "
            f"{len(self._variables)} variables, {self.status}>"
        )


def summary_table(results, units_in_names=False):
    """The summaries of several runs side by side: a pandas.DataFrame, one row per run.

    Arguments:
        results: a dict name -> Result (row labels are the keys) or a list of Results
            (row labels are their run_id).
        units_in_names: label columns "name [unit]" (for display) instead of plain names.
    The units are also in ``df.attrs["units"]`` (dict column name -> unit).
    """
    import pandas

    items = results.items() if isinstance(results, dict) else [(r.run_id, r) for r in results]
    labels, rows, units = [], [], {}
    for label, result in items:
        summary = result.summary()
        labels.append(label)
        rows.append({name: q.value for name, q in summary.items()})
        units.update({name: q.unit for name, q in summary.items()})
    frame = pandas.DataFrame(rows, index=pandas.Index(labels, name="run"))
    if units_in_names:
        frame.columns = [f"{name} [{units[name]}]" for name in frame.columns]
    frame.attrs["units"] = units
    return frame
