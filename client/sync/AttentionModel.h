// AttentionModel: the "Needs attention" list for QML — records with a conflict, changes the
// server refused (data kept, editable) and HQ reviews with issues or comments, in one place.
#pragma once

#include <QAbstractListModel>
#include <vector>

#include "sync/AttentionItem.h"

namespace cadre::replica {
class Replica;
}

namespace cadre::client {

class AttentionModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY countChanged)
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY countChanged)

  public:
    enum Role {
        KindRole = Qt::UserRole + 1,  ///< "conflict", "rejected", "review", "comment"
        TitleRole,
        ReasonRole,
        WhenRole,  ///< QDateTime (invalid when unknown)
        TableRole,
        RecordIdRole,
        ColumnRole,
        MissionIdRole,
        WinnerValueRole,
        WinnerAuthorRole,
        WinnerDeviceRole,
        WinnerAtRole,
        LoserValueRole,
        LoserAuthorRole,
        LoserDeviceRole,
        LoserAtRole,
    };
    Q_ENUM(Role)

    /// Reads `replica` (the GUI thread's) now and at each reload().
    explicit AttentionModel(replica::Replica& replica, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return static_cast<int>(items_.size()); }
    [[nodiscard]] int conflictCount() const;
    [[nodiscard]] int rejectedCount() const;
    [[nodiscard]] const AttentionItem& item(int row) const {
        return items_.at(static_cast<std::size_t>(row));
    }

  public slots:
    /// Reads the list again (after a sync, a local write or a language change).
    void reload();

  signals:
    void countChanged();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    [[nodiscard]] int countOf(AttentionItem::Kind kind) const;

    replica::Replica& replica_;
    std::vector<AttentionItem> items_;
};

}  // namespace cadre::client
