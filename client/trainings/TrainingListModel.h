// TrainingListModel: the trainings list, filtered by kind and status and searched by text.
#pragma once

#include "RowListModel.h"
#include "TrainingManager.h"

namespace cadre::trainings {

class TrainingListModel : public RowListModel<TrainingSummary> {
    Q_OBJECT
    Q_PROPERTY(QString kindFilter READ kindFilter WRITE setKindFilter NOTIFY filterChanged)
    Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

  public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        KindRole,
        KindLabelRole,
        StatusRole,
        StatusLabelRole,
        VenueRole,
        PlaceRole,
        DatesRole,
        StartsOnRole,
        ParticipantCountRole,
        SessionCountRole,
    };
    Q_ENUM(Role)

    explicit TrainingListModel(TrainingManager& manager, QObject* parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString kindFilter() const { return filter_.kind; }
    void setKindFilter(const QString& kind);
    [[nodiscard]] QString statusFilter() const { return filter_.status; }
    void setStatusFilter(const QString& status);
    [[nodiscard]] QString searchText() const { return filter_.search; }
    void setSearchText(const QString& text);
    [[nodiscard]] int count() const { return rowCount(); }

  public slots:
    void reload();

  signals:
    void filterChanged();
    void countChanged();

  private:
    TrainingManager& manager_;
    TrainingFilter filter_;
};

}  // namespace cadre::trainings
