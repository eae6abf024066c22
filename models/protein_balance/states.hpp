// The state variables of the protein balance model: names, units and meanings, declared once.
// The order is (mostly) the direction of cause: gut -> blood -> muscle signalling -> protein,
// which keeps the Jacobian close to lower-triangular.
#pragma once

#include <array>

#include "engine/solver/system.hpp"

namespace myoflux::protein_balance {

enum State : int {
  gut_whey = 0,  // gut pools, one per protein type (ProteinType order)
  gut_casein,
  gut_soy,
  gut_egg,
  gut_mixed_meal,
  gut_eaa,
  gut_leucine,
  gut_carbohydrate,
  gut_fat,
  plasma_leucine,
  insulin,
  intracellular_leucine,
  anabolic_signal,
  refractory_drive,
  refractory,
  nutritional_adaptation,
  sensitisation_fast,
  sensitisation_slow,
  catabolic_drive,
  myostatin,
  glycogen,
  damage,
  damage_protection,
  ck,
  lactate,
  fitness,
  fatigue,
  muscle_protein,
  cumulative_mps,
  cumulative_mpb,
  // Appended (result files and tests index the states above by position): for protein eaten as
  // a food, the food's leucine minus its class's own leucine fraction, still in the gut; one per
  // food class (whey .. mixed_meal), emptied with that class's protein.
  gut_leucine_offset_whey,
  gut_leucine_offset_casein,
  gut_leucine_offset_soy,
  gut_leucine_offset_egg,
  gut_leucine_offset_mixed_meal,
  // Appended for hydration: fluid drunk but not yet absorbed (L), and the change of body water
  // since t = 0 (L; negative when dehydrated, 1 L ~ 1 kg of body mass).
  gut_fluid,
  body_water_change,
  // Appended for training frequency: the share of a full anabolic response that a session can
  // raise now (1 recovered); each session's stimulus uses it up, and it returns over about a day
  // and a half.
  anabolic_recovery,
  kStateCount
};

/// The states of the model before any were appended (the solver's tolerance was chosen for them).
inline constexpr int kFirstStateCount = cumulative_mpb + 1;
inline constexpr int kGutProteinCount = 7;  // gut_whey .. gut_leucine
inline constexpr int kGutLeucineOffsetCount = 5;  // gut_leucine_offset_whey .. _mixed_meal

/// Name, unit, meaning and valid range of every state.
const std::array<StateInfo, kStateCount>& state_table();

}  // namespace myoflux::protein_balance
