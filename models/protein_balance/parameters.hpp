// Every parameter of the protein balance model: a plain struct with in-class defaults, and one
// `visit` that gives each field its name, unit, valid range and source. The parameter table,
// `myoflux params`, the Python DataFrame, HDF5 files and docs/model.md are all generated from it.
// Values marked "fitted" come from models/protein_balance/calibration (see its fit_report.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/model_adapter.hpp"

namespace myoflux::protein_balance {

struct Parameters {
  // --- body composition ---
  double leg_muscle_share = 0.55;
  double muscle_protein_fraction = 0.20;
  double myofibrillar_share = 0.55;
  double muscle_dry_fraction = 0.24;
  double muscle_water_l_per_kg = 0.70;
  double muscle_protein_leucine_fraction = 0.08;

  // --- digestion and absorption ---
  double k_digest_whey_per_h = 1.991;
  double k_digest_casein_per_h = 0.35;
  double k_digest_soy_per_h = 1.2;
  double k_digest_egg_per_h = 1.491;
  double k_digest_mixed_meal_per_h = 1.118;
  double k_digest_eaa_per_h = 3.269;
  double k_digest_leucine_per_h = 6.505;
  double k_digest_carbohydrate_per_h = 1.5;
  double k_digest_fat_per_h = 0.5;
  double fat_halving_gastric_emptying_g = 30.0;
  double splanchnic_leucine_extraction = 0.30;
  double leucine_fraction_whey = 0.11;
  double leucine_fraction_casein = 0.10;
  double leucine_fraction_soy = 0.08;
  double leucine_fraction_egg = 0.09;
  double leucine_fraction_mixed_meal = 0.08;
  double leucine_fraction_eaa = 0.185;

  // --- plasma leucine and insulin ---
  double plasma_leucine_basal_umol_per_l = 120.0;
  double leucine_volume_l_per_kg = 0.6369;
  double k_plasma_leucine_clearance_per_h = 1.05;
  double leucine_clearance_saturation_umol_per_l = 106.3;
  double insulin_plasma_leucine_suppression = 0.5704;
  double insulin_basal_pmol_per_l = 35.0;
  double k_insulin_per_h = 4.806;
  double insulin_per_carbohydrate_pmol_per_l_per_g_per_h = 3.0;
  double insulin_per_protein_pmol_per_l_per_g_per_h = 5.246;

  // --- muscle free leucine ---
  double intracellular_leucine_basal_umol_per_l = 130.0;
  double k_leucine_transport_per_h = 3.01;
  double leucine_transport_half_saturation_umol_per_l = 335.0;

  // --- anabolic signal and 'muscle full' ---
  double k_signal_per_h = 0.6165;
  double signal_gain = 24.6;
  double signal_leucine_half_umol_per_l = 64.75;
  double signal_insulin_weight = 0.3;
  double signal_insulin_half_pmol_per_l = 100.0;
  double k_refractory_delay_per_h = 0.221;
  double k_refractory_on_per_h = 200.0;
  double k_refractory_off_per_h = 0.35;
  double mps_per_signal = 1.051;

  // --- protein turnover ---
  double fsr_basal_percent_per_h = 0.045;
  double fbr_basal_percent_per_h = 0.05879;
  double homeostasis_exponent = 1.0;
  double insulin_mpb_suppression_max = 0.5;
  double insulin_mpb_half_pmol_per_l = 30.0;
  double k_nutritional_adaptation_per_h = 1.0 / (7.0 * 24.0);
  double nutritional_adaptation_fraction = 0.8196;
  double habitual_nutritional_surplus_percent_per_h = 0.01403;

  // --- exercise: anabolic sensitisation, catabolic drive, myostatin ---
  double k_sensitisation_on_per_h = 4.0;
  double k_sensitisation_on_resistance_per_h = 34.35;
  double k_sensitisation_decay_per_h = 0.1041;
  double sensitisation_weight_resistance = 1.0;
  double sensitisation_weight_running = 1.246;
  double sensitisation_weight_cycling = 0.5572;
  double sensitisation_weight_walking = 0.2;
  double sensitisation_intensity_half = 0.8154;
  double sensitisation_load_half = 0.45;
  double sensitisation_hill = 4.0;
  double sensitisation_fast_share = 0.0;
  double sensitisation_mps = 3.423;
  double sensitisation_signal = 0.0;
  double sensitisation_refractory = 0.0;
  double catabolic_per_h_at_vo2max = 0.0;
  double catabolic_resistance_per_h = 10.69;
  double k_catabolic_decay_per_h = 1.0 / 3.0;
  double catabolic_mpb = 0.2812;
  double k_myostatin_recovery_per_h = 1.0 / 8.0;
  double myostatin_suppression_per_h = 2.009;
  double myostatin_mps = 0.05;
  double response_untrained = 1.2;
  double response_trained = 0.7;

  // --- damage and creatine kinase ---
  double damage_per_km = 0.0255;
  double damage_resistance_per_h = 0.1;
  double damage_low_glycogen_gain = 1.0;
  double k_repair_per_h = 0.02145;
  double damage_susceptibility_untrained = 1.5;
  double damage_susceptibility_trained = 0.6;
  double repeated_bout_gain_per_h = 0.015;
  double k_repeated_bout_decay_per_h = 1.0 / (28.0 * 24.0);
  double ck_basal_u_per_l = 150.0;
  double ck_release_u_per_l_per_h = 87.09;
  double k_ck_clearance_per_h = 0.08612;
  double damage_mpb = 0.5;
  double damage_mps_blunting = 0.5;

  // --- fuel: glycogen, fat oxidation, anaerobic capacity ---
  double glycogen_max_mmol_per_kg_dw = 900.0;
  double glycogen_initial_mmol_per_kg_dw = 450.0;
  double glycogen_uptake_fraction = 0.2995;
  double glycogen_gluconeogenesis_mmol_per_kg_dw_per_h = 1.14;
  double k_glycogen_rest_per_h = 1.0 / 96.0;
  double glycogen_use_half_mmol_per_kg_dw = 25.0;
  double muscle_glycogen_share_of_carbohydrate = 0.75;
  double energy_per_litre_oxygen_kcal = 5.0;
  double fat_fraction_at_rest = 0.7;
  double fat_oxidation_peak_intensity = 0.64;
  double fat_oxidation_end_intensity = 0.87;
  double anaerobic_capacity_half_mmol_per_kg_dw = 12.93;

  // --- lactate ---
  double lactate_basal_mmol_per_l = 1.0;
  double lactate_production_mmol_per_l_per_h = 468.5;
  double k_lactate_clearance_per_h = 3.0;
  double active_recovery_clearance_gain = 1.5;

  // --- training load (Banister) ---
  double tau_fitness_days = 42.0;
  double tau_fatigue_days = 7.0;
  double readiness_fatigue_weight = 2.0;
  double trimp_a_men = 0.64;
  double trimp_b_men = 1.92;
  double trimp_a_women = 0.86;
  double trimp_b_women = 1.67;

  /// Calls v(name, field, unit, min, max, source, description) for every field, in order.
  template <class Visitor>
  void visit(Visitor&& v);
};

/// The defaults with units, ranges and sources, in declaration order.
std::vector<ParameterInfo> parameter_table();
/// Sets one parameter by name. Throws InputError naming the parameter, its range and the value
/// (or listing near names for an unknown one).
void set_parameter(Parameters& p, std::string_view name, double value);
/// The value of one parameter by name (throws InputError for an unknown name).
double get_parameter(const Parameters& p, std::string_view name);

}  // namespace myoflux::protein_balance

#include "models/protein_balance/parameter_sources.hpp"
