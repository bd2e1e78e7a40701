// AttendanceGridModel: the attendance of one training as a table — rows are the enrolled people,
// columns the sessions, each cell the person's mark at that session (or none yet).
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QVariantList>

#include "TrainingManager.h"

namespace cadre::trainings {

class AttendanceGridModel : public QAbstractTableModel {
    Q_OBJECT
    Q_PROPERTY(QString trainingId READ trainingId WRITE setTrainingId NOTIFY trainingIdChanged)
    Q_PROPERTY(int rows READ rows NOTIFY shapeChanged)
    Q_PROPERTY(int columns READ columns NOTIFY shapeChanged)
    /// Per session: {sessionId, date, part, topic, present, marked}, for the column headers.
    /// Notified whenever a mark or a note changes.
    Q_PROPERTY(QVariantList columnHeaders READ columnHeaders NOTIFY headersChanged)

  public:
    enum Role {
        StatusRole = Qt::UserRole + 1,  ///< present, late, excused, absent, or "" (not marked)
        StatusKeyRole,                  ///< the status's one-letter key in the UI language
        StatusLabelRole,                ///< the status's name in the UI language
        PersonIdRole,
        SessionIdRole,
        PersonNameRole,
        PresentCountRole,  ///< headerData, horizontal: people present or late at the session
        NoteRole,          ///< the mark's note, or ""
    };
    Q_ENUM(Role)

    explicit AttendanceGridModel(TrainingManager& manager, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString trainingId() const { return trainingId_; }
    void setTrainingId(const QString& id);
    [[nodiscard]] int rows() const { return static_cast<int>(people_.size()); }
    [[nodiscard]] int columns() const { return static_cast<int>(sessions_.size()); }
    [[nodiscard]] QVariantList columnHeaders() const;

    [[nodiscard]] Q_INVOKABLE QString personId(int row) const;
    [[nodiscard]] Q_INVOKABLE QString personName(int row) const;
    [[nodiscard]] Q_INVOKABLE QString sessionId(int column) const;
    [[nodiscard]] Q_INVOKABLE QString status(int row, int column) const;
    /// The status's name in the UI language, or "" when not marked.
    [[nodiscard]] Q_INVOKABLE QString statusLabel(int row, int column) const;
    [[nodiscard]] Q_INVOKABLE QString note(int row, int column) const;
    /// "Tue 1 Dec · Morning", for the session of `column`.
    [[nodiscard]] Q_INVOKABLE QString sessionLabel(int column) const;
    /// People marked present or late at the session of `column`.
    [[nodiscard]] Q_INVOKABLE int presentCount(int column) const;

  public slots:
    /// Reads the roster, sessions and marks again. When the people and sessions are the same,
    /// only the cells whose mark changed get dataChanged (the focused cell stays focused).
    void reload();
    /// Tells the views every cell and header changed (labels in another language).
    void refreshAll();

  signals:
    void trainingIdChanged();
    void shapeChanged();
    void headersChanged();

  private:
    struct Person {
        QString id;
        QString name;
        QString organisation;
        friend bool operator==(const Person&, const Person&) = default;
    };
    TrainingManager& manager_;
    QString trainingId_;
    QList<Person> people_;
    QList<SessionInfo> sessions_;
    QHash<AttendanceKey, QString> marks_;
    QHash<AttendanceKey, QString> notes_;
};

}  // namespace cadre::trainings
