// TrainingsTestSupport: a temporary replica and a realistic seeded training for the trainings
// tests.
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

#include "TrainingManager.h"
#include "replica/Replica.h"

namespace cadre::trainings::test {

/// A device replica in a temporary directory, removed at the end of the test.
class TempReplica {
  public:
    TempReplica();
    [[nodiscard]] replica::Replica& replica() { return *replica_; }
    [[nodiscard]] QString path() const { return dir_.filePath(QStringLiteral("device.db")); }

  private:
    QTemporaryDir dir_;
    std::unique_ptr<replica::Replica> replica_;
};

/// The id of a WCO Member in the reference data, by ISO 3166-1 alpha-3 code.
[[nodiscard]] QString memberId(const char* iso3);
/// The id of the West and Central Africa region.
[[nodiscard]] QString wcaRegionId();

/// A training of trainers in Dakar for West African Members: 3 sessions, `participants` people
/// (plausible names from Senegal, Côte d'Ivoire, Mali, Burkina Faso, Niger, Togo, Benin, Guinea),
/// 2 trainers, standards 1, 2, 5 and 7 covered.
struct SeededTraining {
    QString trainingId;
    QStringList sessionIds;  ///< in grid order
    QStringList personIds;   ///< participants, in grid order (family name, given names)
    QStringList trainerIds;  ///< person ids of the trainers
};
SeededTraining seedDakarToT(TrainingManager& manager, int participants = 30);
/// A few more trainings of other kinds and places, for the list.
void seedOtherTrainings(TrainingManager& manager);

/// The number of attendance rows (deleted included) for (session, person): 0 or 1, never more.
[[nodiscard]] int attendanceRows(replica::Replica& replica, const QString& sessionId,
                                 const QString& personId);

}  // namespace cadre::trainings::test
