// TrainingTypes: the one setup function the app calls to put the trainings part into QML.
#include "TrainingTypes.h"

#include <QCoreApplication>
#include <QEvent>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTimer>

namespace cadre::trainings {

TrainingServices::TrainingServices(replica::Replica& replica, QObject* parent)
    : QObject(parent),
      manager(replica),
      trainingController(manager),
      attendanceController(manager) {
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

void TrainingServices::reload() {
    trainingController.reload();
    attendanceController.reload();
}

void TrainingServices::retranslate() {
    retranslatePending_ = false;
    trainingController.retranslate();
    attendanceController.reload();
    attendanceController.grid()->refreshAll();
}

bool TrainingServices::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange &&
        !retranslatePending_) {
        retranslatePending_ = true;
        QTimer::singleShot(0, this, &TrainingServices::retranslate);
    }
    return QObject::eventFilter(watched, event);
}

TrainingServices* registerTrainingTypes(QQmlEngine& engine, replica::Replica& replica) {
    const char* uri = "Cadre.Trainings";
    const QString reason = QStringLiteral("provided by registerTrainingTypes()");
    qmlRegisterUncreatableType<TrainingListModel>(uri, 1, 0, "TrainingListModel", reason);
    qmlRegisterUncreatableType<SessionListModel>(uri, 1, 0, "SessionListModel", reason);
    qmlRegisterUncreatableType<RosterModel>(uri, 1, 0, "RosterModel", reason);
    qmlRegisterUncreatableType<PersonSearchModel>(uri, 1, 0, "PersonSearchModel", reason);
    qmlRegisterUncreatableType<AttendanceGridModel>(uri, 1, 0, "AttendanceGridModel", reason);
    qmlRegisterUncreatableType<TrainingController>(uri, 1, 0, "TrainingController", reason);
    qmlRegisterUncreatableType<AttendanceController>(uri, 1, 0, "AttendanceController", reason);

    auto* services = new TrainingServices(replica, &engine);
    QQmlEngine::setObjectOwnership(&services->trainingController, QQmlEngine::CppOwnership);
    QQmlEngine::setObjectOwnership(&services->attendanceController, QQmlEngine::CppOwnership);
    engine.rootContext()->setContextProperty(QStringLiteral("trainingController"),
                                             &services->trainingController);
    engine.rootContext()->setContextProperty(QStringLiteral("attendanceController"),
                                             &services->attendanceController);
    return services;
}

}  // namespace cadre::trainings
