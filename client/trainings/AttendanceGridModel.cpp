// AttendanceGridModel: the attendance of one training as a people × sessions table.
#include "AttendanceGridModel.h"

#include <QVariantMap>

#include "Labels.h"

namespace cadre::trainings {

namespace {
bool counts(const QString& status) {
    return status == QLatin1String("present") || status == QLatin1String("late");
}
}  // namespace

AttendanceGridModel::AttendanceGridModel(TrainingManager& manager, QObject* parent)
    : QAbstractTableModel(parent), manager_(manager) {
    connect(&manager_, &TrainingManager::changed, this, [this](const QString& table) {
        if (table == QLatin1String("attendance") || table == QLatin1String("enrolment") ||
            table == QLatin1String("training_session") || table == QLatin1String("person"))
            reload();
    });
}

int AttendanceGridModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : rows();
}

int AttendanceGridModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : columns();
}

QVariant AttendanceGridModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString mark = status(index.row(), index.column());
    switch (role) {
        case Qt::DisplayRole:
        case StatusKeyRole:
            return Labels::attendanceKey(mark);
        case StatusRole:
            return mark;
        case StatusLabelRole:
            return Labels::attendanceStatus(mark);
        case PersonIdRole:
            return people_[index.row()].id;
        case SessionIdRole:
            return sessions_[index.column()].id;
        case PersonNameRole:
            return people_[index.row()].name;
        case NoteRole:
            return note(index.row(), index.column());
        default:
            return {};
    }
}

QVariant AttendanceGridModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rows())
            return {};
        if (role == Qt::DisplayRole || role == PersonNameRole)
            return people_[section].name;
        if (role == PersonIdRole)
            return people_[section].id;
        return {};
    }
    if (section < 0 || section >= columns())
        return {};
    const SessionInfo& s = sessions_[section];
    switch (role) {
        case Qt::DisplayRole:
            return Labels::sessionDate(s.heldOn) + QLatin1Char('\n') + Labels::sessionPart(s.part);
        case SessionIdRole:
            return s.id;
        case PresentCountRole:
            return presentCount(section);
        default:
            return {};
    }
}

QHash<int, QByteArray> AttendanceGridModel::roleNames() const {
    return {{Qt::DisplayRole, "display"},
            {StatusRole, "status"},
            {StatusKeyRole, "statusKey"},
            {StatusLabelRole, "statusLabel"},
            {PersonIdRole, "personId"},
            {SessionIdRole, "sessionId"},
            {PersonNameRole, "personName"},
            {PresentCountRole, "presentCount"},
            {NoteRole, "note"}};
}

void AttendanceGridModel::setTrainingId(const QString& id) {
    if (id == trainingId_)
        return;
    trainingId_ = id;
    emit trainingIdChanged();
    reload();
}

QVariantList AttendanceGridModel::columnHeaders() const {
    QVariantList out;
    for (int c = 0; c < columns(); ++c) {
        const SessionInfo& s = sessions_[c];
        int marked = 0;
        for (const auto& p : people_)
            marked += marks_.contains({s.id, p.id}) ? 1 : 0;
        out.push_back(QVariantMap{{QStringLiteral("sessionId"), s.id},
                                  {QStringLiteral("date"), Labels::sessionDate(s.heldOn)},
                                  {QStringLiteral("part"), Labels::sessionPart(s.part)},
                                  {QStringLiteral("topic"), s.topic},
                                  {QStringLiteral("present"), presentCount(c)},
                                  {QStringLiteral("marked"), marked}});
    }
    return out;
}

QString AttendanceGridModel::personId(int row) const {
    return row >= 0 && row < rows() ? people_[row].id : QString();
}

QString AttendanceGridModel::personName(int row) const {
    return row >= 0 && row < rows() ? people_[row].name : QString();
}

QString AttendanceGridModel::sessionId(int column) const {
    return column >= 0 && column < columns() ? sessions_[column].id : QString();
}

QString AttendanceGridModel::status(int row, int column) const {
    if (row < 0 || row >= rows() || column < 0 || column >= columns())
        return {};
    return marks_.value({sessions_[column].id, people_[row].id});
}

QString AttendanceGridModel::statusLabel(int row, int column) const {
    const QString mark = status(row, column);
    return mark.isEmpty() ? QString() : Labels::attendanceStatus(mark);
}

QString AttendanceGridModel::note(int row, int column) const {
    if (row < 0 || row >= rows() || column < 0 || column >= columns())
        return {};
    return notes_.value({sessions_[column].id, people_[row].id});
}

QString AttendanceGridModel::sessionLabel(int column) const {
    if (column < 0 || column >= columns())
        return {};
    return Labels::sessionDate(sessions_[column].heldOn) + QStringLiteral(" · ") +
           Labels::sessionPart(sessions_[column].part);
}

int AttendanceGridModel::presentCount(int column) const {
    if (column < 0 || column >= columns())
        return 0;
    int n = 0;
    for (const auto& p : people_)
        n += counts(marks_.value({sessions_[column].id, p.id})) ? 1 : 0;
    return n;
}

void AttendanceGridModel::refreshAll() {
    if (rows() > 0 && columns() > 0)
        emit dataChanged(index(0, 0), index(rows() - 1, columns() - 1));
    if (rows() > 0)
        emit headerDataChanged(Qt::Vertical, 0, rows() - 1);
    if (columns() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columns() - 1);
    emit headersChanged();
}

void AttendanceGridModel::reload() {
    QList<Person> people;
    QList<SessionInfo> sessions;
    QHash<AttendanceKey, QString> marks;
    QHash<AttendanceKey, QString> notes;
    if (!trainingId_.isEmpty()) {
        for (const auto& e : manager_.roster(trainingId_))
            people.push_back({e.person.id, e.person.displayName(), e.person.organisation});
        sessions = manager_.sessions(trainingId_);
        marks = manager_.attendance(trainingId_);
        notes = manager_.attendanceNotes(trainingId_);
    }
    if (people != people_ || sessions != sessions_) {
        const bool shape = people.size() != people_.size() || sessions.size() != sessions_.size();
        beginResetModel();
        people_ = std::move(people);
        sessions_ = std::move(sessions);
        marks_ = std::move(marks);
        notes_ = std::move(notes);
        endResetModel();
        if (shape)
            emit shapeChanged();
        emit headersChanged();
        return;
    }
    if (marks == marks_ && notes == notes_)
        return;
    std::swap(marks_, marks);  // `marks` and `notes` now hold the previous values
    std::swap(notes_, notes);
    bool anyChanged = false;
    bool noteChanged = false;
    for (int c = 0; c < columns(); ++c) {
        for (int r = 0; r < rows(); ++r) {
            const AttendanceKey key{sessions_[c].id, people_[r].id};
            if (notes_.value(key) != notes.value(key)) {
                noteChanged = true;
                const QModelIndex at = index(r, c);
                emit dataChanged(at, at, {NoteRole});
            }
            if (marks_.value(key) == marks.value(key))
                continue;
            anyChanged = true;
            const QModelIndex at = index(r, c);
            emit dataChanged(at, at, {Qt::DisplayRole, StatusRole, StatusKeyRole, StatusLabelRole});
        }
    }
    if (anyChanged)
        emit headerDataChanged(Qt::Horizontal, 0, columns() - 1);
    if (anyChanged || noteChanged)
        emit headersChanged();
}

}  // namespace cadre::trainings
