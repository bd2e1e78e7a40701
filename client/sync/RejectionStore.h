// RejectionStore: the changes the server refused, kept in the replica's local settings (JSON) so
// the needs-attention list survives restarts. The data itself stays in the outbox, editable.
#pragma once

#include <QList>
#include <QString>
#include <cstdint>
#include <vector>

#include "replica/Replica.h"
#include "sync/SyncClient.h"

namespace cadre::client {

/// One refused change, named by its record. A refusal that names no change of the batch (a
/// sequence gap, a clock problem) has an empty table and row: it holds up the whole outbox.
struct StoredRejection {
    std::int64_t seq = 0;  ///< the outbox sequence number of the refused change
    QString table;
    QString row;
    QString field;  ///< the column the issue names, or "" for the whole change
    int status = 0;
    QString code;           ///< "forbidden", "invalid_change", …
    QString message;        ///< the server's message for the batch (English)
    QString reason;         ///< the server's reason for this change (English)
    std::int64_t atMs = 0;  ///< when this device first saw the refusal
    friend bool operator==(const StoredRejection&, const StoredRejection&) = default;
};

class RejectionStore {
  public:
    static constexpr const char* kSettingKey = "sync.rejections";

    [[nodiscard]] static QList<StoredRejection> load(replica::Replica& replica);
    static void save(replica::Replica& replica, const QList<StoredRejection>& rejections);

    /// After a push: keeps what the server refused, naming the records of the batch it refused
    /// (the first `pushBatch` changes of the outbox, as the SyncClient sends them), or forgets
    /// every earlier refusal when the push went through. Returns true when the list changed.
    static bool recordPush(replica::Replica& replica,
                           const std::vector<sync::Rejection>& rejections, std::size_t pushBatch,
                           std::int64_t nowMs);

    /// The index N of an issue field "changes[N]…", and the column of "changes[N].fields.X" (or
    /// the last word after the index). Returns -1 when the field names no change.
    [[nodiscard]] static int changeIndex(const std::string& field, std::string* column);
};

}  // namespace cadre::client
