"""The model's equations as plain functions, for your own integrator.

``myoflux.run`` integrates in C++ and is what to use for results. This module is for those who
want to see the equations at work in another solver (SciPy, or one of their own)::

    import myoflux
    eq = myoflux.equations(myoflux.load_scenario(myoflux.scenario_path("hiit_4x4_brief.yaml")))
    y = eq.initial_state()                  # one value per state, eq.state_names
    u = eq.segment_inputs()[0]              # the inputs of the first segment, eq.input_names
    eq.rhs(0.0, y, u)                       # dy/dt, units per hour
    eq.jacobian(0.0, y, u)                  # exact (automatic differentiation), n x n
    times, outputs, info = eq.solve_ivp("LSODA", rtol=1e-6)   # SciPy, segment by segment

Time is in hours, states in the units of ``state_units``.
"""

import numpy as np

from myoflux import _core


class Equations:
    """The equations of one scenario's model (its subject and parameter overrides) and its
    schedule: breakpoints, the constant inputs of each segment and the doses at their starts."""

    def __init__(self, scenario):
        self._f = _core.model_functions(scenario._core)
        self.state_names = list(self._f.state_names)
        self.state_units = list(self._f.state_units)
        self.input_names = list(self._f.input_names)
        self.output_names = list(self._f.output_names)
        self.exact_jacobian = self._f.exact_jacobian

    def initial_state(self):
        """The rested, postabsorptive state at t = 0."""
        return self._f.initial_state()

    def rhs(self, t, y, inputs):
        """dy/dt at time t (h), state y and inputs (one value per input channel)."""
        return self._f.rhs(t, y, inputs)

    def jacobian(self, t, y, inputs):
        """J = d(dy/dt)/dy as a dense n x n array (exact when ``exact_jacobian``)."""
        return self._f.jacobian(t, y, inputs)

    def jacobian_sparsity(self):
        """Where J can be nonzero (bool, n x n): for solvers that take a sparsity pattern."""
        return self._f.jacobian_sparsity()

    def observe(self, t, y, inputs):
        """The model's outputs (``output_names``) at one state."""
        return self._f.observe(t, y, inputs)

    def breakpoints(self):
        """Segment edges (h): the inputs are constant between two of them."""
        return self._f.breakpoints()

    def segment_inputs(self):
        """The inputs of each segment (segments x input channels)."""
        return self._f.segment_inputs()

    def segment_doses(self):
        """For each segment, the (state index, amount) jumps applied at its start."""
        return self._f.segment_doses()

    def solve_ivp(self, method="LSODA", rtol=1e-6, atol=None, use_jacobian=True):
        """Integrates the scenario with ``scipy.integrate.solve_ivp``, segment by segment (as
        myoflux does: no step crosses an input edge), sampling the outputs on the scenario's
        output grid. ``atol`` defaults to rtol times each state's typical magnitude.

        Returns (times in h, outputs as samples x outputs, info) where info holds the totals of
        SciPy's counters: nfev, njev, nlu and the number of segments."""
        from scipy.integrate import solve_ivp

        if atol is None:
            atol = rtol * np.asarray(self._f.state_scales)
        edges = self.breakpoints()
        inputs = self.segment_inputs()
        doses = self.segment_doses()
        dt = self._f.output_interval_h
        grid = np.append(np.arange(0.0, edges[-1], dt), edges[-1])
        y = np.array(self.initial_state())
        times, outputs = [], []
        info = {"nfev": 0, "njev": 0, "nlu": 0, "segments": 0}
        for k in range(len(edges) - 1):
            t0, t1, u = edges[k], edges[k + 1], inputs[k]
            for state, amount in doses[k]:
                y[state] += amount
            inside = grid[(grid >= t0 - 1e-9) & (grid < t1 - 1e-9)]
            last = k == len(edges) - 2
            if last:
                inside = grid[grid >= t0 - 1e-9]
            jac = (lambda t, yy, u=u: self._f.jacobian(t, yy, u)) if use_jacobian else None
            kwargs = {"jac": jac} if (use_jacobian and method != "RK45") else {}
            sol = solve_ivp(lambda t, yy, u=u: self._f.rhs(t, yy, u), (t0, t1), y, method=method,
                            rtol=rtol, atol=atol, dense_output=True, **kwargs)
            if not sol.success:
                raise RuntimeError(f"solve_ivp failed in segment {k} at t = {t0} h: {sol.message}")
            for t in inside:
                state = y if abs(t - t0) < 1e-9 else sol.sol(t)
                times.append(t)
                outputs.append(self._f.observe(t, state, u))
            y = sol.y[:, -1].copy()
            info["nfev"] += sol.nfev
            info["njev"] += sol.njev
            info["nlu"] += sol.nlu
            info["segments"] += 1
        return np.array(times), np.array(outputs), info


def equations(scenario):
    """The equations of ``scenario``'s model (subject, parameter overrides) and its schedule."""
    return Equations(scenario)


def summarize(times, outputs):
    """The endpoint table (name, value, unit, note rows) of outputs sampled at ``times``, as
    ``Result.summary()`` computes it for a run."""
    return _core.summarize_outputs(np.asarray(times, dtype=float), np.asarray(outputs, dtype=float))
