#include "sync/AttentionModel.h"

#include <QCoreApplication>
#include <QDebug>
#include <QEvent>
#include <algorithm>

#include "sync/AttentionReader.h"

namespace cadre::client {

namespace {

QString kindName(AttentionItem::Kind kind) {
    switch (kind) {
        case AttentionItem::Kind::Conflict:
            return QStringLiteral("conflict");
        case AttentionItem::Kind::Rejected:
            return QStringLiteral("rejected");
        case AttentionItem::Kind::Review:
            return QStringLiteral("review");
        case AttentionItem::Kind::Comment:
            return QStringLiteral("comment");
    }
    return {};
}

}  // namespace

AttentionModel::AttentionModel(replica::Replica& replica, QObject* parent)
    : QAbstractListModel(parent), replica_(replica) {
    reload();
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

int AttentionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant AttentionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AttentionItem& i = item(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case TitleRole:
            return i.title;
        case KindRole:
            return kindName(i.kind);
        case ReasonRole:
            return i.reason;
        case WhenRole:
            return i.when;
        case TableRole:
            return i.table;
        case RecordIdRole:
            return i.recordId;
        case ColumnRole:
            return i.column;
        case MissionIdRole:
            return i.missionId;
        case WinnerValueRole:
            return i.winnerValue;
        case WinnerAuthorRole:
            return i.winnerAuthor;
        case WinnerDeviceRole:
            return i.winnerDevice;
        case WinnerAtRole:
            return i.winnerAt;
        case LoserValueRole:
            return i.loserValue;
        case LoserAuthorRole:
            return i.loserAuthor;
        case LoserDeviceRole:
            return i.loserDevice;
        case LoserAtRole:
            return i.loserAt;
        default:
            return {};
    }
}

QHash<int, QByteArray> AttentionModel::roleNames() const {
    return {{KindRole, "kind"},
            {TitleRole, "title"},
            {ReasonRole, "reason"},
            {WhenRole, "when"},
            {TableRole, "table"},
            {RecordIdRole, "recordId"},
            {ColumnRole, "column"},
            {MissionIdRole, "missionId"},
            {WinnerValueRole, "winnerValue"},
            {WinnerAuthorRole, "winnerAuthor"},
            {WinnerDeviceRole, "winnerDevice"},
            {WinnerAtRole, "winnerAt"},
            {LoserValueRole, "loserValue"},
            {LoserAuthorRole, "loserAuthor"},
            {LoserDeviceRole, "loserDevice"},
            {LoserAtRole, "loserAt"}};
}

int AttentionModel::countOf(AttentionItem::Kind kind) const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                          [kind](const auto& i) { return i.kind == kind; }));
}

int AttentionModel::conflictCount() const {
    return countOf(AttentionItem::Kind::Conflict);
}

int AttentionModel::rejectedCount() const {
    return countOf(AttentionItem::Kind::Rejected);
}

void AttentionModel::reload() {
    std::vector<AttentionItem> next;
    try {
        next = AttentionReader(replica_).read();
    } catch (const std::exception& e) {
        qWarning() << "needs attention: cannot read the replica:" << e.what();
        return;
    }
    beginResetModel();
    items_ = std::move(next);
    endResetModel();
    emit countChanged();
}

bool AttentionModel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        reload();
    return QAbstractListModel::eventFilter(watched, event);
}

}  // namespace cadre::client
