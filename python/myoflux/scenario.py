"""Scenarios and studies: load them from YAML files, text or dicts, and derive variants.

A Scenario is immutable; ``with_`` returns a new one with fields or model parameters changed,
checked by the same C++ loader as the files (errors carry file:line:column or the field path).
"""
import json
import os
import pathlib

from myoflux import _core


def scenario_path(*parts):
    """Path of a file in the scenario library (the repository's ``scenarios/`` folder).

    Arguments:
        *parts: path parts below scenarios/, e.g.
            ``scenario_path("sprints", "sprint_6x20s.yaml")``; none gives the folder itself.
    Returns a pathlib.Path (whether the file exists is not checked).
    """
    return pathlib.Path(_core.scenario_dir(), *parts)


def _yaml_value(value):
    """A Python value written as the scenario file would write it ("2.0 g/kg/day", 3, [..])."""
    if value is None:
        return ""  # an empty value removes the key, as `--set PATH=` does
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value)


def _field_sets(fields=None, params=None, keywords=None):
    """(path, value) pairs from a dict of dotted paths, model parameters and keyword arguments."""
    sets = []
    for path, value in (fields or {}).items():
        sets.append((str(path), _yaml_value(value)))
    for key, value in (keywords or {}).items():
        sets.append((key.replace("__", "."), _yaml_value(value)))
    for name, value in (params or {}).items():
        sets.append(("parameters." + str(name), _yaml_value(value)))
    return sets


class Scenario:
    """A checked, compiled scenario: subject, training plan, diet and model parameter overrides.

    Make one with ``myoflux.load_scenario(path)``, ``Scenario.from_yaml(text)`` or
    ``Scenario.from_dict(d)``; derive variants with ``with_``. Times are in hours (``_h``),
    the subject and diet use the units in their key names (``body_mass_kg``,
    ``protein_g_per_day``).
    """

    def __init__(self, core):
        self._core = core

    @classmethod
    def from_yaml(cls, text, name="scenario", base_dir=None):
        """A scenario from YAML (or JSON) text, in the format of docs/scenarios.md.

        Arguments:
            text: the document, every quantity with its unit ("4 min", "90 %VO2max").
            name: stands in for the file name in error messages and is the default scenario name.
            base_dir: folder that ``extends:`` paths are relative to (default: the current folder).
        Raises ScenarioError (a ValueError) with "name:line:column: message" for bad input.
        """
        base = os.fspath(base_dir) if base_dir is not None else "."
        return cls(_core.scenario_from_yaml(text, name, base, []))

    @classmethod
    def from_dict(cls, document, name="scenario", base_dir=None):
        """A scenario from a dict with the keys of a scenario file, e.g.
        ``{"duration": "1 day", "diet": {"protein": "1.6 g/kg/day", "meals": [...]}}``.

        Arguments:
            document: the scenario as nested dicts and lists; quantities are strings with units.
            name: scenario name when the dict has no "name" (also used in error messages).
            base_dir: folder that an ``"extends"`` path is relative to (default: current folder).
        Raises ScenarioError (a ValueError) naming the line:column of the JSON text it became.
        """
        text = json.dumps(document, indent=1)
        return cls.from_yaml(text, name=name, base_dir=base_dir)

    def with_(self, fields=None, /, params=None, **overrides):
        """A copy with fields or model parameters changed, for sweeps and what-ifs.

        Arguments:
            fields: dict of dotted field paths to values, as ``myoflux run --set`` takes them:
                ``{"diet.protein": "2.0 g/kg/day", "plan.0.weekdays": ["tue", "thu"]}``.
            params: dict of model parameter names to values in their documented units
                (``myoflux.parameters()`` lists them), e.g. ``{"k_name": 0.05}``.
            **overrides: more field paths as keywords, ``__`` standing for the dot:
                ``diet__protein="2.0 g/kg/day"``, ``duration="2 weeks"``.
        Values are strings as written in a file ("20 s", "90 %VO2max"), numbers (counts and
        parameters), lists or dicts; None removes the field. The original is unchanged.
        Raises ScenarioError (a ValueError) naming the path, e.g. "--set diet.protein: ...".
        """
        sets = _field_sets(fields, params, overrides)
        if not sets:
            return self
        return Scenario(self._core.with_sets(sets))

    @property
    def name(self):
        """The scenario's name (letters, digits, _, -, .)."""
        return self._core.name

    @property
    def description(self):
        """Free text from the file's ``description``."""
        return self._core.description

    @property
    def sources(self):
        """The citations the protocol comes from (list of str)."""
        return list(self._core.sources)

    @property
    def file(self):
        """The file it was read from ("" for text or a dict)."""
        return self._core.file

    @property
    def text(self):
        """The YAML text as read (before overrides)."""
        return self._core.text

    @property
    def duration_h(self):
        """Length of the simulation, h."""
        return self._core.duration_h

    @property
    def output_interval_h(self):
        """Time between recorded samples, h."""
        return self._core.output_interval_h

    @property
    def subject(self):
        """Who is simulated: dict with the unit in each key (age_years, body_mass_kg, ...)."""
        return self._core.subject

    @property
    def diet(self):
        """The daily diet resolved to grams (protein_g_per_day, protein_g_per_kg_day,
        carbohydrate_g_per_day, fat_g_per_day, energy_kcal_per_day) and the meals
        (clock_h: hours after midnight; protein_g by protein type)."""
        return self._core.diet

    @property
    def sessions(self):
        """Every training session: dicts with name, start_h, duration_h and segments
        (start_h, duration_h, what, intensity_fraction_vo2max, speed_kmh, distance_km, ...)."""
        return self._core.sessions

    @property
    def intakes(self):
        """Every meal, drink and infusion in time order: dicts with time_h, what, protein_g,
        protein_type, carbohydrate_g, fat_g (infusions: leucine_g_per_h, infusion_duration_h)."""
        return self._core.intakes

    @property
    def parameter_overrides(self):
        """Model parameters this scenario sets: dict name -> value in the parameter's unit."""
        return dict(self._core.parameter_overrides)

    @property
    def overrides(self):
        """The field overrides applied by ``with_`` (and load options): list of (path, value)."""
        return list(self._core.overrides)

    def describe(self, full=False):
        """What the scenario means, as ``myoflux check`` prints it (str).

        Arguments:
            full: show every session in full, not only the first week.
        """
        return self._core.describe(full)

    def __repr__(self):
        days = self.duration_h / 24.0
        return f"<Scenario {self.name!r}: {days:g} days, {len(self.sessions)} sessions>"


