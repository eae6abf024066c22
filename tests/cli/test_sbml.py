"""`myoflux export-sbml`: the file is valid SBML L3V2 (libsbml, unit checks on, zero errors), carries
every parameter with value, unit and source, and simulates, with an integrator of its own (SciPy on
the libsbml-parsed math), to myoflux's own result for a one-day scenario within 1e-4.
Needs python3-sbml5 and python3-scipy (tools/debian-packages.txt)."""
import math
import os

import h5py
import libsbml
import numpy as np
import pytest
from scipy.integrate import solve_ivp

from conftest import SOURCE_DIR, run

# A day with every kind of input: interval running (several input regimes), resistance sets,
# meals with fat and carbohydrate, a shake after the session, a snack at t = 0 and an override.
DAY = """\
name: sbml_day
duration: 1 day
output_interval: 15 min
subject: {sex: male, body_mass: 75 kg}
sessions:
  intervals:
    type: intervals
    warm_up: {activity: jog, duration: 10 min}
    repeats: 4
    work: {duration: 4 min, intensity: 90 %VO2max}
    recovery: {activity: jog, duration: 3 min}
    cool_down: {activity: walk, duration: 5 min}
  legs:
    type: resistance
    exercises:
      - {name: leg_press, sets: 3, reps: 10, load: 75 %1RM, rest: 2 min}
plan:
  - {session: intervals, days: [1], time: "07:00"}
  - {session: legs, days: [1], time: "17:00"}
diet:
  protein: 1.6 g/kg/day
  carbohydrate: 55 %energy
  fat: 30 %energy
  meals:
    - {name: snack, time: "00:00"}
    - {name: breakfast, time: "08:30"}
    - {name: lunch, time: "12:30"}
    - {name: dinner, time: "19:00"}
  around_sessions:
    - {name: shake, after: 30 min, protein: 25 g, type: whey, sessions: [intervals]}
parameters:
  k_insulin_per_h: 2.5
"""


def _errors_and_warnings(document):
    document.setConsistencyChecks(libsbml.LIBSBML_CAT_UNITS_CONSISTENCY, True)
    document.checkConsistency()
    problems = [document.getError(i) for i in range(document.getNumErrors())]
    errors = [p for p in problems if p.getSeverity() >= libsbml.LIBSBML_SEV_ERROR]
    warnings = [p for p in problems if p.getSeverity() == libsbml.LIBSBML_SEV_WARNING]
    return errors, warnings


def _read(path):
    document = libsbml.readSBMLFromFile(str(path))
    assert document.getNumErrors(libsbml.LIBSBML_SEV_ERROR) == 0, document.getErrorLog().toString()
    return document


# --- a small evaluator of SBML math: libsbml's parsed tree -> Python source --------------------

_BINARY = {libsbml.AST_PLUS: "+", libsbml.AST_MINUS: "-", libsbml.AST_TIMES: "*", libsbml.AST_DIVIDE: "/"}
_FUNCTIONS = {libsbml.AST_FUNCTION_EXP: "math.exp", libsbml.AST_FUNCTION_LN: "math.log",
              libsbml.AST_FUNCTION_MAX: "max", libsbml.AST_FUNCTION_MIN: "min"}


def _python(node, names):
    """Python text for an SBML math node; `names` maps identifiers to Python expressions."""
    kind = node.getType()
    children = [_python(node.getChild(i), names) for i in range(node.getNumChildren())]
    if kind in (libsbml.AST_REAL, libsbml.AST_REAL_E, libsbml.AST_RATIONAL):
        return repr(node.getReal())
    if kind == libsbml.AST_INTEGER:
        return repr(float(node.getInteger()))
    if kind == libsbml.AST_NAME:
        return names[node.getName()]
    if kind == libsbml.AST_NAME_TIME:
        return "t"
    if kind in _BINARY:
        if kind == libsbml.AST_MINUS and len(children) == 1:
            return f"(-{children[0]})"
        return "(" + f" {_BINARY[kind]} ".join(children) + ")"
    if kind in (libsbml.AST_POWER, libsbml.AST_FUNCTION_POWER):
        return f"({children[0]} ** {children[1]})"
    if kind == libsbml.AST_FUNCTION_ROOT:
        degree, radicand = (children if len(children) == 2 else ("2.0", children[0]))
        return f"({radicand} ** (1.0 / {degree}))"
    if kind in _FUNCTIONS:
        return f"{_FUNCTIONS[kind]}({', '.join(children)})"
    if kind == libsbml.AST_RELATIONAL_EQ:
        return f"({children[0]} == {children[1]})"
    if kind == libsbml.AST_RELATIONAL_GEQ:
        return f"({children[0]} >= {children[1]})"
    if kind == libsbml.AST_FUNCTION_PIECEWISE:
        text = children[-1] if len(children) % 2 else "float('nan')"
        for value, condition in reversed(list(zip(children[0:-1:2], children[1::2]))):
            text = f"({value} if {condition} else {text})"
        return text
    raise AssertionError(f"the test's evaluator does not know SBML math node {node.getName() or kind}")


