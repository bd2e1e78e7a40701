// TrainingTypes: the one setup function the app calls to put the trainings part into QML.
#pragma once

#include <QObject>

#include "AttendanceController.h"
#include "TrainingController.h"
#include "TrainingManager.h"

class QQmlEngine;

namespace cadre::trainings {

/// The trainings part's objects, owned by the QML engine they were registered with.
class TrainingServices : public QObject {
    Q_OBJECT

  public:
    TrainingServices(replica::Replica& replica, QObject* parent);

    TrainingManager manager;
    TrainingController trainingController;
    AttendanceController attendanceController;

  public slots:
    /// Reads everything again: connect the sync worker's dataChanged() here.
    void reload();
    /// Reads everything again and redraws every label. Runs by itself (queued) when a translator
    /// is installed or removed (QEvent::LanguageChange on the application), after the app has
    /// also set QLocale::setDefault for the new language.
    void retranslate();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    bool retranslatePending_ = false;  ///< one retranslate for a burst of translator changes
};

/// Sets up trainings for QML:
///
///     cadre::trainings::TrainingServices* cadre::trainings::registerTrainingTypes(
///         QQmlEngine& engine, cadre::replica::Replica& replica);
///
/// Call once on the GUI thread, before loading qrc:/trainings/TrainingsPage.qml,
/// qrc:/trainings/TrainingPage.qml or qrc:/trainings/AttendancePage.qml. `replica` is the GUI
/// thread's replica and must outlive `engine`. Publishes two context properties on the engine's
/// root context:
///   - "trainingController"   (TrainingController: list, edit form, sessions, roster, people)
///   - "attendanceController" (AttendanceController: the attendance grid)
/// and registers the model and controller types (uncreatable) as module "Cadre.Trainings" 1.0.
/// The returned object is owned by `engine`.
TrainingServices* registerTrainingTypes(QQmlEngine& engine, replica::Replica& replica);

}  // namespace cadre::trainings