class Study:
    """Scenarios compared side by side (the arms of a study file), each a Scenario.

    ``study.arms`` is a dict arm name -> Scenario; ``myoflux.run_many(study)`` runs them all.
    """

    def __init__(self, info):
        self.name = info["name"]
        self.description = info["description"]
        self.sources = list(info["sources"])
        self.file = info["file"]
        self.arms = {core.name: Scenario(core) for core in info["arms"]}

    def with_(self, fields=None, /, params=None, **overrides):
        """A copy with the same changes applied to every arm; arguments as in Scenario.with_
        (fields: dotted paths to values, params: model parameters in their units,
        **overrides: field paths as keywords with ``__`` for the dot)."""
        copy = object.__new__(Study)
        copy.__dict__.update(self.__dict__)
        copy.arms = {n: s.with_(fields, params=params, **overrides) for n, s in self.arms.items()}
        return copy

    def __iter__(self):
        return iter(self.arms.values())

    def __len__(self):
        return len(self.arms)

    def __getitem__(self, arm):
        return self.arms[arm]

    def __repr__(self):
        return f"<Study {self.name!r}: arms {', '.join(self.arms)}>"


def load_scenario(path, fields=None, /, params=None, **overrides):
    """Reads and checks a scenario file (YAML, docs/scenarios.md).

    Arguments:
        path: the file (str or os.PathLike); relative paths are from the current folder.
        fields, params, **overrides: changes applied before checking, as in Scenario.with_.
    Raises ScenarioError (a ValueError) with "file:line:column: message" for bad input.
    """
    core = _core.load_scenario(os.fspath(path), _field_sets(fields, params, overrides))
    return Scenario(core)


def load_study(path, fields=None, /, params=None, **overrides):
    """Reads a study file (named arms) or a plain scenario file (a study of one arm).

    Arguments:
        path: the file (str or os.PathLike).
        fields, params, **overrides: changes applied to every arm, as in Scenario.with_.
    Returns a Study; raises ScenarioError (a ValueError) with file:line:column for bad input.
    """
    info = _core.load_study(os.fspath(path), _field_sets(fields, params, overrides))
    return Study(info)
