// Every parameter of the protein balance model, declared once. The struct holds the fields the
// right-hand side reads (`p.leg_muscle_share`); visit_parameters() gives each field, on one line,
// its default value, unit, valid range, source and meaning. The parameter table, `myoflux params`,
// the Python DataFrame, HDF5 files and docs/model.md are all generated from that one description.
// Values whose source says "fitted" come from models/protein_balance/calibration (fit_report.md);
// "TARGETS.md" is ../shared/science/TARGETS.md.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/model_adapter.hpp"

namespace myoflux::protein_balance {

/// What is known about one parameter: written once, next to its default.
struct ParameterSpec {
  std::string_view name;
  double value;  // the default, in `unit`
  std::string_view unit;
  double min;  // valid range, inclusive
  double max;
  std::string_view source;
  std::string_view description;
};

/// The parameters with values of type Q: double for runs (`Parameters`), a dual number for
/// derivatives with respect to the parameters, a symbol for writing out the equations. Fields are
/// in the order of visit_parameters(); a default-constructed set holds the defaults.
template <class Q>
struct ParametersT {
  ParametersT();

  // --- body composition ---
  Q leg_muscle_share;
  Q muscle_protein_fraction;
  Q myofibrillar_share;
  Q muscle_dry_fraction;
  Q muscle_water_l_per_kg;
  Q muscle_protein_leucine_fraction;

  // --- digestion and absorption ---
  Q k_digest_whey_per_h;
  Q k_digest_casein_per_h;
  Q k_digest_soy_per_h;
  Q k_digest_egg_per_h;
  Q k_digest_mixed_meal_per_h;
  Q k_digest_eaa_per_h;
  Q k_digest_leucine_per_h;
  Q k_digest_carbohydrate_per_h;
  Q k_digest_fat_per_h;
  Q fat_halving_gastric_emptying_g;
  Q splanchnic_leucine_extraction;
  Q leucine_fraction_whey;
  Q leucine_fraction_casein;
  Q leucine_fraction_soy;
  Q leucine_fraction_egg;
  Q leucine_fraction_mixed_meal;
  Q leucine_fraction_eaa;

  // --- plasma leucine and insulin ---
  Q plasma_leucine_basal_umol_per_l;
  Q leucine_volume_l_per_kg;
  Q k_plasma_leucine_clearance_per_h;
  Q leucine_clearance_saturation_umol_per_l;
  Q insulin_plasma_leucine_suppression;
  Q insulin_basal_pmol_per_l;
  Q k_insulin_per_h;
  Q insulin_per_carbohydrate_pmol_per_l_per_g_per_h;
  Q insulin_per_protein_pmol_per_l_per_g_per_h;

  // --- muscle free leucine ---
  Q intracellular_leucine_basal_umol_per_l;
  Q k_leucine_transport_per_h;
  Q leucine_transport_half_saturation_umol_per_l;

  // --- anabolic signal and 'muscle full' ---
  Q k_signal_per_h;
  Q signal_gain;
  Q signal_leucine_half_umol_per_l;
  Q signal_insulin_weight;
  Q signal_insulin_half_pmol_per_l;
  Q k_refractory_delay_per_h;
  Q k_refractory_on_per_h;
  Q k_refractory_off_per_h;
  Q mps_per_signal;

  // --- protein turnover ---
  Q fsr_basal_percent_per_h;
  Q fbr_basal_percent_per_h;
  Q homeostasis_exponent;
  Q insulin_mpb_suppression_max;
  Q insulin_mpb_half_pmol_per_l;
  Q k_nutritional_adaptation_per_h;
  Q nutritional_adaptation_fraction;
  Q habitual_nutritional_surplus_percent_per_h;

  // --- exercise: anabolic sensitisation, catabolic drive, myostatin ---
  Q k_sensitisation_on_per_h;
  Q k_sensitisation_on_resistance_per_h;
  Q k_sensitisation_decay_per_h;
  Q sensitisation_weight_resistance;
  Q sensitisation_weight_running;
  Q sensitisation_weight_cycling;
  Q sensitisation_weight_walking;
  Q sensitisation_intensity_half;
  Q sensitisation_load_half;
  Q sensitisation_hill;
  Q sensitisation_fast_share;
  Q sensitisation_mps;
  Q sensitisation_signal;
  Q sensitisation_refractory;
  Q tau_anabolic_recovery_h;
  Q anabolic_recovery_use_per_h;
  Q catabolic_per_h_at_vo2max;
  Q catabolic_resistance_per_h;
  Q k_catabolic_decay_per_h;
  Q catabolic_mpb;
  Q k_myostatin_recovery_per_h;
  Q myostatin_suppression_per_h;
  Q myostatin_mps;
  Q response_untrained;
  Q response_trained;

  // --- damage and creatine kinase ---
  Q damage_per_km;
  Q damage_resistance_per_h;
  Q damage_low_glycogen_gain;
  Q k_repair_per_h;
  Q damage_susceptibility_untrained;
  Q damage_susceptibility_trained;
  Q repeated_bout_gain_per_h;
  Q k_repeated_bout_decay_per_h;
  Q ck_basal_u_per_l;
  Q ck_release_u_per_l_per_h;
  Q k_ck_clearance_per_h;
  Q damage_mpb;
  Q damage_mps_blunting;

  // --- fuel: glycogen, fat oxidation, anaerobic capacity ---
  Q glycogen_max_mmol_per_kg_dw;
  Q glycogen_initial_mmol_per_kg_dw;
  Q glycogen_uptake_fraction;
  Q glycogen_gluconeogenesis_mmol_per_kg_dw_per_h;
  Q k_glycogen_rest_per_h;
  Q glycogen_use_half_mmol_per_kg_dw;
  Q glycogen_floor_mmol_per_kg_dw;
  Q muscle_glycogen_share_of_carbohydrate;
  Q energy_per_litre_oxygen_kcal;
  Q fat_fraction_at_rest;
  Q fat_oxidation_peak_intensity;
  Q fat_oxidation_end_intensity;
  Q anaerobic_capacity_half_mmol_per_kg_dw;

