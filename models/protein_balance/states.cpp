#include "models/protein_balance/states.hpp"

#include <limits>
#include <string>

namespace myoflux::protein_balance {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

/// Most states are amounts or concentrations: never negative, unbounded above.
StateInfo nonnegative(const char* name, const char* unit, const char* description, double scale) {
  return {name, unit, description, 0.0, inf, scale};
}

/// A state with a range of its own (a fraction, a signed drive).
StateInfo bounded(const char* name, const char* unit, const char* description, double lower,
                  double upper, double scale) {
  return {name, unit, description, lower, upper, scale};
}

}  // namespace

const std::array<StateInfo, kStateCount>& state_table() {
  // Each row is indexed by its State, so the table cannot fall out of the enum's order.
  static const std::array<StateInfo, kStateCount> table = [] {
    std::array<StateInfo, kStateCount> t;
    t[gut_whey] = nonnegative("gut_whey_g", "g", "whey protein not yet digested", 10.0);
    t[gut_casein] = nonnegative("gut_casein_g", "g", "casein not yet digested", 10.0);
    t[gut_soy] = nonnegative("gut_soy_g", "g", "soy protein not yet digested", 10.0);
    t[gut_egg] = nonnegative("gut_egg_g", "g", "egg protein not yet digested", 10.0);
    t[gut_mixed_meal] =
        nonnegative("gut_mixed_meal_g", "g", "mixed-meal protein not yet digested", 10.0);
    t[gut_eaa] = nonnegative("gut_eaa_g", "g", "free essential amino acids not yet absorbed", 10.0);
    t[gut_leucine] = nonnegative("gut_leucine_g", "g", "free leucine not yet absorbed", 1.0);
    t[gut_carbohydrate] =
        nonnegative("gut_carbohydrate_g", "g", "carbohydrate not yet absorbed", 50.0);
    t[gut_fat] =
        nonnegative("gut_fat_g", "g", "fat not yet absorbed (slows gastric emptying)", 20.0);
    t[plasma_leucine] =
        nonnegative("plasma_leucine_umol_per_l", "umol/L", "plasma leucine concentration", 100.0);
    t[insulin] = nonnegative("insulin_pmol_per_l", "pmol/L", "plasma insulin concentration", 50.0);
    t[intracellular_leucine] = nonnegative("intracellular_leucine_umol_per_l", "umol/L",
                                           "free leucine in muscle water", 100.0);
    t[anabolic_signal] = nonnegative("anabolic_signal_fold", "fold",
                                     "mTORC1/p70S6K-like anabolic signal, 1 at rest", 1.0);
    t[refractory_drive] = bounded(
        "refractory_drive", "1",
        "anabolic drive delayed by about an hour; it makes the muscle refractory", -inf, inf, 0.1);
    t[refractory] =
        bounded("refractory", "1", "'muscle full' refractory state: 0 responsive, 1 unresponsive",
                0.0, 1.0, 1.0);
    t[nutritional_adaptation] = nonnegative("nutritional_adaptation", "1/h",
                                            "net protein surplus that recent days' meals created, "
                                            "per unit muscle protein (slow moving average)",
                                            0.0001);
    t[sensitisation_fast] =
        nonnegative("sensitisation_fast", "1", "exercise anabolic sensitisation, early stage", 1.0);
    t[sensitisation_slow] =
        nonnegative("sensitisation_slow", "1",
                    "exercise anabolic sensitisation, late stage (about a day)", 1.0);
    t[catabolic_drive] = nonnegative("catabolic_drive", "1",
                                     "early post-exercise rise in breakdown signalling", 1.0);
    t[myostatin] =
        nonnegative("myostatin_relative", "1", "myostatin-like growth inhibitor, 1 at rest", 1.0);
    t[glycogen] = nonnegative("glycogen_mmol_per_kg_dw", "mmol/kg dw",
                              "leg muscle glycogen (glucosyl units)", 100.0);
    t[damage] = nonnegative("damage", "1",
                            "muscle damage; 1 ~ after a marathon in a recreational runner", 1.0);
    t[damage_protection] =
        bounded("damage_protection", "1",
                "repeated-bout protection: 0 none, 1 immune to further damage", 0.0, 1.0, 1.0);
    t[ck] = nonnegative("ck_u_per_l", "U/L", "plasma creatine kinase", 100.0);
    t[lactate] = nonnegative("lactate_mmol_per_l", "mmol/L", "blood lactate", 1.0);
    t[fitness] = nonnegative("fitness", "AU",
                             "Banister fitness: training impulse remembered over ~6 weeks", 100.0);
    t[fatigue] = nonnegative("fatigue", "AU",
                             "Banister fatigue: training impulse remembered over ~1 week", 100.0);
    t[muscle_protein] =
        nonnegative("muscle_protein_g", "g", "myofibrillar protein of the leg muscles", 1000.0);
    t[cumulative_mps] =
        nonnegative("cumulative_mps_g", "g", "myofibrillar protein synthesized since t = 0", 100.0);
    t[cumulative_mpb] =
        nonnegative("cumulative_mpb_g", "g", "myofibrillar protein broken down since t = 0", 100.0);
    const char* food_classes[kGutLeucineOffsetCount] = {"whey", "casein", "soy", "egg",
                                                        "mixed_meal"};
    for (int i = 0; i < kGutLeucineOffsetCount; ++i)
      t[gut_leucine_offset_whey + i] =
          bounded((std::string("gut_leucine_offset_") + food_classes[i] + "_g").c_str(), "g",
                  "leucine of food protein digesting at this class's rate, minus the class's own "
                  "leucine fraction of it (negative for foods poorer in leucine)",
                  -inf, inf, 0.1);
    t[gut_fluid] = nonnegative("gut_fluid_l", "L", "fluid drunk but not yet absorbed", 0.1);
    t[body_water_change] = bounded(
        "body_water_change_l", "L",
        "body water gained (positive) or lost (negative) since t = 0; 1 L ~ 1 kg", -inf, inf, 0.1);
    t[anabolic_recovery] =
        bounded("anabolic_recovery", "1",
                "share of a full anabolic response a session can raise now: 1 recovered, used "
                "up while the muscle still answers the last session, back over about 1.5 days",
                0.0, 1.0, 1.0);
    return t;
  }();
  return table;
}

}  // namespace myoflux::protein_balance
