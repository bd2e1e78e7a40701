#include "sync/RecordTitles.h"

#include <QCoreApplication>

#include "replica/Database.h"
#include "sync/FieldLabels.h"

namespace cadre::client {

namespace {

QString text(const replica::Statement& st, int column) {
    return st.isNull(column) ? QString() : QString::fromStdString(st.text(column));
}

}  // namespace

RecordTitle RecordTitles::of(const QString& table, const QString& id) {
    if (table == QLatin1String("mission"))
        return mission(id);
    if (table == QLatin1String("observation"))
        return observation(id);
    if (table == QLatin1String("training"))
        return titled(table, id);
    if (table.isEmpty())
        return {QCoreApplication::translate("RecordTitles", "Every unsent change"), {}};
    return {QCoreApplication::translate("RecordTitles", "%1 %2").arg(tableLabel(table), id.left(8)),
            {}};
}

RecordTitle RecordTitles::mission(const QString& id) {
    replica::Statement st(db_, "SELECT title FROM mission WHERE id = ?1");
    st.bind(1, id.toStdString());
    if (st.step())
        return {text(st, 0), id};
    return {QCoreApplication::translate("RecordTitles", "Mission %1 (not on this device)")
                .arg(id.left(8)),
            id};
}

RecordTitle RecordTitles::observation(const QString& id) {
    replica::Statement st(db_,
                          "SELECT s.number, m.title, o.mission_id FROM observation o "
                          "LEFT JOIN standard s ON s.id = o.standard_id "
                          "LEFT JOIN mission m ON m.id = o.mission_id WHERE o.id = ?1");
    st.bind(1, id.toStdString());
    if (!st.step())
        return {QCoreApplication::translate("RecordTitles", "Observation %1 (not on this device)")
                    .arg(id.left(8)),
                {}};
    const QString standard =
        st.isNull(0) ? QCoreApplication::translate("RecordTitles", "Observation")
                     : QCoreApplication::translate("RecordTitles", "Observation – Standard %1")
                           .arg(st.integer(0));
    const QString missionTitle = text(st, 1);
    return {missionTitle.isEmpty() ? standard : standard + QStringLiteral(" · ") + missionTitle,
            text(st, 2)};
}

RecordTitle RecordTitles::titled(const QString& table, const QString& id) {
    replica::Statement st(db_, "SELECT title FROM training WHERE id = ?1");
    st.bind(1, id.toStdString());
    if (st.step())
        return {tableLabel(table) + QStringLiteral(" – ") + text(st, 0), {}};
    return {QCoreApplication::translate("RecordTitles", "%1 %2").arg(tableLabel(table), id.left(8)),
            {}};
}

}  // namespace cadre::client
