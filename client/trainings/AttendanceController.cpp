// AttendanceController: marks attendance in the grid for QML, written to the replica at once.
#include "AttendanceController.h"

#include <QVariantMap>

#include "ErrorText.h"
#include "Labels.h"

namespace cadre::trainings {

AttendanceController::AttendanceController(TrainingManager& manager, QObject* parent)
    : QObject(parent), manager_(manager), grid_(manager) {
    connect(&manager_, &TrainingManager::changed, this, [this](const QString& table) {
        if (table == QLatin1String("training") && !trainingId().isEmpty()) {
            const auto t = manager_.training(trainingId());
            title_ = t ? t->title : QString();
            emit trainingIdChanged();
        }
    });
}

QVariantList AttendanceController::legend() const {
    QVariantList out;
    for (const auto& s : Labels::attendanceStatuses())
        out.push_back(QVariantMap{{QStringLiteral("status"), s},
                                  {QStringLiteral("key"), Labels::attendanceKey(s)},
                                  {QStringLiteral("label"), Labels::attendanceStatus(s)}});
    return out;
}

void AttendanceController::open(const QString& trainingId) {
    try {
        const auto t = manager_.training(trainingId);
        title_ = t ? t->title : QString();
        if (trainingId == grid_.trainingId())
            grid_.reload();
        else
            grid_.setTrainingId(trainingId);
        emit trainingIdChanged();
    } catch (const std::exception& e) {
        fail(ErrorText::describe(e));
    }
}

bool AttendanceController::mark(int row, int column, const QString& status) {
    const QString person = grid_.personId(row);
    const QString session = grid_.sessionId(column);
    if (person.isEmpty() || session.isEmpty() || !Labels::attendanceStatuses().contains(status))
        return false;
    try {
        manager_.markAttendance(session, person, status);
        clearError();
        return true;
    } catch (const std::exception& e) {
        fail(tr("The mark for %1 was not saved: %2")
                 .arg(grid_.personName(row), ErrorText::describe(e)));
        return false;
    }
}

QString AttendanceController::statusForKey(const QString& key) const {
    const QString k = key.trimmed().toUpper();
    if (k.isEmpty())
        return {};
    static const QStringList english{QStringLiteral("P"), QStringLiteral("L"), QStringLiteral("E"),
                                     QStringLiteral("A")};
    const QStringList statuses = Labels::attendanceStatuses();
    // The UI language's letters first (French: P, R, E, A), then the English ones.
    for (const auto& s : statuses)
        if (Labels::attendanceKey(s).toUpper() == k)
            return s;
    for (qsizetype i = 0; i < english.size(); ++i)
        if (english[i] == k)
            return statuses[i];
    return {};
}

bool AttendanceController::markByKey(int row, int column, const QString& key) {
    const QString status = statusForKey(key);
    return !status.isEmpty() && mark(row, column, status);
}

bool AttendanceController::cycle(int row, int column) {
    const QStringList statuses = Labels::attendanceStatuses();
    const auto at = statuses.indexOf(grid_.status(row, column));
    return mark(row, column, statuses[(at + 1) % statuses.size()]);
}

bool AttendanceController::clear(int row, int column) {
    const QString person = grid_.personId(row);
    const QString session = grid_.sessionId(column);
    if (person.isEmpty() || session.isEmpty())
        return false;
    try {
        manager_.clearAttendance(session, person);
        clearError();
        return true;
    } catch (const std::exception& e) {
        fail(ErrorText::describe(e));
        return false;
    }
}

int AttendanceController::markUnmarked(int column, const QString& status) {
    const QString session = grid_.sessionId(column);
    if (session.isEmpty() || !Labels::attendanceStatuses().contains(status))
        return 0;
    QStringList people;
    for (int r = 0; r < grid_.rows(); ++r)
        if (grid_.status(r, column).isEmpty())
            people << grid_.personId(r);
    try {
        const int written = manager_.markAttendance(session, people, status);
        clearError();
        return written;
    } catch (const std::exception& e) {
        fail(ErrorText::describe(e));
        return -1;
    }
}

bool AttendanceController::setNote(int row, int column, const QString& note) {
    const QString person = grid_.personId(row);
    const QString session = grid_.sessionId(column);
    if (person.isEmpty() || session.isEmpty())
        return false;
    if (grid_.status(row, column).isEmpty()) {
        fail(tr("Mark %1's attendance first, then add a note.").arg(grid_.personName(row)));
        return false;
    }
    try {
        manager_.setAttendanceNote(session, person, note);
        clearError();
        return true;
    } catch (const std::exception& e) {
        fail(ErrorText::describe(e));
        return false;
    }
}

void AttendanceController::clearError() {
    if (errorText_.isEmpty())
        return;
    errorText_.clear();
    emit errorTextChanged();
}

void AttendanceController::fail(const QString& message) {
    errorText_ = message;
    emit errorTextChanged();
    emit error(message);
}

void AttendanceController::reload() {
    open(trainingId());
    emit legendChanged();
}

}  // namespace cadre::trainings
