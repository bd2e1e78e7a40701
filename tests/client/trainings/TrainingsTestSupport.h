// TrainingsTestSupport: a temporary replica and a realistic seeded training for the trainings
// tests.
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

#include "DemoTrainings.h"
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

using SeededTraining = DemoTraining;
using cadre::trainings::memberId;
using cadre::trainings::seedDakarToT;
using cadre::trainings::seedOtherTrainings;
using cadre::trainings::wcaRegionId;

/// The number of attendance rows (deleted included) for (session, person): 0 or 1, never more.
[[nodiscard]] int attendanceRows(replica::Replica& replica, const QString& sessionId,
                                 const QString& personId);

}  // namespace cadre::trainings::test
