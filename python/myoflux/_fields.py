"""Docstring pieces written from the C++ descriptions of records (engine/fields.hpp), so that the
field names, units and defaults a docstring lists cannot drift from the code."""
from myoflux import _core


def _named(name, unit):
    return f"{name} ({unit})" if unit and unit != "1" else name


def field_names(record):
    """The fields of a C++ record (a name _core.fields knows) as "a, b (h), c"."""
    return ", ".join(_named(name, unit) for name, unit, _ in _core.fields(record))


def solver_options(indent):
    """One line per solver setting Python may change: its meaning, unit and the model's default."""
    lines = []
    for name, unit, meaning, default in _core.solver_options():
        shown = f'"{default}"' if isinstance(default, str) else f"{default!r}"
        unit_text = f" [{unit}]" if unit and unit != "1" else ""
        lines.append(f"{indent}{name}{unit_text}: {meaning}; default {shown}")
    return "\n".join(lines)