class SbmlSimulation:
    """The exported model run by this test alone: rate rules integrated with SciPy between the
    event times, event assignments applied at them."""

    def __init__(self, document):
        model = document.getModel()
        self.variables = [r.getVariable() for r in model.getListOfRules() if r.isRate()]
        values = {p.getId(): p.getValue() for p in model.getListOfParameters()}
        self.values = values
        names = {name: f"c[{name!r}]" for name in values}
        names.update({name: f"y[{i}]" for i, name in enumerate(self.variables)})
        rates = [_python(model.getRateRuleByVariable(v).getMath(), names) for v in self.variables]
        self._rhs = eval("lambda t, y, c: [" + ", ".join(rates) + "]", {"math": math})
        self.events = []
        for e in model.getListOfEvents():
            trigger = e.getTrigger().getMath()
            assert trigger.getType() == libsbml.AST_RELATIONAL_GEQ
            assert trigger.getChild(0).getType() == libsbml.AST_NAME_TIME
            at = trigger.getChild(1).getReal()
            assignments = [(a.getVariable(), eval("lambda t, y, c: " + _python(a.getMath(), names), {"math": math}))
                           for a in e.getListOfEventAssignments()]
            self.events.append((at, assignments))
        self.events.sort(key=lambda item: item[0])

    def run(self, t_eval):
        """Values at t_eval (a sample at an event time is taken after the event, like myoflux's)."""
        y = np.array([self.values[v] for v in self.variables])
        constants = dict(self.values)
        out = np.empty((len(t_eval), len(y)))
        t_eval = np.asarray(t_eval)
        t0 = 0.0
        for at, assignments in self.events + [(t_eval[-1], [])]:
            if at > t0:
                sol = solve_ivp(lambda t, yy: self._rhs(t, yy, constants), (t0, at), y, method="LSODA",
                                rtol=1e-10, atol=1e-10, dense_output=True, max_step=0.5)
                assert sol.success, sol.message
                inside = (t_eval >= t0) & (t_eval < at)
                if inside.any():
                    out[inside] = sol.sol(t_eval[inside]).T
                y = sol.y[:, -1].copy()
            before = y.copy()
            for variable, value in assignments:
                if variable in self.variables:
                    y[self.variables.index(variable)] = value(at, before, constants)
                else:
                    constants[variable] = value(at, before, constants)
            t0 = at
        out[t_eval >= t0] = y
        return out


def _own_result(tmp_path, scenario_file):
    h5 = tmp_path / "own.h5"
    run("run", scenario_file, "-o", h5, "--rtol", "1e-9", check=0)
    with h5py.File(h5, "r") as f:
        group = f["runs"][list(f["runs"])[0]]
        outputs = group["outputs"]
        return group["time"][()], {k: (outputs[k][()], outputs[k].attrs["units"]) for k in outputs}


def _unit_text(model, variable):
    """The myoflux unit text of an SBML variable (unit definitions are named by it)."""
    units = model.getParameter(variable).getUnits()
    return "1" if units == "dimensionless" else model.getUnitDefinition(units).getName()


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sbml")
    scenario = folder / "sbml_day.yaml"
    scenario.write_text(DAY)
    xml = folder / "sbml_day.xml"
    result = run("export-sbml", scenario, "-o", xml, check=0)
    assert "wrote" in result.stdout
    return folder, scenario, xml


