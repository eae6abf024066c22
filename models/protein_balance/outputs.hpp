// The outputs the model records, with the exact names analyses and notebooks rely on.
#pragma once

#include <array>

#include "engine/result.hpp"

namespace myoflux::protein_balance {

enum Output : int {
  out_mps_rate = 0,
  out_mpb_rate,
  out_net_balance,
  out_fsr_percent_per_h,
  out_fbr_percent_per_h,
  out_muscle_protein_g,
  out_csa_change_percent,
  out_plasma_leucine,
  out_intracellular_leucine,
  out_insulin,
  out_ck,
  out_damage,
  out_glycogen,
  out_lactate,
  out_anaerobic_capacity,
  out_fitness,
  out_fatigue,
  out_readiness,
  out_p70s6k_fold,
  out_mps_fold,
  out_refractory,
  out_anabolic_drive,
  out_nutritional_adaptation,
  out_exercise_sensitisation,
  out_catabolic_drive,
  out_myostatin,
  out_exercise_intensity,
  out_fat_oxidation,
  out_carbohydrate_oxidation,
  out_cumulative_mps,
  out_cumulative_mpb,
  out_gut_protein,
  out_body_mass_loss_percent,
  out_work_factor,
  out_sweat_rate,
  kOutputCount
};

const std::array<VariableInfo, kOutputCount>& output_table();

}  // namespace myoflux::protein_balance
