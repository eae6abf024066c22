// The protein balance model as a System for the solver driver: const after construction (one
// subject, one parameter set), shareable across threads, with a pure, allocation-free
// right-hand side written once as a template over its scalar type (double for values, dual
// numbers for the exact Jacobian, a tracer for its sparsity). Equations: equations.hpp and
// docs/model.md.
#pragma once

#include <Eigen/Core>
#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "engine/scenario/channels.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/solver/system.hpp"
#include "models/protein_balance/outputs.hpp"
#include "models/protein_balance/parameters.hpp"
#include "models/protein_balance/states.hpp"

namespace myoflux::protein_balance {

/// Quantities fixed for a run, computed once from the subject and the parameters.
struct Derived {
  double body_mass_kg = 0.0;
  double leg_muscle_kg = 0.0;
  double muscle_protein_initial_g = 0.0;  // M0, myofibrillar protein of the legs
  double leg_dry_mass_kg = 0.0;
  double leucine_volume_l = 0.0;  // plasma leucine distribution volume
  double ic_leucine_per_g_protein =
      0.0;  // umol/L of muscle free leucine per g myofibrillar protein turned over
  std::array<double, kGutProteinCount> k_digest{};          // 1/h
  std::array<double, kGutProteinCount> leucine_fraction{};  // g/g
  double response = 1.0;  // anabolic response multiplier (training status)
  double damage_susceptibility = 1.0;
  double energy_at_vo2max_kcal_per_h = 0.0;
  double fat_oxidation_exponent = 0.0;  // puts the fat oxidation peak where the parameter says
  double lactate_threshold = 0.75;      // fraction of VO2max
  double trimp_a = 0.0, trimp_b = 0.0;
  double fsr_basal_per_h = 0.0, fbr_basal_per_h = 0.0;
  double anaerobic_capacity_reference = 1.0;  // capacity function at the initial glycogen
  double sweat_l_per_kcal = 0.0;  // sweat per kcal of exercise energy at the ambient temperature
  // Readings of the saturating sensors at the basal values, L_b/(L_b+K_L), I_b/(I_b+K_I) and
  // P_b/(P_b+K_tr): constants of a run, taken out of the right-hand side.
  double leucine_signal_basal = 0.0;
  double insulin_signal_basal = 0.0;
  double leucine_transport_basal = 0.0;
};

class ProteinBalanceModel {
 public:
  ProteinBalanceModel(const Subject& subject, const Parameters& parameters);

  // --- the System interface (engine/solver/system.hpp) ---
  static constexpr bool autonomous = true;
  static constexpr int state_count = kStateCount;
  std::span<const StateInfo> states() const { return state_table(); }
  std::span<const std::string_view> input_channels() const { return input_channel_names(); }
  std::span<const VariableInfo> observables() const { return output_table(); }
  /// dx/dt at state x (kStateCount values) under inputs u (channel order); equations.hpp.
  template <class T>
  void rhs(double t, const T* x, std::span<const double> u, T* dxdt) const;
  void observe(double t, const double* x, std::span<const double> u, std::span<double> row) const;
  DoseEffect dose_effect(std::string_view target) const;
  /// Inputs that between them take every branch of the right-hand side: at rest and during each
  /// kind of exercise (for tracing the Jacobian's sparsity).
  std::vector<std::vector<double>> probe_inputs() const;

  /// The rested, postabsorptive state at t = 0.
  Eigen::VectorXd initial_state() const;

  /// Intermediate fluxes shared by rhs() and observe().
  template <class T>
  struct Rates;

  /// Body water lost as a share of body mass (%), and the share of a session's work it leaves:
  ///   L = -100 W / BM,   f = max(1 - e max(L - L_0, 0), 0)
  template <class T>
  T body_mass_loss_percent(const T* x) const;
  template <class T>
  T work_factor(const T* x) const;
  /// Sweat during exercise at energy E (kcal/h): E (1 - eta) s(T_air) / lambda (L/h).
  double sweat_rate_l_per_h(double energy_kcal_per_h) const;
  /// Exercise energy expenditure E = i E_max while moving (0 at rest), kcal/h.
  double exercise_energy_kcal_per_h(Modality modality, double intensity) const {
    return modality != Modality::rest && intensity > 0.0
               ? intensity * d_.energy_at_vo2max_kcal_per_h
               : 0.0;
  }

  const Parameters& parameters() const { return p_; }
  const Derived& derived() const { return d_; }
  const Subject& subject() const { return subject_; }

 private:
  template <class T>
  Rates<T> rates(const T* x, std::span<const double> u) const;

  Subject subject_;
  Parameters p_;
  Derived d_;
};

}  // namespace myoflux::protein_balance

#include "models/protein_balance/equations.hpp"  // the templates' definitions
