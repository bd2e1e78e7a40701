#include "core/ObservationListModel.h"

#include <QHash>

#include "core/Labels.h"

namespace cadre::client {

ObservationListModel::ObservationListModel(MissionManager& missions, ReferenceManager& references,
                                           QObject* parent)
    : QAbstractListModel(parent), missions_(missions), references_(references) {
    connect(&missions_, &MissionManager::changed, this, [this](const QString& table) {
        if (table == QLatin1String("observation") || table == QLatin1String("*")) {
            reload();
        }
    });
}

int ObservationListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant ObservationListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& r = rows_.at(index.row());
    const ObservationRow& o = r.observation;
    const int maturity = o.maturity.isValid() ? o.maturity.toInt() : -1;
    switch (role) {
        case Qt::DisplayRole:
        case TitleRole:
            return r.standard.title();
        case StandardIdRole:
            return o.standardId;
        case NumberRole:
            return o.number;
        case GroupNumberRole:
            return r.standard.groupNumber;
        case GroupRole:
            return r.standard.group();
        case ObservationIdRole:
            return o.observationId;
        case HasObservationRole:
            return !o.observationId.isEmpty();
        case MaturityRole:
            return maturity;
        case MaturityLabelRole:
            return Labels::maturity(maturity);
        case PriorityRole:
            return o.priority;
        case PriorityLabelRole:
            return Labels::priority(o.priority);
        case ReviewStateRole:
            return o.reviewState;
        case SummaryRole: {
            const QString text = !o.currentState.isEmpty() ? o.currentState : o.gaps;
            const QString line = text.simplified();
            return line.size() > 140 ? line.left(139) + QChar(0x2026) : line;
        }
        default:
            return {};
    }
}

QHash<int, QByteArray> ObservationListModel::roleNames() const {
    return {{StandardIdRole, "standardId"},
            {NumberRole, "number"},
            {TitleRole, "title"},
            {GroupNumberRole, "groupNumber"},
            {GroupRole, "group"},
            {ObservationIdRole, "observationId"},
            {HasObservationRole, "hasObservation"},
            {MaturityRole, "maturity"},
            {MaturityLabelRole, "maturityLabel"},
            {PriorityRole, "priority"},
            {PriorityLabelRole, "priorityLabel"},
            {ReviewStateRole, "reviewState"},
            {SummaryRole, "summary"}};
}

void ObservationListModel::setMissionId(const QString& id) {
    if (id != missionId_) {
        missionId_ = id;
        emit missionIdChanged();
        reload();
    }
}

int ObservationListModel::observedCount() const {
    return static_cast<int>(std::count_if(rows_.cbegin(), rows_.cend(), [](const Row& r) {
        return !r.observation.observationId.isEmpty();
    }));
}

QString ObservationListModel::standardIdAt(int row) const {
    return row >= 0 && row < count() ? rows_.at(row).observation.standardId : QString();
}

int ObservationListModel::indexOfStandard(const QString& standardId) const {
    for (int i = 0; i < count(); ++i) {
        if (rows_.at(i).observation.standardId == standardId) {
            return i;
        }
    }
    return -1;
}

void ObservationListModel::reload() {
    QVector<Row> rows;
    if (!missionId_.isEmpty()) {
        const QVector<ObservationRow> observations = missions_.observations(missionId_);
        QHash<QString, StandardInfo> standards;
        const QString editionId = missions_.mission(missionId_).editionId;
        for (const StandardInfo& s : references_.standards(editionId)) {
            standards.insert(s.id, s);
        }
        for (const ObservationRow& o : observations) {
            rows.append({o, standards.value(o.standardId)});
        }
    }
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
    emit countChanged();
}

}  // namespace cadre::client
