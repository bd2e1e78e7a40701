#include "sync/AttentionReader.h"

#include <QCoreApplication>
#include <algorithm>
#include <map>

#include "clock/HybridClock.h"
#include "replica/Replica.h"
#include "sync/FieldLabels.h"
#include "sync/RecordTitles.h"
#include "sync/RejectionStore.h"

namespace cadre::client {

namespace {

QDateTime timeOf(const merge::Leaf& leaf) {
    if (leaf.version.hlc == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(clock::physicalMs(leaf.version.hlc));
}

QString display(const merge::Leaf& leaf) {
    return QString::fromStdString(leaf.value.toDisplay());
}

/// What the server's refusal code means for the user.
QString refusalHeadline(const QString& code) {
    if (code == QLatin1String("forbidden"))
        return QCoreApplication::translate("AttentionReader",
                                           "Your account may not make this change");
    if (code == QLatin1String("invalid_change"))
        return QCoreApplication::translate("AttentionReader", "A value is not accepted");
    if (code == QLatin1String("blob_incomplete"))
        return QCoreApplication::translate("AttentionReader",
                                           "The attached file has not been fully sent");
    if (code == QLatin1String("missing_record"))
        return QCoreApplication::translate("AttentionReader",
                                           "The record it changes is unknown to the server");
    return QCoreApplication::translate("AttentionReader", "Refused by the server");
}

QDateTime parseTime(const QString& text) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t;
}

}  // namespace

std::vector<AttentionItem> AttentionReader::read() {
    std::vector<AttentionItem> out;
    addRejections(out);
    addConflicts(out);
    addReviews(out);
    addComments(out);
    std::stable_sort(out.begin(), out.end(), [](const AttentionItem& a, const AttentionItem& b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.when > b.when;
    });
    return out;
}

void AttentionReader::addRejections(std::vector<AttentionItem>& out) {
    RecordTitles titles(replica_.database());
    // One entry per record (a record's creation and edits are refused together), its reasons
    // joined.
    std::map<std::pair<QString, QString>, std::size_t> byRecord;
    for (const auto& r : RejectionStore::load(replica_)) {
        const auto key = std::make_pair(r.table, r.row);
        QString reason = refusalHeadline(r.code);
        if (!r.reason.isEmpty())  // the server's own words (English) after the headline
            reason = QCoreApplication::translate("AttentionReader", "%1: %2").arg(reason, r.reason);
        if (!r.field.isEmpty() && r.field != QLatin1String("origin") &&
            r.field != QLatin1String("author") && r.field != QLatin1String("seq"))
            reason = fieldLabel(r.table, r.field) + QStringLiteral(" — ") + reason;
        if (auto it = byRecord.find(key); it != byRecord.end()) {
            AttentionItem& item = out[it->second];
            if (!item.reason.contains(reason))
                item.reason += QLatin1Char('\n') + reason;
            continue;
        }
        AttentionItem item;
        item.kind = AttentionItem::Kind::Rejected;
        item.table = r.table;
        item.recordId = r.row;
        item.column = r.field;
        const RecordTitle title = titles.of(r.table, r.row);
        item.title = title.title;
        item.missionId = title.missionId;
        item.reason = reason;
        item.when = QDateTime::fromMSecsSinceEpoch(r.atMs);
        byRecord[key] = out.size();
        out.push_back(std::move(item));
    }
    // Changes set aside after a refusal for good: not sent, kept on this device, and the device's
    // other changes went on.
    for (const auto& s : replica_.setAsideChanges()) {
        const QString table = QString::fromStdString(s.table);
        const QString row = QString::fromStdString(s.row);
        const auto key = std::make_pair(table, row);
        const QString reason =
            QCoreApplication::translate("AttentionReader", "Not sent, kept on this device — %1: %2")
                .arg(refusalHeadline(QString::fromStdString(s.code)),
                     QString::fromStdString(s.reason));
        if (auto it = byRecord.find(key); it != byRecord.end()) {
            AttentionItem& item = out[it->second];
            if (!item.reason.contains(reason))
                item.reason += QLatin1Char('\n') + reason;
            continue;
        }
        AttentionItem item;
        item.kind = AttentionItem::Kind::Rejected;
        item.table = table;
        item.recordId = row;
        const RecordTitle title = titles.of(table, row);
        item.title = title.title;
        item.missionId = title.missionId;
        item.reason = reason;
        item.when = QDateTime::fromMSecsSinceEpoch(s.atMs);
        byRecord[key] = out.size();
        out.push_back(std::move(item));
    }
}

void AttentionReader::addConflicts(std::vector<AttentionItem>& out) {
    RecordTitles titles(replica_.database());
    for (const auto& c : replica_.conflicts()) {
        AttentionItem item;
        item.kind = AttentionItem::Kind::Conflict;
        item.table = QString::fromStdString(c.table);
        item.recordId = QString::fromStdString(c.row);
        item.column = QString::fromStdString(c.column);
        const RecordTitle title = titles.of(item.table, item.recordId);
        item.title = title.title;
        item.missionId = title.missionId;
        item.winnerValue = display(c.winner);
        item.winnerAuthor = QString::fromStdString(c.winner.author);
        item.winnerDevice = QString::fromStdString(c.winner.version.device);
        item.winnerAt = timeOf(c.winner);
        item.loserValue = display(c.loser);
        item.loserAuthor = QString::fromStdString(c.loser.author);
        item.loserDevice = QString::fromStdString(c.loser.version.device);
        item.loserAt = timeOf(c.loser);
        item.when = std::max(item.winnerAt, item.loserAt);
        item.reason = item.column == QLatin1String("deleted")
                          ? QCoreApplication::translate(
                                "AttentionReader",
                                "Deleted on one device while edited on another; headquarters "
                                "will decide")
                          : QCoreApplication::translate(
                                "AttentionReader",
                                "%1: edited on two devices at once; “%2” (%3) is shown, “%4” "
                                "(%5) is kept for headquarters to decide")
                                .arg(fieldLabel(item.table, item.column), item.winnerValue,
                                     item.winnerAuthor, item.loserValue, item.loserAuthor);
        out.push_back(std::move(item));
    }
}

void AttentionReader::addReviews(std::vector<AttentionItem>& out) {
    RecordTitles titles(replica_.database());
    for (const char* table : {"mission", "observation"}) {
        replica::Statement st(replica_.database(),
                              std::string("SELECT id FROM ") + table +
                                  " WHERE deleted = 0 AND review_state = 'has_issues'");
        while (st.step()) {
            AttentionItem item;
            item.kind = AttentionItem::Kind::Review;
            item.table = QString::fromLatin1(table);
            item.recordId = QString::fromStdString(st.text(0));
            item.column = QStringLiteral("review_state");
            const RecordTitle title = titles.of(item.table, item.recordId);
            item.title = title.title;
            item.missionId = title.missionId;
            item.reason = QCoreApplication::translate(
                "AttentionReader",
                "Headquarters found issues: see the review comments and correct it");
            out.push_back(std::move(item));
        }
    }
}

void AttentionReader::addComments(std::vector<AttentionItem>& out) {
    RecordTitles titles(replica_.database());
    // Comments on what is not approved yet (a comment on approved work is history).
    replica::Statement st(
        replica_.database(),
        "SELECT c.mission_id, c.observation_id, c.body, c.posted_at FROM review_comment c "
        "LEFT JOIN mission m ON m.id = c.mission_id "
        "LEFT JOIN observation o ON o.id = c.observation_id "
        "WHERE c.deleted = 0 AND coalesce(o.review_state, m.review_state, '') != 'approved'");
    while (st.step()) {
        AttentionItem item;
        item.kind = AttentionItem::Kind::Comment;
        const bool onObservation = !st.isNull(1) && !st.text(1).empty();
        item.table = onObservation ? QStringLiteral("observation") : QStringLiteral("mission");
        item.recordId = QString::fromStdString(onObservation ? st.text(1) : st.text(0));
        const RecordTitle title = titles.of(item.table, item.recordId);
        item.title = title.title;
        item.missionId = QString::fromStdString(st.text(0));
        item.reason = QString::fromStdString(st.text(2));
        item.when = parseTime(QString::fromStdString(st.text(3)));
        out.push_back(std::move(item));
    }
}

}  // namespace cadre::client
