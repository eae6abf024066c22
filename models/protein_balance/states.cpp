#include "models/protein_balance/states.hpp"

namespace myoflux::protein_balance {

const std::array<StateInfo, kStateCount>& state_table() {
  constexpr double inf = std::numeric_limits<double>::infinity();
  static const std::array<StateInfo, kStateCount> table{{
      {"gut_whey_g", "g", "whey protein not yet digested", 0.0, inf, 10.0},
      {"gut_casein_g", "g", "casein not yet digested", 0.0, inf, 10.0},
      {"gut_soy_g", "g", "soy protein not yet digested", 0.0, inf, 10.0},
      {"gut_egg_g", "g", "egg protein not yet digested", 0.0, inf, 10.0},
      {"gut_mixed_meal_g", "g", "mixed-meal protein not yet digested", 0.0, inf, 10.0},
      {"gut_eaa_g", "g", "free essential amino acids not yet absorbed", 0.0, inf, 10.0},
      {"gut_leucine_g", "g", "free leucine not yet absorbed", 0.0, inf, 1.0},
      {"gut_carbohydrate_g", "g", "carbohydrate not yet absorbed", 0.0, inf, 50.0},
      {"gut_fat_g", "g", "fat not yet absorbed (slows gastric emptying)", 0.0, inf, 20.0},
      {"plasma_leucine_umol_per_l", "umol/L", "plasma leucine concentration", 0.0, inf, 100.0},
      {"insulin_pmol_per_l", "pmol/L", "plasma insulin concentration", 0.0, inf, 50.0},
      {"intracellular_leucine_umol_per_l", "umol/L", "free leucine in muscle water", 0.0, inf,
       100.0},
      {"anabolic_signal_fold", "fold", "mTORC1/p70S6K-like anabolic signal, 1 at rest", 0.0, inf,
       1.0},
      {"refractory_drive", "1",
       "anabolic drive delayed by about an hour; it makes the muscle refractory", -inf, inf, 0.1},
      {"refractory", "1", "'muscle full' refractory state: 0 responsive, 1 unresponsive", 0.0, 1.0,
       1.0},
      {"nutritional_adaptation", "1/h",
       "net protein surplus that recent days' meals created, per unit muscle protein (slow moving "
       "average)",
       0.0, inf, 0.0001},
      {"sensitisation_fast", "1", "exercise anabolic sensitisation, early stage", 0.0, inf, 1.0},
      {"sensitisation_slow", "1", "exercise anabolic sensitisation, late stage (about a day)", 0.0,
       inf, 1.0},
      {"catabolic_drive", "1", "early post-exercise rise in breakdown signalling", 0.0, inf, 1.0},
      {"myostatin_relative", "1", "myostatin-like growth inhibitor, 1 at rest", 0.0, inf, 1.0},
      {"glycogen_mmol_per_kg_dw", "mmol/kg dw", "leg muscle glycogen (glucosyl units)", 0.0, inf,
       100.0},
      {"damage", "1", "muscle damage; 1 ~ after a marathon in a recreational runner", 0.0, inf,
       1.0},
      {"damage_protection", "1", "repeated-bout protection: 0 none, 1 immune to further damage",
       0.0, 1.0, 1.0},
      {"ck_u_per_l", "U/L", "plasma creatine kinase", 0.0, inf, 100.0},
      {"lactate_mmol_per_l", "mmol/L", "blood lactate", 0.0, inf, 1.0},
      {"fitness", "AU", "Banister fitness: training impulse remembered over ~6 weeks", 0.0, inf,
       100.0},
      {"fatigue", "AU", "Banister fatigue: training impulse remembered over ~1 week", 0.0, inf,
       100.0},
      {"muscle_protein_g", "g", "myofibrillar protein of the leg muscles", 0.0, inf, 1000.0},
      {"cumulative_mps_g", "g", "myofibrillar protein synthesized since t = 0", 0.0, inf, 100.0},
      {"cumulative_mpb_g", "g", "myofibrillar protein broken down since t = 0", 0.0, inf, 100.0},
  }};
  return table;
}

}  // namespace myoflux::protein_balance