def _documented_states():
    text = open(os.path.join(SOURCE_DIR, "docs", "model.md"), encoding="utf-8").read()
    table = text.split("<!-- state-table -->")[1].split("<!-- /state-table -->")[0]
    return [line.split("`")[1] for line in table.splitlines() if line.startswith("| `")]


def test_rest_export_is_valid_sbml_with_unit_checks(tmp_path):
    xml = tmp_path / "rest.xml"
    run("export-sbml", "-o", xml, check=0)
    document = _read(xml)
    assert (document.getLevel(), document.getVersion()) == (3, 2)
    errors, _ = _errors_and_warnings(document)
    assert not errors, "\n".join(e.getMessage() for e in errors)
    model = document.getModel()
    assert model.getNumEvents() == 0  # no inputs without a scenario
    # One rate rule per model state, by name: the states as docs/model.md's generated table lists
    # them (a test of the model fails when that table drifts from the code).
    assert sorted(model.getRule(i).getVariable() for i in range(model.getNumRules())) == sorted(
        _documented_states())


def test_scenario_export_is_valid_and_has_its_inputs_as_events(day):
    _, _, xml = day
    document = _read(xml)
    errors, warnings = _errors_and_warnings(document)
    assert not errors, "\n".join(f"{e.getErrorId()}: {e.getMessage()}" for e in errors)
    model = document.getModel()
    # Rest, jog, run at 90 %, walk, lifting: at least four regimes and events for each meal.
    regime = model.getParameter("input_regime")
    assert regime is not None and not regime.getConstant()
    assert model.getNumEvents() >= 4 + 2 * 4
    notes = libsbml.XMLNode.convertXMLNodeToString(model.getNotes())
    assert "input_regime 0: every input at its baseline" in notes


def test_every_parameter_has_value_unit_and_source(day):
    _, _, xml = day
    model = _read(xml).getModel()
    table = run("params").stdout
    constants = [p for p in model.getListOfParameters() if p.getConstant()]
    assert len(constants) > 100
    for p in constants:
        assert p.getId() in table
        annotation = libsbml.XMLNode.convertXMLNodeToString(p.getAnnotation())
        assert 'source="' in annotation and 'source=""' not in annotation, p.getId()
        assert p.isSetValue()
    units = {p.getId(): p.getUnits() for p in constants}
    assert units["k_insulin_per_h"] == "u_1_per_h"
    assert units["leg_muscle_share"] == "dimensionless"
    definition = model.getUnitDefinition("u_1_per_h")
    unit = definition.getUnit(0)
    assert (unit.getKind(), unit.getExponent(), unit.getMultiplier()) == (libsbml.UNIT_KIND_SECOND, -1, 3600.0)
    # The scenario's override is the value used, and the default is kept in the annotation.
    insulin = model.getParameter("k_insulin_per_h")
    assert insulin.getValue() == 2.5
    assert "Set by the scenario" in libsbml.XMLNode.convertXMLNodeToString(insulin.getNotes())


def test_exported_model_simulates_to_myoflux_own_result(day):
    folder, scenario, xml = day
    time_h, own = _own_result(folder, scenario)
    document = _read(xml)
    simulation = SbmlSimulation(document)
    mine = simulation.run(time_h)
    # Outputs that are states as such: the same name and unit (nutritional_adaptation is a state
    # in 1/h and an output in %/h).
    compared = [name for name in simulation.variables
                if name in own and own[name][1] == _unit_text(document.getModel(), name)]
    assert len(compared) >= 12, compared
    for name in compared:
        theirs = own[name][0]
        ours = mine[:, simulation.variables.index(name)]
        scale = np.max(np.abs(theirs))
        assert np.max(np.abs(ours - theirs)) <= 1e-4 * scale, name
        change = theirs - theirs[0]
        if np.max(np.abs(change)) > 1e-6 * scale:  # the change over the day, to 1e-4 of its size
            assert np.max(np.abs((ours - ours[0]) - change)) <= 1e-4 * np.max(np.abs(change)), name


def test_refuses_to_overwrite_and_leaves_no_partial_file(tmp_path):
    xml = tmp_path / "model.xml"
    xml.write_text("keep")
    result = run("export-sbml", "-o", xml, check=2)
    assert "already exists" in result.stderr
    assert xml.read_text() == "keep"
    assert sorted(os.listdir(tmp_path)) == ["model.xml"]
