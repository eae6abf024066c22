// Set-up and outputs of the protein balance model: quantities derived once from the subject and
// the parameters, the initial state, doses and the observables. The right-hand side is in
// equations.hpp. Time in h, masses in g, concentrations in umol/L (insulin pmol/L).
#include "models/protein_balance/model.hpp"

#include <algorithm>
#include <cmath>

#include "engine/error.hpp"

namespace myoflux::protein_balance {

static_assert(kGutLeucineOffsetCount == kFoodClassCount,
              "one gut leucine offset per food class of the scenario language");

namespace {

/// Solves i_end (p + 1)^(-1/p) = i_peak for p by bisection (the left side rises with p).
double fat_exponent(double i_peak, double i_end) {
  const double target = i_peak / i_end;
  double lo = 0.01, hi = 100.0;
  // 64 halvings of [0.01, 100] reach the spacing of doubles near the root.
  for (int it = 0; it < 64; ++it) {
    const double mid = 0.5 * (lo + hi);
    (std::pow(mid + 1.0, -1.0 / mid) < target ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

ProteinBalanceModel::ProteinBalanceModel(const Subject& subject, const Parameters& parameters)
    : subject_(subject), p_(parameters) {
  const Parameters& p = p_;
  d_.body_mass_kg = subject.body_mass_kg;
  d_.leg_muscle_kg = subject.body_mass_kg * subject.muscle_mass_fraction * p.leg_muscle_share;
  d_.muscle_protein_initial_g =
      d_.leg_muscle_kg * 1000.0 * p.muscle_protein_fraction * p.myofibrillar_share;
  d_.leg_dry_mass_kg = d_.leg_muscle_kg * p.muscle_dry_fraction;
  d_.leucine_volume_l = p.leucine_volume_l_per_kg * subject.body_mass_kg;
  // Turning over 1 g of myofibrillar protein turns over 1/share g of all muscle protein (same FSR
  // assumed), which holds leucine_fraction of leucine, dissolved in the muscle water.
  d_.ic_leucine_per_g_protein = p.muscle_protein_leucine_fraction / p.myofibrillar_share *
                                constants::kLeucineUmolPerG /
                                (d_.leg_muscle_kg * p.muscle_water_l_per_kg);
  d_.k_digest = {p.k_digest_whey_per_h,   p.k_digest_casein_per_h,     p.k_digest_soy_per_h,
                 p.k_digest_egg_per_h,    p.k_digest_mixed_meal_per_h, p.k_digest_eaa_per_h,
                 p.k_digest_leucine_per_h};
  d_.leucine_fraction = {p.leucine_fraction_whey,
                         p.leucine_fraction_casein,
                         p.leucine_fraction_soy,
                         p.leucine_fraction_egg,
                         p.leucine_fraction_mixed_meal,
                         p.leucine_fraction_eaa,
                         1.0 /* free leucine is all leucine */};
  switch (subject.training_status) {
    case TrainingStatus::untrained:
      d_.response = p.response_untrained;
      d_.damage_susceptibility = p.damage_susceptibility_untrained;
      break;
    case TrainingStatus::recreational:
      d_.response = 1.0;  // the reference group of the calibration (Estes 2017)
      d_.damage_susceptibility = 1.0;
      break;
    case TrainingStatus::trained:
      d_.response = p.response_trained;
      d_.damage_susceptibility = p.damage_susceptibility_trained;
      break;
  }
  // Energy expenditure at VO2max: VO2max [mL/kg/min] x body mass x 60 min/h / 1000 mL/L x kcal/L.
  d_.energy_at_vo2max_kcal_per_h = subject.vo2max_ml_per_kg_min * subject.body_mass_kg * 60.0 /
                                   1000.0 * p.energy_per_litre_oxygen_kcal;
  d_.fat_oxidation_exponent =
      fat_exponent(p.fat_oxidation_peak_intensity, p.fat_oxidation_end_intensity);
  d_.lactate_threshold = subject.lactate_threshold_fraction;
  const bool male = subject.sex == Sex::male;
  d_.trimp_a = male ? p.trimp_a_men : p.trimp_a_women;
  d_.trimp_b = male ? p.trimp_b_men : p.trimp_b_women;
  d_.fsr_basal_per_h = p.fsr_basal_percent_per_h / 100.0;
  d_.fbr_basal_per_h = p.fbr_basal_percent_per_h / 100.0;
  d_.anaerobic_capacity_reference = scalar::saturating(p.glycogen_initial_mmol_per_kg_dw,
                                                       p.anaerobic_capacity_half_mmol_per_kg_dw);
  const double evaporative_share =
      std::clamp(p.evaporative_share_temperate +
                     p.evaporative_share_per_degc * (p.ambient_temperature_degc - 20.0),
                 0.0, 1.0);
  d_.leucine_signal_basal = scalar::saturating(p.intracellular_leucine_basal_umol_per_l,
                                                p.signal_leucine_half_umol_per_l);
  d_.insulin_signal_basal =
      scalar::saturating(p.insulin_basal_pmol_per_l, p.signal_insulin_half_pmol_per_l);
  d_.leucine_transport_basal = scalar::saturating(p.plasma_leucine_basal_umol_per_l,
                                                   p.leucine_transport_half_saturation_umol_per_l);
  d_.sweat_l_per_kcal =
      (1.0 - p.mechanical_efficiency) * evaporative_share / p.sweat_latent_heat_kcal_per_l;
  if (!(d_.leg_muscle_kg > 0.0))
    throw InputError("the subject's body mass and muscle mass fraction must be positive");
}

double ProteinBalanceModel::sweat_rate_l_per_h(double energy_kcal_per_h) const {
  return energy_kcal_per_h * d_.sweat_l_per_kcal;
}

Eigen::VectorXd ProteinBalanceModel::initial_state() const {
  Eigen::VectorXd x = Eigen::VectorXd::Zero(kStateCount);
  x[plasma_leucine] = p_.plasma_leucine_basal_umol_per_l;
  x[insulin] = p_.insulin_basal_pmol_per_l;
  x[intracellular_leucine] = p_.intracellular_leucine_basal_umol_per_l;
  x[anabolic_signal] = 1.0;
  x[nutritional_adaptation] = p_.habitual_nutritional_surplus_percent_per_h / 100.0;
  x[myostatin] = 1.0;
  x[glycogen] = p_.glycogen_initial_mmol_per_kg_dw;
  x[ck] = p_.ck_basal_u_per_l;
  x[lactate] = p_.lactate_basal_mmol_per_l;
  x[muscle_protein] = d_.muscle_protein_initial_g;
  x[anabolic_recovery] = 1.0;
  return x;
}

DoseEffect ProteinBalanceModel::dose_effect(std::string_view target) const {
  const auto& targets = dose_targets();
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (targets[i].name != target) continue;
    if (static_cast<int>(i) < kGutProteinCount) return {gut_whey + static_cast<int>(i), 1.0};
    if (static_cast<int>(i) == dose::carbohydrate) return {gut_carbohydrate, 1.0};
    if (static_cast<int>(i) == dose::fat) return {gut_fat, 1.0};
    if (static_cast<int>(i) == dose::fluid) return {gut_fluid, 1.0};
    // Food protein: its own leucine goes into the class's offset, and the class's leucine
    // fraction of the same protein comes out of it (the protein itself is dosed on protein_<c>).
    const int food_leucine = static_cast<int>(i) - dose::food_leucine_first;
    if (food_leucine >= 0 && food_leucine < kFoodClassCount)
      return {gut_leucine_offset_whey + food_leucine, 1.0};
    const int food_protein = static_cast<int>(i) - dose::food_protein_first;
    if (food_protein >= 0 && food_protein < kFoodClassCount)
      return {gut_leucine_offset_whey + food_protein,
              -d_.leucine_fraction[static_cast<std::size_t>(food_protein)]};
  }
  throw InputError("the protein balance model has no dose target '" + std::string(target) + "'");
}

std::vector<std::vector<double>> ProteinBalanceModel::probe_inputs() const {
  std::vector<std::vector<double>> probes;
  for (Modality m : {Modality::rest, Modality::walking, Modality::running, Modality::cycling,
                     Modality::resistance}) {
    std::vector<double> u(channel::count, 0.0);
    u[channel::modality] = static_cast<double>(m);
    if (m != Modality::rest) {
      u[channel::exercise_intensity] = 0.8;
      u[channel::running_speed] = 10.0;
      u[channel::eccentric_factor] = 1.0;
      u[channel::resistance_load] = m == Modality::resistance ? 0.75 : 0.0;
    }
    u[channel::leucine_infusion] = 1.0;
    u[channel::fluid_intake] = 0.5;
    u[channel::drinking_to_thirst] = 1.0;
    probes.push_back(u);
  }
  return probes;
}

void ProteinBalanceModel::observe(double /*t*/, const double* x, std::span<const double> u,
                                  std::span<double> y) const {
  using namespace constants;
  const Rates<double> r = rates(x, u);
  const double m = x[muscle_protein];
  y[out_mps_rate] = r.mps;
  y[out_mpb_rate] = r.mpb;
  y[out_net_balance] = r.mps - r.mpb;
  y[out_fsr_percent_per_h] = 100.0 * r.mps / m;
  y[out_fbr_percent_per_h] = 100.0 * r.mpb / m;
  y[out_muscle_protein_g] = m;
  y[out_csa_change_percent] = 100.0 * (m / d_.muscle_protein_initial_g - 1.0);
  y[out_plasma_leucine] = x[plasma_leucine];
  y[out_intracellular_leucine] = x[intracellular_leucine];
  y[out_insulin] = x[insulin];
  y[out_ck] = x[ck];
  y[out_damage] = x[damage];
  y[out_glycogen] = x[glycogen];
  y[out_lactate] = x[lactate];
  y[out_anaerobic_capacity] = r.anaerobic_capacity;
  y[out_fitness] = x[fitness];
  y[out_fatigue] = x[fatigue];
  y[out_readiness] = x[fitness] - p_.readiness_fatigue_weight * x[fatigue];
  y[out_p70s6k_fold] = x[anabolic_signal];
  y[out_mps_fold] = r.mps_fold;
  y[out_refractory] = x[refractory];
  y[out_anabolic_drive] = r.drive;
  y[out_nutritional_adaptation] = 100.0 * x[nutritional_adaptation];
  y[out_exercise_sensitisation] = r.sensitisation;
  y[out_catabolic_drive] = x[catabolic_drive];
  y[out_myostatin] = x[myostatin];
  y[out_exercise_intensity] = u[channel::exercise_intensity];
  y[out_fat_oxidation] = r.fat_share * r.energy_kcal_per_h / kKcalPerGFat;
  y[out_carbohydrate_oxidation] = (1.0 - r.fat_share) * r.energy_kcal_per_h / kKcalPerGCarbohydrate;
  y[out_cumulative_mps] = x[cumulative_mps];
  y[out_cumulative_mpb] = x[cumulative_mpb];
  double gut = 0.0;
  for (int i = 0; i < kGutProteinCount; ++i) gut += x[gut_whey + i];
  y[out_gut_protein] = gut;
  y[out_body_mass_loss_percent] = body_mass_loss_percent(x);
  y[out_work_factor] = work_factor(x);
  y[out_sweat_rate] = sweat_rate_l_per_h(r.energy_kcal_per_h);
}

}  // namespace myoflux::protein_balance
