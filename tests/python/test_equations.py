"""myoflux.equations: the model's right-hand side, its exact Jacobian and the schedule, for other
integrators. Checked against finite differences and against myoflux.run with an independent
fixed-step integrator written here (classical Runge-Kutta), so the plumbing (inputs per segment,
doses at segment starts) is exercised end to end."""

import numpy as np
import pytest

import myoflux
from myoflux.model_functions import summarize


@pytest.fixture(scope="module")
def whey():
    return myoflux.load_scenario(myoflux.scenario_path("studies/atherton2010_whey.yaml"))


def test_names_and_sizes(whey):
    eq = myoflux.equations(whey)
    assert len(eq.state_names) == len(eq.initial_state()) == len(eq.state_units)
    assert "muscle_protein_g" in eq.state_names
    assert eq.input_names[0] == "exercise_intensity"
    assert eq.exact_jacobian
    assert eq.segment_inputs().shape == (len(eq.breakpoints()) - 1, len(eq.input_names))


def test_jacobian_matches_central_differences_after_a_meal(whey):
    eq = myoflux.equations(whey)
    y = eq.initial_state()
    for state, amount in eq.segment_doses()[0]:
        y[state] += amount
    u = eq.segment_inputs()[0]
    # 40 min into the meal (explicit Euler, 10 s steps: any state of the meal will do): the gut,
    # plasma and signals are moving and no max(x, 0) sits at its kink
    for _ in range(240):
        y = y + (10 / 3600) * eq.rhs(0.0, y, u)
    J = eq.jacobian(0.0, y, u)
    scales = np.maximum(np.abs(y), 1.0)
    # Without exercise the fast sensitisation sits on its kink, max(T - X1, 0) with T = X1 = 0,
    # and without drinks or sweat body water sits at 0, between renal clearance of a surplus and
    # drinking to thirst, where the one-sided slopes differ; their columns are left out.
    kinks = {eq.state_names.index("sensitisation_fast"), eq.state_names.index("body_water_change_l")}
    for j in range(len(y)):
        if j in kinks:
            continue
        d = 1e-6 * scales[j]
        up, down = y.copy(), y.copy()
        up[j] += d
        down[j] -= d
        column = (eq.rhs(0.0, up, u) - eq.rhs(0.0, down, u)) / (2 * d)
        # central differences: truncation ~1e-12 relative, rounding ~1e-10 of the rates
        np.testing.assert_allclose(J[:, j], column, rtol=1e-5, atol=1e-7)
    # entries outside the pattern are zero
    assert not np.any(J[~eq.jacobian_sparsity()])


def rk4(eq, step_h):
    """Classical Runge-Kutta with a fixed step, segment by segment, doses at segment starts."""
    edges, inputs, doses = eq.breakpoints(), eq.segment_inputs(), eq.segment_doses()
    y = eq.initial_state()
    for k in range(len(edges) - 1):
        for state, amount in doses[k]:
            y[state] += amount
        u = inputs[k]
        n = max(1, int(np.ceil((edges[k + 1] - edges[k]) / step_h)))
        h = (edges[k + 1] - edges[k]) / n
        t = edges[k]
        for _ in range(n):
            k1 = eq.rhs(t, y, u)
            k2 = eq.rhs(t + h / 2, y + h / 2 * k1, u)
            k3 = eq.rhs(t + h / 2, y + h / 2 * k2, u)
            k4 = eq.rhs(t + h, y + h * k3, u)
            y = y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
            t += h
    return eq.observe(edges[-1], y, inputs[-1])


def test_an_independent_integrator_reproduces_the_run(whey):
    eq = myoflux.equations(whey)
    outputs = rk4(eq, step_h=20 / 3600)  # 20 s steps: RK4's error ~1e-9 here
    result = myoflux.run(whey, solver={"rtol": 1e-9})
    for name in ("plasma_leucine_umol_per_l", "insulin_pmol_per_l", "mps_rate", "csa_change_percent",
                 "cumulative_mps_g"):
        i = eq.output_names.index(name)
        assert outputs[i] == pytest.approx(result[name][-1], rel=1e-6, abs=1e-9), name


def test_summary_of_sampled_outputs_matches_the_run(whey):
    result = myoflux.run(whey)
    rows = summarize(result.time_h, np.asarray(result.values))
    by_name = {r[0]: r[1] for r in rows}
    assert by_name["csa_change_percent"] == pytest.approx(result.summary()["csa_change_percent"].value)


def test_bad_shapes_are_clear_errors(whey):
    eq = myoflux.equations(whey)
    with pytest.raises(ValueError, match="one value per state"):
        eq.rhs(0.0, np.zeros(3), eq.segment_inputs()[0])
    with pytest.raises(ValueError, match="input channel"):
        eq.rhs(0.0, eq.initial_state(), np.zeros(2))
