// Units, valid ranges and sources of every parameter (the other half of parameters.hpp).
// "TARGETS.md" is ../shared/science/TARGETS.md; "fitted" values are produced by
// models/protein_balance/calibration and recorded in its fit_report.md.
#pragma once

namespace myoflux::protein_balance {

template <class Visitor>
void Parameters::visit(Visitor&& v) {
  // clang-format off
  // --- body composition ---
  v("leg_muscle_share", leg_muscle_share, "1", 0.4, 0.7, "Janssen 2000, J Appl Physiol 89:81 (lower body ~55 % of skeletal muscle; 0.384 x 0.55 = 21 % of body mass, Rapoport 2010: 21.4 %)", "share of skeletal muscle in the legs (the modelled muscle)");
  v("muscle_protein_fraction", muscle_protein_fraction, "g/g", 0.15, 0.25, "TARGETS.md section 1 (~20 % of wet weight, textbook consensus)", "protein per wet muscle mass");
  v("myofibrillar_share", myofibrillar_share, "1", 0.45, 0.65, "TARGETS.md section 1 (myofibrillar 50-60 % of muscle protein)", "myofibrillar share of muscle protein");
  v("muscle_dry_fraction", muscle_dry_fraction, "1", 0.20, 0.30, "Sjogaard & Saltin 1982, Am J Physiol 243:R271 (about 3.2 L water per kg dry weight)", "dry mass per wet muscle mass");
  v("muscle_water_l_per_kg", muscle_water_l_per_kg, "L/kg", 0.5, 0.8, "Sjogaard & Saltin 1982 (intracellular water ~0.65-0.7 L/kg wet muscle)", "intracellular water per kg muscle (leucine distribution)");
  v("muscle_protein_leucine_fraction", muscle_protein_leucine_fraction, "g/g", 0.06, 0.10, "Gorissen 2018, Amino Acids 50:1685 (animal muscle protein ~8 % leucine)", "leucine per g muscle protein");

  // --- digestion and absorption ---
  v("k_digest_whey_per_h", k_digest_whey_per_h, "1/h", 0.3, 6.0, "fitted to feeding data: atherton2010_whey_48g, moore2009_whey_25g (plasma leucine)", "digestion and absorption rate of whey");
  v("k_digest_casein_per_h", k_digest_casein_per_h, "1/h", 0.1, 2.0, "Boirie 1997, PNAS 94:14930 (casein: low plasma plateau for ~7 h); no digitized casein curve, so not fitted", "digestion rate of casein");
  v("k_digest_soy_per_h", k_digest_soy_per_h, "1/h", 0.2, 5.0, "Tang 2009, J Appl Physiol 107:987 (soy digests between whey and casein); not fitted", "digestion rate of soy protein");
  v("k_digest_egg_per_h", k_digest_egg_per_h, "1/h", 0.1, 5.0, "fitted to feeding data: mazzulla2017_egg_meal (plasma leucine)", "digestion rate of egg protein");
  v("k_digest_mixed_meal_per_h", k_digest_mixed_meal_per_h, "1/h", 0.1, 5.0, "fitted (derived): 0.75 x the fitted egg meal rate, assuming a larger, more varied meal empties more slowly; no digitized mixed-meal curve", "digestion rate of protein in a mixed meal");
  v("k_digest_eaa_per_h", k_digest_eaa_per_h, "1/h", 0.3, 10.0, "fitted to feeding data: glynn2010_eaa_3.5g_leu, glynn2010_eaa_1.85g_leu, drummond2010_eaa_3.5g_leu (plasma leucine)", "absorption rate of free essential amino acids");
  v("k_digest_leucine_per_h", k_digest_leucine_per_h, "1/h", 0.3, 10.0, "fitted to feeding data: wilkinson2013_3.42g_leu (plasma leucine)", "absorption rate of free leucine");
  v("k_digest_carbohydrate_per_h", k_digest_carbohydrate_per_h, "1/h", 0.3, 5.0, "assumed: glucose appearance after a mixed meal peaks at 30-60 min (e.g. Dalla Man 2007, IEEE TBME 54:1740)", "absorption rate of carbohydrate");
  v("k_digest_fat_per_h", k_digest_fat_per_h, "1/h", 0.1, 2.0, "assumed: dietary fat is absorbed over 3-6 h", "absorption rate of fat");
  v("fat_halving_gastric_emptying_g", fat_halving_gastric_emptying_g, "g", 5.0, 200.0, "assumed: fat slows gastric emptying (Gentilcore 2006, AJCN 83:1245 qualitatively)", "fat in the gut that halves the digestion rate of protein and carbohydrate");
  v("splanchnic_leucine_extraction", splanchnic_leucine_extraction, "1", 0.1, 0.5, "Metges 2000, AJP Endo 278:E1000; TARGETS.md section 2 (25-35 %)", "fraction of absorbed leucine taken up on first pass by gut and liver");
  v("leucine_fraction_whey", leucine_fraction_whey, "g/g", 0.06, 0.14, "TARGETS.md section 2 (whey ~11 %)", "leucine per g whey protein");
  v("leucine_fraction_casein", leucine_fraction_casein, "g/g", 0.06, 0.14, "Gorissen 2018, Amino Acids 50:1685 (casein ~10 %)", "leucine per g casein");
  v("leucine_fraction_soy", leucine_fraction_soy, "g/g", 0.05, 0.12, "Gorissen 2018 (soy ~8 %)", "leucine per g soy protein");
  v("leucine_fraction_egg", leucine_fraction_egg, "g/g", 0.06, 0.12, "TARGETS.md section 2 (egg ~9 %)", "leucine per g egg protein");
  v("leucine_fraction_mixed_meal", leucine_fraction_mixed_meal, "g/g", 0.05, 0.12, "Gorissen 2018 (mixed animal and plant protein ~8 %)", "leucine per g protein in a mixed meal");
  v("leucine_fraction_eaa", leucine_fraction_eaa, "g/g", 0.1, 0.5, "Glynn 2010, J Nutr 140:1970 (1.85 g leucine in 10 g EAA)", "leucine per g of an essential amino acid drink");

  // --- plasma leucine and insulin ---
  v("plasma_leucine_basal_umol_per_l", plasma_leucine_basal_umol_per_l, "umol/L", 60.0, 250.0, "feeding data baselines 97-152 umol/L (TARGETS.md section 2)", "postabsorptive plasma leucine");
  v("leucine_volume_l_per_kg", leucine_volume_l_per_kg, "L/kg", 0.05, 1.0, "fitted to feeding data: plasma leucine of all datasets", "distribution volume of plasma leucine per kg body mass");
  v("k_plasma_leucine_clearance_per_h", k_plasma_leucine_clearance_per_h, "1/h", 0.2, 10.0, "fitted to feeding data: plasma leucine of all datasets", "rate at which plasma leucine returns to basal (tissue uptake and oxidation)");
  v("leucine_clearance_saturation_umol_per_l", leucine_clearance_saturation_umol_per_l, "umol/L", 50.0, 1e5, "fitted to feeding data: plasma leucine (glynn2010 3.5 g vs 1.85 g: a 1.9-fold dose gives a 3-fold rise)", "excess plasma leucine at which clearance is half its linear value (saturable uptake and oxidation)");
  v("insulin_plasma_leucine_suppression", insulin_plasma_leucine_suppression, "1", 0.0, 0.6, "fitted to feeding data: mazzulla2017_egg_meal, atherton2010_whey_48g (insulin suppresses whole-body proteolysis, the source of postabsorptive plasma leucine; an insulin clamp lowers plasma leucine by about half, Fukagawa 1985, AJP 249:E165, hence the upper bound)", "largest fractional fall of the plasma leucine set point with insulin");
  v("insulin_basal_pmol_per_l", insulin_basal_pmol_per_l, "pmol/L", 10.0, 150.0, "feeding data baselines 30-53 pmol/L", "postabsorptive insulin");
  v("k_insulin_per_h", k_insulin_per_h, "1/h", 0.5, 20.0, "fitted to feeding data: plasma insulin", "rate at which insulin follows its secretion drive");
  v("insulin_per_carbohydrate_pmol_per_l_per_g_per_h", insulin_per_carbohydrate_pmol_per_l_per_g_per_h, "pmol/L per g/h", 0.0, 20.0, "assumed: a 75 g glucose drink raises insulin to ~300-400 pmol/L in young adults", "insulin rise per g/h of carbohydrate appearing");
  v("insulin_per_protein_pmol_per_l_per_g_per_h", insulin_per_protein_pmol_per_l_per_g_per_h, "pmol/L per g/h", 0.0, 50.0, "fitted to feeding data: plasma insulin (atherton2010_whey_48g, moore2009_whey_25g, glynn2010)", "insulin rise per g/h of protein appearing");

  // --- muscle free leucine ---
  v("intracellular_leucine_basal_umol_per_l", intracellular_leucine_basal_umol_per_l, "umol/L", 60.0, 300.0, "feeding data baselines 112-221 umol/L (drummond2010, atherton2010, wilkinson2013)", "postabsorptive free leucine in muscle");
  v("k_leucine_transport_per_h", k_leucine_transport_per_h, "1/h", 0.1, 20.0, "fitted to feeding data: intracellular leucine (drummond2010, atherton2010)", "exchange rate of muscle free leucine with plasma");
  v("leucine_transport_half_saturation_umol_per_l", leucine_transport_half_saturation_umol_per_l, "umol/L", 20.0, 3000.0, "fitted to feeding data: intracellular leucine", "plasma leucine at half-maximal inward transport");

  // --- anabolic signal and 'muscle full' ---
  v("k_signal_per_h", k_signal_per_h, "1/h", 0.3, 30.0, "fitted to feeding data: metaanalysis_3.5g_leu (p-p70S6K)", "rate at which the anabolic signal follows its drive");
  v("signal_gain", signal_gain, "1", 0.1, 100.0, "fitted to feeding data: metaanalysis_3.5g_leu (p-p70S6K)", "maximal rise of the anabolic signal (fold - 1)");
  v("signal_leucine_half_umol_per_l", signal_leucine_half_umol_per_l, "umol/L", 50.0, 2000.0, "fitted to feeding data: p-p70S6K and MPS; dose plateau of Moore 2009 AJCN 89:161 (the range starts at 50 umol/L: a sensor half-saturated far below the basal ~130 umol/L would be saturated at rest)", "intracellular leucine at half-maximal drive");
  v("signal_insulin_weight", signal_insulin_weight, "1", 0.0, 2.0, "assumed: insulin is permissive for, not the main driver of, MPS (Greenhaff 2008)", "weight of insulin relative to leucine in the anabolic drive");
  v("signal_insulin_half_pmol_per_l", signal_insulin_half_pmol_per_l, "pmol/L", 10.0, 1000.0, "assumed", "insulin at half-maximal drive");
  v("k_refractory_delay_per_h", k_refractory_delay_per_h, "1/h", 0.1, 20.0, "fitted to 'muscle full': MPS peaks at 1.5-2 h and returns to basal while amino acids stay high (Bohe 2001, Mitchell 2015, metaanalysis_3.5g_leu p-p70S6K)", "rate at which the refractory drive follows the anabolic drive");
  v("k_refractory_on_per_h", k_refractory_on_per_h, "1/h", 0.05, 200.0, "fitted to feeding data: metaanalysis_3.5g_leu p-p70S6K (back toward basal at 180 min while leucine is still raised: 'muscle full', Bohe 2001)", "rate at which the (delayed) refractory drive makes muscle refractory");
  v("k_refractory_off_per_h", k_refractory_off_per_h, "1/h", 0.02, 5.0, "Areta 2013, J Physiol 591:2319 (20 g whey every 3 h gave the highest MPS: responsiveness recovers within ~3 h)", "recovery rate of responsiveness");
  v("mps_per_signal", mps_per_signal, "1", 0.1, 5.0, "fitted to feeding data: drummond2010 mps_rate (2.4-fold at 60 min)", "MPS fold change per unit rise of the anabolic signal");

  // --- protein turnover ---
  v("fsr_basal_percent_per_h", fsr_basal_percent_per_h, "%/h", 0.015, 0.08, "TARGETS.md section 1: myofibrillar FSR 0.02 %/h (Mitchell 2015) to integrated 0.065 %/h (Doering 2016); working value", "postabsorptive myofibrillar fractional synthesis rate");
  v("fbr_basal_percent_per_h", fbr_basal_percent_per_h, "%/h", 0.015, 0.12, "fitted: zero daily net balance for an untrained adult on 1.2 g/kg/day in three meals (weight-stable; TARGETS.md section 1)", "postabsorptive myofibrillar fractional breakdown rate");
  v("homeostasis_exponent", homeostasis_exponent, "1", 0.0, 4.0, "assumed (TARGETS.md section 0: gains level off): breakdown rises as (M/M0)^h, so muscle relaxes to a size set by training and diet on the turnover time scale", "set-point strength of muscle protein mass");
  v("insulin_mpb_suppression_max", insulin_mpb_suppression_max, "1", 0.0, 0.9, "Greenhaff 2008, AJP Endo 295:E595 (breakdown halved at ~15 mU/L, no further fall above)", "largest fractional fall of breakdown with insulin");
  v("insulin_mpb_half_pmol_per_l", insulin_mpb_half_pmol_per_l, "pmol/L", 5.0, 300.0, "Greenhaff 2008 (effect saturates near 90 pmol/L)", "insulin above basal giving half the suppression");

  v("k_nutritional_adaptation_per_h", k_nutritional_adaptation_per_h, "1/h", 1e-4, 0.05, "Millward 2003, Br J Nutr 90:249 (adaptive metabolic demand: turnover and oxidation adapt to a new protein intake over 1-2 weeks)", "rate at which breakdown adapts to the recent protein intake");
  v("nutritional_adaptation_fraction", nutritional_adaptation_fraction, "1", 0.0, 0.99, "fitted: 10 weeks at 2.0 instead of 1.2 g/kg/day without training changes CSA by well under 1 % (protein supplementation alone has little effect on lean mass: Morton 2018, Br J Sports Med 52:376)", "fraction of a sustained change in the nutritional protein surplus that breakdown adapts to cancel");
  v("habitual_nutritional_surplus_percent_per_h", habitual_nutritional_surplus_percent_per_h, "%/h", 0.0, 0.2, "fitted: the mean nutritional surplus of the habitual diet (1.2 g/kg/day of mixed protein in three meals, 50 %energy carbohydrate), to which the subject is adapted at t = 0", "recent nutritional surplus at t = 0");

  // --- exercise ---
  v("k_sensitisation_on_per_h", k_sensitisation_on_per_h, "1/h", 0.5, 30.0, "assumed: mTORC1 activation within ~15 min of contraction", "rate at which sensitisation rises toward its exercise-set target");
  v("k_sensitisation_on_resistance_per_h", k_sensitisation_on_resistance_per_h, "1/h", 1.0, 200.0, "fitted to Chesley 1992 and Moore 2009 (both resistance bouts); Burd 2010, J Physiol 588:3119: 3 sets raise MPS more than 1 set", "rate at which sensitisation rises during resistance sets");
  v("k_sensitisation_decay_per_h", k_sensitisation_decay_per_h, "1/h", 0.01, 1.0, "fitted to Chesley 1992 (MPS still up at 24 h, near basal by 36 h); TARGETS.md section 3", "decay rate of each sensitisation stage");
  v("sensitisation_weight_resistance", sensitisation_weight_resistance, "1", 0.0, 3.0, "reference modality (TARGETS.md section 3: resistance > HIIT > easy running)", "sensitisation target per unit stimulus, resistance exercise");
  v("sensitisation_weight_running", sensitisation_weight_running, "1", 0.0, 3.0, "fitted to Estes 2017 (+10.6 % CSA after 10 weeks of 4 x 4 min HIIT); TARGETS.md section 0", "sensitisation target per unit stimulus, running");
  v("sensitisation_weight_cycling", sensitisation_weight_cycling, "1", 0.0, 3.0, "fitted to Di Donato 2014 (cycling at 30 and 60 % Wmax)", "sensitisation target per unit stimulus, cycling");
  v("sensitisation_weight_walking", sensitisation_weight_walking, "1", 0.0, 3.0, "assumed: walking is a weak stimulus", "sensitisation target per unit stimulus, walking");
  v("sensitisation_intensity_half", sensitisation_intensity_half, "fraction of VO2max", 0.3, 1.5, "fitted to Di Donato 2014 (only the higher intensity sustains MPS at 24 h); recruitment of type II fibres rises steeply with intensity", "intensity giving half the maximal aerobic stimulus");
  v("sensitisation_load_half", sensitisation_load_half, "fraction of 1RM", 0.1, 0.9, "Kumar 2009, J Physiol 587:211 (MPS sigmoidal in load, plateau at 60-90 %1RM)", "load giving half the maximal resistance stimulus");
  v("sensitisation_hill", sensitisation_hill, "1", 1.0, 8.0, "Kumar 2009 (steep sigmoid)", "steepness of the stimulus-intensity curve");
  v("sensitisation_fast_share", sensitisation_fast_share, "1", 0.0, 1.0, "fitted to Moore 2009 J Physiol (exercised leg up at 1 h) and Chesley 1992 (higher at 24 h than 4 h)", "weight of the early stage in the sensitisation effect");
  v("sensitisation_mps", sensitisation_mps, "1", 0.0, 5.0, "fitted to Chesley 1992 and Estes 2017", "rise of MPS per unit sensitisation, independent of feeding");
  v("sensitisation_signal", sensitisation_signal, "1", 0.0, 10.0, "fitted to Moore 2009 J Physiol (exercise amplifies the feeding response)", "amplification of the feeding signal per unit sensitisation");
  v("sensitisation_refractory", sensitisation_refractory, "1", 0.0, 20.0, "fitted to Moore 2009 J Physiol (exercised leg still up at 5 h)", "slowing of 'muscle full' per unit sensitisation");
  v("catabolic_per_h_at_vo2max", catabolic_per_h_at_vo2max, "1/h", 0.0, 20.0, "fitted to Wolfe 2006 and Louis 2007 (MuRF-1 3.6-fold at 1-4 h after a run)", "catabolic drive produced per hour of running at VO2max (scales with intensity squared)");
  v("catabolic_resistance_per_h", catabolic_resistance_per_h, "1/h", 0.0, 20.0, "fitted to Chesley 1992 and Moore 2009 (resistance bouts)", "catabolic drive produced per hour of resistance sets");
  v("k_catabolic_decay_per_h", k_catabolic_decay_per_h, "1/h", 0.05, 5.0, "Louis 2007 (breakdown genes up 1-4 h, back by 8-12 h)", "decay rate of the catabolic drive");
  v("catabolic_mpb", catabolic_mpb, "1", 0.0, 5.0, "fitted to Wolfe 2006 (fasted breakdown rises after exercise, less than synthesis)", "rise of breakdown per unit catabolic drive");
  v("k_myostatin_recovery_per_h", k_myostatin_recovery_per_h, "1/h", 0.02, 2.0, "Louis 2007 (myostatin mRNA lowest at 8-12 h)", "recovery rate of myostatin toward 1");
  v("myostatin_suppression_per_h", myostatin_suppression_per_h, "1/h", 0.0, 20.0, "fitted to Louis 2007 (3.6-fold fall at 8-12 h after a run)", "suppression rate of myostatin per unit early sensitisation");
  v("myostatin_mps", myostatin_mps, "1", 0.0, 0.5, "assumed small (TARGETS.md section 0: chronic effect mixed)", "rise of MPS per unit fall of myostatin");
  v("response_untrained", response_untrained, "1", 0.5, 2.0, "assumed: untrained muscle responds more (Wilkinson 2008, J Physiol 586:3701)", "anabolic response multiplier, untrained subjects");
  v("response_trained", response_trained, "1", 0.2, 1.5, "assumed: training blunts the acute MPS response (Wilkinson 2008)", "anabolic response multiplier, trained subjects");

  // --- damage and creatine kinase ---
  v("damage_per_km", damage_per_km, "1/km", 0.0, 0.5, "fitted to Ryu 2016 (CK after 10, 21, 42 km; 42 km highest)", "damage per km at eccentric factor 1");
  v("damage_resistance_per_h", damage_resistance_per_h, "1/h", 0.0, 5.0, "assumed", "damage per hour of resistance sets at eccentric factor 1");
  v("damage_low_glycogen_gain", damage_low_glycogen_gain, "1", 0.0, 10.0, "assumed: damage accelerates late in long runs as glycogen falls (Ryu 2016: 42 km > 21 km)", "extra damage rate when glycogen is empty, relative to full");
  v("k_repair_per_h", k_repair_per_h, "1/h", 0.005, 0.5, "fitted to the marathon CK time course (TARGETS.md section 4: back to baseline within about a week)", "repair rate of damage");
  v("damage_susceptibility_untrained", damage_susceptibility_untrained, "1", 0.5, 3.0, "assumed: repeated-bout effect (McHugh 2003, Scand J Med Sci Sports 13:88)", "damage multiplier, untrained subjects");
  v("damage_susceptibility_trained", damage_susceptibility_trained, "1", 0.1, 1.5, "assumed: repeated-bout effect", "damage multiplier, trained subjects");
  v("repeated_bout_gain_per_h", repeated_bout_gain_per_h, "1/h", 0.0, 1.0, "McHugh 2003, Scand J Med Sci Sports 13:88 (one damaging bout halves the damage of the next): ~0.5 protection after a marathon's damage (about 1 for 2 days)", "growth of protection per unit damage");
  v("k_repeated_bout_decay_per_h", k_repeated_bout_decay_per_h, "1/h", 1e-4, 0.05, "McHugh 2003 (protection lasts weeks to months)", "decay rate of protection");
  v("ck_basal_u_per_l", ck_basal_u_per_l, "U/L", 30.0, 400.0, "Ryu 2016 baselines (~150 U/L in male amateur runners)", "resting plasma CK");
  v("ck_release_u_per_l_per_h", ck_release_u_per_l_per_h, "U/L/h", 0.0, 5000.0, "fitted to Ryu 2016 and the marathon CK time course (peak day 1, elevated day 3)", "CK release per unit damage");
  v("k_ck_clearance_per_h", k_ck_clearance_per_h, "1/h", 0.01, 1.0, "fitted to the marathon CK time course (TARGETS.md section 4: peak ~24 h)", "clearance rate of plasma CK");
  v("damage_mpb", damage_mpb, "1", 0.0, 5.0, "assumed: damage raises breakdown (TARGETS.md section 0: long runs work against growth)", "rise of breakdown per unit damage");
  v("damage_mps_blunting", damage_mps_blunting, "1", 0.0, 5.0, "assumed: damage blunts the anabolic response", "division of MPS by (1 + this x damage)");

  // --- fuel ---
  v("glycogen_max_mmol_per_kg_dw", glycogen_max_mmol_per_kg_dw, "mmol/kg dw", 400.0, 1200.0, "Rapoport 2010, PLoS Comput Biol 6:e1000960 (supercompensated ~144 kcal per kg leg muscle)", "largest muscle glycogen content");
  v("glycogen_initial_mmol_per_kg_dw", glycogen_initial_mmol_per_kg_dw, "mmol/kg dw", 50.0, 1000.0, "Bergstrom 1967, Acta Physiol Scand 71:140 (mixed diet ~1.75 g/100 g wet ~ 450 mmol/kg dw)", "glycogen at t = 0 on a mixed diet");
  v("glycogen_uptake_fraction", glycogen_uptake_fraction, "1", 0.0, 1.0, "fitted: glycogen steady at its initial value on 50 %energy carbohydrate without training", "fraction of absorbed carbohydrate stored in leg muscle glycogen when empty");
  v("glycogen_gluconeogenesis_mmol_per_kg_dw_per_h", glycogen_gluconeogenesis_mmol_per_kg_dw_per_h, "mmol/kg dw/h", 0.0, 10.0, "fitted: glycogen ~35 % of normal on a low-carbohydrate diet (Bergstrom 1967)", "glycogen synthesis from non-dietary sources when empty");
  v("k_glycogen_rest_per_h", k_glycogen_rest_per_h, "1/h", 0.001, 0.1, "assumed: resting muscle glycogen turns over in days", "resting glycogen turnover");
  v("glycogen_use_half_mmol_per_kg_dw", glycogen_use_half_mmol_per_kg_dw, "mmol/kg dw", 1.0, 200.0, "assumed: use slows as stores empty (Rapoport 2010, 'hitting the wall')", "glycogen at which exercise use is halved");
  v("muscle_glycogen_share_of_carbohydrate", muscle_glycogen_share_of_carbohydrate, "1", 0.3, 1.0, "Romijn 1993, AJP Endo 265:E380 (muscle glycogen is most of carbohydrate oxidation at 65-85 %VO2max)", "share of exercise carbohydrate oxidation drawn from leg glycogen");
  v("energy_per_litre_oxygen_kcal", energy_per_litre_oxygen_kcal, "kcal/L", 4.6, 5.1, "textbook (4.7-5.05 kcal per L O2 from fat to carbohydrate)", "energy per litre of oxygen");
  v("fat_fraction_at_rest", fat_fraction_at_rest, "1", 0.3, 0.9, "textbook (resting RER ~0.8)", "share of energy from fat at rest");
  v("fat_oxidation_peak_intensity", fat_oxidation_peak_intensity, "fraction of VO2max", 0.4, 0.8, "Achten 2002, MSSE 34:92 (64 %VO2max, range 55-72 %)", "intensity of maximal fat oxidation");
  v("fat_oxidation_end_intensity", fat_oxidation_end_intensity, "fraction of VO2max", 0.7, 1.0, "Achten 2002; Peric 2016, Sports Med Open 2:35 (~85-88 %VO2max)", "intensity above which fat oxidation stops");
  v("anaerobic_capacity_half_mmol_per_kg_dw", anaerobic_capacity_half_mmol_per_kg_dw, "mmol/kg dw", 1.0, 300.0, "fitted: sprint power several per cent lower on a short-term low-carbohydrate diet (TARGETS.md section 0)", "glycogen at which anaerobic capacity is halved");

  // --- lactate ---
  v("lactate_basal_mmol_per_l", lactate_basal_mmol_per_l, "mmol/L", 0.5, 2.0, "Menzies 2010, J Sports Sci 28:975 (~1.0 mmol/L)", "resting blood lactate");
  v("lactate_production_mmol_per_l_per_h", lactate_production_mmol_per_l_per_h, "mmol/L/h", 10.0, 2000.0, "fitted to Menzies 2010 (1.0 -> 3.9 mmol/L after 5 min at 90 %VO2max)", "lactate appearance per unit intensity above the lactate threshold");
  v("k_lactate_clearance_per_h", k_lactate_clearance_per_h, "1/h", 0.5, 20.0, "Menzies 2010 (passive recovery: half-life ~15-20 min)", "lactate clearance at rest");
  v("active_recovery_clearance_gain", active_recovery_clearance_gain, "1", 0.0, 5.0, "Menzies 2010 (active recovery clears faster than passive)", "extra clearance at lactate-threshold intensity, relative to rest");

  // --- training load ---
  v("tau_fitness_days", tau_fitness_days, "day", 10.0, 90.0, "Banister convention 42 d; Hellard 2006, J Sports Sci 24:509 (fitted 38 d, 17-59)", "memory of fitness");
  v("tau_fatigue_days", tau_fatigue_days, "day", 2.0, 40.0, "Banister convention 7 d; Hellard 2006 (fitted 19 d, 6-32)", "memory of fatigue");
  v("readiness_fatigue_weight", readiness_fatigue_weight, "1", 0.5, 5.0, "Banister 1991 convention (k2/k1 ~ 2)", "weight of fatigue against fitness in readiness");
  v("trimp_a_men", trimp_a_men, "1", 0.1, 2.0, "Banister 1991 TRIMP weighting (men)", "TRIMP coefficient a, men");
  v("trimp_b_men", trimp_b_men, "1", 0.5, 4.0, "Banister 1991 TRIMP weighting (men)", "TRIMP exponent b, men");
  v("trimp_a_women", trimp_a_women, "1", 0.1, 2.0, "Banister 1991 TRIMP weighting (women)", "TRIMP coefficient a, women");
  v("trimp_b_women", trimp_b_women, "1", 0.5, 4.0, "Banister 1991 TRIMP weighting (women)", "TRIMP exponent b, women");
  // clang-format on
}

}  // namespace myoflux::protein_balance
