#include "models/protein_balance/outputs.hpp"

namespace myoflux::protein_balance {

const std::array<VariableInfo, kOutputCount>& output_table() {
  // Each row is indexed by its Output, so the table cannot fall out of the enum's order.
  static const std::array<VariableInfo, kOutputCount> table = [] {
    std::array<VariableInfo, kOutputCount> t;
    t[out_mps_rate] = {"mps_rate", "g/h",
                       "muscle protein synthesis, myofibrillar protein of the leg muscles"};
    t[out_mpb_rate] = {"mpb_rate", "g/h",
                       "muscle protein breakdown, myofibrillar protein of the leg muscles"};
    t[out_net_balance] = {"net_balance", "g/h",
                          "synthesis minus breakdown (positive: the muscle grows)"};
    t[out_fsr_percent_per_h] = {"fsr_percent_per_h", "%/h",
                                "fractional synthesis rate of myofibrillar protein"};
    t[out_fbr_percent_per_h] = {"fbr_percent_per_h", "%/h",
                                "fractional breakdown rate of myofibrillar protein"};
    t[out_muscle_protein_g] = {"muscle_protein_g", "g", "myofibrillar protein of the leg muscles"};
    t[out_csa_change_percent] = {
        "csa_change_percent", "%",
        "whole-muscle cross-sectional area change since t = 0 (= change in "
        "myofibrillar protein at constant length)"};
    t[out_plasma_leucine] = {"plasma_leucine_umol_per_l", "umol/L", "plasma leucine"};
    t[out_intracellular_leucine] = {"intracellular_leucine_umol_per_l", "umol/L",
                                    "free leucine in muscle"};
    t[out_insulin] = {"insulin_pmol_per_l", "pmol/L", "plasma insulin"};
    t[out_ck] = {"ck_u_per_l", "U/L", "plasma creatine kinase (damage marker)"};
    t[out_damage] = {"damage", "1", "muscle damage; 1 ~ after a marathon in a recreational runner"};
    t[out_glycogen] = {"glycogen_mmol_per_kg_dw", "mmol/kg dw", "leg muscle glycogen"};
    t[out_lactate] = {"lactate_mmol_per_l", "mmol/L", "blood lactate"};
    t[out_anaerobic_capacity] = {"anaerobic_capacity_relative", "1",
                                 "sprint capacity relative to t = 0 (falls with glycogen)"};
    t[out_fitness] = {"fitness", "AU", "Banister fitness"};
    t[out_fatigue] = {"fatigue", "AU", "Banister fatigue"};
    t[out_readiness] = {"readiness", "AU",
                        "Banister performance readiness: fitness - k2 x fatigue"};
    t[out_p70s6k_fold] = {"p70s6k_fold", "fold",
                          "anabolic (mTORC1/p70S6K-like) signal relative to rest"};
    t[out_mps_fold] = {"mps_fold", "fold",
                       "synthesis rate relative to the postabsorptive basal rate"};
    t[out_refractory] = {"refractory", "1",
                         "'muscle full' refractory state (0 responsive, 1 unresponsive)"};
    t[out_anabolic_drive] = {
        "anabolic_drive", "1",
        "drive of muscle free leucine and insulin on the anabolic signal (0 when fasted)"};
    t[out_nutritional_adaptation] = {
        "nutritional_adaptation", "%/h",
        "recent days' nutritional protein surplus, to which breakdown adapts"};
    t[out_exercise_sensitisation] = {
        "exercise_sensitisation", "1",
        "exercise anabolic sensitisation (weighted sum of both stages)"};
    t[out_catabolic_drive] = {"catabolic_drive", "1", "post-exercise catabolic drive"};
    t[out_myostatin] = {"myostatin_relative", "1", "myostatin-like inhibitor relative to rest"};
    t[out_exercise_intensity] = {"exercise_intensity", "fraction of VO2max",
                                 "the exercise input at this time"};
    t[out_fat_oxidation] = {"fat_oxidation_g_per_h", "g/h",
                            "whole-body fat oxidation during exercise"};
    t[out_carbohydrate_oxidation] = {"carbohydrate_oxidation_g_per_h", "g/h",
                                     "whole-body carbohydrate oxidation during exercise"};
    t[out_cumulative_mps] = {"cumulative_mps_g", "g",
                             "myofibrillar protein synthesized since t = 0"};
    t[out_cumulative_mpb] = {"cumulative_mpb_g", "g",
                             "myofibrillar protein broken down since t = 0"};
    t[out_gut_protein] = {"gut_protein_g", "g", "protein eaten but not yet digested"};
    t[out_body_mass_loss_percent] = {
        "body_mass_loss_percent", "%",
        "body water lost since t = 0 as a share of body mass (1 L ~ 1 kg; negative when above)"};
    t[out_work_factor] = {"work_factor", "1",
                          "share of a session's work that dehydration leaves (1 up to the "
                          "threshold body-mass loss)"};
    t[out_sweat_rate] = {"sweat_rate_l_per_h", "L/h", "sweat lost during exercise"};
    return t;
  }();
  return table;
}

}  // namespace myoflux::protein_balance
