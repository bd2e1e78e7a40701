// MissionListModel: the missions on this device, filtered by Member, kind, status and text.
#pragma once

#include <QAbstractListModel>

#include "core/MissionManager.h"

namespace cadre::client {

class MissionListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString memberId READ memberId WRITE setMemberId NOTIFY filterChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filterChanged)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filterChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool filtered READ filtered NOTIFY filterChanged)

  public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        KindRole,
        KindLabelRole,
        MemberIdRole,
        MemberNameRole,
        Iso3Role,
        DatesRole,
        StatusRole,
        StatusLabelRole,
        ReviewStateRole,
        ReviewLabelRole,
        ObservedRole,
        StandardCountRole,
        ProgressRole,
    };

    explicit MissionListModel(MissionManager& manager, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString memberId() const { return filter_.memberId; }
    [[nodiscard]] QString kind() const { return filter_.kind; }
    [[nodiscard]] QString status() const { return filter_.status; }
    [[nodiscard]] QString searchText() const { return filter_.text; }
    void setMemberId(const QString& value);
    void setKind(const QString& value);
    void setStatus(const QString& value);
    void setSearchText(const QString& value);
    [[nodiscard]] int count() const { return static_cast<int>(rows_.size()); }
    [[nodiscard]] bool filtered() const;
    /// The row of mission `id`, or -1.
    Q_INVOKABLE int indexOf(const QString& id) const;

  public slots:
    void reload();

  signals:
    void filterChanged();
    void countChanged();

  private:
    MissionManager& manager_;
    MissionFilter filter_;
    QVector<MissionRow> rows_;
};

/// "12 Mar – 20 Mar 2026" (or one date, or empty) in the user's locale.
[[nodiscard]] QString formatDateRange(const QString& startsOn, const QString& endsOn);

}  // namespace cadre::client
