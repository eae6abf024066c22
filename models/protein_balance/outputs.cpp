#include "models/protein_balance/outputs.hpp"

namespace myoflux::protein_balance {

const std::array<VariableInfo, kOutputCount>& output_table() {
  static const std::array<VariableInfo, kOutputCount> table{{
      {"mps_rate", "g/h", "muscle protein synthesis, myofibrillar protein of the leg muscles"},
      {"mpb_rate", "g/h", "muscle protein breakdown, myofibrillar protein of the leg muscles"},
      {"net_balance", "g/h", "synthesis minus breakdown (positive: the muscle grows)"},
      {"fsr_percent_per_h", "%/h", "fractional synthesis rate of myofibrillar protein"},
      {"fbr_percent_per_h", "%/h", "fractional breakdown rate of myofibrillar protein"},
      {"muscle_protein_g", "g", "myofibrillar protein of the leg muscles"},
      {"csa_change_percent", "%",
       "whole-muscle cross-sectional area change since t = 0 (= change in myofibrillar protein at "
       "constant length)"},
      {"plasma_leucine_umol_per_l", "umol/L", "plasma leucine"},
      {"intracellular_leucine_umol_per_l", "umol/L", "free leucine in muscle"},
      {"insulin_pmol_per_l", "pmol/L", "plasma insulin"},
      {"ck_u_per_l", "U/L", "plasma creatine kinase (damage marker)"},
      {"damage", "1", "muscle damage; 1 ~ after a marathon in a recreational runner"},
      {"glycogen_mmol_per_kg_dw", "mmol/kg dw", "leg muscle glycogen"},
      {"lactate_mmol_per_l", "mmol/L", "blood lactate"},
      {"anaerobic_capacity_relative", "1",
       "sprint capacity relative to t = 0 (falls with glycogen)"},
      {"fitness", "AU", "Banister fitness"},
      {"fatigue", "AU", "Banister fatigue"},
      {"readiness", "AU", "Banister performance readiness: fitness - k2 x fatigue"},
      {"p70s6k_fold", "fold", "anabolic (mTORC1/p70S6K-like) signal relative to rest"},
      {"mps_fold", "fold", "synthesis rate relative to the postabsorptive basal rate"},
      {"refractory", "1", "'muscle full' refractory state (0 responsive, 1 unresponsive)"},
      {"anabolic_drive", "1",
       "drive of muscle free leucine and insulin on the anabolic signal (0 when fasted)"},
      {"nutritional_adaptation", "%/h",
       "recent days' nutritional protein surplus, to which breakdown adapts"},
      {"exercise_sensitisation", "1",
       "exercise anabolic sensitisation (weighted sum of both stages)"},
      {"catabolic_drive", "1", "post-exercise catabolic drive"},
      {"myostatin_relative", "1", "myostatin-like inhibitor relative to rest"},
      {"exercise_intensity", "fraction of VO2max", "the exercise input at this time"},
      {"fat_oxidation_g_per_h", "g/h", "whole-body fat oxidation during exercise"},
      {"carbohydrate_oxidation_g_per_h", "g/h",
       "whole-body carbohydrate oxidation during exercise"},
      {"cumulative_mps_g", "g", "myofibrillar protein synthesized since t = 0"},
      {"cumulative_mpb_g", "g", "myofibrillar protein broken down since t = 0"},
      {"gut_protein_g", "g", "protein eaten but not yet digested"},
  }};
  return table;
}

}  // namespace myoflux::protein_balance
