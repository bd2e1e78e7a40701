#include "sync/RejectionStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace cadre::client {

namespace {

QJsonObject toJson(const StoredRejection& r) {
    return QJsonObject{{"seq", static_cast<qint64>(r.seq)},
                       {"table", r.table},
                       {"row", r.row},
                       {"field", r.field},
                       {"status", r.status},
                       {"code", r.code},
                       {"message", r.message},
                       {"reason", r.reason},
                       {"at_ms", static_cast<qint64>(r.atMs)}};
}

StoredRejection fromJson(const QJsonObject& o) {
    StoredRejection r;
    r.seq = o.value("seq").toInteger();
    r.table = o.value("table").toString();
    r.row = o.value("row").toString();
    r.field = o.value("field").toString();
    r.status = o.value("status").toInt();
    r.code = o.value("code").toString();
    r.message = o.value("message").toString();
    r.reason = o.value("reason").toString();
    r.atMs = o.value("at_ms").toInteger();
    return r;
}

bool sameRefusal(const StoredRejection& a, const StoredRejection& b) {
    return a.seq == b.seq && a.table == b.table && a.row == b.row && a.field == b.field &&
           a.code == b.code && a.reason == b.reason;
}

}  // namespace

QList<StoredRejection> RejectionStore::load(replica::Replica& replica) {
    QList<StoredRejection> out;
    const auto json =
        QJsonDocument::fromJson(QByteArray::fromStdString(replica.localSetting(kSettingKey)));
    for (const auto& v : json.array())
        out.push_back(fromJson(v.toObject()));
    return out;
}

void RejectionStore::save(replica::Replica& replica, const QList<StoredRejection>& rejections) {
    QJsonArray list;
    for (const auto& r : rejections)
        list.push_back(toJson(r));
    replica.setLocalSetting(kSettingKey,
                            rejections.isEmpty()
                                ? std::string()
                                : QJsonDocument(list).toJson(QJsonDocument::Compact).toStdString());
}

int RejectionStore::changeIndex(const std::string& field, std::string* column) {
    static const std::string prefix = "changes[";
    if (field.rfind(prefix, 0) != 0)
        return -1;
    const auto close = field.find(']', prefix.size());
    if (close == std::string::npos || close == prefix.size())
        return -1;
    const std::string digits = field.substr(prefix.size(), close - prefix.size());
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        digits.size() > 9)
        return -1;
    if (column) {
        const auto dot = field.rfind('.');
        *column = dot != std::string::npos && dot > close ? field.substr(dot + 1) : "";
    }
    return std::stoi(digits);
}

bool RejectionStore::recordPush(replica::Replica& replica,
                                const std::vector<sync::Rejection>& rejections,
                                std::size_t pushBatch, std::int64_t nowMs) {
    const QList<StoredRejection> before = load(replica);
    QList<StoredRejection> after;
    if (!rejections.empty()) {
        const auto batch = replica.pending(0, pushBatch).changes;
        for (const auto& why : rejections) {
            StoredRejection base;
            base.status = why.status;
            base.code = QString::fromStdString(why.code);
            base.message = QString::fromStdString(why.message);
            base.atMs = nowMs;
            bool named = false;
            for (const auto& [field, reason] : why.issues) {
                std::string column;
                const int i = changeIndex(field, &column);
                if (i < 0 || static_cast<std::size_t>(i) >= batch.size())
                    continue;
                StoredRejection r = base;
                r.seq = batch[static_cast<std::size_t>(i)].seq;
                r.table = QString::fromStdString(batch[static_cast<std::size_t>(i)].table);
                r.row = QString::fromStdString(batch[static_cast<std::size_t>(i)].row);
                r.field = QString::fromStdString(column);
                r.reason = QString::fromStdString(reason);
                after.push_back(r);
                named = true;
            }
            if (!named) {
                // The refusal names no change (sequence gap, clock skew, missing record, …):
                // it holds up the whole outbox from its first change.
                StoredRejection r = base;
                r.seq = batch.empty() ? 0 : batch.front().seq;
                r.reason = base.message;
                after.push_back(r);
            }
        }
        // A refusal seen before keeps the time it was first seen.
        for (auto& r : after)
            for (const auto& old : before)
                if (sameRefusal(r, old))
                    r.atMs = old.atMs;
    }
    if (after == before)
        return false;
    save(replica, after);
    return true;
}

}  // namespace cadre::client