  // --- lactate ---
  Q lactate_basal_mmol_per_l;
  Q lactate_production_mmol_per_l_per_h;
  Q k_lactate_clearance_per_h;
  Q active_recovery_clearance_gain;

  // --- training load (Banister) ---
  Q tau_fitness_days;
  Q tau_fatigue_days;
  Q readiness_fatigue_weight;
  Q trimp_a_men;
  Q trimp_b_men;
  Q trimp_a_women;
  Q trimp_b_women;

  // --- hydration ---
  Q mechanical_efficiency;
  Q evaporative_share_temperate;
  Q evaporative_share_per_degc;
  Q ambient_temperature_degc;
  Q sweat_latent_heat_kcal_per_l;
  Q k_fluid_absorption_per_h;
  Q tau_renal_excess_h;
  Q tau_rehydration_at_rest_h;
  Q dehydration_threshold_percent;
  Q dehydration_work_penalty_per_percent;
};

using Parameters = ParametersT<double>;

/// Calls `v(spec, p.field...)` for every parameter, in declaration order, passing the field of
/// each `p` given: none lists the table, one reads or sets a parameter set, two pair the fields
/// of two sets (e.g. to convert one into another value type).
template <class Visitor, class... P>
constexpr void visit_parameters(Visitor&& v, P&... p) {
  using S = ParameterSpec;
  // clang-format off
  // --- body composition ---
  v(S{"leg_muscle_share", 0.55, "1", 0.4, 0.7, "Janssen 2000, J Appl Physiol 89:81 (lower body ~55 % of skeletal muscle; 0.384 x 0.55 = 21 % of body mass, Rapoport 2010: 21.4 %)", "share of skeletal muscle in the legs (the modelled muscle)"}, p.leg_muscle_share...);
  v(S{"muscle_protein_fraction", 0.20, "g/g", 0.15, 0.25, "TARGETS.md section 1 (~20 % of wet weight, textbook consensus)", "protein per wet muscle mass"}, p.muscle_protein_fraction...);
  v(S{"myofibrillar_share", 0.55, "1", 0.45, 0.65, "TARGETS.md section 1 (myofibrillar 50-60 % of muscle protein)", "myofibrillar share of muscle protein"}, p.myofibrillar_share...);
  v(S{"muscle_dry_fraction", 0.24, "1", 0.20, 0.30, "Sjogaard & Saltin 1982, Am J Physiol 243:R271 (about 3.2 L water per kg dry weight)", "dry mass per wet muscle mass"}, p.muscle_dry_fraction...);
  v(S{"muscle_water_l_per_kg", 0.70, "L/kg", 0.5, 0.8, "Sjogaard & Saltin 1982 (intracellular water ~0.65-0.7 L/kg wet muscle)", "intracellular water per kg muscle (leucine distribution)"}, p.muscle_water_l_per_kg...);
  v(S{"muscle_protein_leucine_fraction", 0.08, "g/g", 0.06, 0.10, "Gorissen 2018, Amino Acids 50:1685 (animal muscle protein ~8 % leucine)", "leucine per g muscle protein"}, p.muscle_protein_leucine_fraction...);

  // --- digestion and absorption ---
  v(S{"k_digest_whey_per_h", 1.994, "1/h", 0.3, 6.0, "fitted to feeding data: atherton2010_whey_48g, moore2009_whey_25g (plasma leucine)", "digestion and absorption rate of whey"}, p.k_digest_whey_per_h...);
  v(S{"k_digest_casein_per_h", 0.35, "1/h", 0.1, 2.0, "Boirie 1997, PNAS 94:14930 (casein: low plasma plateau for ~7 h); no digitized casein curve, so not fitted", "digestion rate of casein"}, p.k_digest_casein_per_h...);
  v(S{"k_digest_soy_per_h", 1.2, "1/h", 0.2, 5.0, "Tang 2009, J Appl Physiol 107:987 (soy digests between whey and casein); not fitted", "digestion rate of soy protein"}, p.k_digest_soy_per_h...);
  v(S{"k_digest_egg_per_h", 1.49, "1/h", 0.1, 5.0, "fitted to feeding data: mazzulla2017_egg_meal (plasma leucine)", "digestion rate of egg protein"}, p.k_digest_egg_per_h...);
  v(S{"k_digest_mixed_meal_per_h", 1.117, "1/h", 0.1, 5.0, "fitted (derived): 0.75 x the fitted egg meal rate, assuming a larger, more varied meal empties more slowly; no digitized mixed-meal curve", "digestion rate of protein in a mixed meal"}, p.k_digest_mixed_meal_per_h...);
  v(S{"k_digest_eaa_per_h", 3.246, "1/h", 0.3, 10.0, "fitted to feeding data: glynn2010_eaa_3.5g_leu, glynn2010_eaa_1.85g_leu, drummond2010_eaa_3.5g_leu (plasma leucine)", "absorption rate of free essential amino acids"}, p.k_digest_eaa_per_h...);
  v(S{"k_digest_leucine_per_h", 6.49, "1/h", 0.3, 10.0, "fitted to feeding data: wilkinson2013_3.42g_leu (plasma leucine)", "absorption rate of free leucine"}, p.k_digest_leucine_per_h...);
  v(S{"k_digest_carbohydrate_per_h", 1.5, "1/h", 0.3, 5.0, "assumed: glucose appearance after a mixed meal peaks at 30-60 min (e.g. Dalla Man 2007, IEEE TBME 54:1740)", "absorption rate of carbohydrate"}, p.k_digest_carbohydrate_per_h...);
  v(S{"k_digest_fat_per_h", 0.5, "1/h", 0.1, 2.0, "assumed: dietary fat is absorbed over 3-6 h", "absorption rate of fat"}, p.k_digest_fat_per_h...);
  v(S{"fat_halving_gastric_emptying_g", 30.0, "g", 5.0, 200.0, "assumed: fat slows gastric emptying (Gentilcore 2006, AJCN 83:1245 qualitatively)", "fat in the gut that halves the digestion rate of protein and carbohydrate"}, p.fat_halving_gastric_emptying_g...);
  v(S{"splanchnic_leucine_extraction", 0.30, "1", 0.1, 0.5, "Metges 2000, AJP Endo 278:E1000; TARGETS.md section 2 (25-35 %)", "fraction of absorbed leucine taken up on first pass by gut and liver"}, p.splanchnic_leucine_extraction...);
  v(S{"leucine_fraction_whey", 0.11, "g/g", 0.06, 0.14, "TARGETS.md section 2 (whey ~11 %)", "leucine per g whey protein"}, p.leucine_fraction_whey...);
  v(S{"leucine_fraction_casein", 0.10, "g/g", 0.06, 0.14, "Gorissen 2018, Amino Acids 50:1685 (casein ~10 %)", "leucine per g casein"}, p.leucine_fraction_casein...);
  v(S{"leucine_fraction_soy", 0.08, "g/g", 0.05, 0.12, "Gorissen 2018 (soy ~8 %)", "leucine per g soy protein"}, p.leucine_fraction_soy...);
  v(S{"leucine_fraction_egg", 0.09, "g/g", 0.06, 0.12, "TARGETS.md section 2 (egg ~9 %)", "leucine per g egg protein"}, p.leucine_fraction_egg...);
  v(S{"leucine_fraction_mixed_meal", 0.08, "g/g", 0.05, 0.12, "Gorissen 2018 (mixed animal and plant protein ~8 %)", "leucine per g protein in a mixed meal"}, p.leucine_fraction_mixed_meal...);
  v(S{"leucine_fraction_eaa", 0.185, "g/g", 0.1, 0.5, "Glynn 2010, J Nutr 140:1970 (1.85 g leucine in 10 g EAA)", "leucine per g of an essential amino acid drink"}, p.leucine_fraction_eaa...);

  // --- plasma leucine and insulin ---
  v(S{"plasma_leucine_basal_umol_per_l", 120.0, "umol/L", 60.0, 250.0, "feeding data baselines 97-152 umol/L (TARGETS.md section 2)", "postabsorptive plasma leucine"}, p.plasma_leucine_basal_umol_per_l...);
  v(S{"leucine_volume_l_per_kg", 0.6355, "L/kg", 0.05, 1.0, "fitted to feeding data: plasma leucine of all datasets", "distribution volume of plasma leucine per kg body mass"}, p.leucine_volume_l_per_kg...);
  v(S{"k_plasma_leucine_clearance_per_h", 1.062, "1/h", 0.2, 10.0, "fitted to feeding data: plasma leucine of all datasets", "rate at which plasma leucine returns to basal (tissue uptake and oxidation)"}, p.k_plasma_leucine_clearance_per_h...);
  v(S{"leucine_clearance_saturation_umol_per_l", 105.4, "umol/L", 50.0, 1e5, "fitted to feeding data: plasma leucine (glynn2010 3.5 g vs 1.85 g: a 1.9-fold dose gives a 3-fold rise)", "excess plasma leucine at which clearance is half its linear value (saturable uptake and oxidation)"}, p.leucine_clearance_saturation_umol_per_l...);
  v(S{"insulin_plasma_leucine_suppression", 0.5633, "1", 0.0, 0.6, "fitted to feeding data: mazzulla2017_egg_meal, atherton2010_whey_48g (insulin suppresses whole-body proteolysis, the source of postabsorptive plasma leucine; an insulin clamp lowers plasma leucine by about half, Fukagawa 1985, AJP 249:E165, hence the upper bound)", "largest fractional fall of the plasma leucine set point with insulin"}, p.insulin_plasma_leucine_suppression...);
  v(S{"insulin_basal_pmol_per_l", 35.0, "pmol/L", 10.0, 150.0, "feeding data baselines 30-53 pmol/L", "postabsorptive insulin"}, p.insulin_basal_pmol_per_l...);
  v(S{"k_insulin_per_h", 4.774, "1/h", 0.5, 20.0, "fitted to feeding data: plasma insulin", "rate at which insulin follows its secretion drive"}, p.k_insulin_per_h...);
  v(S{"insulin_per_carbohydrate_pmol_per_l_per_g_per_h", 3.0, "pmol/L per g/h", 0.0, 20.0, "assumed: a 75 g glucose drink raises insulin to ~300-400 pmol/L in young adults", "insulin rise per g/h of carbohydrate appearing"}, p.insulin_per_carbohydrate_pmol_per_l_per_g_per_h...);
  v(S{"insulin_per_protein_pmol_per_l_per_g_per_h", 5.224, "pmol/L per g/h", 0.0, 50.0, "fitted to feeding data: plasma insulin (atherton2010_whey_48g, moore2009_whey_25g, glynn2010)", "insulin rise per g/h of protein appearing"}, p.insulin_per_protein_pmol_per_l_per_g_per_h...);

  // --- muscle free leucine ---
  v(S{"intracellular_leucine_basal_umol_per_l", 130.0, "umol/L", 60.0, 300.0, "feeding data baselines 112-221 umol/L (drummond2010, atherton2010, wilkinson2013)", "postabsorptive free leucine in muscle"}, p.intracellular_leucine_basal_umol_per_l...);
  v(S{"k_leucine_transport_per_h", 3.018, "1/h", 0.1, 20.0, "fitted to feeding data: intracellular leucine (drummond2010, atherton2010)", "exchange rate of muscle free leucine with plasma"}, p.k_leucine_transport_per_h...);
  v(S{"leucine_transport_half_saturation_umol_per_l", 333.4, "umol/L", 20.0, 3000.0, "fitted to feeding data: intracellular leucine", "plasma leucine at half-maximal inward transport"}, p.leucine_transport_half_saturation_umol_per_l...);

  // --- anabolic signal and 'muscle full' ---
  v(S{"k_signal_per_h", 0.6211, "1/h", 0.3, 30.0, "fitted to feeding data: metaanalysis_3.5g_leu (p-p70S6K)", "rate at which the anabolic signal follows its drive"}, p.k_signal_per_h...);
  v(S{"signal_gain", 25.5, "1", 0.1, 100.0, "fitted to feeding data: metaanalysis_3.5g_leu (p-p70S6K)", "maximal rise of the anabolic signal (fold - 1)"}, p.signal_gain...);
  v(S{"signal_leucine_half_umol_per_l", 53.84, "umol/L", 50.0, 2000.0, "fitted to feeding data: p-p70S6K and MPS; dose plateau of Moore 2009 AJCN 89:161 (the range starts at 50 umol/L: a sensor half-saturated far below the basal ~130 umol/L would be saturated at rest)", "intracellular leucine at half-maximal drive"}, p.signal_leucine_half_umol_per_l...);
  v(S{"signal_insulin_weight", 0.3, "1", 0.0, 2.0, "assumed: insulin is permissive for, not the main driver of, MPS (Greenhaff 2008)", "weight of insulin relative to leucine in the anabolic drive"}, p.signal_insulin_weight...);
  v(S{"signal_insulin_half_pmol_per_l", 100.0, "pmol/L", 10.0, 1000.0, "assumed", "insulin at half-maximal drive"}, p.signal_insulin_half_pmol_per_l...);
  v(S{"k_refractory_delay_per_h", 0.2278, "1/h", 0.1, 20.0, "fitted to 'muscle full': MPS peaks at 1.5-2 h and returns to basal while amino acids stay high (Bohe 2001, Mitchell 2015, metaanalysis_3.5g_leu p-p70S6K)", "rate at which the refractory drive follows the anabolic drive"}, p.k_refractory_delay_per_h...);
  v(S{"k_refractory_on_per_h", 200.0, "1/h", 0.05, 200.0, "fitted to feeding data: metaanalysis_3.5g_leu p-p70S6K (back toward basal at 180 min while leucine is still raised: 'muscle full', Bohe 2001)", "rate at which the (delayed) refractory drive makes muscle refractory"}, p.k_refractory_on_per_h...);
  v(S{"k_refractory_off_per_h", 0.35, "1/h", 0.02, 5.0, "Areta 2013, J Physiol 591:2319 (20 g whey every 3 h gave the highest MPS: responsiveness recovers within ~3 h)", "recovery rate of responsiveness"}, p.k_refractory_off_per_h...);
  v(S{"mps_per_signal", 1.066, "1", 0.1, 5.0, "fitted to feeding data: drummond2010 mps_rate (2.4-fold at 60 min)", "MPS fold change per unit rise of the anabolic signal"}, p.mps_per_signal...);

  // --- protein turnover ---
  v(S{"fsr_basal_percent_per_h", 0.045, "%/h", 0.015, 0.08, "TARGETS.md section 1: myofibrillar FSR 0.02 %/h (Mitchell 2015) to integrated 0.065 %/h (Doering 2016); working value", "postabsorptive myofibrillar fractional synthesis rate"}, p.fsr_basal_percent_per_h...);
  v(S{"fbr_basal_percent_per_h", 0.05893, "%/h", 0.015, 0.12, "fitted: zero daily net balance for an untrained adult on 1.2 g/kg/day in three meals (weight-stable; TARGETS.md section 1)", "postabsorptive myofibrillar fractional breakdown rate"}, p.fbr_basal_percent_per_h...);
  v(S{"homeostasis_exponent", 1.0, "1", 0.0, 4.0, "assumed (TARGETS.md section 0: gains level off): breakdown rises as (M/M0)^h, so muscle relaxes to a size set by training and diet on the turnover time scale", "set-point strength of muscle protein mass"}, p.homeostasis_exponent...);
  v(S{"insulin_mpb_suppression_max", 0.5, "1", 0.0, 0.9, "Greenhaff 2008, AJP Endo 295:E595 (breakdown halved at ~15 mU/L, no further fall above)", "largest fractional fall of breakdown with insulin"}, p.insulin_mpb_suppression_max...);
  v(S{"insulin_mpb_half_pmol_per_l", 30.0, "pmol/L", 5.0, 300.0, "Greenhaff 2008 (effect saturates near 90 pmol/L)", "insulin above basal giving half the suppression"}, p.insulin_mpb_half_pmol_per_l...);
  v(S{"k_nutritional_adaptation_per_h", 1.0 / (7.0 * 24.0), "1/h", 1e-4, 0.05, "Millward 2003, Br J Nutr 90:249 (adaptive metabolic demand: turnover and oxidation adapt to a new protein intake over 1-2 weeks)", "rate at which breakdown adapts to the recent protein intake"}, p.k_nutritional_adaptation_per_h...);
  v(S{"nutritional_adaptation_fraction", 0.7941, "1", 0.0, 0.99, "fitted: 10 weeks at 2.0 instead of 1.2 g/kg/day without training changes CSA by well under 1 % (protein supplementation alone has little effect on lean mass: Morton 2018, Br J Sports Med 52:376)", "fraction of a sustained change in the nutritional protein surplus that breakdown adapts to cancel"}, p.nutritional_adaptation_fraction...);
  v(S{"habitual_nutritional_surplus_percent_per_h", 0.01418, "%/h", 0.0, 0.2, "fitted: the mean nutritional surplus of the habitual diet (1.2 g/kg/day of mixed protein in three meals, 50 %energy carbohydrate), to which the subject is adapted at t = 0", "recent nutritional surplus at t = 0"}, p.habitual_nutritional_surplus_percent_per_h...);

  // --- exercise: anabolic sensitisation, catabolic drive, myostatin ---
  v(S{"k_sensitisation_on_per_h", 4.0, "1/h", 0.5, 30.0, "assumed: mTORC1 activation within ~15 min of contraction", "rate at which sensitisation rises toward its exercise-set target"}, p.k_sensitisation_on_per_h...);
  v(S{"k_sensitisation_on_resistance_per_h", 50.51, "1/h", 1.0, 200.0, "fitted to Chesley 1992 and Moore 2009 (both resistance bouts); Burd 2010, J Physiol 588:3119: 3 sets raise MPS more than 1 set", "rate at which sensitisation rises during resistance sets"}, p.k_sensitisation_on_resistance_per_h...);
  v(S{"k_sensitisation_decay_per_h", 0.1038, "1/h", 0.01, 1.0, "fitted to Chesley 1992 (MPS still up at 24 h, near basal by 36 h); TARGETS.md section 3", "decay rate of each sensitisation stage"}, p.k_sensitisation_decay_per_h...);
  v(S{"sensitisation_weight_resistance", 1.0, "1", 0.0, 3.0, "reference modality (TARGETS.md section 3: resistance > HIIT > easy running)", "sensitisation target per unit stimulus, resistance exercise"}, p.sensitisation_weight_resistance...);
  v(S{"sensitisation_weight_running", 1.646, "1", 0.0, 3.0, "fitted to Estes 2017 (+10.6 % CSA after 10 weeks of 4 x 4 min HIIT); TARGETS.md section 0", "sensitisation target per unit stimulus, running"}, p.sensitisation_weight_running...);
  v(S{"sensitisation_weight_cycling", 0.6415, "1", 0.0, 3.0, "fitted to Di Donato 2014 (cycling at 30 and 60 % Wmax)", "sensitisation target per unit stimulus, cycling"}, p.sensitisation_weight_cycling...);
  v(S{"sensitisation_weight_walking", 0.2, "1", 0.0, 3.0, "assumed: walking is a weak stimulus", "sensitisation target per unit stimulus, walking"}, p.sensitisation_weight_walking...);
  v(S{"sensitisation_intensity_half", 0.8235, "fraction of VO2max", 0.3, 1.5, "fitted to Di Donato 2014 (only the higher intensity sustains MPS at 24 h); recruitment of type II fibres rises steeply with intensity", "intensity giving half the maximal aerobic stimulus"}, p.sensitisation_intensity_half...);
  v(S{"sensitisation_load_half", 0.45, "fraction of 1RM", 0.1, 0.9, "Kumar 2009, J Physiol 587:211 (MPS sigmoidal in load, plateau at 60-90 %1RM)", "load giving half the maximal resistance stimulus"}, p.sensitisation_load_half...);
  v(S{"sensitisation_hill", 4.0, "1", 1.0, 8.0, "Kumar 2009 (steep sigmoid)", "steepness of the stimulus-intensity curve"}, p.sensitisation_hill...);
  v(S{"sensitisation_fast_share", 0.0, "1", 0.0, 1.0, "fitted to Moore 2009 J Physiol (exercised leg up at 1 h) and Chesley 1992 (higher at 24 h than 4 h)", "weight of the early stage in the sensitisation effect"}, p.sensitisation_fast_share...);
  v(S{"sensitisation_mps", 3.229, "1", 0.0, 5.0, "fitted to Chesley 1992 and Estes 2017", "rise of MPS per unit sensitisation, independent of feeding"}, p.sensitisation_mps...);
  v(S{"sensitisation_signal", 0.0, "1", 0.0, 10.0, "fitted to Moore 2009 J Physiol (exercise amplifies the feeding response)", "amplification of the feeding signal per unit sensitisation"}, p.sensitisation_signal...);
  v(S{"sensitisation_refractory", 0.0, "1", 0.0, 20.0, "fitted to Moore 2009 J Physiol (exercised leg still up at 5 h)", "slowing of 'muscle full' per unit sensitisation"}, p.sensitisation_refractory...);
  v(S{"tau_anabolic_recovery_h", 36.0, "h", 12.0, 96.0, "assumed: about as long as the synthesis response to one bout lasts (Chesley 1992: still up at 24 h, near basal by 36 h; TARGETS.md section 3), so that a session within that window finds the muscle still answering the last one; no study measures it (docs/research/model_fidelity_sources.md section 5)", "time constant of the anabolic recovery between sessions"}, p.tau_anabolic_recovery_h...);
  v(S{"anabolic_recovery_use_per_h", 0.1594, "1/h", 0.0, 5.0, "fitted to hiit_frequency_diminishing_returns (6 against 3 HIIT sessions a week: Schoenfeld 2019, Pelland 2024)", "rate at which the late sensitisation X2 uses up the anabolic recovery, per unit X2"}, p.anabolic_recovery_use_per_h...);
  v(S{"catabolic_per_h_at_vo2max", 0.0, "1/h", 0.0, 20.0, "fitted to Wolfe 2006 and Louis 2007 (MuRF-1 3.6-fold at 1-4 h after a run)", "catabolic drive produced per hour of running at VO2max (scales with intensity squared)"}, p.catabolic_per_h_at_vo2max...);
  v(S{"catabolic_resistance_per_h", 9.084, "1/h", 0.0, 20.0, "fitted to Chesley 1992 and Moore 2009 (resistance bouts)", "catabolic drive produced per hour of resistance sets"}, p.catabolic_resistance_per_h...);
  v(S{"k_catabolic_decay_per_h", 1.0 / 3.0, "1/h", 0.05, 5.0, "Louis 2007 (breakdown genes up 1-4 h, back by 8-12 h)", "decay rate of the catabolic drive"}, p.k_catabolic_decay_per_h...);
  v(S{"catabolic_mpb", 0.3307, "1", 0.0, 5.0, "fitted to Wolfe 2006 (fasted breakdown rises after exercise, less than synthesis)", "rise of breakdown per unit catabolic drive"}, p.catabolic_mpb...);
  v(S{"k_myostatin_recovery_per_h", 1.0 / 8.0, "1/h", 0.02, 2.0, "Louis 2007 (myostatin mRNA lowest at 8-12 h)", "recovery rate of myostatin toward 1"}, p.k_myostatin_recovery_per_h...);
  v(S{"myostatin_suppression_per_h", 1.581, "1/h", 0.0, 20.0, "fitted to Louis 2007 (3.6-fold fall at 8-12 h after a run)", "suppression rate of myostatin per unit early sensitisation"}, p.myostatin_suppression_per_h...);
  v(S{"myostatin_mps", 0.05, "1", 0.0, 0.5, "assumed small (TARGETS.md section 0: chronic effect mixed)", "rise of MPS per unit fall of myostatin"}, p.myostatin_mps...);
  v(S{"response_untrained", 1.2, "1", 0.5, 2.0, "assumed: untrained muscle responds more (Wilkinson 2008, J Physiol 586:3701)", "anabolic response multiplier, untrained subjects"}, p.response_untrained...);
  v(S{"response_trained", 0.7, "1", 0.2, 1.5, "assumed: training blunts the acute MPS response (Wilkinson 2008)", "anabolic response multiplier, trained subjects"}, p.response_trained...);

  // --- damage and creatine kinase ---
  v(S{"damage_per_km", 0.02619, "1/km", 0.0, 0.5, "fitted to Ryu 2016 (CK after 10, 21, 42 km; 42 km highest)", "damage per km at eccentric factor 1"}, p.damage_per_km...);
  v(S{"damage_resistance_per_h", 0.1, "1/h", 0.0, 5.0, "assumed", "damage per hour of resistance sets at eccentric factor 1"}, p.damage_resistance_per_h...);
  v(S{"damage_low_glycogen_gain", 1.0, "1", 0.0, 10.0, "assumed: damage accelerates late in long runs as glycogen falls (Ryu 2016: 42 km > 21 km)", "extra damage rate when glycogen is empty, relative to full"}, p.damage_low_glycogen_gain...);
  v(S{"k_repair_per_h", 0.02145, "1/h", 0.005, 0.5, "fitted to the marathon CK time course (TARGETS.md section 4: back to baseline within about a week)", "repair rate of damage"}, p.k_repair_per_h...);
  v(S{"damage_susceptibility_untrained", 1.5, "1", 0.5, 3.0, "assumed: repeated-bout effect (McHugh 2003, Scand J Med Sci Sports 13:88)", "damage multiplier, untrained subjects"}, p.damage_susceptibility_untrained...);
  v(S{"damage_susceptibility_trained", 0.6, "1", 0.1, 1.5, "assumed: repeated-bout effect", "damage multiplier, trained subjects"}, p.damage_susceptibility_trained...);
  v(S{"repeated_bout_gain_per_h", 0.015, "1/h", 0.0, 1.0, "McHugh 2003, Scand J Med Sci Sports 13:88 (one damaging bout halves the damage of the next): ~0.5 protection after a marathon's damage (about 1 for 2 days)", "growth of protection per unit damage"}, p.repeated_bout_gain_per_h...);
  v(S{"k_repeated_bout_decay_per_h", 1.0 / (28.0 * 24.0), "1/h", 1e-4, 0.05, "McHugh 2003 (protection lasts weeks to months)", "decay rate of protection"}, p.k_repeated_bout_decay_per_h...);
  v(S{"ck_basal_u_per_l", 150.0, "U/L", 30.0, 400.0, "Ryu 2016 baselines (~150 U/L in male amateur runners)", "resting plasma CK"}, p.ck_basal_u_per_l...);
  v(S{"ck_release_u_per_l_per_h", 87.09, "U/L/h", 0.0, 5000.0, "fitted to Ryu 2016 and the marathon CK time course (peak day 1, elevated day 3)", "CK release per unit damage"}, p.ck_release_u_per_l_per_h...);
  v(S{"k_ck_clearance_per_h", 0.08612, "1/h", 0.01, 1.0, "fitted to the marathon CK time course (TARGETS.md section 4: peak ~24 h)", "clearance rate of plasma CK"}, p.k_ck_clearance_per_h...);
  v(S{"damage_mpb", 0.5, "1", 0.0, 5.0, "assumed: damage raises breakdown (TARGETS.md section 0: long runs work against growth)", "rise of breakdown per unit damage"}, p.damage_mpb...);
  v(S{"damage_mps_blunting", 0.5, "1", 0.0, 5.0, "assumed: damage blunts the anabolic response", "division of MPS by (1 + this x damage)"}, p.damage_mps_blunting...);

  // --- fuel: glycogen, fat oxidation, anaerobic capacity ---
  v(S{"glycogen_max_mmol_per_kg_dw", 900.0, "mmol/kg dw", 400.0, 1200.0, "Rapoport 2010, PLoS Comput Biol 6:e1000960 (supercompensated ~144 kcal per kg leg muscle)", "largest muscle glycogen content"}, p.glycogen_max_mmol_per_kg_dw...);
  v(S{"glycogen_initial_mmol_per_kg_dw", 450.0, "mmol/kg dw", 50.0, 1000.0, "Bergstrom 1967, Acta Physiol Scand 71:140 (mixed diet ~1.75 g/100 g wet ~ 450 mmol/kg dw)", "glycogen at t = 0 on a mixed diet"}, p.glycogen_initial_mmol_per_kg_dw...);
  v(S{"glycogen_uptake_fraction", 0.2995, "1", 0.0, 1.0, "fitted: glycogen steady at its initial value on 50 %energy carbohydrate without training", "fraction of absorbed carbohydrate stored in leg muscle glycogen when empty"}, p.glycogen_uptake_fraction...);
  v(S{"glycogen_gluconeogenesis_mmol_per_kg_dw_per_h", 1.14, "mmol/kg dw/h", 0.0, 10.0, "fitted: glycogen ~35 % of normal on a low-carbohydrate diet (Bergstrom 1967)", "glycogen synthesis from non-dietary sources when empty"}, p.glycogen_gluconeogenesis_mmol_per_kg_dw_per_h...);
  v(S{"k_glycogen_rest_per_h", 1.0 / 96.0, "1/h", 0.001, 0.1, "assumed: resting muscle glycogen turns over in days", "resting glycogen turnover"}, p.k_glycogen_rest_per_h...);
  v(S{"glycogen_use_half_mmol_per_kg_dw", 25.0, "mmol/kg dw", 1.0, 200.0, "assumed: use slows as stores empty (Rapoport 2010, 'hitting the wall')", "glycogen at which exercise use is halved"}, p.glycogen_use_half_mmol_per_kg_dw...);
  v(S{"glycogen_floor_mmol_per_kg_dw", 100.0, "mmol/kg dw", 0.0, 250.0, "Asp 1997, J Appl Physiol 83:1482 (a marathon leaves 148 +/- 39 of 758 mmol/kg dw in the gastrocnemius); Asp 1999, J Appl Physiol 86:474 (44 % left in the vastus lateralis): biopsies never find the muscle empty after a marathon. The low end of the 100-200 these suggest for mixed muscle, since one pool averages fibres that empty first (type I: Tsintzas 1995, J Physiol 489:243)", "glycogen below which exercise no longer draws on the store"}, p.glycogen_floor_mmol_per_kg_dw...);
  v(S{"muscle_glycogen_share_of_carbohydrate", 0.75, "1", 0.3, 1.0, "Romijn 1993, AJP Endo 265:E380 (muscle glycogen is most of carbohydrate oxidation at 65-85 %VO2max)", "share of exercise carbohydrate oxidation drawn from leg glycogen"}, p.muscle_glycogen_share_of_carbohydrate...);
  v(S{"energy_per_litre_oxygen_kcal", 5.0, "kcal/L", 4.6, 5.1, "textbook (4.7-5.05 kcal per L O2 from fat to carbohydrate)", "energy per litre of oxygen"}, p.energy_per_litre_oxygen_kcal...);
  v(S{"fat_fraction_at_rest", 0.7, "1", 0.3, 0.9, "textbook (resting RER ~0.8)", "share of energy from fat at rest"}, p.fat_fraction_at_rest...);
  v(S{"fat_oxidation_peak_intensity", 0.64, "fraction of VO2max", 0.4, 0.8, "Achten 2002, MSSE 34:92 (64 %VO2max, range 55-72 %)", "intensity of maximal fat oxidation"}, p.fat_oxidation_peak_intensity...);
  v(S{"fat_oxidation_end_intensity", 0.87, "fraction of VO2max", 0.7, 1.0, "Achten 2002; Peric 2016, Sports Med Open 2:35 (~85-88 %VO2max)", "intensity above which fat oxidation stops"}, p.fat_oxidation_end_intensity...);
  v(S{"anaerobic_capacity_half_mmol_per_kg_dw", 12.93, "mmol/kg dw", 1.0, 300.0, "fitted: sprint power several per cent lower on a short-term low-carbohydrate diet (TARGETS.md section 0)", "glycogen at which anaerobic capacity is halved"}, p.anaerobic_capacity_half_mmol_per_kg_dw...);

  // --- lactate ---
  v(S{"lactate_basal_mmol_per_l", 1.0, "mmol/L", 0.5, 2.0, "Menzies 2010, J Sports Sci 28:975 (~1.0 mmol/L)", "resting blood lactate"}, p.lactate_basal_mmol_per_l...);
  v(S{"lactate_production_mmol_per_l_per_h", 468.5, "mmol/L/h", 10.0, 2000.0, "fitted to Menzies 2010 (1.0 -> 3.9 mmol/L after 5 min at 90 %VO2max)", "lactate appearance per unit intensity above the lactate threshold"}, p.lactate_production_mmol_per_l_per_h...);
  v(S{"k_lactate_clearance_per_h", 3.0, "1/h", 0.5, 20.0, "Menzies 2010 (passive recovery: half-life ~15-20 min)", "lactate clearance at rest"}, p.k_lactate_clearance_per_h...);
  v(S{"active_recovery_clearance_gain", 1.5, "1", 0.0, 5.0, "Menzies 2010 (active recovery clears faster than passive)", "extra clearance at lactate-threshold intensity, relative to rest"}, p.active_recovery_clearance_gain...);

  // --- training load (Banister) ---
  v(S{"tau_fitness_days", 42.0, "day", 10.0, 90.0, "Banister convention 42 d; Hellard 2006, J Sports Sci 24:509 (fitted 38 d, 17-59)", "memory of fitness"}, p.tau_fitness_days...);
  v(S{"tau_fatigue_days", 7.0, "day", 2.0, 40.0, "Banister convention 7 d; Hellard 2006 (fitted 19 d, 6-32)", "memory of fatigue"}, p.tau_fatigue_days...);
  v(S{"readiness_fatigue_weight", 2.0, "1", 0.5, 5.0, "Banister 1991 convention (k2/k1 ~ 2)", "weight of fatigue against fitness in readiness"}, p.readiness_fatigue_weight...);
  v(S{"trimp_a_men", 0.64, "1", 0.1, 2.0, "Banister 1991 TRIMP weighting (men)", "TRIMP coefficient a, men"}, p.trimp_a_men...);
  v(S{"trimp_b_men", 1.92, "1", 0.5, 4.0, "Banister 1991 TRIMP weighting (men)", "TRIMP exponent b, men"}, p.trimp_b_men...);
  v(S{"trimp_a_women", 0.86, "1", 0.1, 2.0, "Banister 1991 TRIMP weighting (women)", "TRIMP coefficient a, women"}, p.trimp_a_women...);
  v(S{"trimp_b_women", 1.67, "1", 0.5, 4.0, "Banister 1991 TRIMP weighting (women)", "TRIMP exponent b, women"}, p.trimp_b_women...);

  // --- hydration ---
  v(S{"mechanical_efficiency", 0.2, "1", 0.1, 0.3, "textbook value, not verified against a primary source here: ~20 % of the metabolic energy of running or cycling becomes external work, the rest heat (Gagge & Gonzalez 1996, Handbook of Physiology sec. 4 ch. 4, from memory)", "share of exercise energy that does external work"}, p.mechanical_efficiency...);
  v(S{"evaporative_share_temperate", 0.75, "1", 0.4, 1.0, "assumed, not verified: at 20 degC most exercise heat leaves by evaporation, the rest by convection and radiation (Gagge & Gonzalez 1996, from memory); it includes respiratory evaporation, which stands in for the respiratory water loss the model does not count", "share of exercise heat removed by sweating at 20 degC"}, p.evaporative_share_temperate...);
  v(S{"evaporative_share_per_degc", 0.0167, "1/degC", 0.0, 0.05, "assumed, not verified: the share reaches 1 at 35 degC, where air meets skin temperature and dry heat loss ends", "rise of that share per degC of ambient temperature above 20 degC"}, p.evaporative_share_per_degc...);
  v(S{"ambient_temperature_degc", 20.0, "degC", -10.0, 45.0, "assumed: a temperate day; a scenario sets its own (parameters: {ambient_temperature_degc: 30})", "air temperature during exercise"}, p.ambient_temperature_degc...);
  v(S{"sweat_latent_heat_kcal_per_l", 580.0, "kcal/L", 560.0, 600.0, "Monteith 1972, Nature New Biol 236:96 (latent heat of vaporization of water 2501 J/g at 0 degC to 2406 J/g at 40 degC; 2.43 kJ/g = 580 kcal/L at skin temperature)", "heat removed per litre of sweat evaporated"}, p.sweat_latent_heat_kcal_per_l...);
  v(S{"k_fluid_absorption_per_h", 3.0, "1/h", 0.5, 10.0, "assumed (half-time 14 min), not verified: plain water leaves the stomach and is absorbed within tens of minutes (Leiper 2015, Nutr Rev 73 Suppl 2:57, from memory)", "rate at which drunk fluid is emptied and absorbed"}, p.k_fluid_absorption_per_h...);
  v(S{"tau_renal_excess_h", 2.0, "h", 0.5, 12.0, "Sawka 2007, ACSM position stand, Med Sci Sports Exerc 39:377 (prehydrate at least several hours before exercise so that urine output returns to normal); the 2 h time constant is assumed, not verified (Shirreffs 1996, Med Sci Sports Exerc 28:1260, from memory)", "time constant of renal clearance of surplus body water at rest"}, p.tau_renal_excess_h...);
  v(S{"tau_rehydration_at_rest_h", 8.0, "h", 1.0, 48.0, "assumed, not verified: given time, normal meals and drinks restore euhydration (Sawka 2007, ACSM position stand, Med Sci Sports Exerc 39:377: after exercise the goal is to replace the deficit, with time and meals)", "time constant of drinking to thirst between sessions"}, p.tau_rehydration_at_rest_h...);
  v(S{"dehydration_threshold_percent", 2.0, "%", 1.0, 4.0, "Sawka 2007 (ACSM, drink to prevent > 2 % body-mass loss from a water deficit); Cheuvront & Kenefick 2014, Compr Physiol 4:257 (a >= 2 % dehydration threshold for impaired endurance performance)", "body-mass loss at which work begins to suffer"}, p.dehydration_threshold_percent...);
  v(S{"dehydration_work_penalty_per_percent", 0.02, "1/%", 0.0, 0.1, "Goulet 2013, Br J Sports Med 47:679 (power 1.9 % lower at fixed intensity, mostly 2-4 % loss); Savoie 2015, Sports Med 45:1207 (meta-analysis: muscle endurance -8.3 %, strength -5.5 %, anaerobic power -5.8 % when hypohydrated, ~3 % loss)", "fraction of a session's work lost per % body-mass loss past the threshold"}, p.dehydration_work_penalty_per_percent...);
  // clang-format on
}

template <class Q>
ParametersT<Q>::ParametersT() {
  visit_parameters([](const ParameterSpec& s, Q& field) { field = Q(s.value); }, *this);
}

/// How many parameters the model has.
inline constexpr std::size_t kParameterCount = [] {
  std::size_t n = 0;
  visit_parameters([&](const ParameterSpec&) { ++n; });
  return n;
}();

/// The values of `p` as another value type, field by field: `to_q(value)` for each (by default
/// Q(value)), e.g. constants of a dual number type before seeding the derivatives.
template <class Q, class Convert>
ParametersT<Q> convert_parameters(const Parameters& p, Convert&& to_q) {
  ParametersT<Q> out;
  visit_parameters([&](const ParameterSpec&, Q& o, const double& in) { o = to_q(in); }, out, p);
  return out;
}

template <class Q>
ParametersT<Q> convert_parameters(const Parameters& p) {
  return convert_parameters<Q>(p, [](double v) { return Q(v); });
}

/// The defaults with units, ranges and sources, in declaration order.
std::vector<ParameterInfo> parameter_table();
/// Sets one parameter by name. Throws InputError naming the parameter, its range and the value
/// (or listing near names for an unknown one).
void set_parameter(Parameters& p, std::string_view name, double value);
/// The value of one parameter by name (throws InputError for an unknown name).
double get_parameter(const Parameters& p, std::string_view name);

}  // namespace myoflux::protein_balance
