// AttendanceController: marks attendance in the grid for QML — one click or one key per mark,
// written to the replica at once.
#pragma once

#include <QObject>
#include <QVariantList>

#include "AttendanceGridModel.h"
#include "TrainingManager.h"

namespace cadre::trainings {

class AttendanceController : public QObject {
    Q_OBJECT
    Q_PROPERTY(cadre::trainings::AttendanceGridModel* grid READ grid CONSTANT)
    Q_PROPERTY(QString trainingId READ trainingId WRITE open NOTIFY trainingIdChanged)
    Q_PROPERTY(QString trainingTitle READ trainingTitle NOTIFY trainingIdChanged)
    /// [{status, key, label}] in the order a Space press cycles through them.
    Q_PROPERTY(QVariantList legend READ legend NOTIFY legendChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

  public:
    explicit AttendanceController(TrainingManager& manager, QObject* parent = nullptr);

    [[nodiscard]] AttendanceGridModel* grid() { return &grid_; }
    [[nodiscard]] QString trainingId() const { return grid_.trainingId(); }
    [[nodiscard]] QString trainingTitle() const { return title_; }
    [[nodiscard]] QVariantList legend() const;
    [[nodiscard]] QString errorText() const { return errorText_; }

    /// Shows the attendance of a training.
    Q_INVOKABLE void open(const QString& trainingId);
    /// Marks the cell (row: person, column: session) present, late, excused or absent.
    Q_INVOKABLE bool mark(int row, int column, const QString& status);
    /// The status a key stands for: P, L, E, A (and the UI language's letters, e.g. R for
    /// "retard" in French), case-insensitive; empty when the key means none.
    [[nodiscard]] Q_INVOKABLE QString statusForKey(const QString& key) const;
    /// Marks the cell with the status of `key`; false (and nothing written) for another key.
    Q_INVOKABLE bool markByKey(int row, int column, const QString& key);
    /// Moves the cell's mark to the next status (none → present → late → excused → absent →
    /// present).
    Q_INVOKABLE bool cycle(int row, int column);
    /// Removes the cell's mark.
    Q_INVOKABLE bool clear(int row, int column);
    /// Marks everyone not marked yet at the session of `column` with `status`, in one write.
    /// Returns how many marks were written (-1 on error).
    Q_INVOKABLE int markUnmarked(int column, const QString& status);
    /// Sets the note of the cell's mark (a note needs a mark first); empty clears it.
    Q_INVOKABLE bool setNote(int row, int column, const QString& note);
    Q_INVOKABLE void clearError();

  public slots:
    void reload();

  signals:
    void trainingIdChanged();
    void legendChanged();
    void errorTextChanged();
    /// A mark was refused; `message` is translated.
    void error(const QString& message);

  private:
    void fail(const QString& message);

    TrainingManager& manager_;
    AttendanceGridModel grid_;
    QString title_;
    QString errorText_;
};

}  // namespace cadre::trainings
