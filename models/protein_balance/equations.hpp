// The right-hand side of the protein balance model, written once as a template over the scalar
// type T of the states: double for values, Dual<N> for the exact Jacobian, DependencyTracer for its
// sparsity (engine/solver/autodiff.hpp). Inputs and parameters are plain doubles. Time in h,
// masses in g, concentrations in umol/L (insulin pmol/L), intensity as a fraction of VO2max.
// Every equation is written above the code that computes it; docs/model.md shows the same set.
// Included by model.hpp.
#pragma once

#include <array>
#include <cmath>
#include <span>

#include "engine/solver/autodiff.hpp"

namespace myoflux::protein_balance {

namespace constants {
inline constexpr double kLeucineUmolPerG = 1e6 / 131.17;  // leucine molar mass 131.17 g/mol
inline constexpr double kGlucoseMmolPerG = 1e3 / 180.16;  // glucose molar mass 180.16 g/mol
// Energy of glycogen: ~4.2 kcal per g of glucosyl units (162.14 g/mol), i.e. 0.68 kcal per mmol.
inline constexpr double kGlycogenKcalPerMmol = 4.2 * 0.16214;
inline constexpr double kKcalPerGFat = 9.0;           // Atwater factor
inline constexpr double kKcalPerGCarbohydrate = 4.0;  // Atwater factor
inline constexpr double kHoursPerDay = 24.0;
}  // namespace constants

namespace detail {

/// Hill function x^n / (x^n + k^n), for x >= 0 (applied to inputs: intensity, load).
inline double hill(double x, double k, double n) {
  const double xn = std::pow(x > 0.0 ? x : 0.0, n);
  return xn / (xn + std::pow(k, n));
}

/// Share of exercise energy from fat: f(i) = f_rest (1 - (i / i_end)^p) below i_end, 0 above.
/// Fat oxidation i f(i) then peaks at i_peak = i_end (p + 1)^(-1/p) (Achten 2002) and ends at
/// i_end.
inline double fat_share(double i, double f_rest, double i_end, double p) {
  if (i >= i_end) return 0.0;
  return f_rest * (1.0 - std::pow(i / i_end, p));
}

inline bool is_aerobic(Modality m) {
  return m == Modality::walking || m == Modality::running || m == Modality::cycling;
}

}  // namespace detail

template <class T>
struct ProteinBalanceModel::Rates {
  T gastric_factor;      // slowing of digestion by fat in the gut
  T protein_appearance;  // g protein/h leaving the gut pools
  T leucine_appearance;  // g leucine/h leaving the gut pools
  std::array<T, kGutProteinCount> protein_flow;             // g/h out of each gut protein pool
  std::array<T, kGutLeucineOffsetCount> leucine_offset_flow;  // g/h out of each leucine offset
  T carbohydrate_appearance;
  T sensitisation;                 // weighted exercise sensitisation
  T drive;                         // anabolic drive of leucine and insulin
  T insulin_effect;                // dI / (dI + K_I), dI = max(I - I_b, 0): 0 at rest, 1 saturated
  T mps_fold, mpb_fold;            // relative to the basal rates
  T mps, mpb;                      // g myofibrillar protein/h
  T basal_net;                     // MPS - MPB of the rested, fasted muscle at its current size
  double energy_kcal_per_h = 0.0;  // exercise energy expenditure
  double fat_share = 0.0;          // share of that energy from fat
  T anaerobic_capacity;            // relative to t = 0
};

template <class T>
ProteinBalanceModel::Rates<T> ProteinBalanceModel::rates(const T* x,
                                                         std::span<const double> u) const {
  using namespace myoflux::scalar;
  const Parameters& p = p_;
  Rates<T> r{};

  // Gastric emptying slows with fat in the gut: phi = 1 / (1 + F / F_half).
  r.gastric_factor = 1.0 / (1.0 + x[gut_fat] / p.fat_halving_gastric_emptying_g);
  // Protein and leucine leaving the gut: sum over types of k_type phi G_type (x leucine fraction),
  // plus, for food protein, the food's own leucine in place of its class's: k_c phi O_c.
  for (int i = 0; i < kGutProteinCount; ++i) {
    const auto k = static_cast<std::size_t>(i);
    r.protein_flow[k] = d_.k_digest[k] * r.gastric_factor * x[gut_whey + i];
    r.protein_appearance += r.protein_flow[k];
    r.leucine_appearance += r.protein_flow[k] * d_.leucine_fraction[k];
  }
  for (int i = 0; i < kGutLeucineOffsetCount; ++i) {
    const auto k = static_cast<std::size_t>(i);
    r.leucine_offset_flow[k] = d_.k_digest[k] * r.gastric_factor * x[gut_leucine_offset_whey + i];
    r.leucine_appearance += r.leucine_offset_flow[k];
  }
  r.carbohydrate_appearance =
      p.k_digest_carbohydrate_per_h * r.gastric_factor * x[gut_carbohydrate];

  // Exercise sensitisation seen by synthesis: X = s X1 + (1 - s) X2.
  r.sensitisation = p.sensitisation_fast_share * x[sensitisation_fast] +
                    (1.0 - p.sensitisation_fast_share) * x[sensitisation_slow];

  // Anabolic drive: rise of a saturating leucine sensor above its basal reading, plus insulin:
  //   D = [L/(L+K_L) - L_b/(L_b+K_L)] + w_I [I/(I+K_I) - I_b/(I_b+K_I)]
  // (the basal readings are constants of the run, in d_)
  r.drive =
      saturating(x[intracellular_leucine], p.signal_leucine_half_umol_per_l) -
      d_.leucine_signal_basal +
      p.signal_insulin_weight *
          (saturating(x[insulin], p.signal_insulin_half_pmol_per_l) - d_.insulin_signal_basal);

  // Insulin's anti-proteolytic effect (Greenhaff 2008), shared by muscle and whole-body breakdown.
  r.insulin_effect =
      saturating(positive(x[insulin] - p.insulin_basal_pmol_per_l), p.insulin_mpb_half_pmol_per_l);

  // Synthesis: MPS = fsr_b M (1 + g (S - 1)) (1 + e_X X) (1 + e_Y (1 - Y)) / (1 + b_D D)
  r.mps_fold = (1.0 + p.mps_per_signal * (x[anabolic_signal] - 1.0)) *
               (1.0 + p.sensitisation_mps * r.sensitisation) *
               (1.0 + p.myostatin_mps * (1.0 - x[myostatin])) /
               (1.0 + p.damage_mps_blunting * x[damage]);
  // Breakdown: MPB = fbr_b M (1 - s_I dI/(dI + K_I)) (1 + e_C C) (1 + e_D D) (M/M0)^h
  //                   + f (N - N_hab) M
  // with dI = max(I - I_b, 0): insulin is anti-proteolytic (Greenhaff 2008); the last term is the
  // adaptation to the recent diet (Millward 2003): breakdown cancels a fraction f of the change in
  // the nutritional surplus N (see its equation) since the habitual diet.
  const T relative_mass = x[muscle_protein] / d_.muscle_protein_initial_g;
  // (M/M0)^h: the default h = 1 avoids a pow() on every evaluation.
  const T set_point_term =
      p.homeostasis_exponent == 1.0 ? relative_mass : pow(relative_mass, p.homeostasis_exponent);
  r.mpb_fold = (1.0 - p.insulin_mpb_suppression_max * r.insulin_effect) *
               (1.0 + p.catabolic_mpb * x[catabolic_drive]) * (1.0 + p.damage_mpb * x[damage]) *
               set_point_term;
  r.mps = d_.fsr_basal_per_h * r.mps_fold * x[muscle_protein];
  r.mpb = (d_.fbr_basal_per_h * r.mpb_fold +
           p.nutritional_adaptation_fraction *
               (x[nutritional_adaptation] - p.habitual_nutritional_surplus_percent_per_h / 100.0)) *
          x[muscle_protein];
  r.basal_net = (d_.fsr_basal_per_h - d_.fbr_basal_per_h * set_point_term) * x[muscle_protein];

  // Exercise energy: E = i E_max while moving (E_max = energy at VO2max), fat share f(i).
  const auto modality = static_cast<Modality>(static_cast<int>(u[channel::modality]));
  const double intensity = u[channel::exercise_intensity];
  const bool exercising = modality != Modality::rest && intensity > 0.0;
  r.energy_kcal_per_h = exercise_energy_kcal_per_h(modality, intensity);
  r.fat_share = exercising
                    ? detail::fat_share(intensity, p.fat_fraction_at_rest,
                                        p.fat_oxidation_end_intensity, d_.fat_oxidation_exponent)
                    : p.fat_fraction_at_rest;
  // Anaerobic capacity: G/(G + K_ac), relative to its value at the initial glycogen.
  r.anaerobic_capacity = saturating(x[glycogen], p.anaerobic_capacity_half_mmol_per_kg_dw) /
                         d_.anaerobic_capacity_reference;
  return r;
}

template <class T>
T ProteinBalanceModel::body_mass_loss_percent(const T* x) const {
  // 0 - ...: no body water change reads 0, not -0.
  return 0.0 - 100.0 * x[body_water_change] / d_.body_mass_kg;
}

template <class T>
T ProteinBalanceModel::work_factor(const T* x) const {
  using namespace myoflux::scalar;
  return positive(1.0 - p_.dehydration_work_penalty_per_percent *
                            positive(body_mass_loss_percent(x) - p_.dehydration_threshold_percent));
}

template <class T>
void ProteinBalanceModel::rhs(double /*t*/, const T* x, std::span<const double> u, T* dxdt) const {
  using namespace myoflux::scalar;
  using namespace constants;
  const Parameters& p = p_;
  const Derived& d = d_;
  const Rates<T> r = rates(x, u);
  const auto modality = static_cast<Modality>(static_cast<int>(u[channel::modality]));
  const double intensity = u[channel::exercise_intensity];
  const double load = u[channel::resistance_load];
  const double speed = u[channel::running_speed];
  const double eccentric = u[channel::eccentric_factor];
  const bool exercising = r.energy_kcal_per_h > 0.0;
  // Dehydration past the threshold cuts the work a session delivers, and with it the exercise
  // stimulus, catabolic drive, eccentric load, glycogen use and lactate production (f = 1 below
  // the threshold, so shorter or well-fed sessions are unaffected).
  const T work = work_factor(x);

  // Gut pools, one per protein type and one for carbohydrate, and fat:
  //   dG_type/dt = -k_type phi G_type,   dF/dt = -k_F F
  for (int i = 0; i < kGutProteinCount; ++i)
    dxdt[gut_whey + i] = -r.protein_flow[static_cast<std::size_t>(i)];
  // Leucine offsets of food protein empty with their class (a dose of food f, protein P, sets
  // O_c += P (l_f - l_c), so G_c l_c + O_c = the food's leucine still in the gut):
  //   dO_c/dt = -k_c phi O_c
  for (int i = 0; i < kGutLeucineOffsetCount; ++i)
    dxdt[gut_leucine_offset_whey + i] = -r.leucine_offset_flow[static_cast<std::size_t>(i)];
  dxdt[gut_carbohydrate] = -r.carbohydrate_appearance;
  dxdt[gut_fat] = -p.k_digest_fat_per_h * x[gut_fat];

  // Plasma leucine: absorbed and infused leucine enters its distribution volume V; clearance
  // toward a set point lowered by insulin (less whole-body proteolysis), saturable when high:
  //   P* = P_b (1 - s_PI dI/(dI + K_I)),   e = P - P*
  //   dP/dt = [(1 - f_spl) Ra_gut + Ra_iv] / V - k_P e / sqrt(1 + (e/K_sat)^2)
  const T leucine_in_umol_per_h = ((1.0 - p.splanchnic_leucine_extraction) * r.leucine_appearance +
                                   u[channel::leucine_infusion]) *
                                  kLeucineUmolPerG;
  const T plasma_set_point = p.plasma_leucine_basal_umol_per_l *
                             (1.0 - p.insulin_plasma_leucine_suppression * r.insulin_effect);
  const T excess = x[plasma_leucine] - plasma_set_point;
  const T relative_excess = excess / p.leucine_clearance_saturation_umol_per_l;
  dxdt[plasma_leucine] =
      leucine_in_umol_per_h / d.leucine_volume_l -
      p.k_plasma_leucine_clearance_per_h * excess / sqrt(1.0 + relative_excess * relative_excess);

  // Insulin follows its secretion drive:
  //   dI/dt = k_I (I_b + s_C Ra_CHO + s_P Ra_protein - I)
  dxdt[insulin] =
      p.k_insulin_per_h *
      (p.insulin_basal_pmol_per_l +
       p.insulin_per_carbohydrate_pmol_per_l_per_g_per_h * r.carbohydrate_appearance +
       p.insulin_per_protein_pmol_per_l_per_g_per_h * r.protein_appearance - x[insulin]);

  // Muscle free leucine: saturable inward transport sets its target; protein turnover shifts it
  // by its departure from the postabsorptive net release (which the basal transport balances, so
  // that L = L_b is the rested, fasted state):
  //   dL/dt = k_tr (L_b h(P)/h(P_b) - L) - c [(MPS - MPB) - (MPS - MPB)_basal]
  //   h(P) = P/(P + K_tr)
  const T transport_target =
      p.intracellular_leucine_basal_umol_per_l *
      saturating(x[plasma_leucine], p.leucine_transport_half_saturation_umol_per_l) /
      d.leucine_transport_basal;
  dxdt[intracellular_leucine] =
      p.k_leucine_transport_per_h * (transport_target - x[intracellular_leucine]) -
      d.ic_leucine_per_g_protein * ((r.mps - r.mpb) - r.basal_net);

  // Anabolic signal, and the 'muscle full' refractory state built by the drive with a delay of
  // about an hour (so synthesis can peak before the muscle turns refractory):
  //   dS/dt = k_S (1 + A D (1 - R) (1 + e_S X) - S)
  //   dZ/dt = k_z (D - Z)
  //   dR/dt = k_on max(Z, 0) (1 - R) / (1 + e_R X) - k_off R
  const T responsiveness = 1.0 - x[refractory];
  dxdt[anabolic_signal] = p.k_signal_per_h * (1.0 +
                                              p.signal_gain * r.drive * responsiveness *
                                                  (1.0 + p.sensitisation_signal * r.sensitisation) -
                                              x[anabolic_signal]);
  dxdt[refractory_drive] = p.k_refractory_delay_per_h * (r.drive - x[refractory_drive]);
  dxdt[refractory] = p.k_refractory_on_per_h * positive(x[refractory_drive]) * responsiveness /
                         (1.0 + p.sensitisation_refractory * r.sensitisation) -
                     p.k_refractory_off_per_h * x[refractory];

  // Adaptation to the diet: N (1/h) follows, over about a week, the net surplus that feeding
  // alone creates: synthesis its signal would drive without exercise, plus insulin's cut of
  // breakdown:
  //   dN/dt = k_N (fsr_b g A max(D, 0) (1 - R) + fbr_b s_I dI/(dI + K_I) - N)
  const T nutritional_surplus =
      d.fsr_basal_per_h * p.mps_per_signal * p.signal_gain * positive(r.drive) * responsiveness +
      d.fbr_basal_per_h * p.insulin_mpb_suppression_max * r.insulin_effect;
  dxdt[nutritional_adaptation] =
      p.k_nutritional_adaptation_per_h * (nutritional_surplus - x[nutritional_adaptation]);

  // Exercise sensitisation: during exercise X1 rises toward the stimulus T, then both stages decay:
  //   dX1/dt = k_on max(T - X1, 0) - k_X X1,   dX2/dt = k_X (X1 - X2)
  //   T = V T0,   T0 = response x w_modality x hill(intensity or load)
  T stimulus{};
  if (modality == Modality::resistance && load > 0.0) {
    stimulus = p.sensitisation_weight_resistance *
               detail::hill(load, p.sensitisation_load_half, p.sensitisation_hill);
  } else if (detail::is_aerobic(modality)) {
    const double weight = modality == Modality::running   ? p.sensitisation_weight_running
                          : modality == Modality::cycling ? p.sensitisation_weight_cycling
                                                          : p.sensitisation_weight_walking;
    stimulus =
        weight * detail::hill(intensity, p.sensitisation_intensity_half, p.sensitisation_hill);
  }
  stimulus *= d.response * work;
  // Anabolic recovery V (training frequency): while the muscle still answers the last session
  // (its late sensitisation X2, about a day) V is used up, and it returns over tau_V; a session
  // that comes before the muscle has recovered raises less, so that with sessions crowding
  // together the weekly stimulus levels off (Schoenfeld 2019, Pelland 2024). X2 barely rises
  // during a session, so a session is not cut short by its own stimulus:
  //   dV/dt = (1 - V) / tau_V - u_V X2 V
  dxdt[anabolic_recovery] =
      (1.0 - x[anabolic_recovery]) / p.tau_anabolic_recovery_h -
      p.anabolic_recovery_use_per_h * x[sensitisation_slow] * x[anabolic_recovery];
  stimulus *= x[anabolic_recovery];
  // A few short resistance sets saturate the signal (Burd 2010: 3 sets > 1 set), so lifting
  // drives it faster than continuous exercise.
  const double onset = modality == Modality::resistance ? p.k_sensitisation_on_resistance_per_h
                                                        : p.k_sensitisation_on_per_h;
  dxdt[sensitisation_fast] = onset * positive(stimulus - x[sensitisation_fast]) -
                             p.k_sensitisation_decay_per_h * x[sensitisation_fast];
  dxdt[sensitisation_slow] =
      p.k_sensitisation_decay_per_h * (x[sensitisation_fast] - x[sensitisation_slow]);

  // Catabolic drive: produced during exercise (aerobic: c i^2; resistance: c_R while lifting),
  //   dC/dt = production - k_C C
  T catabolic_in{};
  if (modality == Modality::resistance && load > 0.0)
    catabolic_in = p.catabolic_resistance_per_h;
  else if (detail::is_aerobic(modality))
    catabolic_in = p.catabolic_per_h_at_vo2max * intensity * intensity;
  dxdt[catabolic_drive] = catabolic_in * work - p.k_catabolic_decay_per_h * x[catabolic_drive];

  // Myostatin, suppressed by the early exercise signal:
  //   dY/dt = k_Y (1 - Y) - s_Y X1 Y
  dxdt[myostatin] = p.k_myostatin_recovery_per_h * (1.0 - x[myostatin]) -
                    p.myostatin_suppression_per_h * x[sensitisation_fast] * x[myostatin];

  // Glycogen (mmol/kg dw):
  //   synthesis = (u Ra_CHO [mmol/h] / dw + g_GNG) (1 - Gly/Gly_max)
  //   exercise use = (1 - f_fat) E s_gly / (kcal per mmol) / dw x Gly_a / (Gly_a + K_use)
  //   Gly_a = max(Gly - Gly_floor, 0): what exercise can draw on (biopsies never find it empty)
  //   dGly/dt = synthesis - exercise use - k_rest Gly
  const T room = 1.0 - x[glycogen] / p.glycogen_max_mmol_per_kg_dw;
  const T synthesis = (p.glycogen_uptake_fraction * r.carbohydrate_appearance * kGlucoseMmolPerG /
                           d.leg_dry_mass_kg +
                       p.glycogen_gluconeogenesis_mmol_per_kg_dw_per_h) *
                      room;
  const T exercise_use = work * (1.0 - r.fat_share) * r.energy_kcal_per_h *
                         p.muscle_glycogen_share_of_carbohydrate / kGlycogenKcalPerMmol /
                         d.leg_dry_mass_kg *
                         saturating(positive(x[glycogen] - p.glycogen_floor_mmol_per_kg_dw),
                                    p.glycogen_use_half_mmol_per_kg_dw);
  dxdt[glycogen] = synthesis - exercise_use - p.k_glycogen_rest_per_h * x[glycogen];

  // Damage: eccentric load (km/h running or walking at eccentric factor e; resistance sets),
  // growing as glycogen runs out, repaired over days:
  //   dD/dt = sigma (1 - Q) (k_km e v + k_R e [lifting]) (1 + a (1 - Gly/Gly_max)^2) - k_rep D
  double eccentric_load = 0.0;
  if (modality == Modality::running || modality == Modality::walking)
    eccentric_load = p.damage_per_km * eccentric * speed;
  else if (modality == Modality::resistance && load > 0.0)
    eccentric_load = p.damage_resistance_per_h * eccentric;
  const T empty = 1.0 - x[glycogen] / p.glycogen_max_mmol_per_kg_dw;
  dxdt[damage] = d.damage_susceptibility * (1.0 - x[damage_protection]) * eccentric_load * work *
                     (1.0 + p.damage_low_glycogen_gain * empty * empty) -
                 p.k_repair_per_h * x[damage];
  // Repeated-bout effect: damage builds protection that fades over weeks,
  //   dQ/dt = g_rb D (1 - Q) - k_rb Q
  dxdt[damage_protection] = p.repeated_bout_gain_per_h * x[damage] * (1.0 - x[damage_protection]) -
                            p.k_repeated_bout_decay_per_h * x[damage_protection];
  // CK leaks from damaged fibres and is cleared:
  //   dCK/dt = r_CK D - k_CK (CK - CK_b)
  dxdt[ck] = p.ck_release_u_per_l_per_h * x[damage] -
             p.k_ck_clearance_per_h * (x[ck] - p.ck_basal_u_per_l);

  // Lactate: produced above the lactate threshold (scaled by anaerobic capacity), cleared faster
  // when moving below it (active recovery):
  //   dLa/dt = p_La max(i - LT, 0) A - k_La (1 + g min(i, LT)/LT) (La - La_b)
  const double above_threshold = exercising ? positive(intensity - d.lactate_threshold) : 0.0;
  const double activity =
      exercising ? smaller(intensity, d.lactate_threshold) / d.lactate_threshold : 0.0;
  dxdt[lactate] =
      p.lactate_production_mmol_per_l_per_h * above_threshold * r.anaerobic_capacity * work -
      p.k_lactate_clearance_per_h * (1.0 + p.active_recovery_clearance_gain * activity) *
          (x[lactate] - p.lactate_basal_mmol_per_l);

  // Training load (Banister): impulse w = 60 min/h x i x a e^{b i} (TRIMP with %HRR ~ %VO2max),
  //   dFitness/dt = w - Fitness / tau_fit,   dFatigue/dt = w - Fatigue / tau_fat
  const double impulse =
      exercising ? 60.0 * intensity * d.trimp_a * std::exp(d.trimp_b * intensity) : 0.0;
  dxdt[fitness] = impulse - x[fitness] / (p.tau_fitness_days * kHoursPerDay);
  dxdt[fatigue] = impulse - x[fatigue] / (p.tau_fatigue_days * kHoursPerDay);

  // Myofibrillar protein, and the two fluxes integrated on their own:
  //   dM/dt = MPS - MPB
  dxdt[muscle_protein] = r.mps - r.mpb;
  dxdt[cumulative_mps] = r.mps;
  dxdt[cumulative_mpb] = r.mpb;

  // Fluid: drinks (doses, and a steady rate u_w while drinking during a session) empty and are
  // absorbed first-order; exercise sweats out heat,
  //   sweat = E (1 - eta) s(T_air) / lambda,  s(T_air) = clamp(s_20 + s' (T_air - 20), 0, 1);
  // at rest the kidneys pass a surplus and, unless the diet sets the fluids (thirst = 0),
  // drinking to thirst makes up a deficit:
  //   dG_w/dt = u_w - k_w G_w
  //   dW/dt = k_w G_w - sweat                                          while exercising
  //   dW/dt = k_w G_w - max(W, 0) / tau_renal + thirst max(-W, 0) / tau_thirst   at rest
  const T absorbed = p.k_fluid_absorption_per_h * x[gut_fluid];
  dxdt[gut_fluid] = u[channel::fluid_intake] - absorbed;
  if (exercising)
    dxdt[body_water_change] = absorbed - sweat_rate_l_per_h(r.energy_kcal_per_h);
  else
    dxdt[body_water_change] = absorbed - positive(x[body_water_change]) / p.tau_renal_excess_h +
                              u[channel::drinking_to_thirst] * positive(-x[body_water_change]) /
                                  p.tau_rehydration_at_rest_h;
}

}  // namespace myoflux::protein_balance
