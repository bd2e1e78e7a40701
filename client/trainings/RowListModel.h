// RowListModel: a list model over a QList of records with an `id`, refreshed without a reset when
// only values changed (delegates and their focus survive a reload).
#pragma once

#include <QAbstractListModel>
#include <QList>

#include <utility>

namespace cadre::trainings {

template <class Row>
class RowListModel : public QAbstractListModel {
  public:
    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override {
        return parent.isValid() ? 0 : static_cast<int>(rows_.size());
    }
    [[nodiscard]] const QList<Row>& rows() const { return rows_; }
    /// Tells the views every row changed (labels in another language, say).
    void refreshAll() {
        if (!rows_.isEmpty())
            emit dataChanged(index(0), index(static_cast<int>(rows_.size()) - 1));
    }

  protected:
    /// Replaces the rows: when the same ids come in the same order, only the rows whose values
    /// differ get dataChanged; otherwise the model is reset. Returns true if the count changed.
    bool setRows(QList<Row> fresh) {
        bool sameIds = fresh.size() == rows_.size();
        for (qsizetype i = 0; sameIds && i < fresh.size(); ++i)
            sameIds = fresh[i].id == rows_[i].id;
        if (!sameIds) {
            beginResetModel();
            rows_ = std::move(fresh);
            endResetModel();
            return true;
        }
        for (qsizetype i = 0; i < fresh.size(); ++i) {
            if (fresh[i] == rows_[i])
                continue;
            rows_[i] = std::move(fresh[i]);
            const QModelIndex at = index(static_cast<int>(i));
            emit dataChanged(at, at);
        }
        return false;
    }
    [[nodiscard]] const Row* rowAt(const QModelIndex& index) const {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return nullptr;
        return &rows_[index.row()];
    }

  private:
    QList<Row> rows_;
};

}  // namespace cadre::trainings
