// ObservationListModel: one row per standard of a mission's catalogue edition, with the state of
// the mission's observation for it (or none yet).
#pragma once

#include <QAbstractListModel>

#include "core/MissionManager.h"
#include "core/ReferenceManager.h"

namespace cadre::client {

class ObservationListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString missionId READ missionId WRITE setMissionId NOTIFY missionIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int observedCount READ observedCount NOTIFY countChanged)

  public:
    enum Role {
        StandardIdRole = Qt::UserRole + 1,
        NumberRole,
        TitleRole,
        GroupNumberRole,
        GroupRole,
        ObservationIdRole,
        HasObservationRole,
        MaturityRole,  ///< -1: not judged yet
        MaturityLabelRole,
        PriorityRole,
        PriorityLabelRole,
        ReviewStateRole,
        SummaryRole,  ///< the first words of the current state or gaps
    };

    ObservationListModel(MissionManager& missions, ReferenceManager& references,
                         QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString missionId() const { return missionId_; }
    void setMissionId(const QString& id);
    [[nodiscard]] int count() const { return static_cast<int>(rows_.size()); }
    [[nodiscard]] int observedCount() const;
    /// The standard id of row `row`, or empty.
    Q_INVOKABLE QString standardIdAt(int row) const;
    Q_INVOKABLE int indexOfStandard(const QString& standardId) const;

  public slots:
    void reload();

  signals:
    void missionIdChanged();
    void countChanged();

  private:
    struct Row {
        ObservationRow observation;
        StandardInfo standard;
    };
    MissionManager& missions_;
    ReferenceManager& references_;
    QString missionId_;
    QVector<Row> rows_;
};

}  // namespace cadre::client
