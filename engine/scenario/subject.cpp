// Reads the subject; derived defaults (HRmax from age, muscle mass from sex) are applied after
// the fields they depend on are known, so `sex: female` alone gives the female muscle fraction.
#include "engine/scenario/subject.hpp"

#include "engine/scenario/conversions.hpp"
#include "engine/scenario/fields.hpp"

namespace myoflux::scenario {

Subject read_subject(const YamlNode* node) {
  Subject s;
  if (node == nullptr) return s;
  const Fields f(*node, "subject", "the subject");
  if (const YamlNode* v = f.optional("sex"))
    s.sex = read_choice(*v, "sex", kSexes) == "female" ? Sex::female : Sex::male;
  if (const YamlNode* v = f.optional("age"))
    s.age_years = read_quantity(*v, "subject", "age", Dimension::age);
  if (const YamlNode* v = f.optional("body_mass"))
    s.body_mass_kg = read_quantity(*v, "subject", "body_mass", Dimension::mass) / 1000.0;
  if (const YamlNode* v = f.optional("vo2max"))
    s.vo2max_ml_per_kg_min = read_quantity(*v, "subject", "vo2max", Dimension::vo2);
  if (const YamlNode* v = f.optional("lactate_threshold"))
    s.lactate_threshold_fraction =
        read_quantity(*v, "subject", "lactate_threshold", Dimension::fraction_vo2max);
  if (const YamlNode* v = f.optional("training_status")) {
    const std::string t = read_choice(*v, "training_status", kTrainingStatuses);
    s.training_status = t == "untrained"      ? TrainingStatus::untrained
                        : t == "recreational" ? TrainingStatus::recreational
                                              : TrainingStatus::trained;
  }
  const YamlNode* hrmax = f.optional("hrmax");
  s.hrmax_bpm = hrmax ? read_quantity(*hrmax, "subject", "hrmax", Dimension::heart_rate)
                      : tanaka_hrmax_bpm(s.age_years);
  const YamlNode* muscle = f.optional("muscle_mass_fraction");
  s.muscle_mass_fraction =
      muscle ? read_quantity(*muscle, "subject", "muscle_mass_fraction", Dimension::fraction)
             : janssen_muscle_mass_fraction(s.sex);
  return s;
}

}  // namespace myoflux::scenario
