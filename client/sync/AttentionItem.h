// AttentionItem: one entry of the needs-attention list — a conflict, a change the server refused,
// or an HQ review ("has issues", a comment) — with what the list shows of it.
#pragma once

#include <QDateTime>
#include <QString>

namespace cadre::client {

struct AttentionItem {
    enum class Kind { Conflict, Rejected, Review, Comment };
    Kind kind = Kind::Conflict;
    QString table;
    QString recordId;   ///< "" for a refusal that holds up the whole outbox
    QString column;     ///< the field in conflict or refused ("" when none)
    QString missionId;  ///< the mission the record belongs to, for navigation ("" if none)
    QString title;      ///< "Diagnostic — Sénégal", "Observation – Standard 3 · …"
    QString reason;     ///< translated
    QDateTime when;     ///< invalid when unknown
    // Conflicts only: the value shown and the value kept for headquarters.
    QString winnerValue, winnerAuthor, winnerDevice;
    QDateTime winnerAt;
    QString loserValue, loserAuthor, loserDevice;
    QDateTime loserAt;
};

}  // namespace cadre::client
