"""Docstrings are written once, in Python, for the Python API, and this test keeps them honest:
every public function, class, method and property has one, every argument is named in it, and
every quantity-returning property states its unit. (The tables of parameters and outputs are
not docstrings: they come from the C++ declarations at run time.)"""
import inspect

import pytest

import myoflux
import myoflux.plot

PUBLIC_PLOT_HELPERS = ["axis_label", "time_courses", "net_balance_per_day", "daily_net_balance",
                       "endpoint_bars", "mark_timeline", "validation_plot"]

# Words that state a unit (or that the value is a name, flag or text, which has none).
UNIT_WORDS = ("h", "%", "g/", "kg", "unit", "dict", "list", "str", "True", "name", "text", "numpy",
              "days", "Scenario", "file")


def public_callables():
    for name in myoflux.__all__:
        obj = getattr(myoflux, name)
        if inspect.isclass(obj) and not issubclass(obj, tuple):
            yield name, obj
            for member_name, member in vars(obj).items():
                documented_kind = callable(member) or isinstance(member, (classmethod, property))
                if not member_name.startswith("_") and documented_kind:
                    yield f"{name}.{member_name}", member
        elif callable(obj):
            yield name, obj
    for name in PUBLIC_PLOT_HELPERS:
        yield f"plot.{name}", getattr(myoflux.plot, name)


def argument_names(obj):
    if isinstance(obj, classmethod):
        obj = obj.__func__
    if isinstance(obj, property) or inspect.isclass(obj):
        return []
    names = []
    for p in inspect.signature(obj).parameters.values():
        if p.name in ("self", "cls") or p.kind == p.VAR_POSITIONAL and p.name == "args":
            continue
        names.append(p.name)
    return names


@pytest.mark.parametrize("name,obj", list(public_callables()),
                         ids=lambda x: x if isinstance(x, str) else "")
def test_documented(name, obj):
    doc = inspect.getdoc(obj.__func__ if isinstance(obj, classmethod) else obj)
    assert doc and len(doc) > 20, f"{name} has no docstring"
    for arg in argument_names(obj):
        assert arg in doc, f"{name}: the docstring does not explain the argument '{arg}'"
    if isinstance(obj, property):
        assert any(word in doc for word in UNIT_WORDS), \
            f"{name}: say the unit (or what kind of value it is)"


def test_time_properties_say_hours():
    for name in ("time_h",):
        assert "h" in inspect.getdoc(getattr(myoflux.Result, name))
    for name in ("duration_h", "output_interval_h"):
        assert ", h" in inspect.getdoc(getattr(myoflux.Scenario, name))


def test_quantity_and_validation_are_documented():
    assert "unit" in myoflux.Quantity.__doc__
    assert "units" in myoflux.Validation.__doc__


def test_scenario_error_is_documented():
    doc = myoflux.ScenarioError.__doc__
    assert "file:line:column" in doc and "line and column" in doc
    assert issubclass(myoflux.ScenarioError, ValueError)
