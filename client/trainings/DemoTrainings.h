// DemoTrainings: a realistic training of trainers in Dakar for demonstrations and tests.
#pragma once

#include <QString>
#include <QStringList>

#include "TrainingManager.h"

namespace cadre::trainings {

/// The id of a WCO Member in the reference data, by ISO 3166-1 alpha-3 code.
[[nodiscard]] QString memberId(const char* iso3);
/// The id of the West and Central Africa region.
[[nodiscard]] QString wcaRegionId();

/// What seedDakarToT made.
struct DemoTraining {
    QString trainingId;
    QStringList sessionIds;  ///< in grid order
    QStringList personIds;   ///< participants, in grid order (family name, given names)
    QStringList trainerIds;  ///< person ids of the trainers: the lead, then the co-trainer
};

/// Writes (through the replica, so it syncs) a training of trainers in Dakar for West African
/// Members: 3 sessions, `participants` people (at most 32; plausible names from Senegal, Côte
/// d'Ivoire, Mali, Burkina Faso, Niger, Togo, Benin and Guinea) with pre/post scores, every fourth
/// certified as a trainer and trained by one of the 2 trainers, standards 1, 2, 5 and 7 covered.
/// No attendance is marked.
DemoTraining seedDakarToT(TrainingManager& manager, int participants = 30);
/// Writes three more trainings of other kinds, places and statuses, for the list.
void seedOtherTrainings(TrainingManager& manager);

}  // namespace cadre::trainings
